// Detection scoring: runs claude-guard and secretlint over the labeled corpus and computes, per tool,
// recall on secrets, recall on placeholders and the false-positive rate on hard negatives.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_DIR, WORK_DIR, claudeGuardBin, secretlintBin, runTimed, readJsonReport } from "./lib.mjs";

export const SECRETLINT_RC = path.join(WORK_DIR, ".secretlintrc.json");

export function writeSecretlintConfig() {
  writeFileSync(SECRETLINT_RC, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }, null, 2) + "\n");
  return SECRETLINT_RC;
}

/** Maps a path a tool reported (absolute, or relative to the scanned folder or to the cwd) to a corpus-relative posix path. */
function toCorpusPath(reported, corpusDir) {
  const candidates = path.isAbsolute(reported) ? [reported] : [path.resolve(corpusDir, reported), path.resolve(REPO_DIR, reported)];
  for (const abs of candidates) {
    const rel = path.relative(corpusDir, abs);
    if (!rel.startsWith("..") && !path.isAbsolute(rel) && existsSync(abs)) return rel.split(path.sep).join("/");
  }
  return undefined;
}

async function runClaudeGuard(corpusDir) {
  const out = path.join(WORK_DIR, "claude-guard-corpus.json");
  const res = await runTimed(process.execPath, [claudeGuardBin(), "scan", corpusDir, "--format", "json"], { stdoutFile: out });
  if (res.code !== 0 && res.code !== 1) return { error: `exit ${res.code}: ${res.stderr.trim().slice(0, 300)}` };
  const report = readJsonReport(out, "claude-guard");
  if (!report) return { error: "claude-guard did not print a JSON report" };
  const byItem = new Map(); // corpus path -> findings
  let unmatched = 0;
  for (const f of report.findings ?? []) {
    const p = typeof f.path === "string" ? toCorpusPath(f.path, corpusDir) : undefined;
    if (!p) {
      unmatched++;
      continue;
    }
    if (!byItem.has(p)) byItem.set(p, []);
    byItem.get(p).push({ category: f.category, rule: f.rule });
  }
  return { byItem, seconds: res.seconds, findings: (report.findings ?? []).length, unmatched, scanned: report.scanned };
}

async function runSecretlint(corpusDir) {
  const out = path.join(WORK_DIR, "secretlint-corpus.json");
  const res = await runTimed(secretlintBin(), ["--secretlintrc", SECRETLINT_RC, "--format", "json", "--no-color", `${corpusDir}/**/*`], { stdoutFile: out });
  if (res.code !== 0 && res.code !== 1) return { error: `exit ${res.code}: ${res.stderr.trim().slice(0, 300)}` };
  const report = readJsonReport(out, "secretlint");
  if (!Array.isArray(report)) return { error: "secretlint did not print a JSON array" };
  const byItem = new Map();
  let findings = 0;
  for (const file of report) {
    const msgs = file.messages ?? [];
    if (msgs.length === 0) continue;
    findings += msgs.length;
    const p = toCorpusPath(file.filePath, corpusDir);
    if (p) byItem.set(p, msgs.map((m) => ({ category: "any", rule: m.ruleId })));
  }
  return { byItem, seconds: res.seconds, findings };
}

/**
 * Scoring rules (see bench/README.md):
 *  - claude-guard: a secret item counts when a finding of category `secret` is in its file; a placeholder
 *    item when a finding of category `placeholder` is; a negative item is a false positive when any
 *    finding of category secret or placeholder is.
 *  - secretlint has no placeholder category: any message counts, for every label.
 */
function score(manifest, byItem, { categories }) {
  const totals = { secret: 0, placeholder: 0, negative: 0 };
  const hits = { secret: 0, placeholder: 0, negative: 0 };
  const perKind = {};
  const misses = [];
  for (const item of manifest.items) {
    totals[item.label]++;
    const found = byItem.get(item.path) ?? [];
    let hit;
    if (!categories) hit = found.length > 0;
    else if (item.label === "secret") hit = found.some((f) => f.category === "secret");
    else if (item.label === "placeholder") hit = found.some((f) => f.category === "placeholder");
    else hit = found.some((f) => f.category === "secret" || f.category === "placeholder");
    if (hit) hits[item.label]++;
    const key = `${item.label}:${item.kind}`;
    perKind[key] ??= { label: item.label, kind: item.kind, total: 0, hits: 0 };
    perKind[key].total++;
    if (hit) perKind[key].hits++;
    const isMiss = item.label === "negative" ? hit : !hit;
    if (isMiss) {
      const seen = [...new Set(found.map((f) => (categories ? `${f.category}/${f.rule}` : f.rule)))];
      misses.push({ path: item.path, label: item.label, kind: item.kind, syntax: item.syntax, reported: seen });
    }
  }
  return {
    secretRecall: hits.secret / totals.secret,
    placeholderRecall: hits.placeholder / totals.placeholder,
    falsePositiveRate: hits.negative / totals.negative,
    hits,
    totals,
    perKind: Object.values(perKind),
    misses,
  };
}

export async function scoreDetection(corpusDir, manifest) {
  writeSecretlintConfig();
  const [cg, sl] = await Promise.all([runClaudeGuard(corpusDir), runSecretlint(corpusDir)]);
  const result = {};
  if (cg.error) result.claudeGuard = { error: cg.error };
  else
    result.claudeGuard = {
      ...score(manifest, cg.byItem, { categories: true }),
      seconds: cg.seconds,
      findings: cg.findings,
      findingsOutsideItems: cg.unmatched,
    };
  if (sl.error) result.secretlint = { error: sl.error };
  else result.secretlint = { ...score(manifest, sl.byItem, { categories: false }), seconds: sl.seconds, findings: sl.findings, placeholderNote: "secretlint has no placeholder category: any message on a placeholder item counts" };
  return result;
}

/** At most `limit` lines: claude-guard's misses grouped by label and kind, with files, so engineers see what to fix. */
export function formatMisses(misses, limit = 40) {
  const groups = new Map();
  for (const m of misses) {
    const key = `${m.label === "negative" ? "false positive" : "missed " + m.label} · ${m.kind}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  const order = (k) => (k.startsWith("missed secret") ? 0 : k.startsWith("missed placeholder") ? 1 : 2);
  const keys = [...groups.keys()].sort((a, b) => order(a) - order(b) || groups.get(b).length - groups.get(a).length);
  const lines = [];
  for (const key of keys) {
    const list = groups.get(key);
    const shown = list.slice(0, 3).map((m) => `${m.path}${m.reported.length ? ` [${m.reported.join(",")}]` : ""}`);
    lines.push(`  ${key} (${list.length}): ${shown.join("  ")}${list.length > 3 ? "  …" : ""}`);
  }
  if (lines.length > limit) {
    const rest = lines.length - (limit - 1);
    return [...lines.slice(0, limit - 1), `  … ${rest} more groups in bench/.work/results.json`];
  }
  return lines;
}
