import { builtinRules } from "../../../src/core/detect/index.js";
import { Scanner } from "../../../src/core/detect/engine.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/anthropic.js";
import { rules as openai } from "../../../src/core/detect/rules/providers/openai.js";

describe("AI provider keys", () => {
  it("rates the organization-wide admin keys critical", () => {
    const severity = (id: string) => [...rules, ...openai].find((r) => r.id === id)?.severity;
    expect([severity("anthropic-admin-key"), severity("anthropic-api-key"), severity("openai-admin-key"), severity("openai-project-key")]).toEqual([
      "critical",
      "high",
      "critical",
      "high",
    ]);
  });

  it("leaves a Google AI Studio (Gemini) key to the Google rules, not an AI provider's", () => {
    const line = `GEMINI_API_KEY=${"AI" + "za" + fake.base64url(35, "gemini")}`;
    const findings = new Scanner(builtinRules).scan({ path: "example.env", text: line }).findings;
    const providers = new Map(builtinRules.map((r) => [r.id, r.provider]));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(providers.get(f.rule)).toMatch(/Google|generic/);
  });
});
