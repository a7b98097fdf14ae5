/**
 * OpenAI API keys (platform.openai.com/docs/api-reference/authentication): every key embeds `T3BlbkFJ`
 * (base64 of "OpenAI") between two random halves, after a prefix naming its kind: `sk-proj-` project
 * keys, `sk-svcacct-` service account keys, `sk-admin-` admin keys, and `sk-` legacy user keys.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

const MARKER = "T3BlbkFJ";
/** Halves of 74 or 58 URL-safe characters (2024+ keys), or 20 alphanumerics (early project keys). */
const HALF = "(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58}|[A-Za-z0-9]{20})";

function openaiKey(seed: string, prefix: string, halfLength = 74): string {
  return prefix + fake.base64url(halfLength, seed + "-a") + MARKER + fake.base64url(halfLength, seed + "-b");
}

const remediation =
  "Revoke the key in the OpenAI platform (API keys page), create a new one scoped to the project, and load it from a secret manager or environment variable.";

function openaiRule(kind: "proj" | "svcacct" | "admin", id: string, title: string, docs: string): Rule {
  const prefix = `sk-${kind}-`;
  return defineRule({
    id,
    title,
    provider: "OpenAI",
    severity: kind === "admin" ? "critical" : "high",
    keywords: [prefix],
    regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}${HALF}${MARKER}${HALF})(?![A-Za-z0-9_-])`),
    docs,
    remediation,
    samples: () => [
      openaiKey(id + "-1", prefix),
      openaiKey(id + "-2", prefix, 58),
      prefix + fake.alnum(20, id + "-3") + MARKER + fake.alnum(20, id + "-4"),
    ] as const,
    truePositives: ([long, medium, short]) => [
      ...inSyntaxes("openai_api_key", long),
      ...withValue(medium, `client = OpenAI(api_key="%s")`, `key: %s`),
      ...withValue(short, `const openai = new OpenAI({ apiKey: "%s" });`, `Authorization: Bearer %s`),
    ],
    falsePositives: () => [
      // No marker between the halves.
      `OPENAI_API_KEY=${prefix}${fake.base64url(156, id + "-5")}`,
      `OPENAI_API_KEY=${prefix}${fake.base64url(30, id + "-6")}${MARKER}${fake.base64url(30, id + "-7")}`,
      "const apiKey = process.env.OPENAI_API_KEY ?? '';",
      // Other providers' `sk-` keys.
      `OPENROUTER_API_KEY=sk-or-v1-${fake.hex(64, "edge-or")}`,
      `DEEPSEEK_API_KEY=sk-${fake.hex(32, "edge-ds")}`,
      `STABILITY_API_KEY=sk-${fake.alnum(48, "edge-stab")}`,
    ],
  });
}

export const rules: Rule[] = [
  openaiRule("proj", "openai-project-key", "OpenAI project API key", "https://platform.openai.com/docs/api-reference/authentication"),
  openaiRule("svcacct", "openai-service-account-key", "OpenAI service account key", "https://platform.openai.com/docs/api-reference/project-service-accounts"),
  openaiRule("admin", "openai-admin-key", "OpenAI admin API key", "https://platform.openai.com/docs/api-reference/administration"),
  defineRule({
    id: "openai-legacy-key",
    title: "OpenAI API key (legacy user key)",
    provider: "OpenAI",
    severity: "high",
    keywords: [MARKER.toLowerCase()],
    regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>sk-[A-Za-z0-9]{20}${MARKER}[A-Za-z0-9]{20})(?![A-Za-z0-9_-])`),
    docs: "https://platform.openai.com/docs/api-reference/authentication",
    remediation,
    samples: () => ["sk-" + fake.alnum(20, "oai-legacy-1") + MARKER + fake.alnum(20, "oai-legacy-2"), "sk-" + fake.alnum(20, "oai-legacy-3") + MARKER + fake.alnum(20, "oai-legacy-4")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("openai_key", b), ...withValue(a, `openai.api_key = "%s"`, `'%s'`)],
    falsePositives: () => [
      `sk-${fake.alnum(48, "oai-legacy-5")}`,
      `sk-${fake.alnum(19, "oai-legacy-6")}${MARKER}${fake.alnum(20, "oai-legacy-7")}`,
      `task-${fake.alnum(20, "oai-legacy-8")}${MARKER}${fake.alnum(20, "oai-legacy-9")}`,
    ],
  }),
];
