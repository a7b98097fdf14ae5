#!/usr/bin/env node
// Writes schema/claude-guard.schema.json from the config's zod schema (src/core/config/schema.ts),
// through the built lib/ (run `npm run build` first). test/config/json-schema.test.ts fails when the
// committed file differs from what this script writes.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const { renderJsonSchema } = await import("../lib/core/config/json-schema.js");
const target = fileURLToPath(new URL("../schema/claude-guard.schema.json", import.meta.url));
writeFileSync(target, renderJsonSchema());
console.log(`wrote ${target}`);
