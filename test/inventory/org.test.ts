/**
 * `claude-guard inventory --org` against an organization built in the fake GitHub: four repositories
 * (confidential, internal, restricted, public), Claude's commits by people in different teams (and one
 * in none), a person's and other agents' commits, five ISO weeks, inside and outside business hours.
 * Every figure of the report (counts, the weekly series, the charts' series) is checked against the
 * world the test built (counted from it, never written by hand where it can be counted), and so is
 * every request the inventory sent: one commit-list request per 100 commits, one read per Claude commit.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInventoryCli } from "../../src/cli/inventory.js";
import { NO_TEAM } from "../../src/core/audit/trends.js";
import { isOffHours, isoWeek, isoWeekStart, DEFAULT_BUSINESS_HOURS } from "../../src/core/calendar.js";
import { fake } from "../../src/core/detect/fake.js";
import { inShard, type InventoryReport } from "../../src/core/inventory/index.js";
import { FakeGitHub } from "../../src/testing/fake-github.js";
import { fakeOrgEndpoints, type FakeOrg, type FakeOrgCommit, type FakeOrgRepo } from "../../src/testing/fake-org.js";
import { validate } from "../audit/json-schema-subset.js";

const ORG = "acme";
const CLAUDE_TRAILER = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>";
const people = {
  alice: { name: "Alice", email: "alice@acme.example", login: "alice" },
  bob: { name: "Bob", email: "bob@acme.example", login: "bob" },
  carol: { name: "Carol", email: "carol@acme.example", login: "carol" },
  dan: { name: "Dan", email: "dan@acme.example", login: "dan" },
};
const TEAMS: Record<string, string[]> = { alice: ["platform"], bob: ["web", "payments"], dan: ["platform"] };

let counter = 0;
const sha = () => `${(++counter).toString(16).padStart(7, "0")}a`.repeat(5);
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `export const ${tag}${i} = ${i};`);

interface ClaudeSpec {
  who: keyof typeof people;
  date: string;
  added: number;
  skill?: string;
  skillFile?: string;
  secret?: boolean;
}
function claude(spec: ClaudeSpec): FakeOrgCommit {
  const files: FakeOrgCommit["files"] = [{ filename: `src/${spec.who}-${counter}.ts`, lines: lines(spec.added, "c") }];
  if (spec.skillFile) files.push({ filename: `.claude/skills/${spec.skillFile}/SKILL.md`, lines: ["---", `name: ${spec.skillFile}`, "---"] });
  if (spec.secret) files.push({ filename: "src/settings.ts", lines: [`const token = "ghp_${fake.alnum(36, "org-inventory")}";`] });
  return { sha: sha(), message: `Change by Claude${spec.skill ? `\n\nClaude-Skill: ${spec.skill}` : ""}${CLAUDE_TRAILER}`, author: people[spec.who], date: spec.date, files };
}
const human = (who: keyof typeof people, date: string): FakeOrgCommit => ({ sha: sha(), message: "A person's change", author: people[who], date, files: [{ filename: "README.md", lines: ["text"] }] });
const agent = (email: string, name: string, date: string): FakeOrgCommit => ({ sha: sha(), message: "An agent's change", author: { name, email }, date, files: [{ filename: "x.txt", lines: ["x"] }] });

function buildWorld(): FakeOrg {
  counter = 0;
  // api (confidential): 150 of Dan's commits (two pages of the commit list), Claude in weeks 45-48 with a
  // burst of six on Tuesday of week 48, and one aider commit.
  const api: FakeOrgRepo = {
    name: "api",
    visibility: "private",
    properties: { data_classification: "confidential" },
    commits: [
      ...Array.from({ length: 150 }, (_, i) => human("dan", new Date(Date.UTC(2026, 10, 2, 9) + i * 3 * 3600 * 1000).toISOString())),
      claude({ who: "alice", date: "2026-11-03T10:00:00Z", added: 5 }),
      claude({ who: "alice", date: "2026-11-10T10:00:00Z", added: 3 }),
      claude({ who: "bob", date: "2026-11-17T14:00:00Z", added: 2, skill: "review" }),
      ...[10, 11, 12, 13, 14, 15].map((hour) => claude({ who: "alice", date: `2026-11-24T${hour}:00:00Z`, added: 1 })),
      agent("aider@aider.chat", "aider", "2026-11-25T10:00:00Z"),
    ],
  };
  // web (internal by visibility): Bob's off-hours burst on a weekend, a new skill; two Copilot commits.
  const web: FakeOrgRepo = {
    name: "web",
    visibility: "internal",
    commits: [
      human("dan", "2026-11-02T09:30:00Z"),
      claude({ who: "bob", date: "2026-11-28T22:00:00Z", added: 4, skillFile: "deploy" }),
      claude({ who: "bob", date: "2026-11-28T23:00:00Z", added: 4 }),
      claude({ who: "bob", date: "2026-11-29T01:00:00Z", added: 4 }),
      agent("copilot@github.com", "Copilot", "2026-11-30T10:00:00Z"),
      agent("copilot@github.com", "Copilot", "2026-12-01T10:00:00Z"),
    ],
  };
  // vault (restricted): Carol (in no team) brings Claude in at night with the deploy skill and a token.
  const vault: FakeOrgRepo = {
    name: "vault",
    visibility: "private",
    properties: { data_classification: "restricted" },
    commits: [human("dan", "2026-11-04T11:00:00Z"), claude({ who: "carol", date: "2026-12-01T03:00:00Z", added: 2, skill: "deploy", secret: true })],
  };
  // docs (public): people only.
  const docs: FakeOrgRepo = { name: "docs", visibility: "public", commits: [human("dan", "2026-11-05T12:00:00Z"), human("alice", "2026-11-06T12:00:00Z")] };
  // The org's config limits the deploy skill to the platform team: Bob (payments, web) and Carol (no team) are outside it.
  const orgConfig = "skills:\n  deploy: { maxClassification: restricted, teams: [platform] }\n";
  return { org: ORG, repos: [api, docs, vault, web], teams: TEAMS, orgConfig };
}

let world: FakeOrg;
let server: FakeGitHub;
let dir: string;

async function startFake(w: FakeOrg): Promise<void> {
  server = new FakeGitHub({ owner: ORG, repo: "-", pullCommits: new Map(), commitDetails: new Map(), extra: fakeOrgEndpoints(w, () => server.port) });
  await server.start();
}

beforeEach(async () => {
  world = buildWorld();
  dir = mkdtempSync(join(tmpdir(), "cg-inventory-org-"));
  await startFake(world);
});
afterEach(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function inventory(args: string[]) {
  const out = { stdout: "", stderr: "" };
  const io = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: { GITHUB_TOKEN: "test-token", GITHUB_API_URL: `http://127.0.0.1:${server.port}/api/v3` } as NodeJS.ProcessEnv,
    cwd: dir,
  };
  const code = await runInventoryCli(args, io);
  return { code, ...out };
}

const isClaude = (c: FakeOrgCommit) => c.message.includes(CLAUDE_TRAILER);
const claudeOf = (repo: FakeOrgRepo) => repo.commits.filter(isClaude);
const requests = (pattern: RegExp) => server.requests.filter((r) => pattern.test(r.path.split("?")[0] as string));
const teamOf = (login: string) => [...(TEAMS[login] ?? [])].sort().map((t) => `${ORG}/${t}`)[0] ?? NO_TEAM;

describe("claude-guard inventory --org (fake GitHub organization)", () => {
  it("counts every repository's figures from the commits, with one list request per 100 commits and one read per Claude commit", async () => {
    const out = await inventory(["--org", ORG, "--output", "inventory.json"]);
    expect(out.stderr).not.toMatch(/error/i);
    expect(out.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "inventory.json"), "utf8")) as InventoryReport;
    expect(validate(JSON.parse(readFileSync("schema/inventory.v1.json", "utf8")), report)).toEqual([]);

    expect(report.repositories.map((r) => [r.name, r.classification])).toEqual([
      ["acme/api", "confidential"],
      ["acme/docs", "public"],
      ["acme/vault", "restricted"],
      ["acme/web", "internal"],
    ]);
    expect(report.repositories.find((r) => r.name === "acme/web")?.classificationSource).toBe("repository visibility (internal)");
    expect(report.repositories.find((r) => r.name === "acme/vault")?.classificationSource).toBe("custom property data_classification");
    for (const repo of world.repos) {
      const got = report.repositories.find((r) => r.name === `${ORG}/${repo.name}`);
      const mine = claudeOf(repo);
      const dates = mine.map((c) => c.date).sort();
      const offHours = mine.filter((c) => isOffHours(c.date, DEFAULT_BUSINESS_HOURS)).length;
      const logins = [...new Set(mine.map((c) => c.author.login as string))];
      expect(got?.commitsRead).toBe(repo.commits.length);
      expect(got?.claude.commits).toBe(mine.length);
      expect(got?.claude.linesAdded).toBe(mine.reduce((sum, c) => sum + c.files.reduce((n, f) => n + f.lines.length, 0), 0));
      expect(got?.claude.firstChange ?? null).toBe(dates[0] ?? null);
      expect(got?.claude.lastChange ?? null).toBe(dates[dates.length - 1] ?? null);
      expect(got?.claude.offHoursCommits).toBe(offHours);
      expect(got?.claude.offHoursShare).toBe(mine.length ? Math.round((offHours / mine.length) * 10_000) / 10_000 : 0);
      expect(new Set(got?.claude.authors.map((a) => a.login))).toEqual(new Set(logins));
      for (const a of got?.claude.authors ?? []) {
        expect(a.commits).toBe(mine.filter((c) => c.author.login === a.login).length);
        expect(a.teams).toEqual([...(TEAMS[a.login] ?? [])].sort().map((t) => `${ORG}/${t}`));
      }
    }
    const api = report.repositories.find((r) => r.name === "acme/api");
    const web = report.repositories.find((r) => r.name === "acme/web");
    const vault = report.repositories.find((r) => r.name === "acme/vault");
    expect(api?.otherAgents).toEqual({ aider: 1 });
    expect(web?.otherAgents).toEqual({ copilot: 2 });
    expect(api?.claude.skills).toEqual(["review"]);
    expect(web?.claude.skills).toEqual(["deploy"]); // from .claude/skills/deploy/SKILL.md
    expect(vault?.claude.skills).toEqual(["deploy"]); // from the Claude-Skill trailer
    expect(web?.claude.offHoursShare).toBe(1);
    expect(report.totals).toMatchObject({ repositories: 4, claudeCommits: 13, otherAgents: { aider: 1, copilot: 2 } });
    expect(report.repositories.every((r) => r.claude.findings === undefined)).toBe(true);

    // Per ISO week: each week's Claude commits by team, repository and classification, counted from the world.
    const classification: Record<string, string> = { api: "confidential", web: "internal", vault: "restricted", docs: "public" };
    const expected = new Map<string, { claudeCommits: number; byTeam: Record<string, number>; byRepository: Record<string, number>; byClassification: Record<string, number> }>();
    for (const repo of world.repos) {
      for (const c of claudeOf(repo)) {
        const week = isoWeek(c.date) as string;
        const e = expected.get(week) ?? { claudeCommits: 0, byTeam: {}, byRepository: {}, byClassification: {} };
        expected.set(week, e);
        e.claudeCommits++;
        const team = teamOf(c.author.login as string);
        e.byTeam[team] = (e.byTeam[team] ?? 0) + 1;
        e.byRepository[`${ORG}/${repo.name}`] = (e.byRepository[`${ORG}/${repo.name}`] ?? 0) + 1;
        e.byClassification[classification[repo.name] as string] = (e.byClassification[classification[repo.name] as string] ?? 0) + 1;
      }
    }
    expect(report.weeks.map((w) => w.week)).toEqual([...expected.keys()].sort());
    expect(report.weeks.map((w) => w.week)).toEqual(["2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49"]);
    for (const w of report.weeks) expect(w).toEqual({ week: w.week, start: `${isoWeekStart(w.week)}T00:00:00.000Z`, ...expected.get(w.week) });

    // Requests: one commit-list request per 100 commits of each repository, one read per Claude commit,
    // one team lookup per Claude author, and nothing per human or other agent's commit.
    const pages = world.repos.reduce((sum, r) => sum + Math.max(1, Math.ceil(r.commits.length / 100)), 0);
    expect(pages).toBe(2 + 1 + 1 + 1);
    expect(requests(/^\/api\/v3\/repos\/acme\/[^/]+\/commits$/)).toHaveLength(pages);
    const claudeShas = world.repos.flatMap(claudeOf).map((c) => c.sha);
    const reads = requests(/^\/api\/v3\/repos\/acme\/[^/]+\/commits\/[0-9a-f]{40}$/).map((r) => r.path.split("/").pop());
    expect(reads.sort()).toEqual([...claudeShas].sort());
    expect(requests(/^\/api\/graphql$/)).toHaveLength(3);
    expect(requests(/^\/api\/v3\/orgs\/acme\/(repos|properties\/values)$/)).toHaveLength(2);
    // Config: the org's file once, each repository's own once.
    expect(requests(/^\/api\/v3\/repos\/acme\/[^/]+\/contents\//).map((r) => r.path.split("/")[5]).sort()).toEqual([".github", ...world.repos.map((r) => r.name)].sort());
    expect(server.requests).toHaveLength(2 + pages + claudeShas.length + 3 + 1 + world.repos.length);
    // The checkpoint is gone once the run is complete.
    expect(existsSync(join(dir, "claude-guard-inventory.checkpoint.json"))).toBe(false);
  });

  it("flags each anomaly the world holds, with why, and no other", async () => {
    const report = JSON.parse((await inventory(["--org", ORG])).stdout) as InventoryReport;
    const [api, web, vault] = (["api", "web", "vault"] as const).map((name) => world.repos.find((r) => r.name === name) as FakeOrgRepo);
    const claudeApi = claudeOf(api as FakeOrgRepo);
    const claudeWeb = claudeOf(web as FakeOrgRepo);
    const claudeVault = claudeOf(vault as FakeOrgRepo);
    // api: week 48 holds six Claude commits against one a week in the four weeks before (mean 0.75).
    const apiW48 = claudeApi.filter((c) => isoWeek(c.date) === "2026-W48");
    const apiBefore = claudeApi.filter((c) => ["2026-W44", "2026-W45", "2026-W46", "2026-W47"].includes(isoWeek(c.date) as string));
    expect([apiW48.length, apiBefore.length]).toEqual([6, 3]);
    expect(apiW48.length > 3 && apiW48.length > 3 * (apiBefore.length / 4)).toBe(true);
    // web: Bob's three commits are all outside business hours, within 24 hours of the first.
    const burst = claudeWeb.filter((c) => isOffHours(c.date, DEFAULT_BUSINESS_HOURS));
    expect(burst).toHaveLength(3);
    expect(Date.parse(burst[2]?.date as string) - Date.parse(burst[0]?.date as string)).toBeLessThanOrEqual(24 * 3600 * 1000);
    const last = (list: FakeOrgCommit[]) => [...list].sort((a, b) => a.date.localeCompare(b.date)).pop()?.date;
    expect(report.anomalies.map((a) => [a.kind, a.repository, a.at])).toEqual([
      ["new-skill", "acme/api", claudeApi.find((c) => c.message.includes("Claude-Skill: review"))?.date], // review, first seen
      ["weekly-spike", "acme/api", last(apiW48)],
      ["new-skill", "acme/web", claudeWeb.find((c) => c.files.some((f) => f.filename.includes("skills/deploy")))?.date], // deploy, first seen
      ["skill-outside-teams", "acme/web", claudeWeb[0]?.date], // Bob is in payments and web, not platform
      ["off-hours-burst", "acme/web", last(burst)],
      ["first-restricted-change", "acme/vault", claudeVault[0]?.date],
      ["skill-outside-teams", "acme/vault", claudeVault[0]?.date], // Carol is in no team
    ]);
    const reason = (kind: string, repo: string) => report.anomalies.find((a) => a.kind === kind && a.repository === repo)?.reason ?? "";
    expect(reason("weekly-spike", "acme/api")).toMatch(/^6 Claude changes in acme\/api in 2026-W48, against a mean of 0\.75 a week/);
    expect(reason("off-hours-burst", "acme/web")).toMatch(/^3 Claude commits in acme\/web outside business hours/);
    expect(reason("skill-outside-teams", "acme/vault")).toContain("no team is known for its author");
    // The Markdown lists them too.
    const md = (await inventory(["--org", ORG, "--format", "markdown"])).stdout;
    expect(md.split("## Anomalies")[1]?.match(/^- \*\*/gm)).toHaveLength(report.anomalies.length);
  });

  it("draws the charts from the weekly series and writes one CSV row per repository", async () => {
    const json = JSON.parse((await inventory(["--org", ORG])).stdout) as InventoryReport;
    const md = (await inventory(["--org", ORG, "--format", "markdown"])).stdout;
    const chart = /```mermaid\nxychart-beta\n[^`]*?x-axis \[([^\]]*)\]\n[^`]*?bar \[([^\]]*)\]/.exec(md);
    expect(chart?.[1]).toBe(json.weeks.map((w) => `"${w.week}"`).join(", "));
    expect(chart?.[2]?.split(", ").map(Number)).toEqual(json.weeks.map((w) => w.claudeCommits));
    expect(chart?.[2]).toBe("1, 1, 1, 9, 1"); // W45-W47 one each; W48 Alice's six and Bob's weekend three; W49 Carol
    // The team pie: each team's total over the weeks.
    const pie = /pie showData title Claude commits by team\n((?: {2}.*\n)+)/.exec(md)?.[1] ?? "";
    const slices = Object.fromEntries([...pie.matchAll(/"([^"]+)" : (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    const teamTotals: Record<string, number> = {};
    for (const repo of world.repos) for (const c of claudeOf(repo)) teamTotals[teamOf(c.author.login as string)] = (teamTotals[teamOf(c.author.login as string)] ?? 0) + 1;
    expect(slices).toEqual(teamTotals);
    expect(teamTotals).toEqual({ "acme/platform": 8, "acme/payments": 4, [NO_TEAM]: 1 });

    const csv = (await inventory(["--org", ORG, "--format", "csv"])).stdout.trimEnd().split("\r\n");
    expect(csv).toHaveLength(1 + world.repos.length);
    expect(csv[0]).toMatch(/^repository,classification,classification_source,commits_read,claude_commits,lines_added,/);
    expect(csv.find((row) => row.startsWith("acme/web,"))).toMatch(/^acme\/web,internal,repository visibility \(internal\),6,3,15,bob:3,acme\/payments;acme\/web,/);
  });

  it("with --scan, counts findings on the lines Claude added, from the same one read per commit", async () => {
    const out = await inventory(["--org", ORG, "--scan"]);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as InventoryReport;
    const vault = report.repositories.find((r) => r.name === "acme/vault");
    expect(vault?.claude.findings).toMatchObject({ total: 1, byCategory: { secret: 1 } });
    expect(report.repositories.find((r) => r.name === "acme/api")?.claude.findings).toEqual({ total: 0, byCategory: {}, bySeverity: {} });
    expect(report.totals.findings?.total).toBe(1);
    expect(requests(/^\/api\/v3\/repos\/acme\/[^/]+\/commits\/[0-9a-f]{40}$/)).toHaveLength(13);
    expect(out.stdout).not.toContain("ghp_");
  });

  it("waits out a rate limit and says so", async () => {
    await server.stop();
    world = buildWorld();
    world.interruptions = [
      {
        pathPrefix: "/api/v3/repos/acme/web/commits",
        status: 403,
        data: { message: "API rate limit exceeded for installation." },
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000)) },
      },
    ];
    await startFake(world);
    const out = await inventory(["--org", ORG, "--repos", "web"]);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/rate limit reached.*; waiting \d+ s/);
    expect((JSON.parse(out.stdout) as InventoryReport).totals.claudeCommits).toBe(3);
  });

  it("resumes from its checkpoint after a failure, without reading finished repositories again", async () => {
    await server.stop();
    world = buildWorld();
    world.interruptions = [{ pathPrefix: "/api/v3/repos/acme/vault/commits", status: 502, data: { message: "Bad Gateway" } }];
    await startFake(world);
    const first = await inventory(["--org", ORG]);
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/HTTP 502.*run the same command again to resume/);
    expect(existsSync(join(dir, "claude-guard-inventory.checkpoint.json"))).toBe(true);
    const before = server.requests.length;
    const second = await inventory(["--org", ORG]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("resuming from claude-guard-inventory.checkpoint.json: 2 repositories already read");
    const again = server.requests.slice(before).map((r) => r.path);
    expect(again.filter((p) => /\/repos\/acme\/(api|docs)\/commits/.test(p))).toEqual([]);
    expect((JSON.parse(second.stdout) as InventoryReport).totals.claudeCommits).toBe(13);
  });

  it("splits the repositories into shards that merge back into the whole report", async () => {
    const whole = JSON.parse((await inventory(["--org", ORG])).stdout) as InventoryReport;
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const out = await inventory(["--org", ORG, "--shard", `${i}/3`, "--output", `shard-${i}.json`]);
      expect(out.code).toBe(0);
      const shard = JSON.parse(readFileSync(join(dir, `shard-${i}.json`), "utf8")) as InventoryReport;
      expect(shard.repositories.map((r) => r.name)).toEqual(world.repos.filter((r) => inShard(r.name, i, 3)).map((r) => `${ORG}/${r.name}`));
      files.push(`shard-${i}.json`);
    }
    // The anomalies follow the org's config (the skills policy): merge is given it as the shards read it.
    writeFileSync(join(dir, "org.yml"), world.orgConfig as string);
    const merged = await inventory(["merge", ...files, "--config", "org.yml"]);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.stdout)).toEqual(whole);
    // The same shard twice overlaps: refused.
    writeFileSync(join(dir, "again.json"), readFileSync(join(dir, files[0] as string)));
    const overlap = await inventory(["merge", files[0] as string, "again.json"]);
    if (JSON.parse(readFileSync(join(dir, files[0] as string), "utf8")).repositories.length > 0) expect(overlap).toMatchObject({ code: 2, stderr: expect.stringContaining("the shards overlap") });
  });
});
