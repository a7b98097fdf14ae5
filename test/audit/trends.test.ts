import { describe, expect, it } from "@jest/globals";
import {
  anomalyOptionsOf,
  buildAuditRecord,
  changeFactsFromRecords,
  checkRecordSignature,
  deriveControls,
  findAnomalies,
  orgFactsOf,
  renderDashboard,
  signRecord,
  weeklyClaudeChanges,
  type AnomalyOptions,
  type ClaudeChangeFact,
} from "../../src/core/audit/index.js";
import { DEFAULT_CONFIG, parseConfig } from "../../src/core/config/config.js";
import { claudeChange, HMAC_KEY, recordInput, sha } from "./fixtures.js";

const DEFAULTS = anomalyOptionsOf(DEFAULT_CONFIG);
let next = 0;
/** One Claude commit: repository `acme/<repo>`, author date `date` (UTC). */
function fact(repo: string, date: string, extra: Partial<ClaudeChangeFact> = {}): ClaudeChangeFact {
  return { repository: `acme/${repo}`, classification: "internal", sha: sha(++next), date, login: "jane-dev", teams: ["acme/web"], skills: [], ...extra };
}
/** `n` commits on a weekday (Wednesday `day`) at business hours, an hour apart. */
const weekdayCommits = (repo: string, day: string, n: number, extra: Partial<ClaudeChangeFact> = {}): ClaudeChangeFact[] =>
  Array.from({ length: n }, (_, i) => fact(repo, `${day}T${String(10 + (i % 7)).padStart(2, "0")}:00:00.000Z`, extra));
const only = (options: Partial<AnomalyOptions>, kinds: string[]): AnomalyOptions => ({
  ...DEFAULTS,
  ...options,
  ignore: (["weekly-spike", "first-restricted-change", "off-hours-burst", "new-skill", "skill-outside-teams"] as const).filter((k) => !kinds.includes(k)),
});

describe("Claude changes per week", () => {
  it("counts each commit once by team, repository and classification, with empty weeks as zeros", () => {
    const facts = [
      ...weekdayCommits("api", "2026-11-04", 2, { teams: ["acme/platform", "acme/web"] }),
      fact("vault", "2026-11-05T10:00:00Z", { classification: "restricted", teams: [] }),
      fact("api", "2026-11-19T10:00:00Z", { classification: null }),
    ];
    const weeks = weeklyClaudeChanges(facts);
    expect(weeks.map((w) => [w.week, w.claudeCommits])).toEqual([
      ["2026-W45", 3],
      ["2026-W46", 0],
      ["2026-W47", 1],
    ]);
    expect(weeks[0]).toMatchObject({
      start: "2026-11-02T00:00:00.000Z",
      byTeam: { "acme/platform": 2, "no team": 1 },
      byRepository: { "acme/api": 2, "acme/vault": 1 },
      byClassification: { internal: 2, restricted: 1 },
    });
    expect(weeks[2]?.byClassification).toEqual({ unclassified: 1 });
    expect(weeklyClaudeChanges(facts, 2).map((w) => w.week)).toEqual(["2026-W46", "2026-W47"]);
    expect(weeklyClaudeChanges([])).toEqual([]);
  });
});

describe("anomalies", () => {
  it("flags a week above 3 changes and above 3 times the mean of the 4 weeks before, with the numbers", () => {
    const facts = [
      ...weekdayCommits("api", "2026-10-07", 1), // W41
      ...weekdayCommits("api", "2026-10-14", 1), // W42
      ...weekdayCommits("api", "2026-10-28", 2), // W44 (W43 empty): mean 1
      ...weekdayCommits("api", "2026-11-04", 7), // W45: 7 > 3 and 7 > 3 x 1
      ...weekdayCommits("api", "2026-11-11", 4), // W46: mean (0+1+2+7)/4 = 2.5, 4 is not above 7.5
      ...weekdayCommits("web", "2026-11-04", 3), // a first week of 3 is not more than 3
    ];
    const spikes = findAnomalies(facts, only({}, ["weekly-spike"]));
    expect(spikes).toEqual([
      {
        kind: "weekly-spike",
        repository: "acme/api",
        week: "2026-W45",
        at: "2026-11-04T16:00:00.000Z",
        reason: "7 Claude changes in acme/api in 2026-W45, against a mean of 1 a week over the 4 weeks before (2026-W41 to 2026-W44, 4 in all): more than 3 and more than 3 times that mean.",
      },
    ]);
    // The thresholds are the config's.
    const config = parseConfig("audit:\n  anomalies:\n    weeklySpike: { min: 3, factor: 1.5, baselineWeeks: 2 }\n", "org.yml");
    expect(config.errors).toEqual([]);
    const looser = findAnomalies(facts, only({ thresholds: anomalyOptionsOf(config.config).thresholds }, ["weekly-spike"]));
    // W45: 7 > 1.5 x mean(W43 0, W44 2) = 1.5; W46: 4 > 1.5 x mean(2, 7) = 6.75 is false.
    expect(looser.map((a) => [a.week, a.reason.slice(0, 60)])).toEqual([["2026-W45", "7 Claude changes in acme/api in 2026-W45, against a mean of "]]);
  });

  it("flags the first Claude change in a restricted repository, once", () => {
    const facts = [fact("vault", "2026-11-05T11:00:00Z", { classification: "restricted", login: "sam-ops" }), fact("vault", "2026-11-04T10:30:00Z", { classification: "restricted" }), fact("api", "2026-11-03T10:00:00Z")];
    const found = findAnomalies(facts, only({}, ["first-restricted-change"]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "first-restricted-change", repository: "acme/vault", week: "2026-W45", at: "2026-11-04T10:30:00Z" });
    expect(found[0]?.reason).toBe(`First Claude change in acme/vault, classified restricted: commit ${(facts[1]?.sha ?? "").slice(0, 7)} by \`@jane-dev\` on Nov 4, 2026 10:30 UTC.`);
  });

  it("flags 3 commits outside business hours within 24 hours as one burst, per repository", () => {
    const saturday = ["2026-11-07T01:00:00Z", "2026-11-07T09:00:00Z", "2026-11-07T23:00:00Z", "2026-11-07T23:30:00Z"].map((d) => fact("api", d));
    const spread = ["2026-11-09T19:00:00Z", "2026-11-10T20:00:00Z", "2026-11-11T21:00:00Z"].map((d) => fact("api", d)); // evenings, a day apart
    const twoOnly = ["2026-11-14T02:00:00Z", "2026-11-14T03:00:00Z", "2026-11-14T10:00:00Z"].map((d, i) => fact(i === 2 ? "web" : "api", d));
    const found = findAnomalies([...saturday, ...spread, ...twoOnly], only({}, ["off-hours-burst"]));
    expect(found).toEqual([
      {
        kind: "off-hours-burst",
        repository: "acme/api",
        week: "2026-W45",
        at: "2026-11-07T23:30:00Z",
        reason:
          "4 Claude commits in acme/api outside business hours (mon, tue, wed, thu, fri 09:00-18:00 UTC) within 24 hours, from Nov 7, 2026 01:00 UTC to Nov 7, 2026 23:30 UTC (by `@jane-dev`): 3 or more make a burst.",
      },
    ]);
    // The org's business hours decide: 19:00-21:00 UTC is inside 09:00-18:00 in New York on weekdays.
    const config = parseConfig("content:\n  businessHours: { timezone: America/New_York }\naudit:\n  anomalies:\n    offHoursBurst: { commits: 2, hours: 48 }\n", "org.yml");
    expect(config.errors).toEqual([]);
    const newYork = findAnomalies([...spread, ...twoOnly], { ...anomalyOptionsOf(config.config), ignore: ["new-skill", "first-restricted-change", "weekly-spike"] });
    expect(newYork.map((a) => [a.kind, a.repository, a.reason.slice(0, 40)])).toEqual([["off-hours-burst", "acme/api", "2 Claude commits in acme/api outside bus"]]);
  });

  it("flags a skill the first time the organization sees it, and a team-limited skill run by someone outside its teams", () => {
    const config = parseConfig('skills:\n  "deploy/*": { teams: [platform] }\n', "org.yml").config;
    const facts = [
      fact("api", "2026-11-03T10:00:00Z", { skills: ["deploy/prod"], teams: ["acme/platform"], login: "pat" }),
      fact("web", "2026-11-04T10:00:00Z", { skills: ["deploy/prod", "code-review"], teams: ["acme/web"], login: "jane-dev" }),
      fact("web", "2026-11-05T10:00:00Z", { skills: ["deploy/prod"], teams: ["acme/web"], login: "jane-dev" }), // the same person again: once
      fact("web", "2026-11-05T11:00:00Z", { skills: ["Deploy/Prod"], teams: [], login: "ghost" }),
    ];
    const found = findAnomalies(facts, anomalyOptionsOf(config));
    expect(found.map((a) => [a.kind, a.repository, a.at])).toEqual([
      ["new-skill", "acme/api", "2026-11-03T10:00:00Z"],
      ["new-skill", "acme/web", "2026-11-04T10:00:00Z"],
      ["skill-outside-teams", "acme/web", "2026-11-04T10:00:00Z"],
      ["skill-outside-teams", "acme/web", "2026-11-05T11:00:00Z"],
    ]);
    expect(found[1]?.reason).toContain("Skill `code-review` seen for the first time");
    expect(found[2]?.reason).toContain('Skill `deploy/prod` may only be run by `platform` (`skills."deploy/*".teams`)');
    expect(found[2]?.reason).toContain("`@jane-dev` is in `acme/web`");
    expect(found[3]?.reason).toContain("no team is known for its author");
    // Kinds can be switched off.
    expect(findAnomalies(facts, { ...anomalyOptionsOf(config), ignore: ["new-skill"] }).map((a) => a.kind)).toEqual(["skill-outside-teams", "skill-outside-teams"]);
  });

  it("refuses thresholds that make no sense, naming the key", () => {
    const { errors } = parseConfig("audit:\n  anomalies:\n    weeklySpike: { factor: 0 }\n    ignore: [spikes]\n", "org.yml");
    expect(errors.map((e) => e.key)).toEqual(["audit.anomalies.weeklySpike.factor", "audit.anomalies.ignore[0]"]);
  });
});

describe("on the audit issue", () => {
  const record = (n: number, when: string, overrides: { team?: string; repo?: string; classification?: string; commits?: string[] } = {}) => {
    const dates = overrides.commits ?? [when];
    const changes = dates.map((date, i) => {
      const change = claudeChange(100 * n + i);
      change.commit.date = date;
      return change;
    });
    return buildAuditRecord(
      recordInput({
        timestamp: when,
        session: { type: "webhook-delivery", id: `delivery-${n}` },
        repository: { owner: "acme", name: overrides.repo ?? "api" },
        classification: { value: overrides.classification ?? "internal", source: "config" },
        ...(overrides.team ? { team: overrides.team } : {}),
        change: { type: "pull_request", number: n },
        headSha: sha(n),
        changes,
        claudeCommits: changes.length,
        findings: [],
      }),
    );
  };

  it("records keep each commit's author date, signed; older field tags still verify", () => {
    const r = record(1, "2026-11-09T12:00:00.000Z", { commits: ["2026-11-07T23:00:00+01:00"] });
    expect(r.input_summary.commit_dates).toEqual(["2026-11-07T22:00:00.000Z"]);
    const signature = signRecord(HMAC_KEY, r);
    expect(checkRecordSignature(HMAC_KEY, r as never, signature)).toMatchObject({ valid: true, changed: [], added: [] });
    const edited = { ...r, input_summary: { ...r.input_summary, commit_dates: ["2026-11-09T10:00:00.000Z"] } };
    expect(checkRecordSignature(HMAC_KEY, edited as never, signature)).toMatchObject({ valid: false, changed: ["input_summary.commit_dates"] });
    // A record written before author dates were kept: its tags cover one field fewer.
    const { commit_dates: _dates, ...olderInput } = r.input_summary;
    const older = { ...r, input_summary: olderInput };
    const olderSignature = signRecord(HMAC_KEY, older);
    const oldTags = { record: olderSignature.record, fields: (olderSignature.fields ?? "").slice(0, -8) };
    expect(checkRecordSignature(HMAC_KEY, older as never, oldTags)).toMatchObject({ valid: true, changed: [], fieldsKnown: true });
  });

  it("charts Claude changes per week by team and classification, and lists anomalies under Needs action", () => {
    const records = [
      record(1, "2026-10-21T12:00:00.000Z", { team: "acme/web" }), // W43
      record(2, "2026-11-02T12:00:00.000Z", { team: "acme/platform", repo: "vault", classification: "restricted" }), // W45
      // A burst on Saturday night, by author date; scanned on Monday.
      record(3, "2026-11-09T12:00:00.000Z", { team: "acme/web", commits: ["2026-11-07T22:00:00Z", "2026-11-07T23:00:00Z", "2026-11-08T01:00:00Z", "2026-11-09T11:00:00Z"] }),
      // The same pull request scanned again lists the same commits: counted once.
      { ...record(3, "2026-11-09T13:00:00.000Z", { team: "acme/web", commits: ["2026-11-07T22:00:00Z", "2026-11-07T23:00:00Z", "2026-11-08T01:00:00Z", "2026-11-09T11:00:00Z"] }), session: { type: "webhook-delivery" as const, id: "delivery-3b" } },
    ];
    const facts = changeFactsFromRecords(records);
    expect(facts).toHaveLength(6);
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records, controls: deriveControls(records, orgFactsOf(DEFAULT_CONFIG)), anomalies: anomalyOptionsOf(DEFAULT_CONFIG) });
    const section = body.slice(body.indexOf("## Claude changes per week"), body.indexOf("## Repositories"));
    expect(section).toContain('x-axis ["2026-W43", "2026-W44", "2026-W45", "2026-W46"]');
    const byTeam = section.slice(section.indexOf('title "By team"'), section.indexOf("```", section.indexOf('title "By team"')));
    expect(byTeam).toContain("line [1, 0, 3, 1]\n"); // acme/web
    expect(byTeam).toContain("line [0, 0, 1, 0]\n"); // acme/platform
    expect(section).toContain("Lines: `acme/web` (blue), `acme/platform` (green).");
    const byClass = section.slice(section.indexOf('title "By classification"'), section.indexOf("```", section.indexOf('title "By classification"')));
    expect(byClass).toContain("line [1, 0, 3, 1]\n"); // internal
    expect(byClass).toContain("line [0, 0, 1, 0]\n"); // restricted
    expect(section).toContain("- 2026-W45: 4 (`acme/web` 3, `acme/platform` 1; `internal` 3, `restricted` 1)");
    expect(section).toContain("- 2026-W44: 0\n");

    const needs = body.slice(body.indexOf("## Needs action"), body.indexOf("\n## ", body.indexOf("## Needs action") + 3));
    expect(needs).toContain("## Needs action (2)");
    const rows = needs.split("\n").filter((l) => l.startsWith("| **"));
    expect(rows).toEqual([
      expect.stringMatching(/^\| \*\*Burst outside business hours\*\* \| `acme\/api` \| 3 Claude commits in acme\/api outside business hours .* \| 2026-W45 \|$/),
      expect.stringMatching(/^\| \*\*First change in a restricted repository\*\* \| `acme\/vault` \| First Claude change in acme\/vault.* \| 2026-W45 \|$/),
    ]);
    // A login in the body is a code span: the issue never mentions (notifies) anyone.
    expect(body).not.toMatch(/(?<!`)@jane-dev/);
  });
});
