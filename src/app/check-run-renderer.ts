/**
 * The one place the App takes the check-run renderer from (the core's, pure): the handlers do not care
 * where it lives.
 */
export { ACTION_IDS, annotationBatches, renderCheckRun, renderIgnoreLinesMarkdown } from "../core/report/check-run.js";
