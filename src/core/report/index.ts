/** Report renderers: pure functions from a ScanReport (and rule metadata) to text. No I/O. */
export { renderJson, writeJson } from "./json.js";
export {
  renderSarif,
  pathToUri,
  pascalCase,
  sarifLevel,
  SARIF_SCHEMA,
  SECURITY_SEVERITY,
  MAX_SARIF_RESULTS,
  FINGERPRINT_KEY,
} from "./sarif.js";
export { renderText, formatBytes, type TextOptions } from "./text.js";
export { redact, fingerprint, normalizePath, PRIVATE_KEY_PREVIEW } from "./redact.js";
export { TOOL_NAME, type RuleMeta } from "./meta.js";
