import { fake } from "../../src/core/detect/fake.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { rules } from "../../src/core/detect/rules/providers/ai.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { exampleLine } from "../../src/core/detect/contract.js";

function rule(id: string): Rule {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

function secrets(id: string, line: string): string[] {
  return runRule(rule(id), line).map((m) => m.secret);
}

/** The marker every OpenAI key carries (base64 of "OpenAI"), assembled so no scanner sees a key here. */
const MARKER = "T3Blbk" + "FJ";
const openai = (prefix: string, half: number, seed: string) => prefix + fake.base64url(half, seed + "a") + MARKER + fake.base64url(half, seed + "b");

describe("AI rules: contract", () => {
  it("has unique kebab-case ids and the required metadata", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.length).toBeGreaterThanOrEqual(25);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(r.category).toBe("secret");
      expect(r.docs).toMatch(/^https:\/\//);
      expect(r.remediation?.length).toBeGreaterThan(20);
      for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
      expect(r.regex?.flags).not.toContain("g");
      expect(r.regex?.source).toContain("(?<secret>");
    }
  });

  it("leaves Google AI Studio keys (AIza...) to the cloud rules", () => {
    const line = `GEMINI_API_KEY=${"AI" + "za" + fake.base64url(35, "gemini")}`;
    for (const r of rules) expect(runRule(r, line)).toEqual([]);
  });

  describe.each(rules.map((r) => [r.id, r] as const))("%s examples", (_id, r) => {
    const { truePositives: declared, falsePositives } = r.examples();
    const truePositives = declared.map(exampleLine);

    it("declares at least two true and two false positives", () => {
      expect(truePositives.length).toBeGreaterThanOrEqual(2);
      expect(falsePositives.length).toBeGreaterThanOrEqual(2);
    });

    it.each(truePositives)("finds the whole token in %s", (line) => {
      expect(r.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
      const matches = runRule(r, line);
      expect(matches.length).toBeGreaterThanOrEqual(1);
      for (const m of matches) {
        expect(line.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
        expect(line[m.index - 1] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(line[m.index + m.secret.length] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(m.category).toBeUndefined();
      }
    });

    it.each(falsePositives)("reports nothing in %s", (line) => {
      expect(runRule(r, line)).toEqual([]);
    });
  });
});

describe("AI rules: exact values", () => {
  const cases: Array<[string, string, (token: string) => string]> = [
    ["openai-project-key", openai("sk-proj-", 74, "t-oai-1"), (t) => `OPENAI_API_KEY="${t}"`],
    ["openai-service-account-key", openai("sk-svcacct-", 58, "t-oai-2"), (t) => `key: ${t}`],
    ["openai-admin-key", openai("sk-admin-", 74, "t-oai-3"), (t) => `Authorization: Bearer ${t}`],
    ["openai-legacy-key", "sk-" + fake.alnum(20, "t-oai-4") + MARKER + fake.alnum(20, "t-oai-5"), (t) => `'${t}'`],
    ["anthropic-api-key", "sk-ant-api03-" + fake.base64url(93, "t-ant-1") + "AA", (t) => `x-api-key: ${t}`],
    ["anthropic-admin-key", "sk-ant-admin01-" + fake.base64url(93, "t-ant-2") + "AA", (t) => `"${t}"`],
    ["anthropic-oauth-token", "sk-ant-oat01-" + fake.base64url(95, "t-ant-3"), (t) => `export CLAUDE_CODE_OAUTH_TOKEN=${t}`],
    ["huggingface-access-token", "hf_" + fake.lower(20, "t-hf-1") + fake.upper(14, "t-hf-2"), (t) => `token="${t}"`],
    ["huggingface-org-token", "api_org_" + fake.lower(20, "t-hf-3") + fake.upper(14, "t-hf-4"), (t) => `token="${t}"`],
    ["replicate-api-token", "r8_" + fake.alnum(37, "t-r8"), (t) => `"${t}"`],
    ["groq-api-key", "gsk_" + fake.alnum(52, "t-groq"), (t) => `"${t}"`],
    ["perplexity-api-key", "pplx-" + fake.alnum(48, "t-pplx"), (t) => `"${t}"`],
    ["xai-api-key", "xai-" + fake.alnum(80, "t-xai"), (t) => `"${t}"`],
    ["together-api-key", "tgp_v1_" + fake.base64url(43, "t-tgp"), (t) => `"${t}"`],
    ["fireworks-api-key", "fw_" + fake.alnum(30, "t-fw").replace(/^./, "5"), (t) => `"${t}"`],
    ["elevenlabs-api-key", "sk_" + fake.hex(48, "t-el"), (t) => `"${t}"`],
    ["langsmith-personal-access-token", "lsv2_pt_" + fake.hex(32, "t-ls-1") + "_" + fake.hex(10, "t-ls-2"), (t) => `"${t}"`],
    ["langsmith-service-key", "lsv2_sk_" + fake.hex(32, "t-ls-3") + "_" + fake.hex(10, "t-ls-4"), (t) => `"${t}"`],
    ["pinecone-api-key", "pcsk_" + fake.alnum(5, "t-pc-1") + "_" + fake.alnum(63, "t-pc-2"), (t) => `"${t}"`],
    ["cerebras-api-key", "csk-" + fake.lowerDigits(48, "t-csk"), (t) => `"${t}"`],
    ["openrouter-api-key", "sk-or-v1-" + fake.hex(64, "t-or"), (t) => `"${t}"`],
    ["cohere-api-key", fake.alnum(40, "t-cohere"), (t) => `cohere_api_key: "${t}"`],
    ["mistral-api-key", fake.alnum(32, "t-mistral"), (t) => `os.environ["MISTRAL_API_KEY"] = "${t}"`],
    ["deepseek-api-key", "sk-" + fake.hex(32, "t-ds"), (t) => `"deepseekApiKey": "${t}"`],
    ["together-legacy-api-key", fake.hex(64, "t-tg"), (t) => `export TOGETHER_API_KEY=${t}`],
    ["elevenlabs-legacy-api-key", fake.hex(32, "t-el-legacy"), (t) => `elevenlabs.api_key = '${t}'`],
    ["pinecone-legacy-api-key", fake.uuid("t-pc-legacy"), (t) => `PINECONE_KEY: ${t}`],
    ["assemblyai-api-key", fake.hex(32, "t-aai"), (t) => `const assemblyAiKey = "${t}";`],
    ["deepgram-api-key", fake.hex(40, "t-dg"), (t) => `DEEPGRAM_TOKEN="${t}"`],
    ["azure-openai-api-key", fake.hex(32, "t-az"), (t) => `azure_openai_api_key = "${t}"`],
    ["voyage-api-key", "pa-" + fake.base64url(43, "t-vo"), (t) => `VOYAGE_API_KEY="${t}"`],
    ["stability-api-key", "sk-" + fake.alnum(48, "t-stab"), (t) => `STABILITY_KEY=${t}`],
    ["wandb-api-key", fake.hex(40, "t-wandb"), (t) => `wandb login ${t}`],
  ];

  it.each(cases)("%s reports exactly the token", (id, token, line) => {
    expect(secrets(id, line(token))).toEqual([token]);
  });

  it("covers every AI rule with an exact-value case", () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(rules.map((r) => r.id)));
  });
});

describe("AI rules: edge cases", () => {
  it("does not take an OpenRouter key, a DeepSeek key or a Stability key for an OpenAI key", () => {
    const lines = [
      `OPENROUTER_API_KEY=sk-or-v1-${fake.hex(64, "edge-or")}`,
      `DEEPSEEK_API_KEY=sk-${fake.hex(32, "edge-ds")}`,
      `STABILITY_API_KEY=sk-${fake.alnum(48, "edge-stab")}`,
    ];
    const openaiRules = rules.filter((r) => r.provider === "OpenAI");
    for (const line of lines) for (const r of openaiRules) expect(runRule(r, line)).toEqual([]);
  });

  it("tells the Anthropic key kinds apart by their prefix", () => {
    const body = fake.base64url(93, "edge-ant") + "AA";
    const api = "sk-ant-api03-" + body;
    const admin = "sk-ant-admin01-" + body;
    expect(secrets("anthropic-api-key", admin)).toEqual([]);
    expect(secrets("anthropic-admin-key", api)).toEqual([]);
    expect(secrets("anthropic-admin-key", admin)).toEqual([admin]);
    expect(rule("anthropic-admin-key").severity).toBe("critical");
    expect(rule("openai-admin-key").severity).toBe("critical");
  });

  it("does not report an Anthropic key followed by more key characters", () => {
    const key = "sk-ant-api03-" + fake.base64url(93, "edge-ant-long") + "AA";
    expect(secrets("anthropic-api-key", key + "x")).toEqual([]);
  });

  it("rejects Hugging Face tokens with digits and identifiers that merely start with hf_", () => {
    expect(secrets("huggingface-access-token", `HF_TOKEN=hf_${fake.lower(33, "edge-hf")}1`)).toEqual([]);
    expect(secrets("huggingface-access-token", "my_hf_" + fake.lower(34, "edge-hf-2"))).toEqual([]);
  });

  it("requires a kind of credential next to the provider name in context rules", () => {
    expect(secrets("mistral-api-key", `MISTRAL_MODEL_ID=${fake.alnum(32, "edge-m")}`)).toEqual([]);
    expect(secrets("mistral-api-key", `MISTRAL_KEY=${fake.alnum(32, "edge-m")}`)).toEqual([fake.alnum(32, "edge-m")]);
  });

  it("drops low-entropy values in broad-charset context rules", () => {
    expect(secrets("cohere-api-key", `COHERE_API_KEY=${"ab".repeat(20)}`)).toEqual([]);
  });

  it("does not report a Fireworks-shaped identifier without digits", () => {
    expect(secrets("fireworks-api-key", "fw_" + fake.upper(12, "edge-fw") + fake.lower(12, "edge-fw-2"))).toEqual([]);
  });

  it("runs in linear time on a long adversarial line", () => {
    const hostile = ("mistral_key mistral(key= sk-proj-" + "A".repeat(80) + " hf_" + "a".repeat(40) + " wandb login --x --y ").repeat(600);
    const start = Date.now();
    for (const r of rules) runRule(r, hostile);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
