/**
 * The contract every rule keeps, built-in or from a user's config: well-formed metadata, a pattern
 * the regex safety check accepts, true positives that yield exactly their declared value at its place,
 * and false positives that yield nothing in the rule's category. The rule tests hold every built-in
 * rule to it; config loading holds a user rule that declares `examples:` to it.
 */
import { checkRegexSafety } from "../safe-regex.js";
import type { Rule } from "./rule.js";
import { runRule } from "./run-rule.js";

const CONTEXT = { path: "example.txt", configLike: true } as const;

/** What a rule breaks of the contract, one sentence each; empty when it keeps it. */
export function ruleContractProblems(rule: Rule): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) problems.push(`id "${rule.id}" is not kebab-case`);
  if (rule.keywords.length === 0) problems.push("declares no keyword");
  for (const k of rule.keywords) {
    if (k !== k.toLowerCase() || !/^[\x20-\x7e]+$/.test(k)) problems.push(`keyword "${k}" is not lower-case ASCII`);
  }
  if (rule.regex) {
    for (const [name, regex] of [["regex", rule.regex], ["nearby regex", rule.nearbyRegex]] as const) {
      if (!regex) continue;
      if (regex.flags.includes("g")) problems.push(`its ${name} carries the g flag (the engine adds it)`);
      const safety = checkRegexSafety(regex.source);
      if (!safety.ok) problems.push(`its ${name} is refused by the safety check: ${safety.reason}`);
    }
  } else if (!rule.find) problems.push("has neither a regex nor a find function");

  const examples = rule.examples();
  const ids = new Set([rule.id, ...(rule.reports ?? []).map((r) => r.id)]);
  for (const example of examples.truePositives) {
    const [line, secret, ruleId] = example;
    const shown = JSON.stringify(line.length > 120 ? line.slice(0, 117) + "..." : line);
    const lower = line.toLowerCase();
    if (!rule.keywords.some((k) => lower.includes(k))) problems.push(`true positive ${shown} holds none of the keywords`);
    const at = line.indexOf(secret);
    if (secret.length === 0 || at < 0) {
      problems.push(`true positive ${shown} does not hold its expected value`);
      continue;
    }
    const matches = runRule(rule, line, CONTEXT).filter((m) => m.secret === secret);
    if (matches.length === 0) {
      problems.push(`true positive ${shown} does not yield its expected value`);
      continue;
    }
    const match = matches[0]!;
    if (line.slice(match.index, match.index + secret.length) !== secret) problems.push(`true positive ${shown} yields its value at the wrong place`);
    const reported = match.ruleId ?? rule.id;
    if (ruleId !== undefined ? reported !== ruleId : !ids.has(reported)) problems.push(`true positive ${shown} is reported as ${reported}, expected ${ruleId ?? rule.id}`);
    const category = match.category ?? rule.category;
    if (category !== rule.category && rule.category !== "placeholder") problems.push(`true positive ${shown} is reported as ${category}, expected ${rule.category}`);
  }
  for (const line of examples.falsePositives) {
    const shown = JSON.stringify(line.length > 120 ? line.slice(0, 117) + "..." : line);
    const flagged = runRule(rule, line, CONTEXT).filter((m) => (m.category ?? rule.category) === rule.category);
    if (flagged.length > 0) problems.push(`false positive ${shown} yields a finding`);
  }
  return problems;
}
