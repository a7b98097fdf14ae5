/** Test helpers for one provider file's rules. */
import type { Rule } from "../../../src/core/detect/rule.js";
import { runRule } from "../../../src/core/detect/run-rule.js";

/** Look rules up by id in one provider's list; `secretsIn` runs one of them over a line. */
export function ruleFinder(rules: readonly Rule[]): { byId: (id: string) => Rule; secretsIn: (id: string, text: string) => string[] } {
  const byId = (id: string): Rule => {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new Error(`no rule ${id}`);
    return rule;
  };
  return { byId, secretsIn: (id, text) => runRule(byId(id), text).map((m) => m.secret) };
}
