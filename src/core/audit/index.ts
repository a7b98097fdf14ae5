/** The audit trail's pure core: records, keyed hashes, record comments, dashboard, compliance. */
export * from "./baseline.js";
export * from "./comment.js";
export * from "./compliance.js";
export * from "./dashboard.js";
export * from "./hash.js";
export * from "./record.js";
export * from "./signature.js";
export * from "./trends.js";
