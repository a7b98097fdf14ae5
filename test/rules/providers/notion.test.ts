import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/notion.js";

describe("Notion's legacy secret_ tokens", () => {
  it("need a Notion context", () => {
    const r = rules.find((x) => x.id === "notion-integration-token-legacy")!;
    const t = "secret_" + fake.alnum(43, "notion-edge");
    expect(runRule(r, `API_SECRET=${t}`)).toEqual([]);
    expect(runRule(r, `NOTION_SECRET=${t}`).map((m) => m.secret)).toEqual([t]);
  });
});
