import type { Rule } from "../detect/rule.js";
import { IGNORE_FILE } from "../files.js";
import type { Category, Finding, Severity, Validation } from "../types.js";

/** What the renderers need to know about a rule (no regex, no code). */
export type RuleMeta = Pick<Rule, "id" | "title" | "provider" | "category" | "severity" | "docs" | "remediation">;

export const TOOL_NAME = "claude-guard";
export const ALLOW_COMMENT = "claude-guard:allow";

/**
 * Metadata for a rule that has findings: the caller's entry when there is one, else what the finding
 * itself says (a rule from the repository's config, or one the caller did not pass), so a report
 * never points at a rule it does not describe.
 */
export function metaFor(finding: Finding, byId: ReadonlyMap<string, RuleMeta>): RuleMeta {
  return (
    byId.get(finding.rule) ?? {
      id: finding.rule,
      title: finding.title || finding.rule,
      provider: "custom",
      category: finding.category,
      severity: finding.severity,
    }
  );
}

export function indexRules(rules: readonly RuleMeta[] | undefined): Map<string, RuleMeta> {
  const byId = new Map<string, RuleMeta>();
  for (const rule of rules ?? []) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return byId;
}

/** What a finding of this category is, in one sentence. */
export function categorySentence(category: Category): string {
  switch (category) {
    case "secret":
      return "A credential (a key, token or password) written into the source, where everyone who can read the repository or its history can use it.";
    case "placeholder":
      return "A placeholder or a provider's documented example value where a credential belongs: not a live secret, but the spot where a real one tends to get pasted.";
    case "pii":
      return "Personal data (such as an email address, phone number or national id) written into the source.";
    case "policy":
      return "A change that breaks one of the organization's policies for code written by coding agents.";
  }
}

/** How to fix a finding of this category (the rule's own advice comes first when it has some). */
export function fixSentences(category: Category): string[] {
  switch (category) {
    case "secret":
      return [
        "Rotate the credential now (revoke it and issue a new one at the provider): it is in the Git history, so deleting the line does not un-leak it.",
        "Then read the new value at run time from an environment variable or a secret manager (GitHub Actions secrets, a cloud secret manager, Vault) instead of writing it into the code.",
      ];
    case "placeholder":
      return [
        "Replace the value with a read from an environment variable or a secret manager, so that a real credential never gets pasted in its place.",
        "If a real credential was ever committed here, rotate it.",
      ];
    case "pii":
      return [
        "Remove the personal data or replace it with obviously synthetic test data.",
        "If it belongs to a real person, follow your data-protection process: it stays in the Git history.",
      ];
    case "policy":
      return ["Change the code or the configuration so that it meets the policy named in the message."];
  }
}

export function suppressSentence(): string {
  return (
    `If this is a false positive or an accepted test value, add a \`${ALLOW_COMMENT}\` comment on the same line, ` +
    `or add the finding's fingerprint on its own line to \`${IGNORE_FILE}\` at the repository root.`
  );
}

/** A one-line human note about an offline validation, or undefined when there is nothing to say. */
export function validationNote(validation: Validation | undefined): string | undefined {
  if (!validation) return undefined;
  const check = validation.check ? validation.check.trim() : "";
  switch (validation.status) {
    case "failed":
      return `${check || "check"} failed: ${validation.note?.trim() || "not a confirmed credential"}`;
    case "confirmed":
      return `${check || "check"} passed: ${validation.note?.trim() || "likely a real credential"}`;
    case "unchecked":
      return validation.note?.trim() || undefined;
  }
}

/** Findings by severity, highest first (stable). */
export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
