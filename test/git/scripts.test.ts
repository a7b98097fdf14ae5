import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { CommitChange, CommitInfo } from "../../src/core/types.js";
import { readCommits } from "../../src/git/read-commits.js";
import { gitEnv, tempDir } from "./repo-helper.js";

const root = path.resolve(import.meta.dirname ?? ".", "../..");
const demoScript = path.join(root, "scripts/make-demo-repo.sh");
const genScript = path.join(root, "bench/gen-history.mjs");

// Built at run time so this file holds no key-shaped literal.
const AWS_KEY_ID = new RegExp("AK" + "IA[A-Z2-7]{16}");
const CLAUDE_MARKER = /noreply@anthropic\.com|\[Claude Code\]\(https:\/\/claude\.(?:com\/claude-code|ai\/code)\)/;
const isClaude = (c: CommitInfo) => CLAUDE_MARKER.test(c.message) || c.author.name === "claude[bot]";

async function collect(dir: string, filter?: (c: CommitInfo) => boolean): Promise<CommitChange[]> {
  const out: CommitChange[] = [];
  for await (const change of readCommits(dir, { all: true, filter })) out.push(change);
  return out;
}

describe("scripts/make-demo-repo.sh", () => {
  const parent = tempDir("cg-demo-");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("builds a fresh repository with one Claude commit adding a fake AWS key pair and a placeholder", async () => {
    const dir = path.join(parent, "demo");
    // Run twice: the second run must start from scratch (idempotent), not add commits on top.
    for (let i = 0; i < 2; i++) execFileSync("bash", [demoScript, dir], { env: gitEnv({ HOME: parent }), stdio: "pipe" });

    const all = await collect(dir);
    expect(all).toHaveLength(4);
    const claude = await collect(dir, isClaude);
    expect(claude).toHaveLength(1);
    const commit = claude[0];
    expect(commit?.commit.message).toMatch(/Generated with \[Claude Code\]\(https:\/\/claude\.com\/claude-code\)/);
    expect(commit?.commit.message).toMatch(/Co-Authored-By: Claude <noreply@anthropic\.com>$/);
    const settings = commit?.files.find((f) => f.path === "config/settings.yml");
    expect(settings?.text.split("\n").some((l) => AWS_KEY_ID.test(l))).toBe(true);
    expect(settings?.text.split("\n").some((l) => /aws_secret_access_key: [A-Za-z0-9/+]{40}$/.test(l))).toBe(true);
    expect(settings?.text.split("\n")).toContain("  password: changeme");
  });

  it("stores no key-shaped literal in the script itself", () => {
    expect(readFileSync(demoScript, "utf8")).not.toMatch(/AKIA[0-9A-Z]{16}/);
  });
});

describe("bench/gen-history.mjs", () => {
  const parent = tempDir("cg-gen-");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  interface Manifest {
    commits: number;
    claudeCommits: number;
    head: string;
    secrets: Array<{ kind: string; sha: string; path: string; line: number; deletedInSha?: string }>;
  }
  const generate = (name: string, commits: number, seed: number, extra: string[] = []): { dir: string; manifest: Manifest } => {
    const dir = path.join(parent, name);
    const manifestFile = path.join(parent, `${name}.json`);
    execFileSync(process.execPath, [genScript, dir, String(commits), "--seed", String(seed), "--manifest", manifestFile, ...extra], {
      env: gitEnv(),
      stdio: "pipe",
    });
    return { dir, manifest: JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest };
  };

  it("writes the requested history, with Claude markers and fake secrets where its manifest says", async () => {
    const { dir, manifest } = generate("h", 600, 5);
    const changes = await collect(dir);
    expect(changes).toHaveLength(600);
    expect(changes[changes.length - 1]?.commit.sha).toBe(manifest.head);

    const claude = changes.filter((c) => isClaude(c.commit));
    expect(claude).toHaveLength(manifest.claudeCommits);
    expect(claude.length / 600).toBeGreaterThan(0.12);
    expect(claude.length / 600).toBeLessThan(0.28);
    expect(claude.some((c) => c.commit.author.name === "claude[bot]")).toBe(true);
    expect(claude.some((c) => /Co-Authored-By: Claude Sonnet 4\.5 </.test(c.commit.message))).toBe(true);

    for (const c of changes) expect(c.files.length + c.skipped.length).toBeGreaterThan(0);
    expect(new Set(changes.flatMap((c) => c.files.map((f) => path.extname(f.path)))).size).toBeGreaterThanOrEqual(6);

    expect(manifest.secrets.length).toBeGreaterThanOrEqual(3);
    const bySha = new Map(changes.map((c) => [c.commit.sha, c]));
    for (const secret of manifest.secrets) {
      const file = bySha.get(secret.sha)?.files.find((f) => f.path === secret.path);
      const at = file?.lineNumbers.indexOf(secret.line) ?? -1;
      expect(at).toBeGreaterThanOrEqual(0);
      expect(file?.text.split("\n")[at]).toMatch(/[=:]/);
      if (secret.deletedInSha) {
        const tree = execFileSync("git", ["ls-tree", "-r", "--name-only", secret.deletedInSha], { cwd: dir, encoding: "utf8" });
        expect(tree.split("\n")).not.toContain(secret.path);
      }
    }
  });

  it("adds about --lines lines a commit, small or large", async () => {
    for (const lines of [130, 2000]) {
      const { dir } = generate(`lines-${lines}`, 40, 3, ["--lines", String(lines)]);
      const changes = await collect(dir);
      expect(changes).toHaveLength(40);
      const added = changes.map((c) => c.files.reduce((sum, f) => sum + f.lineNumbers.length, 0));
      const mean = added.reduce((a, b) => a + b, 0) / added.length;
      expect(mean).toBeGreaterThan(lines * 0.9);
      expect(mean).toBeLessThan(lines * 1.25);
      // Every commit is near the target, not a few huge ones among empty ones.
      expect(Math.min(...added)).toBeGreaterThan(lines * 0.8);
    }
  });

  it("is reproducible from its seed", () => {
    expect(generate("a", 80, 9).manifest.head).toBe(generate("b", 80, 9).manifest.head);
    expect(generate("c", 80, 10).manifest.head).not.toBe(generate("d", 80, 9).manifest.head);
  });
});
