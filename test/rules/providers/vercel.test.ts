import { describe, expect, it } from "@jest/globals";
import { exampleValidations } from "./examples-validate.js";
import type { Rule } from "../../../src/core/detect/rule.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { githubStyleChecksum } from "../../../src/core/detect/validate/checksum.js";
import { fakeVercelToken, rules } from "../../../src/core/detect/rules/providers/vercel.js";
import { tamper } from "./tamper.js";

const rule = (id: string): Rule => rules.find((r) => r.id === id)!;

describe("Vercel tokens", () => {
  it("carry a base62 CRC-32 of their 50-character body", () => {
    const r = rule("vercel-personal-access-token");
    const token = fakeVercelToken("vcp_", "vercel-v");
    expect(token.slice(-6)).toBe(githubStyleChecksum(token.slice(4, 54)));
    expect(r.validate?.(token)).toEqual({ status: "confirmed", check: "CRC32 checksum" });
    expect(r.validate?.(tamper(token, 20)).status).toBe("failed");
  });

  it("the documented example value is reported as a placeholder", () => {
    const r = rule("vercel-app-access-token");
    const documented = r.exampleValues?.[0] as string;
    const [m] = runRule(r, `token = "${documented}"`);
    expect(m?.category).toBe("placeholder");
    expect(m?.severity).toBe("low");
  });
});

describe("generated examples", () => {
  it.each(["vercel-personal-access-token", "vercel-integration-token", "vercel-app-access-token", "vercel-app-refresh-token", "vercel-api-key"])("%s: each true positive passes the rule's validator", (id) => {
    const statuses = exampleValidations(rules.find((r) => r.id === id)!);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.every((s) => s === "confirmed")).toBe(true);
  });
});
