import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { renderJsonSchema } from "../../src/core/config/json-schema.js";
import { SCHEMA_URL } from "../../src/core/config/config.js";

const COMMITTED = "schema/claude-guard.schema.json";

describe("schema/claude-guard.schema.json", () => {
  it("is exactly what the zod schema generates (rebuild: npm run build && node scripts/build-schema.mjs)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(renderJsonSchema());
  });

  it("describes the keys for editors: closed mappings, enums, descriptions, the schema URL", () => {
    const schema = JSON.parse(renderJsonSchema());
    expect(schema.$id).toBe(SCHEMA_URL);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(["classification", "classificationProperty", "failOn", "authorship", "paths", "rules", "skills", "permissions", "content", "hook", "audit", "_extends"]);
    expect(schema.properties.failOn.enum).toEqual(["critical", "high", "medium", "low", "none"]);
    expect(schema.properties.rules.items.required).toEqual(["id", "regex", "keywords"]);
    expect(schema.properties.permissions.properties.restricted.properties.forbid.description).toContain("Bash(*)");
    expect(schema.properties.skills.additionalProperties.additionalProperties).toBe(false);
    // Keys with defaults are optional to write.
    expect(schema.required).toBeUndefined();
  });
});
