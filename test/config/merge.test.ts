import { describe, expect, it } from "@jest/globals";
import { formatConfigError, parseConfig, type GuardConfig } from "../../src/core/config/config.js";
import { configSourceRef, mergeConfigs, policyRefForPullRequest } from "../../src/core/config/merge.js";

const ORG = "acme/.github:.github/claude-guard.yml";
const REPO = ".github/claude-guard.yml";

/** Parses a config that must be valid (a typo in a test must not pass as a merge result). */
function cfg(...lines: string[]): { config: GuardConfig; locate: ReturnType<typeof parseConfig>["locate"] } {
  const parsed = parseConfig(lines.join("\n") + "\n", "test.yml");
  expect(parsed.errors.map(formatConfigError)).toEqual([]);
  return parsed;
}

function merge(org: string[], repo: string[]) {
  const repoParsed = cfg(...repo);
  return mergeConfigs(cfg(...org).config, repoParsed.config, { orgFile: ORG, repoFile: REPO, repoLocate: repoParsed.locate });
}

describe("mergeConfigs: presence", () => {
  it("with neither file, gives the defaults", () => {
    expect(mergeConfigs(undefined, undefined)).toEqual({ config: parseConfig("", "x").config, warnings: [] });
  });

  it("with no repository file, the org's applies (without _extends)", () => {
    const org = cfg("failOn: low", "_extends: policies").config;
    const { config, warnings } = mergeConfigs(org, undefined);
    expect(config.failOn).toBe("low");
    expect(config._extends).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it("with no org file, the repository's applies as written, except audit", () => {
    const repo = cfg("failOn: critical", "audit: { repository: elsewhere }");
    const { config, warnings } = mergeConfigs(undefined, repo.config, { repoFile: REPO, repoLocate: repo.locate });
    expect(config.failOn).toBe("critical");
    expect(config.audit).toBeUndefined();
    expect(warnings.map(formatConfigError)).toEqual([
      `${REPO}:2: warning: audit: ignored: audit is set at org level only (.github repository: .github/claude-guard.yml); a repository's config cannot redirect it`,
    ]);
  });

  it("never changes its inputs and shares no objects with them", () => {
    const org = cfg("skills: { 'deploy/*': { teams: [platform, sre] } }").config;
    const repo = cfg("skills: { 'deploy/*': { teams: [platform] } }").config;
    const before = structuredClone([org, repo]);
    const { config } = mergeConfigs(org, repo);
    config.skills["deploy/*"]?.teams?.push("mutated");
    expect([org, repo]).toEqual(before);
  });
});

describe("mergeConfigs: scalars", () => {
  it("classification: the repository's wins, also when lower (it states its own data)", () => {
    expect(merge(["classification: confidential"], ["classification: internal"]).config.classification).toBe("internal");
    expect(merge(["classification: confidential"], ["failOn: high"]).config.classification).toBe("confidential");
  });

  it("classificationProperty: the org's, always; a repository's own value is a warning", () => {
    const { config, warnings } = merge(["classificationProperty: sensitivity"], ["classificationProperty: whatever_is_unset"]);
    expect(config.classificationProperty).toBe("sensitivity");
    expect(warnings).toEqual([expect.objectContaining({ key: "classificationProperty", line: 1, severity: "warning" })]);
    // Not written in the repository's file: the org's applies, silently.
    expect(merge(["classificationProperty: sensitivity"], ["failOn: high"]).warnings).toEqual([]);
  });

  it("failOn: a repository may lower the threshold (tighten), not raise it", () => {
    expect(merge(["failOn: high"], ["failOn: low"])).toEqual({ config: expect.objectContaining({ failOn: "low" }), warnings: [] });
    const loosened = merge(["failOn: medium"], ["failOn: none"]);
    expect(loosened.config.failOn).toBe("medium");
    expect(loosened.warnings.map(formatConfigError)).toEqual([
      `${REPO}:1: warning: failOn: "none" would fail on fewer findings than the org's "medium": a repository may only lower the threshold; "medium" applies`,
    ]);
    // Unwritten in the repository's file (default "high"), the org's stricter value applies, silently.
    expect(merge(["failOn: low"], ["classification: internal"])).toMatchObject({ config: { failOn: "low" }, warnings: [] });
  });
});

describe("mergeConfigs: lists are concatenated", () => {
  it("authorship markers and ignored paths add up, without duplicates", () => {
    const { config } = merge(
      ["authorship: { markers: ['^Org-Agent: '] }", "paths: { ignore: ['**/vendor/**'] }"],
      ["authorship: { markers: ['^Repo-Agent: ', '^Org-Agent: '] }", "paths: { ignore: ['**/testdata/**'] }"],
    );
    expect(config.authorship.markers).toEqual(["^Org-Agent: ", "^Repo-Agent: "]);
    expect(config.paths.ignore).toEqual(["**/vendor/**", "**/testdata/**"]);
  });

  it("rules add up; a repository rule reusing an org rule's id is not applied", () => {
    const { config, warnings } = merge(
      ["rules: [{ id: acme-token, regex: 'acme_[a-z]{8}', keywords: [acme_], severity: critical }]"],
      ["rules:", "  - { id: team-token, regex: 'team_[a-z]{8}', keywords: [team_] }", "  - { id: acme-token, regex: 'acme_[a-z]{2}', keywords: [acme_], severity: low }"],
    );
    expect(config.rules.map((r) => [r.id, r.severity])).toEqual([
      ["acme-token", "critical"],
      ["team-token", "high"],
    ]);
    expect(warnings).toEqual([expect.objectContaining({ key: "rules[1].id", line: 3, message: expect.stringContaining('already defines a rule "acme-token"') })]);
  });
});

describe("mergeConfigs: skills may only be tightened", () => {
  const org = ["skills:", "  'deploy/*': { maxClassification: internal, teams: [platform, sre] }", "  'review/*': { maxClassification: confidential }"];

  it("keeps org patterns the repository does not mention and adds the repository's own", () => {
    const { config, warnings } = merge(org, ["skills: { 'docs/*': { maxClassification: public } }"]);
    expect(config.skills).toEqual({
      "deploy/*": { maxClassification: "internal", teams: ["platform", "sre"] },
      "review/*": { maxClassification: "confidential" },
      "docs/*": { maxClassification: "public" },
    });
    expect(warnings).toEqual([]);
  });

  it("lowers maxClassification (tightening)", () => {
    const { config, warnings } = merge(org, ["skills: { 'deploy/*': { maxClassification: public } }"]);
    expect(config.skills["deploy/*"]).toEqual({ maxClassification: "public", teams: ["platform", "sre"] });
    expect(warnings).toEqual([]);
  });

  it("refuses to raise maxClassification above the org's (loosening), with a warning at its line", () => {
    const { config, warnings } = merge(org, ["skills:", "  'deploy/*':", "    maxClassification: restricted"]);
    expect(config.skills["deploy/*"]?.maxClassification).toBe("internal");
    expect(warnings.map(formatConfigError)).toEqual([
      `${REPO}:3: warning: skills["deploy/*"].maxClassification: "restricted" is above the org's "internal": a repository may only lower a skill's maxClassification; "internal" applies`,
    ]);
  });

  it("sets a maxClassification the org left open", () => {
    expect(merge(org, ["skills: { 'review/*': { teams: [reviewers] } }"]).config.skills["review/*"]).toEqual({ maxClassification: "confidential", teams: ["reviewers"] });
  });

  it("narrows teams to a subset (tightening)", () => {
    const { config, warnings } = merge(org, ["skills: { 'deploy/*': { teams: [Platform] } }"]);
    expect(config.skills["deploy/*"]?.teams).toEqual(["Platform"]);
    expect(warnings).toEqual([]);
  });

  it("refuses to add teams the org does not allow (loosening)", () => {
    const { config, warnings } = merge(org, ["skills: { 'deploy/*': { teams: [platform, interns] } }"]);
    expect(config.skills["deploy/*"]?.teams).toEqual(["platform"]);
    expect(warnings).toEqual([expect.objectContaining({ key: 'skills["deploy/*"].teams', message: expect.stringContaining('"interns" not applied') })]);
  });

  it("cannot remove the org's teams restriction by leaving teams out", () => {
    expect(merge(org, ["skills: { 'deploy/*': { maxClassification: internal } }"]).config.skills["deploy/*"]?.teams).toEqual(["platform", "sre"]);
  });
});

describe("mergeConfigs: permissions may only be tightened", () => {
  const org = ["permissions:", "  restricted: { forbid: ['Bash(*)', WebFetch], mcpServers: [approved-server, docs-server] }"];

  it("unites forbidden permissions: a repository can forbid more, never un-forbid", () => {
    const { config } = merge(org, ["permissions:", "  restricted: { forbid: [WebSearch] }", "  internal: { forbid: [WebFetch] }"]);
    expect(config.permissions.restricted?.forbid).toEqual(["Bash(*)", "WebFetch", "WebSearch"]);
    expect(config.permissions.internal).toEqual({ forbid: ["WebFetch"] });
  });

  it("an empty forbid list in the repository changes nothing", () => {
    expect(merge(org, ["permissions: { restricted: { forbid: [] } }"]).config.permissions.restricted?.forbid).toEqual(["Bash(*)", "WebFetch"]);
  });

  it("narrows the MCP allowlist; servers the org did not approve are not applied", () => {
    expect(merge(org, ["permissions: { restricted: { mcpServers: [docs-server] } }"]).config.permissions.restricted?.mcpServers).toEqual(["docs-server"]);
    const { config, warnings } = merge(org, ["permissions: { restricted: { mcpServers: [approved-server, shady-server] } }"]);
    expect(config.permissions.restricted?.mcpServers).toEqual(["approved-server"]);
    expect(warnings).toEqual([expect.objectContaining({ key: "permissions.restricted.mcpServers", message: expect.stringContaining('"shady-server" not applied') })]);
  });

  it("keeps the org's allowlist when the repository sets none, and applies the repository's where the org has none", () => {
    expect(merge(org, ["permissions: { restricted: { forbid: [X] } }"]).config.permissions.restricted?.mcpServers).toEqual(["approved-server", "docs-server"]);
    expect(merge(["failOn: high"], ["permissions: { restricted: { mcpServers: [mine] } }"]).config.permissions.restricted).toEqual({ forbid: [], mcpServers: ["mine"] });
  });
});

describe("mergeConfigs: content and audit", () => {
  it("content paths unite; for the same glob the higher classification stays", () => {
    const { config, warnings } = merge(
      ["content: { paths: { '**/payments/**': confidential, '**/hr/**': restricted } }"],
      ["content:", "  paths:", "    '**/payments/**': restricted", "    '**/hr/**': internal", "    '**/legal/**': confidential"],
    );
    expect(config.content.paths).toEqual({ "**/payments/**": "restricted", "**/hr/**": "restricted", "**/legal/**": "confidential" });
    expect(warnings).toEqual([expect.objectContaining({ key: 'content.paths["**/hr/**"]', line: 4 })]);
  });

  it("business hours: the org's when set, else the repository's", () => {
    const orgHours = "content: { businessHours: { timezone: Europe/Berlin } }";
    const repoHours = "content: { businessHours: { timezone: America/New_York } }";
    const both = merge([orgHours], [repoHours]);
    expect(both.config.content.businessHours?.timezone).toBe("Europe/Berlin");
    expect(both.warnings).toEqual([expect.objectContaining({ key: "content.businessHours" })]);
    expect(merge(["failOn: high"], [repoHours]).config.content.businessHours?.timezone).toBe("America/New_York");
  });

  it("audit comes from the org only; a repository's audit key is ignored with a warning", () => {
    const { config, warnings } = merge(["audit: { repository: governance, notify: [acme/security] }"], ["audit:", "  repository: my-public-repo"]);
    expect(config.audit).toEqual({ repository: "governance", notify: ["acme/security"] });
    expect(warnings).toEqual([expect.objectContaining({ key: "audit", line: 1, severity: "warning" })]);
  });
});

describe("the config governing a pull request comes from its base", () => {
  // Why: read from the head, the pull request under review could rewrite its own judge: the change
  // that adds `Bash(*)` to .claude/settings.json could also set `failOn: none` or raise a skill's
  // maxClassification, and the check would pass. From the base, a policy change only applies once
  // it has been reviewed and merged.
  it("configSourceRef returns the base ref, never the head", () => {
    expect(configSourceRef({ baseRef: "main", headRef: "claude/widen-permissions" })).toBe("main");
  });

  it("policyRefForPullRequest reads the base sha of a webhook payload (else the base branch)", () => {
    const event = { pull_request: { base: { ref: "main", sha: "b".repeat(40) }, head: { ref: "feature", sha: "h".repeat(40) } } };
    expect(policyRefForPullRequest(event)).toBe("b".repeat(40));
    expect(policyRefForPullRequest({ pull_request: { base: { ref: "main" }, head: { ref: "feature" } } })).toBe("main");
  });
});
