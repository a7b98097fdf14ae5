/** The inventory of Claude's and other agents' work across repositories (issue 15). Pure. */
export {
  buildInventory,
  claudeChange,
  commitAgent,
  countFindings,
  inShard,
  INVENTORY_SCHEMA,
  mergeInventories,
  repositoryInventory,
  type ClaudeChange,
  type InventoryReport,
  type InventorySource,
  type RepositoryHistory,
  type RepositoryInventory,
} from "./build.js";
export { renderInventoryCsv, renderInventoryMarkdown } from "./render.js";
