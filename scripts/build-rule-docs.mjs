#!/usr/bin/env node
/**
 * Writes docs/rules/<id>.md (one page per rule id, and an index) and docs/severity.md from the rules'
 * metadata and the severity table, through the build in lib/ (`npm run docs:rules` builds it first).
 * Pages of ids that no longer exist are removed. test/report/rule-pages.test.ts fails when the files
 * differ from what this writes.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinRules } from "../lib/core/detect/index.js";
import { rulePages, severityPage } from "../lib/core/report/rule-pages.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "docs", "rules");
mkdirSync(dir, { recursive: true });
const pages = rulePages(builtinRules);
for (const file of readdirSync(dir)) if (file.endsWith(".md") && !pages.has(file)) rmSync(join(dir, file));
for (const [file, text] of pages) writeFileSync(join(dir, file), text);
writeFileSync(join(root, "docs", "severity.md"), severityPage());
console.log(`docs/rules: ${pages.size} pages; docs/severity.md`);
