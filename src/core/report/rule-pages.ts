/**
 * `docs/rules/<id>.md`, one page per rule id, and `docs/severity.md`, generated from the rules'
 * metadata (id, title, provider, category, declared reach, validator, docs, remediation) and from the
 * severity table the engine applies (src/core/detect/severity.ts), so neither can drift from the code.
 * Annotations link to these pages. Pure: `npm run docs:rules` writes what this returns; a test fails
 * when the files differ.
 */
import type { Rule } from "../detect/rule.js";
import { blastRadius, SECRET_SEVERITY, type BlastRadius, type Evidence } from "../detect/severity.js";
import { categorySentence, fixSentences, suppressSentence } from "./meta.js";

const GENERATED = "_Generated from the rule's metadata by `npm run docs:rules`: change the rule, not this page._";

const RADIUS_TEXT: Record<BlastRadius, string> = {
  broad: "broad (an account, its cloud, code, payments or data)",
  scoped: "scoped (one service's API or project)",
  narrow: "narrow (read-only, public or test-mode values)",
};

/** What the severity of this rule's findings is, and why, in one sentence. */
function severityText(rule: Rule): string {
  if (rule.category !== "secret") return `\`${rule.severity}\`, as the rule declares for ${rule.category === "pii" ? "this kind of personal data" : "this kind of finding"}.`;
  const radius = blastRadius(rule.severity);
  const cell = (evidence: Evidence) => `\`${SECRET_SEVERITY[evidence][radius]}\``;
  const reach = `Blast radius: ${RADIUS_TEXT[radius]}.`;
  if (rule.provider === "generic") return `${cell("generic")}: a generic, name-based match, where nothing in the value proves it is a credential. ${reach}`;
  if (rule.validate) {
    return `${cell("verified")} when the value's own checksum or structure checks out offline, ${cell("failed")} when it does not (a typo, a truncated or made-up value). ${reach}`;
  }
  return `${cell("format")}: the provider's format, with nothing in the value to check offline. ${reach}`;
}

/** Every id a rule reports: its own, then those its matcher reports under (a family rule). */
function ruleIds(rule: Rule): Array<{ id: string; title: string }> {
  return [{ id: rule.id, title: rule.title }, ...(rule.reports ?? [])];
}

function rulePage(rule: Rule, id: string, title: string): string {
  const rows = [
    ["Rule id", `\`${id}\``],
    ["Provider", rule.provider],
    ["Category", `\`${rule.category}\``],
    ["Severity", severityText(rule)],
    ...(rule.docs ? [["Provider documentation", `<${rule.docs}>`]] : []),
  ];
  const fix = [...(rule.remediation ? [rule.remediation.trim().replace(/\.?$/, ".")] : []), ...fixSentences(rule.category)];
  return [
    `# ${title}`,
    "",
    "| | |",
    "| :-- | :-- |",
    ...rows.map(([k, v]) => `| ${k} | ${(v as string).replace(/\|/g, "\\|")} |`),
    "",
    "## What it is",
    "",
    `${rule.provider === "generic" || rule.provider === "custom" ? `${title}.` : `${title}, a ${rule.provider} ${rule.category === "secret" ? "credential" : "value"}.`} ${categorySentence(rule.category)}`,
    "",
    "## How to fix",
    "",
    ...fix.map((s) => `- ${s}`),
    "",
    ...(rule.category === "policy" ? [] : ["## False positive?", "", suppressSentence(), ""]),
    `See [all rules](README.md) and [how severities are set](../severity.md).`,
    "",
    GENERATED,
    "",
  ].join("\n");
}

/** File name (under docs/rules/) -> Markdown: a page per rule id, the first rule reporting an id wins, and the index. */
export function rulePages(rules: readonly Rule[]): Map<string, string> {
  const pages = new Map<string, string>();
  const index: string[] = [];
  for (const rule of rules) {
    for (const { id, title } of ruleIds(rule)) {
      const file = `${id}.md`;
      if (pages.has(file)) continue;
      pages.set(file, rulePage(rule, id, title));
      index.push(`| [\`${id}\`](${file}) | ${title.replace(/\|/g, "\\|")} | ${rule.provider} | ${rule.category} |`);
    }
  }
  pages.set(
    "README.md",
    [
      "# Rules",
      "",
      `${index.length} rule ids. Each page says what a finding of the rule is, how severe it is and why, and how to fix it.`,
      "",
      "| Rule id | What | Provider | Category |",
      "| :-- | :-- | :-- | :-- |",
      ...index,
      "",
      GENERATED,
      "",
    ].join("\n"),
  );
  return pages;
}

const EVIDENCE_TEXT: Record<Evidence, string> = {
  verified: "**verified**: the value's own checksum or structure checks out offline (GitHub's CRC32, a JWT's header, a PEM block)",
  format: "**format-only**: a provider's format, with nothing in the value to check",
  failed: "**check failed**: the format, but its checksum or structure does not hold (a typo, a truncated or made-up value)",
  generic: "**generic**: a literal assigned to a secret-like name (`password`, `api_key`)",
};

/** docs/severity.md: the table the engine applies, in words. */
export function severityPage(): string {
  const radii: BlastRadius[] = ["broad", "scoped", "narrow"];
  const evidence: Evidence[] = ["verified", "format", "failed", "generic"];
  return [
    "# How severe a finding is",
    "",
    "A secret's severity comes from one table, in `src/core/detect/severity.ts`: how sure claude-guard is that the value",
    "is a live credential, then how far the credential reaches. A verified credential outranks one that cannot be",
    "verified, at the same reach: a GitHub token whose checksum verified is `critical`, a Stripe secret key (which",
    "carries no checksum) is `high`, and so is a password assigned to `dbPassword` (a generic match is never `critical`).",
    "",
    "| Evidence | " + radii.map((r) => RADIUS_TEXT[r]).join(" | ") + " |",
    "| :-- | " + radii.map(() => ":--").join(" | ") + " |",
    ...evidence.map((e) => `| ${EVIDENCE_TEXT[e]} | ${radii.map((r) => `\`${SECRET_SEVERITY[e][r]}\``).join(" | ")} |`),
    "",
    "- **Blast radius** is the rule's: each rule declares how far its credential reaches (its `severity` field: `critical`",
    "  or `high` broad, `medium` scoped, `low` narrow). Each rule's page in [rules/](rules/README.md) says which row and column",
    "  its findings fall in.",
    "- **Placeholders** (a dummy value where a credential belongs) are `medium`; **personal data** keeps the severity its",
    "  rule declares (national and health ids, card numbers `high`; emails `low`).",
    "- **Custom rules** (`rules:` in the config) keep the severity the config gives them.",
    "- **Policy findings** have the severity their policy gives (`critical` for a skill above a `restricted` repository's",
    "  classification; business-hours notes `low`).",
    "- The check fails on findings at or above `failOn` (default `high`), and on every policy violation of `medium` or",
    "  more: a generic match of broad reach (a password in code) fails it by default.",
    "",
    "_Generated from the severity table by `npm run docs:rules`: change the table, not this page._",
    "",
  ].join("\n");
}
