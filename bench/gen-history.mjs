#!/usr/bin/env node
// Generates a git repository with a long, realistic-looking history for benchmarks, fast, through
// `git fast-import` (no working tree churn, no process per commit).
//
//   node bench/gen-history.mjs <dir> <commits> [--lines N] [--seed N] [--manifest FILE]
//
// Each commit touches 1-3 source-like files (TypeScript, Python, Go, Java, Rust, Ruby, YAML, SQL,
// Markdown) by adding lines at random places (a few blocks a file; with --lines N, about N lines a
// commit in all); now and then a file is deleted or renamed. About 20% of
// the commits carry one of the markers Claude Code leaves (co-author trailers, model-named trailers,
// "Generated with" lines of both link forms, the claude[bot] author). A handful of commits add fake
// secrets, built here at run time (never stored literally), and some are deleted again later.
// The same seed gives the same repository, SHAs included. --manifest writes the ground truth as JSON.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, rmSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function usage(message) {
  if (message) console.error(message);
  console.error("usage: node bench/gen-history.mjs <dir> <commits> [--lines N] [--seed N] [--manifest FILE]");
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = [];
let seed = 1;
let manifestFile;
let linesPerCommit;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--seed") seed = Number(args[++i]);
  else if (args[i] === "--lines") linesPerCommit = Number(args[++i]);
  else if (args[i] === "--manifest") manifestFile = args[++i];
  else positional.push(args[i]);
}
const [dirArg, countArg] = positional;
if (!dirArg || !countArg) usage();
const commitCount = Number(countArg);
if (!Number.isInteger(commitCount) || commitCount < 1) usage(`not a commit count: ${countArg}`);
if (!Number.isFinite(seed)) usage("--seed needs a number");
if (linesPerCommit !== undefined && !(Number.isInteger(linesPerCommit) && linesPerCommit > 0)) usage("--lines needs a positive whole number");
const dir = path.resolve(dirArg);
if (dir === path.parse(dir).root || dir === os.homedir()) usage(`refusing to replace ${dir}`);

// ---------------------------------------------------------------- randomness (mulberry32, seeded)
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (items) => items[Math.floor(random() * items.length)];
const chance = (p) => random() < p;
const chars = (n, alphabet) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const HEX = "0123456789abcdef";
const ALNUM = UPPER + LOWER + DIGITS;

// ---------------------------------------------------------------- vocabulary
const VERBS = ["load", "save", "parse", "render", "fetch", "build", "resolve", "validate", "merge", "compute", "sync", "publish", "index", "encode", "retry"];
const NOUNS = ["user", "order", "invoice", "session", "report", "payload", "config", "token", "account", "event", "queue", "cache", "profile", "batch", "metric"];
const MODULES = ["billing", "auth", "search", "ingest", "notify", "export", "gateway", "scheduler", "catalog", "audit"];
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const camel = () => pick(VERBS) + cap(pick(NOUNS));
const snake = () => `${pick(VERBS)}_${pick(NOUNS)}`;
const pascal = () => cap(pick(NOUNS)) + pick(["Service", "Store", "Client", "Handler", "Repository", "Mapper"]);

// Code generators: each returns a block of lines in its language.
const LANGUAGES = {
  ts: () => {
    const name = camel();
    const arg = pick(NOUNS);
    return pick([
      [`export async function ${name}(${arg}: ${cap(arg)}Input): Promise<${cap(arg)}> {`, `  const response = await fetch(\`\${BASE_URL}/${arg}s/\${${arg}.id}\`);`, `  if (!response.ok) throw new Error(\`${name} failed: \${response.status}\`);`, `  return (await response.json()) as ${cap(arg)};`, `}`, ``],
      [`import { ${pascal()} } from "./${pick(MODULES)}/${pick(NOUNS)}.js";`],
      [`export const ${pick(NOUNS).toUpperCase()}_LIMIT = ${int(1, 500)};`],
      [`interface ${cap(arg)}Options {`, `  ${pick(NOUNS)}Id: string;`, `  retries?: number;`, `  timeoutMs?: number;`, `}`, ``],
      [`  const ${arg}s = items.filter((item) => item.${pick(NOUNS)}Id === ${arg}.id);`, `  logger.debug("${name}", { count: ${arg}s.length });`],
    ]);
  },
  py: () => {
    const name = snake();
    return pick([
      [`def ${name}(${pick(NOUNS)}, *, retries=${int(1, 5)}):`, `    """${cap(pick(VERBS))} the ${pick(NOUNS)} and return the result."""`, `    result = client.${snake()}(${pick(NOUNS)})`, `    if result is None:`, `        raise ValueError("${name}: nothing found")`, `    return result`, ``],
      [`from ${pick(MODULES)}.${pick(NOUNS)} import ${pascal()}`],
      [`class ${pascal()}:`, `    def __init__(self, ${pick(NOUNS)}_id: str) -> None:`, `        self.${pick(NOUNS)}_id = ${pick(NOUNS)}_id`, `        self._cache = {}`, ``],
      [`    logger.info("processed %d ${pick(NOUNS)}s", len(items))`],
    ]);
  },
  go: () => {
    const name = cap(camel());
    return pick([
      [`func (s *${pascal()}) ${name}(ctx context.Context, id string) error {`, `\tif id == "" {`, `\t\treturn fmt.Errorf("${name}: empty id")`, `\t}`, `\treturn s.store.Put(ctx, id, time.Now())`, `}`, ``],
      [`\t${pick(NOUNS)}, err := s.repo.Get(ctx, id)`, `\tif err != nil {`, `\t\treturn nil, err`, `\t}`],
      [`const default${cap(pick(NOUNS))}TTL = ${int(1, 90)} * time.Minute`],
    ]);
  },
  java: () => [
    `    public ${cap(pick(NOUNS))} ${camel()}(String id) {`,
    `        var ${pick(NOUNS)} = repository.findById(id).orElseThrow();`,
    `        log.info("${camel()} {}", id);`,
    `        return ${pick(NOUNS)};`,
    `    }`,
    ``,
  ],
  rs: () => pick([
    [`pub fn ${snake()}(input: &str) -> Result<${cap(pick(NOUNS))}, Error> {`, `    let value = input.trim().parse::<u64>()?;`, `    Ok(${cap(pick(NOUNS))}::new(value))`, `}`, ``],
    [`use crate::${pick(MODULES)}::${pascal()};`],
  ]),
  rb: () => [`  def ${snake()}(${pick(NOUNS)})`, `    @${pick(NOUNS)}s ||= ${pascal()}.where(active: true).to_a`, `  end`, ``],
  yml: () => pick([
    [`${pick(NOUNS)}:`, `  enabled: ${pick(["true", "false"])}`, `  timeout: ${int(1, 60)}s`, `  replicas: ${int(1, 8)}`],
    [`- name: ${snake()}`, `  image: registry.example.com/${pick(MODULES)}:${int(1, 9)}.${int(0, 20)}.${int(0, 9)}`],
  ]),
  sql: () => [`CREATE INDEX IF NOT EXISTS idx_${pick(NOUNS)}_${pick(NOUNS)} ON ${pick(NOUNS)}s (${pick(NOUNS)}_id, created_at);`],
  md: () => pick([
    [`## ${cap(pick(VERBS))} ${pick(NOUNS)}s`, ``, `The ${pick(MODULES)} module ${pick(VERBS)}s each ${pick(NOUNS)} before it is ${pick(VERBS)}d.`, ``],
    [`- \`${camel()}\`: ${pick(VERBS)}s the ${pick(NOUNS)} (checksum \`${chars(12, HEX)}\`).`],
  ]),
};
const EXTENSIONS = Object.keys(LANGUAGES);
const FOLDERS = { ts: "src", py: "py", go: "internal", java: "java/com/example", rs: "crates/core/src", rb: "app/models", yml: "deploy", sql: "db/migrations", md: "docs" };

// ---------------------------------------------------------------- people and markers
const HUMANS = [
  ["Alice Martin", "alice@example.com"],
  ["Bruno Costa", "bruno@example.org"],
  ["Chen Wei", "chen.wei@example.net"],
  ["Dana Kowalski", "dana@example.com"],
  ["Emeka Obi", "emeka@example.io"],
  ["Fatima Zahra", "fatima@example.dev"],
];
const CLAUDE_BOT = ["claude[bot]", "209825114+claude[bot]@users.noreply.github.com"];
const CLAUDE_MARKERS = [
  { kind: "co-author", footer: ["🤖 Generated with [Claude Code](https://claude.com/claude-code)", "", "Co-Authored-By: Claude <noreply@anthropic.com>"] },
  { kind: "model-named", footer: ["Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>"] },
  { kind: "model-named", footer: ["🤖 Generated with [Claude Code](https://claude.com/claude-code)", "", "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>"] },
  { kind: "generated-old-link", footer: ["🤖 Generated with [Claude Code](https://claude.ai/code)", "", "Co-Authored-By: Claude <noreply@anthropic.com>"] },
  { kind: "session", footer: ["Co-Authored-By: Claude <noreply@anthropic.com>", `Claude-Session: https://claude.ai/code/session_`] },
  { kind: "bot-author", footer: [], author: CLAUDE_BOT },
];

// ---------------------------------------------------------------- fake secrets (run-time built)
const SECRET_KINDS = [
  { kind: "aws-access-key-id", line: () => `const AWS_ACCESS_KEY_ID = "${"AK" + "IA" + chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}";` },
  { kind: "github-pat", line: () => `GITHUB_TOKEN = "${"gh" + "p_" + chars(36, ALNUM)}"` },
  { kind: "slack-bot-token", line: () => `  slack_token: ${"xo" + "xb-" + chars(11, DIGITS) + "-" + chars(12, DIGITS) + "-" + chars(24, ALNUM)}` },
  { kind: "stripe-live-key", line: () => `stripe.api_key = "${"sk" + "_live_" + chars(24, ALNUM)}"` },
  { kind: "generic-password", line: () => `DATABASE_URL=postgres://app:${chars(14, ALNUM)}@db.internal:5432/app` },
];

// ---------------------------------------------------------------- repository model
/** path -> lines; files over MAX_LINES are left alone (as old code mostly is), which keeps blobs small. */
const files = new Map();
const MAX_LINES = 400;
let fileSerial = 0;
function newPath(ext) {
  fileSerial++;
  const folder = FOLDERS[ext];
  const base = ext === "sql" ? `${String(fileSerial).padStart(4, "0")}_${snake()}` : `${pick(MODULES)}_${pick(NOUNS)}_${fileSerial}`;
  return `${folder}/${pick(MODULES)}/${base}.${ext}`;
}
// Paths to pick from without listing every file each commit (a 20,000-commit history has tens of
// thousands): entries that no longer qualify are dropped when drawn.
const editable = [];
const everyPath = [];
const editableNow = (p) => files.has(p) && files.get(p).length < MAX_LINES && !p.endsWith(".env");
/** A random path from `list` that passes `ok` and is not `touched` this commit, or undefined. */
function draw(list, ok, touched) {
  for (let tries = 0; tries < 12 && list.length > 0; tries++) {
    const i = Math.floor(random() * list.length);
    const p = list[i];
    if (!ok(p)) {
      list[i] = list[list.length - 1];
      list.pop();
    } else if (!touched.has(p)) return p;
  }
  return undefined;
}
/** Adds new blocks of `ext` code to `lines` at random places until `count` lines were added (at least one block). */
function addBlocks(lines, ext, count, blocks) {
  let added = 0;
  for (let b = 0; added < count || b < blocks; b++) {
    const block = LANGUAGES[ext]();
    lines.splice(int(0, lines.length), 0, ...block);
    added += block.length;
    if (count === 0 && b + 1 >= blocks) break;
  }
  return lines;
}

// ---------------------------------------------------------------- the repository, written as commits are made
const started = Date.now();
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const git = (gitArgs, options = {}) =>
  execFileSync("git", ["-c", "core.hooksPath=/dev/null", ...gitArgs], { cwd: dir, encoding: "utf8", stdio: ["pipe", "pipe", "inherit"], ...options });
git(["init", "-q"]);
git(["symbolic-ref", "HEAD", "refs/heads/main"]);

const marksDir = mkdtempSync(path.join(os.tmpdir(), "gen-history-"));
const marksFile = path.join(marksDir, "marks");
/**
 * git fast-import, fed with back-pressure so a large history never sits in memory whole; in pieces of
 * about a megabyte, because each wake-up of fast-import costs a scheduler slot on a busy machine.
 */
const importer = (() => {
  const child = spawn("git", ["fast-import", "--quiet", `--export-marks=${marksFile}`], { cwd: dir, stdio: ["pipe", "inherit", "inherit"] });
  const closed = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
  });
  closed.catch(() => undefined); // reported by finish()
  let pending = [];
  let pendingBytes = 0;
  const flush = () => {
    const text = pending.join("");
    pending = [];
    pendingBytes = 0;
    return child.stdin.write(text) ? undefined : new Promise((resolve) => child.stdin.once("drain", resolve));
  };
  return {
    write: (text) => {
      pending.push(text);
      pendingBytes += text.length;
      return pendingBytes >= 1 << 20 ? flush() : undefined;
    },
    finish: async () => {
      await flush();
      child.stdin.end("done\n");
      return closed;
    },
  };
})();

const manifest = { seed, commits: commitCount, claudeCommits: 0, secrets: [] };
const dataBlock = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

function subject() {
  const type = pick(["feat", "fix", "refactor", "chore", "test", "docs", "perf"]);
  return `${type}(${pick(MODULES)}): ${pick(VERBS)} ${pick(NOUNS)}s ${pick(["before saving", "in batches", "on retry", "for new accounts", "without blocking", "safely"])}`;
}

const pendingDeletions = []; // { at: commit index, path, secretIndex }
const secretCommits = new Set();
const secretTotal = Math.max(3, Math.round(commitCount / 400));
while (secretCommits.size < Math.min(secretTotal, commitCount)) secretCommits.add(int(Math.min(1, commitCount - 1), commitCount - 1));

const startEpoch = 1_700_000_000;
for (let i = 0; i < commitCount; i++) {
  const mark = i + 1;
  const changes = [];
  const touched = new Set();
  const touch = (p, lines) => {
    files.set(p, lines);
    touched.add(p);
  };

  // Deletions scheduled by an earlier secret commit.
  for (const due of pendingDeletions.filter((d) => d.at === i)) {
    if (files.has(due.path)) {
      files.delete(due.path);
      changes.push(`D ${due.path}\n`);
      manifest.secrets[due.secretIndex].deletedInCommit = mark;
    }
  }

  const fileCount = int(1, 3);
  for (let f = 0; f < fileCount; f++) {
    // With --lines, each file gets its share of the commit's lines; else one to three blocks.
    const share = linesPerCommit ? Math.max(1, Math.round(linesPerCommit / fileCount)) : 0;
    const p = chance(0.7) ? draw(editable, editableNow, touched) : undefined;
    if (p !== undefined) {
      const ext = p.slice(p.lastIndexOf(".") + 1);
      touch(p, addBlocks([...files.get(p)], ext, share, int(1, 3)));
    } else {
      const ext = pick(EXTENSIONS);
      const fresh = newPath(ext);
      touch(fresh, addBlocks([], ext, share, int(1, 4)));
      editable.push(fresh);
      everyPath.push(fresh);
    }
  }

  if (secretCommits.has(i)) {
    const secret = pick(SECRET_KINDS);
    const p = `config/${pick(MODULES)}_${fileSerial++}.env`;
    const lines = [`# ${pick(MODULES)} settings`, `LOG_LEVEL=info`, secret.line(), `TIMEOUT=${int(5, 60)}`];
    touch(p, lines);
    everyPath.push(p);
    const secretIndex = manifest.secrets.length;
    manifest.secrets.push({ kind: secret.kind, commit: mark, path: p, line: 3 });
    if (chance(0.5) && i + 1 < commitCount) pendingDeletions.push({ at: int(i + 1, Math.min(commitCount - 1, i + 50)), path: p, secretIndex });
  }

  // Now and then, housekeeping: remove or rename an old file.
  const housekeeping = files.size - touched.size > 20 ? random() : 1;
  const old = housekeeping < 0.06 ? draw(everyPath, (p) => files.has(p), touched) : undefined;
  if (old !== undefined && housekeeping < 0.03) {
    files.delete(old);
    changes.push(`D ${old}\n`);
  } else if (old !== undefined) {
    const to = old.replace(/([^/]+)$/, "renamed_$1");
    if (!files.has(to)) {
      files.set(to, files.get(old));
      files.delete(old);
      changes.push(`R ${old} ${to}\n`);
      everyPath.push(to);
      if (editableNow(to)) editable.push(to);
    }
  }

  for (const p of touched) {
    const content = files.get(p).join("\n") + "\n";
    changes.push(`M 100644 inline ${p}\n${dataBlock(content)}`);
  }

  const claude = chance(0.2) ? pick(CLAUDE_MARKERS) : undefined;
  let [authorName, authorEmail] = pick(HUMANS);
  const messageLines = [subject()];
  if (claude) {
    manifest.claudeCommits++;
    if (claude.author) [authorName, authorEmail] = claude.author;
    messageLines.push("", `- ${cap(pick(VERBS))} ${pick(NOUNS)} handling in ${pick(MODULES)}`, `- Add tests for ${pick(NOUNS)}s`);
    const footer = claude.footer.map((l) => (l.endsWith("session_") ? l + chars(24, ALNUM) : l));
    if (footer.length > 0) messageLines.push("", ...footer);
  } else if (chance(0.3)) {
    messageLines.push("", `Needed by the ${pick(MODULES)} rollout.`);
  }
  const when = `${startEpoch + i * 3600} +0000`;
  await importer.write(
    `commit refs/heads/main\nmark :${mark}\n` +
      `author ${authorName} <${authorEmail}> ${when}\n` +
      `committer ${claude?.author ? "GitHub" : authorName} <${claude?.author ? "noreply@github.com" : authorEmail}> ${when}\n` +
      dataBlock(messageLines.join("\n") + "\n") +
      (i > 0 ? `from :${i}\n` : "") +
      changes.join("") +
      "\n",
  );
}

await importer.finish();
git(["reset", "-q", "--hard", "main"]);

const shaOfMark = new Map(
  readFileSync(marksFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [mark, sha] = line.split(" ");
      return [Number(mark.slice(1)), sha];
    }),
);
rmSync(marksDir, { recursive: true, force: true });
for (const secret of manifest.secrets) {
  secret.sha = shaOfMark.get(secret.commit);
  if (secret.deletedInCommit) secret.deletedInSha = shaOfMark.get(secret.deletedInCommit);
}
manifest.head = shaOfMark.get(commitCount);
if (manifestFile) writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");

const deleted = manifest.secrets.filter((s) => s.deletedInCommit).length;
console.error(
  `gen-history: ${commitCount} commits (${manifest.claudeCommits} Claude-authored, ${manifest.secrets.length} with fake secrets, ` +
    `${deleted} of them deleted later) in ${dir}, ${((Date.now() - started) / 1000).toFixed(1)} s to write`,
);
