/**
 * The JSON Schema of `.github/claude-guard.yml` for editors (YAML language servers read it from the
 * `# yaml-language-server: $schema=` line that `claude-guard init` writes). Generated from the zod
 * schema, so it cannot drift from what claude-guard accepts; `scripts/build-schema.mjs` writes it to
 * schema/claude-guard.schema.json and a test checks the committed file is up to date.
 */
import * as z from "zod";
import { guardConfigSchema } from "./schema.js";

export function buildJsonSchema(): Record<string, unknown> {
  // "input": what users write (keys with defaults are optional). Draft-07: what YAML language servers
  // support best. Checks JSON Schema cannot express (regex safety, time zones) stay in claude-guard.
  const generated = z.toJSONSchema(guardConfigSchema(), { io: "input", target: "draft-07" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: "claude-guard.schema.json", ...rest };
}

/** The file's exact text (stable key order, trailing newline). */
export function renderJsonSchema(): string {
  return JSON.stringify(buildJsonSchema(), null, 2) + "\n";
}
