import type { RuleMeta } from "../report/meta.js";
import type { Rule } from "./rule.js";
import { rules as genericRules } from "./rules/generic.js";
import { providerRules } from "./rules/index.js";

export { Scanner } from "./engine.js";
export type { DocumentResult, ScanDocument, ScannerOptions } from "./engine.js";
export type { Rule } from "./rule.js";

/** Every built-in rule: specific formats first, then the name-based generic detector. */
export const builtinRules: readonly Rule[] = [...providerRules, ...genericRules];

/** Metadata of rules and of the extra ids family rules report, for SARIF and help texts. */
export function ruleMetas(rules: readonly Rule[]): RuleMeta[] {
  const metas: RuleMeta[] = [];
  const seen = new Set<string>();
  const push = (meta: RuleMeta) => {
    if (seen.has(meta.id)) return;
    seen.add(meta.id);
    metas.push(meta);
  };
  for (const rule of rules) {
    push({ id: rule.id, title: rule.title, provider: rule.provider, category: rule.category, severity: rule.severity, docs: rule.docs, remediation: rule.remediation });
    for (const extra of rule.reports ?? []) {
      push({ id: extra.id, title: extra.title, provider: rule.provider, category: rule.category, severity: rule.severity, docs: rule.docs, remediation: rule.remediation });
    }
  }
  return metas;
}
