/**
 * A secret's severity, from one table (docs/severity.md): how sure the finding is that the value is a
 * live credential (verified > format-only > generic) and how far the credential reaches (its blast
 * radius, which the rule declares). Nothing else sets a built-in secret's severity, so a GitHub token
 * whose checksum verified outranks a Stripe key that cannot be verified, whatever the two rules say.
 */
import type { Severity, Validation } from "../types.js";

/**
 * `verified`: the format's own checksum or structure holds, checked offline; `format`: a provider's
 * format with nothing to check (or a check that could not say); `failed`: the format, but its check
 * fails (a typo, a truncated or made-up value); `generic`: a literal assigned to a secret-like name.
 */
export type Evidence = "verified" | "format" | "failed" | "generic";

/**
 * How far a leaked credential reaches, as the rule declares it through its `severity`: `critical` and
 * `high` are broad (an account, its cloud, code, payments or data), `medium` scoped (one service's API
 * or a project), `low` narrow (read-only, public or test-mode values).
 */
export type BlastRadius = "broad" | "scoped" | "narrow";

export function blastRadius(declared: Severity): BlastRadius {
  return declared === "critical" || declared === "high" ? "broad" : declared === "medium" ? "scoped" : "narrow";
}

/** The table itself: rows by evidence, columns by blast radius. docs/severity.md is generated from it. */
export const SECRET_SEVERITY: Readonly<Record<Evidence, Readonly<Record<BlastRadius, Severity>>>> = {
  verified: { broad: "critical", scoped: "high", narrow: "medium" },
  format: { broad: "high", scoped: "medium", narrow: "low" },
  failed: { broad: "medium", scoped: "low", narrow: "low" },
  // A name-based match cannot be checked, but a password in code still fails the default check (failOn: high).
  generic: { broad: "high", scoped: "medium", narrow: "low" },
};

function evidenceOf(provider: string, validation: Validation | undefined): Evidence {
  if (provider === "generic") return "generic";
  if (validation?.status === "confirmed") return "verified";
  if (validation?.status === "failed") return "failed";
  return "format";
}

/** A built-in secret finding's severity: the table's cell for its evidence and its rule's declared reach. */
export function secretSeverity(provider: string, declared: Severity, validation: Validation | undefined): Severity {
  return SECRET_SEVERITY[evidenceOf(provider, validation)][blastRadius(declared)];
}
