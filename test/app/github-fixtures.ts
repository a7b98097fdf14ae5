/**
 * GitHub API responses for the App's tests, built at run time: the example credentials come from the
 * fake generators (never written literally), the rest mirrors the REST API's shapes.
 */
import { readFileSync } from "node:fs";
import { fake } from "../../src/core/detect/fake.js";
import { githubStyleChecksum } from "../../src/core/detect/validate/checksum.js";

export const OWNER = "acme";
export const REPO = "widgets";
export const INSTALLATION_ID = 4242;
export const APP_ID = 123;
export const HEAD_SHA = "c4" + "0".repeat(38);
export const BASE_SHA = "ba" + "5".repeat(38);
export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

export function payload(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/app/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
}

/** A classic GitHub token with a valid checksum: a confirmed, high-severity finding. */
export function fakeGithubToken(seed: string): string {
  const body = fake.alnum(30, seed);
  return "gh" + "p_" + body + githubStyleChecksum(body);
}

/** AWS's documented example key id: a placeholder finding. */
export const PLACEHOLDER_AWS_KEY = "AK" + "IA" + "IOSFODNN7" + "EXAMPLE";

export const CLAUDE_TRAILERS = "\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>";

export function sha(n: number): string {
  return n.toString(16).padStart(2, "0") + "e".repeat(38);
}

export function apiCommit(commitSha: string, message: string, who: "human" | "claude", parents: string[] = [BASE_SHA]) {
  const author = who === "claude" ? { name: "Dana Developer", email: "dana@example.com" } : { name: "Sam Human", email: "sam@example.com" };
  return {
    sha: commitSha,
    commit: {
      message: who === "claude" ? message + CLAUDE_TRAILERS : message,
      author: { ...author, date: "2026-01-05T10:00:00Z" },
      committer: { ...author, date: "2026-01-05T10:00:00Z" },
    },
    author: { login: who === "claude" ? "dana" : "sam" },
    committer: { login: who === "claude" ? "dana" : "sam" },
    parents: parents.map((p) => ({ sha: p })),
  };
}

export interface FileChange {
  filename: string;
  status?: string;
  patch?: string;
  additions?: number;
  changes?: number;
  previous_filename?: string;
}

export function commitDetail(commit: ReturnType<typeof apiCommit>, files: FileChange[]) {
  return {
    ...commit,
    files: files.map((f) => ({ status: "modified", additions: (f.patch?.match(/^\+/gm) ?? []).length, changes: 1, ...f })),
  };
}

/**
 * The story of pull request #7: a human commit, a Claude commit adding a token to src/client.ts at line
 * 12, another human commit that also adds a token (not Claude's: not scanned), and a Claude commit adding
 * AWS's example key to config/example.env at line 3.
 */
export function pullRequestSeven() {
  const token = fakeGithubToken("claude-token");
  const humanToken = fakeGithubToken("human-token");
  const human1 = apiCommit(sha(1), "Set up the project", "human");
  const claude1 = apiCommit(sha(2), "Add the widgets API client", "claude", [sha(1)]);
  const human2 = apiCommit(sha(3), "Local debugging", "human", [sha(2)]);
  const claude2 = apiCommit(sha(4), "Document the AWS settings", "claude", [sha(3)]);
  const claude1Detail = commitDetail(claude1, [
    {
      filename: "src/client.ts",
      patch: `@@ -10,2 +10,4 @@ export class Client {\n   constructor() {}\n+  // talks to the widgets API\n+  private token = "${token}";\n   get() {}`,
    },
    { filename: "assets/logo.png", status: "added", additions: 0, changes: 0 },
  ]);
  const claude2Detail = commitDetail(claude2, [
    { filename: "config/example.env", status: "added", patch: `@@ -0,0 +1,3 @@\n+# AWS settings\n+AWS_REGION=eu-west-1\n+AWS_ACCESS_KEY_ID=${PLACEHOLDER_AWS_KEY}` },
  ]);
  return { token, humanToken, commits: [human1, claude1, human2, claude2], claude1Detail, claude2Detail };
}

export const CONFIG_YAML = "failOn: high\nclassification: internal\n";
