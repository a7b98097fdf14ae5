/** The inventory of Claude's and other agents' work across repositories (issue 15). Pure. */
export {
  buildInventory,
  claudeChange,
  commitAgent,
  countFindings,
  inShard,
  INVENTORY_SCHEMA,
  mergeInventories,
  NO_TEAM,
  repositoryInventory,
  type ClaudeChange,
  type InventoryAnomaly,
  type InventoryReport,
  type InventorySource,
  type RepositoryHistory,
  type RepositoryInventory,
} from "./build.js";
export { renderInventoryCsv, renderInventoryMarkdown } from "./render.js";
