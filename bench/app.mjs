// The GitHub App's figures: the real server (`node lib/app/server.js`, as `npm start` runs it) with a
// private key generated here, against the local fake GitHub API the end-to-end test uses
// (src/testing/fake-github.ts, run from lib/), sent signed pull_request webhooks. Per event: the API
// requests the App made (reads of Claude commits, and the rest by endpoint) and the time from sending the
// webhook to the check run's completion. Two pull requests, both with 5 Claude commits: 15 human commits
// (the 20-commit PR of the aim) and 100, to show the requests do not grow with the human commits.
//
//   node bench/app.mjs [--rounds 5] [--json FILE]
//   (also run by bench/run.mjs; needs the build: npm run build)
import { spawn } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { clearTimeout, setTimeout } from "node:timers";
import { REPO_DIR, WORK_DIR } from "./lib.mjs";

const SERVER = path.join(REPO_DIR, "lib/app/server.js");
const PAYLOAD = path.join(REPO_DIR, "test/fixtures/app/pull-request-opened-with-claude-and-human-commits.json");
const CLAUDE_COMMITS = 5;
/**
 * The aim: the Claude commits plus at most this many other requests (check-run lookup, create and
 * complete, the org's and the repository's config, the PR's commits, the head tree for annotation
 * placement), whatever the human commits; the commit list's own pages (100 commits each) come on top.
 */
const AIM_OTHERS = 7;
/** Pages of a pull request's commit list (100 a page). */
const listPages = (commits) => Math.ceil(commits / 100);
const CLAUDE_TRAILERS = "\n\nGenerated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>";

const sha = (n) => n.toString(16).padStart(6, "0") + "e".repeat(34);

/** A PR's commits in the REST shape: `humans` human commits, with the Claude ones spread among them. */
function pullRequestCommits(prefix, humans) {
  const total = humans + CLAUDE_COMMITS;
  const every = Math.floor(total / CLAUDE_COMMITS);
  const commits = [];
  for (let i = 0; i < total; i++) {
    const claude = i % every === every - 1 && commits.filter((c) => c.claude).length < CLAUDE_COMMITS;
    const who = claude ? { name: "Dana Developer", email: "dana@example.com", login: "dana" } : { name: "Sam Human", email: "sam@example.com", login: "sam" };
    commits.push({
      claude,
      api: {
        sha: sha(prefix * 0x1000 + i),
        commit: {
          message: `Change ${i}` + (claude ? CLAUDE_TRAILERS : ""),
          author: { name: who.name, email: who.email, date: "2026-01-05T10:00:00Z" },
          committer: { name: who.name, email: who.email, date: "2026-01-05T10:00:00Z" },
        },
        author: { login: who.login },
        committer: { login: who.login },
        parents: [{ sha: i === 0 ? "ba" + "5".repeat(38) : sha(prefix * 0x1000 + i - 1) }],
      },
    });
  }
  return commits;
}

const detail = (c, i) => ({ ...c.api, files: [{ filename: `src/m${i}.ts`, status: "modified", additions: 1, changes: 1, patch: `@@ -1 +1,2 @@\n x\n+export const n${i} = ${i};` }] });

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};

const isCommitRead = (r) => /\/commits\/[0-9a-f]{40}$/.test(r.path.replace(/\?.*$/, ""));

export async function measureApp({ rounds = 5 } = {}) {
  const { FakeGitHub } = await import(pathToFileURL(path.join(REPO_DIR, "lib/testing/fake-github.js")).href);
  const scenarios = [
    { id: "pr-20", label: "20 commits, 5 Claude's", number: 8, commits: pullRequestCommits(1, 20 - CLAUDE_COMMITS) },
    { id: "pr-105", label: "105 commits, 5 Claude's", number: 9, commits: pullRequestCommits(2, 100) },
  ];
  const fake = new FakeGitHub({
    owner: "acme",
    repo: "widgets",
    config: "classification: internal\n",
    pullCommits: new Map(scenarios.map((s) => [s.number, s.commits.map((c) => c.api)])),
    commitDetails: new Map(scenarios.flatMap((s) => s.commits.map((c, i) => [c.api.sha, detail(c, i)]))),
  });
  await fake.start();
  const port = await freePort();
  const secret = "bench-" + randomUUID();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  let output = "";
  const server = spawn(process.execPath, [SERVER], {
    cwd: REPO_DIR,
    detached: true, // its own process group, ended whole below
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_ID: "123",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      GHE_HOST: `127.0.0.1:${fake.port}`,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "warn",
    },
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  try {
    const startedAt = Date.now();
    for (;;) {
      try {
        if ((await globalThis.fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() - startedAt > 20_000 || server.exitCode !== null) throw new Error(`the App did not start:\n${output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const serverStartMs = Date.now() - startedAt;
    const base = JSON.parse(readFileSync(PAYLOAD, "utf8"));
    const results = [];
    // Rounds interleaved across the scenarios; each round a new head SHA, so each event is new work.
    const perScenario = new Map(scenarios.map((s) => [s.id, []]));
    for (let round = 0; round < rounds; round++) {
      for (const s of scenarios) {
        const head = `${round.toString(16).padStart(2, "0")}${s.number.toString(16).padStart(2, "0")}` + "c".repeat(36);
        const body = JSON.parse(JSON.stringify(base));
        body.number = s.number;
        body.pull_request = { ...body.pull_request, number: s.number, commits: s.commits.length, head: { ...body.pull_request.head, sha: head } };
        const text = JSON.stringify(body);
        const before = fake.requests.length;
        const sentAt = Date.now();
        const response = await globalThis.fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": "pull_request",
            "x-github-delivery": randomUUID(),
            "x-hub-signature-256": "sha256=" + createHmac("sha256", secret).update(text).digest("hex"),
            "user-agent": "GitHub-Hookshot/bench",
          },
          body: text,
        });
        await response.text();
        const ackMs = Date.now() - sentAt;
        await fake.waitFor(() => fake.checkRuns.some((r) => r.head_sha === head && r.status === "completed"), 60_000);
        const requests = fake.requests.slice(before);
        const completedAt = requests.filter((r) => r.method === "PATCH").at(-1)?.at ?? Date.now();
        const run = fake.checkRuns.find((r) => r.head_sha === head);
        perScenario.get(s.id).push({
          status: response.status,
          ackMs,
          completedMs: completedAt - sentAt,
          requests: requests.length,
          commitReads: requests.filter(isCommitRead).length,
          others: requests.filter((r) => !isCommitRead(r)).map((r) => `${r.method} ${r.path.replace(/\?.*$/, "").replace(/^\/api\/v3\/repos\/[^/]+\/[^/]+/, "")}`),
          conclusion: run?.conclusion ?? null,
          // When each request arrived, in ms after the webhook was sent: where the time goes.
          timeline: requests.map((r) => `+${r.at - sentAt} ${r.method} ${r.path.replace(/\?.*$/, "").replace(/^.*\/(?=[^/]+\/[^/]+$)/, "")}`),
        });
      }
    }
    for (const s of scenarios) {
      const events = perScenario.get(s.id);
      // The App's first event also fetches an installation token (cached for an hour after): the figures
      // per event are those of the last round, the steady state; the first event's count is kept too.
      const first = events.at(-1);
      results.push({
        id: s.id,
        label: s.label,
        commits: s.commits.length,
        claudeCommits: CLAUDE_COMMITS,
        requestsPerEvent: first.requests,
        firstEventRequests: events[0].requests,
        commitReads: first.commitReads,
        otherRequests: first.others.length,
        otherEndpoints: first.others,
        sameEveryRoundAfterFirst: events.slice(1).every((e) => e.requests === first.requests),
        withinAim: first.commitReads === CLAUDE_COMMITS && first.others.length <= AIM_OTHERS + listPages(s.commits.length) - 1,
        conclusion: first.conclusion,
        timeline: first.timeline,
        ack: stats(events.map((e) => e.ackMs)),
        webhookToCompleted: stats(events.map((e) => e.completedMs)),
      });
    }
    const problems = [];
    for (const r of results) {
      if (!r.withinAim) problems.push(`${r.label}: ${r.commitReads} commit reads + ${r.otherRequests} others (aim: ${CLAUDE_COMMITS} + at most ${AIM_OTHERS})`);
      if (r.conclusion !== "success") problems.push(`${r.label}: check run concluded ${r.conclusion} (expected success: the commits add nothing secret)`);
    }
    const [small, large] = results;
    // One more page of the PR's commit list per 100 commits is the API's paging, not growth.
    if (small && large && large.requestsPerEvent - listPages(large.commits) !== small.requestsPerEvent - listPages(small.commits)) problems.push(`requests grow with the human commits: ${small.requestsPerEvent} for ${small.commits} commits, ${large.requestsPerEvent} for ${large.commits}`);
    return { rounds, serverStartMs, aim: { claudeCommits: CLAUDE_COMMITS, maxOthers: AIM_OTHERS }, results, problems };
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      let timer;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
    }
    server.stdout.destroy();
    server.stderr.destroy();
    await fake.stop();
  }
}

export function printApp(a, log = console.log) {
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  log(`\nGitHub App · real server (lib/app/server.js) against the local fake GitHub, signed pull_request webhooks, ${a.rounds} per PR (server up in ${a.serverStartMs} ms)`);
  log(`  ${pad("pull request", 26)}${lpad("API requests", 14)}${lpad("commit reads", 14)}${lpad("others", 8)}${lpad("to completed, median", 22)}${lpad("p95", 9)}${lpad("ack", 8)}`);
  for (const r of a.results) {
    log(
      `  ${pad(r.label, 26)}${lpad(r.requestsPerEvent, 14)}${lpad(r.commitReads, 14)}${lpad(r.otherRequests, 8)}${lpad(r.webhookToCompleted.median.toFixed(0) + " ms", 22)}${lpad(r.webhookToCompleted.p95.toFixed(0) + " ms", 9)}${lpad(r.ack.median.toFixed(0) + " ms", 8)}`,
    );
  }
  const first = a.results[0];
  if (first) log(`  others (${first.label}): ${first.otherEndpoints.join(", ")}; the App's first event also fetched an installation token (${first.firstEventRequests} requests)`);
  log(`  aim: the ${a.aim.claudeCommits} Claude commits plus at most ${a.aim.maxOthers} others, whatever the number of human commits`);
  for (const p of a.problems) log(`  ! ${p}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--rounds");
  const jsonAt = argv.indexOf("--json");
  const a = await measureApp({ rounds: at >= 0 ? Math.max(1, Number(argv[at + 1]) || 5) : 5 });
  printApp(a);
  mkdirSync(WORK_DIR, { recursive: true });
  writeFileSync(jsonAt >= 0 && argv[jsonAt + 1] ? argv[jsonAt + 1] : path.join(WORK_DIR, "app.json"), JSON.stringify(a, null, 2) + "\n");
  if (a.problems.length > 0) process.exitCode = 1;
}
