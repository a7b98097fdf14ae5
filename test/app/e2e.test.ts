/**
 * End to end: the real server process, started as `npm start` starts it (`node lib/app/server.js`), with
 * a private key generated here, against a local fake GitHub API (GHE_HOST + GHE_PROTOCOL=http). Webhooks
 * go over HTTP, signed (or not) with the webhook secret; assertions are on what the fake received.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { FakeGitHub } from "./fake-github.js";
import { apiCommit, commitDetail, payload, pullRequestSeven, sha, CONFIG_YAML, HEAD_SHA } from "./github-fixtures.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SERVER = join(ROOT, "lib/app/server.js");
const SECRET = "e2e-" + randomUUID();
const BENCH_HEAD = "be" + "c".repeat(38);

const pr = pullRequestSeven();
// PR #8 for the figures: 20 commits, 5 of them Claude's, each adding one line.
const benchCommits = Array.from({ length: 20 }, (_, i) => apiCommit(sha(100 + i), `Commit ${i}`, i % 4 === 3 ? "claude" : "human", [sha(99 + i)]));
const fake = new FakeGitHub({
  owner: "acme",
  repo: "widgets",
  config: CONFIG_YAML,
  pullCommits: new Map([
    [7, pr.commits],
    [8, benchCommits],
  ]),
  commitDetails: new Map<string, unknown>([
    [sha(2), pr.claude1Detail],
    [sha(4), pr.claude2Detail],
    ...benchCommits.map((c, i) => [c.sha, commitDetail(c, [{ filename: `src/m${i}.ts`, patch: `@@ -1 +1,2 @@\n x\n+export const n${i} = ${i};` }])] as [string, unknown]),
  ]),
});

let server: ChildProcess | undefined;
let port = 0;
let serverOutput = "";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const found = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(found));
    });
  });
}

function sign(body: string, secret: string): string {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

async function sendWebhook(event: string, body: unknown, options: { delivery?: string; secret?: string } = {}) {
  const text = JSON.stringify(body);
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": options.delivery ?? randomUUID(),
      "x-hub-signature-256": sign(text, options.secret ?? SECRET),
      "user-agent": "GitHub-Hookshot/e2e",
    },
    body: text,
  });
  await response.text();
  return { status: response.status, ackMs: Date.now() - started, sentAt: started };
}

const completedOn = (headSha: string) => () => fake.checkRuns.some((r) => r.head_sha === headSha && r.status === "completed");

beforeAll(async () => {
  // What `npm start` runs is the build: rebuild when a source is newer than it.
  let built = 0;
  try {
    built = statSync(SERVER).mtimeMs;
  } catch {
    built = 0;
  }
  if (newestMtime(join(ROOT, "src")) > built) {
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "ignore" });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; a missing server fails below.
    }
  }
  await fake.start();
  port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    detached: true, // its own process group, killed whole in afterAll
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env["PATH"] ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_ID: "123",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: `127.0.0.1:${fake.port}`,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "debug",
    },
  });
  server.stdout?.on("data", (d: Buffer) => (serverOutput += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (serverOutput += d.toString()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the App did not start:\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 90_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
  }
  server?.stdout?.destroy();
  server?.stderr?.destroy();
  await fake.stop();
});

describe("the App as `npm start` runs it, against a fake GitHub", () => {
  it("answers its health endpoint", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("refuses a wrongly signed webhook with HTTP 400 and calls no API", async () => {
    const before = fake.requests.length;
    const result = await sendWebhook("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), { secret: "not-the-secret" });
    expect(result.status).toBe(400);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.requests.length).toBe(before);
    expect(fake.checkRuns).toHaveLength(0);
    // The refused payload is not written to the logs either (Probot's error carries it).
    expect(serverOutput).toContain("signature does not match");
    expect(serverOutput).not.toContain("Add the widgets API client");
  });

  const delivery = randomUUID();
  it("turns a signed pull_request.opened into one failing claude-guard check run with annotations", async () => {
    const sent = await sendWebhook("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), { delivery });
    expect(sent.status).toBe(200);
    expect(sent.ackMs).toBeLessThan(2000);
    await fake.waitFor(completedOn(HEAD_SHA));
    const completedAt = fake.requests.filter((r) => r.method === "PATCH").at(-1)?.at ?? 0;

    const runs = fake.checkRuns.filter((r) => r.head_sha === HEAD_SHA);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run).toMatchObject({ name: "claude-guard", status: "completed", conclusion: "failure" });
    expect(run?.annotations.map((a) => [a.path, a.start_line])).toEqual(
      expect.arrayContaining([
        ["src/client.ts", 12],
        ["config/example.env", 3],
      ]),
    );
    // No whole secret in ANY request the App sent (bodies and URLs); the human commit was never read.
    for (const request of fake.requests) {
      expect(request.body).not.toContain(pr.token);
      expect(request.path).not.toContain(pr.token);
      expect(request.body).not.toContain(pr.humanToken);
    }
    expect(fake.requests.some((r) => r.path.includes(`/commits/${sha(1)}`) || r.path.includes(`/commits/${sha(3)}`))).toBe(false);
    // Nor in the App's own logs (debug level, where Octokit logs every request).
    expect(serverOutput).not.toContain(pr.token);
    expect(serverOutput).not.toContain("BEGIN RSA PRIVATE KEY");
    expect(serverOutput).not.toContain(SECRET);
    console.info(`e2e: webhook acknowledged in ${sent.ackMs} ms; check run completed ${completedAt - sent.sentAt} ms after the webhook was sent`);
  });

  it("does not create a second check run when the same delivery comes again", async () => {
    const result = await sendWebhook("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), { delivery });
    expect(result.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.checkRuns.filter((r) => r.head_sha === HEAD_SHA)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/check-runs"))).toHaveLength(1);
  });

  it("measures the API requests for a pull request of 20 commits of which 5 are Claude's", async () => {
    const body = payload("pull-request-opened-with-claude-and-human-commits") as { number: number; pull_request: Record<string, unknown> & { head: Record<string, unknown> } };
    body.number = 8;
    body.pull_request = { ...body.pull_request, number: 8, commits: 20, head: { ...body.pull_request.head, sha: BENCH_HEAD } };
    const before = fake.requests.length;
    const sent = await sendWebhook("pull_request", body);
    await fake.waitFor(completedOn(BENCH_HEAD));
    const requests = fake.requests.slice(before);
    const completedAt = requests.filter((r) => r.method === "PATCH").at(-1)?.at ?? 0;
    const commitReads = requests.filter((r) => /\/commits\/[0-9a-f]{40}$/.test(r.path)).length;
    expect(commitReads).toBe(5);
    // The Claude commits plus a fixed handful (token, check-run lookup, create, the org's and the
    // repository's config, PR commits, complete): independent of the number of human commits.
    expect(requests.length - commitReads).toBeLessThanOrEqual(7);
    console.info(
      `e2e figures: ${requests.length} API requests for a 20-commit PR with 5 Claude commits (${commitReads} commit reads + ${requests.length - commitReads} others: ${requests
        .filter((r) => !/\/commits\/[0-9a-f]{40}$/.test(r.path))
        .map((r) => `${r.method} ${r.path.replace(/\?.*$/, "")}`)
        .join(", ")}); webhook to completed check run: ${completedAt - sent.sentAt} ms`,
    );
    expect(fake.checkRuns.find((r) => r.head_sha === BENCH_HEAD)?.conclusion).toBe("success");
  });
});
