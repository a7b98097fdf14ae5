/**
 * Rows of the check run's table: one row per distinct secret. A key pair (an AWS key id and its secret
 * on neighbouring lines of one commit's file) and a value repeated in several places become one row,
 * as GitHub's secret scanning counts them. Only the page rolls up: JSON, SARIF, annotations, the
 * Action's outputs and the exit status keep one finding per location. Pure.
 */
import type { Finding } from "../types.js";
import { metaFor, SEVERITY_ORDER, type RuleMeta } from "./meta.js";
import { addToGroup } from "../collections.js";

export interface FindingRow {
  /** Most severe first, then by path and line: `findings[0]` is the row's lead. */
  findings: Finding[];
}

/** Lines apart within which two values of one provider in one file of one commit are taken as a pair. */
const PAIR_DISTANCE = 3;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  );
}

/**
 * A preview that names one value: the rule's prefix plus its first and last characters. A bare `…`
 * (a short value) or a private key's placeholder names none, so those never merge.
 */
function repeatKey(f: Finding): string | undefined {
  if (f.category !== "secret" && f.category !== "placeholder") return undefined;
  const cut = f.redacted.indexOf("…");
  if (cut < 2 || f.redacted.length - cut - 1 < 2) return undefined;
  return `${f.rule}\0${f.redacted}`;
}

function pairable(f: Finding, rules: ReadonlyMap<string, RuleMeta>): string | undefined {
  if (f.category !== "secret") return undefined;
  const provider = metaFor(f, rules).provider;
  if (!provider || provider === "generic" || provider === "custom") return undefined;
  return `${f.commit ?? ""}\0${f.path}\0${provider}`;
}

/** The findings of a report as table rows, most severe row first. Policy findings stay one a row. */
export function rollUp(findings: readonly Finding[], rules: ReadonlyMap<string, RuleMeta>): FindingRow[] {
  const sorted = [...findings].sort(compareFindings);
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const byValue = new Map<string, number>();
  const byFile = new Map<string, number[]>();
  sorted.forEach((f, i) => {
    const value = repeatKey(f);
    if (value !== undefined) {
      const first = byValue.get(value);
      if (first === undefined) byValue.set(value, i);
      else union(first, i);
    }
    const file = pairable(f, rules);
    if (file !== undefined) addToGroup(byFile, file, i);
  });
  // A pair is two different rules of one provider close together; each value joins one partner at most.
  for (const members of byFile.values()) {
    const paired = new Set<number>();
    const ordered = [...members].sort((a, b) => (sorted[a] as Finding).line - (sorted[b] as Finding).line);
    for (let x = 0; x < ordered.length; x++) {
      const i = ordered[x] as number;
      if (paired.has(i)) continue;
      for (let y = x + 1; y < ordered.length; y++) {
        const j = ordered[y] as number;
        const a = sorted[i] as Finding;
        const b = sorted[j] as Finding;
        if (b.line - a.line > PAIR_DISTANCE) break;
        if (paired.has(j) || a.rule === b.rule) continue;
        union(i, j);
        paired.add(i).add(j);
        break;
      }
    }
  }

  const rows = new Map<number, Finding[]>();
  sorted.forEach((f, i) => {
    const r = root(i);
    addToGroup(rows, r, f);
  });
  // Roots are the smallest index of their group, and `sorted` is most severe first: rows keep that order.
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, group]) => ({ findings: group }));
}
