import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { renderJsonSchema } from "../../src/core/config/json-schema.js";
import { SCHEMA_REF } from "../../src/core/config/config.js";

const COMMITTED = "schema/claude-guard.schema.json";

describe("schema/claude-guard.schema.json", () => {
  it("is exactly what the zod schema generates (rebuild: npm run build && node scripts/build-schema.mjs)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(renderJsonSchema());
  });

  it("is where the line init writes points: the installed package's copy, which the package ships", () => {
    // The line sits in .github/claude-guard.yml; editors resolve it from there.
    expect(posix.join(".github", SCHEMA_REF)).toBe(`node_modules/claude-guard/${COMMITTED}`);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { name: string; files: string[] };
    expect(pkg.name).toBe("claude-guard");
    expect(pkg.files).toContain("schema");
  });

  it("describes the keys for editors: closed mappings, enums, descriptions", () => {
    const schema = JSON.parse(renderJsonSchema());
    expect(schema.$id).toBe("claude-guard.schema.json");
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
