// Detection on labeled data this project did not write (`--external DIR`): a folder in CredData's layout,
// `DIR/labels.json` (one entry per labeled line: file relative to DIR, lineStart, lineEnd, gt T|F|X,
// category such as "Password" or "Token:UUID") and the labeled files under `DIR/data/`. The project holds
// no such data: pass its path. claude-guard and secretlint scan `DIR/data` in the same run; a labeled line
// counts as found when a finding's line falls in it. T = a credential, F = not one, X = a test or example
// value (not scored). T lines whose only category is UUID are scored apart, since a bare UUID is rarely a
// secret by shape alone. Never prints a value: only counts, categories and file:line.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { WORK_DIR, claudeGuardBin, secretlintBin, runTimed, readJsonReport } from "./lib.mjs";
import { SECRETLINT_RC, writeSecretlintConfig } from "./score.mjs";

/** Findings keyed by a DIR-relative posix path, each as { line, category }. */
function indexFindings(items, dir) {
  const byFile = new Map();
  for (const { file, line, category } of items) {
    const abs = path.isAbsolute(file) ? file : path.resolve(dir, "data", file);
    const rel = path.relative(dir, abs).split(path.sep).join("/");
    if (!byFile.has(rel)) byFile.set(rel, []);
    byFile.get(rel).push({ line, category });
  }
  return byFile;
}

async function claudeGuardFindings(dir) {
  const out = path.join(WORK_DIR, "claude-guard-external.json");
  const started = Date.now();
  const res = await runTimed(process.execPath, [claudeGuardBin(), "scan", path.join(dir, "data"), "--format", "json", "--fail-on", "none", "--output", out]);
  if (res.code !== 0) return { error: `exit ${res.code}: ${res.stderr.trim().slice(0, 300)}` };
  const report = readJsonReport(out, "claude-guard");
  if (!report) return { error: "no JSON report" };
  // Paths in the report are relative to the scanned folder (DIR/data).
  const items = (report.findings ?? []).map((f) => ({ file: f.path, line: f.line, category: f.category }));
  return { byFile: indexFindings(items, dir), seconds: (Date.now() - started) / 1000, skipped: new Set((report.scanned?.skipped ?? []).map((s) => s.path)) };
}

async function secretlintFindings(dir) {
  writeSecretlintConfig();
  const out = path.join(WORK_DIR, "secretlint-external.json");
  // secretlint reads only files under its working directory.
  const res = await runTimed(secretlintBin(), ["--secretlintrc", SECRETLINT_RC, "--format", "json", "--no-color", "**/*"], { stdoutFile: out, cwd: path.join(dir, "data") });
  if (res.code !== 0 && res.code !== 1) return { error: `exit ${res.code}: ${res.stderr.trim().slice(0, 300)}` };
  const report = readJsonReport(out, "secretlint");
  if (!Array.isArray(report)) return { error: "no JSON array" };
  const items = [];
  for (const file of report) for (const m of file.messages ?? []) items.push({ file: path.resolve(dir, "data", file.filePath), line: m.loc?.start?.line ?? 0, category: "secret" });
  return { byFile: indexFindings(items, dir), seconds: res.seconds };
}

function score(labels, byFile, onlySecret) {
  const found = (l) => (byFile.get(l.file) ?? []).some((f) => f.line >= l.lineStart && f.line <= l.lineEnd && (!onlySecret || f.category === "secret"));
  const uuidOnly = (l) => String(l.category).split(":").every((c) => c === "UUID");
  let tp = 0, fn = 0, fp = 0, negatives = 0;
  const perCategory = new Map();
  for (const l of labels) {
    if (l.gt === "T" && !uuidOnly(l)) {
      const hit = found(l);
      if (hit) tp++;
      else fn++;
      for (const c of String(l.category).split(":")) {
        const e = perCategory.get(c) ?? { lines: 0, found: 0 };
        e.lines++;
        if (hit) e.found++;
        perCategory.set(c, e);
      }
    } else if (l.gt === "F") {
      negatives++;
      if (found(l)) fp++;
    }
  }
  const recall = tp / Math.max(1, tp + fn);
  const precision = tp / Math.max(1, tp + fp);
  const f1 = (2 * recall * precision) / Math.max(1e-9, recall + precision);
  return { recall, precision, f1, tp, fn, fp, negatives, perCategory: Object.fromEntries(perCategory) };
}

export async function measureExternal(dir) {
  const labelsFile = path.join(dir, "labels.json");
  if (!existsSync(labelsFile) || !existsSync(path.join(dir, "data"))) {
    return { error: `${dir} is not in CredData's layout: it needs labels.json and a data/ folder` };
  }
  const labels = JSON.parse(readFileSync(labelsFile, "utf8"));
  const repositories = new Set(labels.map((l) => l.repoId)).size;
  const result = { dir, repositories, lines: labels.length, tools: {} };
  const cg = await claudeGuardFindings(dir);
  if (cg.error) result.tools.claudeGuard = { error: cg.error };
  else result.tools.claudeGuard = { all: score(labels, cg.byFile, false), secretOnly: score(labels, cg.byFile, true), seconds: cg.seconds };
  const sl = await secretlintFindings(dir);
  if (sl.error) result.tools.secretlint = { error: sl.error };
  else result.tools.secretlint = { all: score(labels, sl.byFile, false), seconds: sl.seconds };
  return result;
}

export function printExternal(r, fmt) {
  if (r.error) {
    console.log(`\nExternal labeled data · ! ${r.error}`);
    return;
  }
  console.log(`\nExternal labeled data · ${r.dir} · ${r.repositories} repositories, ${r.lines} labeled lines (bare-UUID T lines left out)`);
  const row = (label, s) => console.log(`  ${label.padEnd(30)} recall ${fmt.pct(s.recall).padStart(6)}  precision ${fmt.pct(s.precision).padStart(6)}  F1 ${fmt.pct(s.f1).padStart(6)}  (${s.fp} of ${s.negatives} F lines flagged)`);
  const cg = r.tools.claudeGuard;
  if (cg.error) console.log(`  ! claude-guard: ${cg.error}`);
  else {
    row("claude-guard, all findings", cg.all);
    row("claude-guard, secret only", cg.secretOnly);
  }
  const sl = r.tools.secretlint;
  if (sl.error) console.log(`  ! secretlint: ${sl.error}`);
  else row("secretlint (recommended preset)", sl.all);
  if (!cg.error) {
    const cats = Object.entries(cg.all.perCategory).sort((a, b) => b[1].lines - a[1].lines).slice(0, 12);
    console.log(`  claude-guard recall by category: ${cats.map(([c, e]) => `${c} ${fmt.pct(e.found / e.lines)} of ${e.lines}`).join(" · ")}`);
  }
}
