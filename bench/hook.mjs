// Start-up to answer of the Claude Code hook (`claude-guard hook`), on typical events, measured as Claude
// Code pays it: a new `node` process per event, the event on stdin, timed from spawn to exit. Side by side
// with `node -e 0` in the same run (Node's own start on this machine), rounds interleaved so that load
// from other processes spreads over every row alike.
//
//   node bench/hook.mjs [--runs 20] [--json FILE]
//   (also run by bench/run.mjs; needs the build: npm run build)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_DIR, WORK_DIR } from "./lib.mjs";

const HOOK_BIN = path.join(REPO_DIR, "bin", "claude-guard-hook.js");
const CLI_BIN = path.join(REPO_DIR, "bin", "claude-guard.js");

/** Typical events, built at run time (the secret ones from the rule examples' generators). */
async function buildEvents(project) {
  const { fake } = await import(pathToFileURL(path.join(REPO_DIR, "lib/core/detect/fake.js")).href);
  const { githubStyleChecksum } = await import(pathToFileURL(path.join(REPO_DIR, "lib/core/detect/validate/checksum.js")).href);
  const body = fake.alnum(30, "bench-hook");
  const token = "gh" + "p_" + body + githubStyleChecksum(body);
  const common = { session_id: "bench-session", transcript_path: path.join(project, ".transcript.jsonl"), cwd: project, permission_mode: "default" };
  const source = Array.from({ length: 80 }, (_, i) => `export function step${i}(input: string): string {\n  return input.trim() + "${i}";\n}`).join("\n");
  return [
    { id: "prompt", label: "UserPromptSubmit, clean prompt", expect: "allow", event: { ...common, hook_event_name: "UserPromptSubmit", prompt: "Refactor the session store so that tokens are read from the environment, and add tests for the expiry logic. Keep the public API as it is." } },
    { id: "prompt-secret", label: "UserPromptSubmit, token in prompt", expect: "block", event: { ...common, hook_event_name: "UserPromptSubmit", prompt: `Use this token to call the API: ${token}` } },
    { id: "write", label: "PreToolUse Write, 6 KB clean file", expect: "allow", event: { ...common, hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: path.join(project, "src/steps.ts"), content: source } } },
    { id: "write-secret", label: "PreToolUse Write, token in code", expect: "block", event: { ...common, hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: path.join(project, "src/client.ts"), content: `const token = "${token}";\nexport default token;\n` } } },
    { id: "edit", label: "PreToolUse Edit, clean", expect: "allow", event: { ...common, hook_event_name: "PreToolUse", tool_name: "Edit", tool_input: { file_path: path.join(project, "src/steps.ts"), old_string: "return input.trim()", new_string: "return input.trim().toLowerCase()" } } },
    { id: "bash", label: "PreToolUse Bash, npm test", expect: "allow", event: { ...common, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "npm test -- --runInBand", description: "Run the tests" } } },
    { id: "read", label: "PostToolUse Read, 6 KB file", expect: "allow", event: { ...common, hook_event_name: "PostToolUse", tool_name: "Read", tool_input: { file_path: path.join(project, "src/steps.ts") }, tool_response: { type: "text", file: { filePath: path.join(project, "src/steps.ts"), content: source } } } },
  ];
}

function timeRun(args, input, env) {
  const started = process.hrtime.bigint();
  const out = spawnSync(process.execPath, args, { input, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** What the hook answered: block (a JSON block or deny, or exit 2), context, or allow. */
function verdictOf(run) {
  if (run.code === 2) return "block";
  if (!run.stdout.trim()) return "allow";
  try {
    const reply = JSON.parse(run.stdout);
    if (reply.decision === "block" || reply.hookSpecificOutput?.permissionDecision === "deny") return "block";
    return "context";
  } catch {
    return "unparsable";
  }
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};

export async function measureHook({ runs = 20 } = {}) {
  const project = mkdtempSync(path.join(os.tmpdir(), "cg-hook-bench-"));
  const cacheDir = path.join(project, ".cache");
  try {
    mkdirSync(path.join(project, ".git"));
    mkdirSync(path.join(project, ".github"));
    mkdirSync(path.join(project, "src"));
    writeFileSync(path.join(project, ".github", "claude-guard.yml"), "classification: internal\nfailOn: high\npaths:\n  ignore: [\"**/testdata/**\"]\n");
    const events = await buildEvents(project);
    writeFileSync(path.join(project, "src/steps.ts"), events.find((e) => e.id === "write").event.tool_input.content);
    const env = { ...process.env, CLAUDE_GUARD_CACHE_DIR: cacheDir };
    delete env.CLAUDE_GUARD_AUDIT_LOG;

    // First event with an empty cache: validates the config (loads the YAML parser and the schema).
    const cold = timeRun([HOOK_BIN], JSON.stringify(events[0].event), env);

    const rows = [{ id: "baseline", label: "node -e 0 (Node's start alone)", args: ["-e", "0"], input: "" }];
    for (const e of events) rows.push({ id: e.id, label: e.label, args: [HOOK_BIN], input: JSON.stringify(e.event), expect: e.expect });
    const full = events.find((e) => e.id === "write");
    rows.push({ id: "cli-write", label: "same Write via `claude-guard hook`", args: [CLI_BIN, "hook"], input: JSON.stringify(full.event), expect: full.expect });

    const times = new Map(rows.map((r) => [r.id, []]));
    const problems = [];
    for (let round = 0; round < runs; round++) {
      for (const row of rows) {
        const run = timeRun(row.args, row.input, env);
        times.get(row.id).push(run.ms);
        if (row.expect && round === 0) {
          const verdict = verdictOf(run);
          if (verdict !== row.expect && !(row.expect === "allow" && verdict === "context")) problems.push(`${row.label}: expected ${row.expect}, got ${verdict} (exit ${run.code}) ${run.stderr.trim().slice(0, 200)}`);
        }
      }
    }
    const baseline = stats(times.get("baseline"));
    const results = rows.map((r) => {
      const s = stats(times.get(r.id));
      return { id: r.id, label: r.label, ...s, overBaselineMedian: r.id === "baseline" ? 0 : s.median - baseline.median };
    });
    const hookRows = results.filter((r) => r.id !== "baseline" && r.id !== "cli-write");
    const allMedian = stats(rows.filter((r) => hookRows.some((h) => h.id === r.id)).flatMap((r) => times.get(r.id))).median;
    return { runs, coldFirstEventMs: cold.ms, results, hookMedianAllEvents: allMedian, aimMs: 150, problems };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

export function printHook(h, log = console.log) {
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  log(`\nHook start-up to answer · new node process per event, ${h.runs} runs each, interleaved`);
  log(`  ${pad("", 40)}${lpad("median", 10)}${lpad("p95", 10)}${lpad("- node", 10)}`);
  for (const r of h.results) log(`  ${pad(r.label, 40)}${lpad(r.median.toFixed(1) + " ms", 10)}${lpad(r.p95.toFixed(1) + " ms", 10)}${lpad(r.id === "baseline" ? "" : "+" + r.overBaselineMedian.toFixed(1), 10)}`);
  log(`  all hook events: median ${h.hookMedianAllEvents.toFixed(1)} ms (aim: well under ${h.aimMs} ms including Node's start); first event with an empty config cache ${h.coldFirstEventMs.toFixed(0)} ms`);
  for (const p of h.problems) log(`  ! ${p}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf("--runs") + 1]) || 20;
  const jsonAt = argv.indexOf("--json");
  const h = await measureHook({ runs: argv.includes("--runs") ? runs : 20 });
  printHook(h);
  mkdirSync(WORK_DIR, { recursive: true });
  const out = jsonAt >= 0 && argv[jsonAt + 1] ? argv[jsonAt + 1] : path.join(WORK_DIR, "hook.json");
  writeFileSync(out, JSON.stringify(h, null, 2) + "\n");
  if (h.problems.length > 0) process.exitCode = 1;
}
