import { describe, expect, it } from "@jest/globals";
import {
  CLASSIFICATIONS,
  DEFAULT_CONFIG,
  didYouMean,
  formatConfigError,
  guardConfigSchema,
  parseConfig,
  type ConfigError,
  type CustomRuleConfig,
  type GuardConfig,
} from "../../src/core/config/config.js";

const FILE = ".github/claude-guard.yml";
const lines = (...l: string[]) => l.join("\n") + "\n";
const parse = (text: string) => parseConfig(text, FILE);
/** The one error of a config, failing loudly if there are more or none. */
function onlyError(text: string): ConfigError {
  const { errors } = parse(text);
  expect(errors.map(formatConfigError)).toHaveLength(1);
  return errors[0] as ConfigError;
}

describe("parseConfig: valid configs", () => {
  it("reads every documented key", () => {
    const { config, errors } = parse(
      lines(
        "classification: confidential",
        "classificationProperty: data_class",
        "failOn: medium",
        "authorship:",
        "  markers: ['Assisted-by: bot']",
        "paths:",
        "  ignore: ['**/testdata/**']",
        "rules:",
        "  - { id: acme-token, regex: 'acme_[a-z]{8}', keywords: [acme_], severity: critical }",
        "skills:",
        "  'deploy/*': { maxClassification: internal, teams: [platform] }",
        "permissions:",
        "  restricted: { forbid: ['Bash(*)', WebFetch], mcpServers: [approved-server] }",
        "content:",
        "  paths: { '**/payments/**': confidential }",
        "  businessHours: { timezone: Europe/Berlin, days: [mon, tue, wed, thu, fri], start: '08:00', end: '19:00' }",
        "audit:",
        "  repository: governance",
        "  notify: [acme/security]",
        "_extends: acme/policies:claude-guard.yml",
      ),
    );
    expect(errors).toEqual([]);
    const expected: GuardConfig = {
      classification: "confidential",
      classificationProperty: "data_class",
      failOn: "medium",
      authorship: { markers: ["Assisted-by: bot"] },
      paths: { ignore: ["**/testdata/**"] },
      rules: [{ id: "acme-token", regex: "acme_[a-z]{8}", keywords: ["acme_"], category: "secret", severity: "critical" }],
      skills: { "deploy/*": { maxClassification: "internal", teams: ["platform"] } },
      permissions: { restricted: { forbid: ["Bash(*)", "WebFetch"], mcpServers: ["approved-server"] } },
      content: {
        paths: { "**/payments/**": "confidential" },
        businessHours: { timezone: "Europe/Berlin", days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" },
      },
      audit: { repository: "governance", notify: ["acme/security"] },
      _extends: "acme/policies:claude-guard.yml",
    };
    expect(config).toEqual(expected);
  });

  it("fills defaults: rule category and severity, business days and hours, permission lists", () => {
    const { config, errors } = parse(
      lines(
        "rules:",
        "  - id: acme-token",
        "    regex: 'acme_[a-z]{8}'",
        "    keywords: [acme_]",
        "permissions:",
        "  confidential: { mcpServers: [a] }",
        "content:",
        "  businessHours: { timezone: UTC }",
      ),
    );
    expect(errors).toEqual([]);
    const rule: CustomRuleConfig = { id: "acme-token", regex: "acme_[a-z]{8}", keywords: ["acme_"], category: "secret", severity: "high" };
    expect(config.rules).toEqual([rule]);
    expect(config.permissions).toEqual({ confidential: { forbid: [], mcpServers: ["a"] } });
    expect(config.content.businessHours).toEqual({ timezone: "UTC", days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" });
  });

  it("accepts an empty or comments-only file as the defaults, and DEFAULT_CONFIG is those defaults", () => {
    for (const text of ["", "\n\n", "# nothing yet\n", "  # indented comment\n\n# another\n", "---\n"]) {
      expect(parse(text)).toMatchObject({ config: DEFAULT_CONFIG, errors: [] });
    }
    expect(DEFAULT_CONFIG).toEqual({
      classificationProperty: "data_classification",
      failOn: "high",
      authorship: { markers: [] },
      paths: { ignore: [] },
      rules: [],
      skills: {},
      permissions: {},
      content: { paths: {} },
    });
    expect(Object.isFrozen(DEFAULT_CONFIG.paths.ignore)).toBe(true);
    // Written out so that no schema is built without a config file: it must stay what the schema says.
    expect(guardConfigSchema().parse({})).toEqual(DEFAULT_CONFIG);
  });

  it("treats a key with an empty value as not set (a section whose entries are all commented out)", () => {
    const { config, errors } = parse(lines("skills:", "#  'deploy/*': { maxClassification: internal }", "classification:", "paths:", "  ignore:"));
    expect(errors).toEqual([]);
    expect(config.skills).toEqual({});
    expect(config.classification).toBeUndefined();
    expect(config.paths.ignore).toEqual([]);
  });

  it("exports the classifications in ascending order", () => {
    expect(CLASSIFICATIONS).toEqual(["public", "internal", "confidential", "restricted"]);
  });

  it("suggests near misses only", () => {
    expect(didYouMean("fail_on", ["failOn", "paths"])).toBe(' (did you mean "failOn"?)');
    expect(didYouMean("zzzzzz", ["failOn", "paths"])).toBe("");
  });
});

describe("parseConfig: unknown keys, at every level, with a suggestion", () => {
  it("names file, key and line at the top level and one level down", () => {
    const { errors } = parse("failOn: high\nfial_on: low\npaths:\n  ignroe: []\n");
    expect(errors.map(formatConfigError)).toEqual([
      `${FILE}:2: fial_on: unknown key (did you mean "failOn"?); known keys: classification, classificationProperty, failOn, authorship, paths, rules, skills, permissions, content, hook, audit`,
      `${FILE}:4: paths.ignroe: unknown key (did you mean "ignore"?); known keys: ignore`,
    ]);
    expect(errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(errors[1]).toMatchObject({ line: 4, column: 3 });
  });

  it.each([
    ["authorship", "authorship:\n  marker: []\n", "authorship.marker", 2, "markers"],
    ["a rule", "rules:\n  - id: acme-token\n    regex: 'acme_[a-z]{8}'\n    keywords: [acme_]\n    severty: low\n", "rules[0].severty", 5, "severity"],
    ["a skill", "skills:\n  'deploy/*':\n    team: [platform]\n", 'skills["deploy/*"].team', 3, "teams"],
    ["permissions (a classification)", "permissions:\n  restrictd: { forbid: [] }\n", "permissions.restrictd", 2, "restricted"],
    ["a permission policy", "permissions:\n  restricted:\n    forbidden: [WebFetch]\n", "permissions.restricted.forbidden", 3, "forbid"],
    ["content", "content:\n  path: {}\n", "content.path", 2, "paths"],
    ["business hours", "content:\n  businessHours:\n    timezone: UTC\n    timeZone: UTC\n", "content.businessHours.timeZone", 4, "timezone"],
    ["audit", "audit:\n  repo: governance\n", "audit.repo", 2, "repository"],
    ["_extends", "_extend: other\n", "_extend", 1, "_extends"],
  ])("in %s", (_, text, key, line, suggestion) => {
    const error = onlyError(text);
    expect(error).toMatchObject({ file: FILE, key, line });
    expect(error.message).toContain(`unknown key (did you mean "${suggestion}"?)`);
  });

  it("lists the known keys without a suggestion when nothing is close", () => {
    expect(onlyError("paths:\n  qqqqqqqqqqqq: 1\n").message).toBe("unknown key; known keys: ignore");
  });
});

describe("parseConfig: wrong types and values say what was expected and what was found", () => {
  it.each([
    ["classification: secret", "classification", 'expected one of public, internal, confidential, restricted, got "secret"'],
    ["classification: [internal]", "classification", "expected one of public, internal, confidential, restricted, got a list"],
    ["classificationProperty: 'has space'", "classificationProperty", 'expected a custom property name such as `data_classification`, got "has space"'],
    ["failOn: sometimes", "failOn", 'expected one of critical, high, medium, low, none, got "sometimes"'],
    ["failOn: hihg", "failOn", 'got "hihg" (did you mean "high"?)'],
    ["failOn: 3", "failOn", "expected one of critical, high, medium, low, none, got 3"],
    ["authorship: [a]", "authorship", "expected a mapping with keys markers, got a list"],
    ["authorship:\n  markers: 'x'", "authorship.markers", 'expected a list of strings, got "x"'],
    ["authorship:\n  markers: [1]", "authorship.markers[0]", "expected a string, got 1"],
    ["paths: ignore", "paths", 'expected a mapping with keys ignore, got "ignore"'],
    ["paths:\n  ignore: notalist", "paths.ignore", 'expected a list of strings, got "notalist"'],
    ["paths:\n  ignore: ['']", "paths.ignore[0]", "expected a path glob such as `**/testdata/**`"],
    ["rules: {}", "rules", "expected a list of mappings { id, regex, keywords, category, severity, description, examples }, got a mapping"],
    ["rules:\n  - id: Bad Id\n    regex: x\n    keywords: [xx]", "rules[0].id", 'expected a kebab-case id such as `acme-internal-token`, got "Bad Id"'],
    ["rules:\n  - id: acme\n    regex: x\n    keywords: []", "rules[0].keywords", "give at least one keyword"],
    ["rules:\n  - id: acme\n    regex: x\n    keywords: [x]", "rules[0].keywords[0]", 'expected a keyword of at least 2 characters, got "x"'],
    ["rules:\n  - id: acme\n    regex: x\n    keywords: [xx]\n    category: policy", "rules[0].category", 'expected one of secret, placeholder, pii, got "policy"'],
    ["rules:\n  - id: acme\n    regex: x\n    keywords: [xx]\n    severity: urgent", "rules[0].severity", 'expected one of critical, high, medium, low, got "urgent"'],
    ["rules:\n  - id: acme\n    keywords: [xx]", "rules[0].regex", "required key is missing; expected a string"],
    ["skills: [deploy]", "skills", "expected a mapping of names to { maxClassification, teams }, got a list"],
    ["skills:\n  deploy: internal", "skills.deploy", 'expected a mapping with keys maxClassification, teams, got "internal"'],
    ["skills:\n  deploy: { maxClassification: top }", "skills.deploy.maxClassification", "expected one of public, internal, confidential, restricted"],
    ["skills:\n  deploy: { teams: platform }", "skills.deploy.teams", 'expected a list of strings, got "platform"'],
    ["skills:\n  deploy: { teams: ['@platform'] }", "skills.deploy.teams[0]", 'expected a GitHub team slug such as `platform` (or `acme/platform`, `@acme/platform`), got "@platform"'],
    ["permissions:\n  restricted: { forbid: 'Bash(*)' }", "permissions.restricted.forbid", 'expected a list of strings, got "Bash(*)"'],
    ["permissions:\n  restricted: { forbid: ['run anything'] }", "permissions.restricted.forbid[0]", "expected a Claude Code permission rule"],
    ["permissions:\n  restricted: { mcpServers: ['two words'] }", "permissions.restricted.mcpServers[0]", "expected an MCP server name"],
    ["content:\n  paths: { 'db/**': top-secret }", 'content.paths["db/**"]', 'expected one of public, internal, confidential, restricted, got "top-secret"'],
    ["content:\n  businessHours: { timezone: UTC, days: [monday] }", "content.businessHours.days[0]", 'expected one of mon, tue, wed, thu, fri, sat, sun, got "monday"'],
    ["content:\n  businessHours: { timezone: UTC, start: '8am' }", "content.businessHours.start", 'expected a start time as HH:MM (24-hour clock), such as "08:00", got "8am"'],
    ["content:\n  businessHours: { timezone: UTC, start: '19:00', end: '08:00' }", "content.businessHours.end", "expected an end after the start (19:00); got 08:00"],
    ["content:\n  businessHours: { days: [mon] }", "content.businessHours.timezone", "required key is missing"],
    ["audit:\n  repository: ../elsewhere", "audit.repository", 'expected a repository name in the org, such as `governance`, got "../elsewhere"'],
    ["audit:\n  notify: [security]", "audit.notify[0]", 'expected a team as org/team-slug, such as `acme/security`, got "security"'],
    ["_extends: 'not a repo'", "_extends", "expected a repository to inherit from"],
  ])("%s", (text, key, message) => {
    const error = onlyError(text + "\n");
    expect(error.key).toBe(key);
    expect(error.message).toContain(message);
    expect(error.line).toBeGreaterThanOrEqual(1);
  });

  it("accepts Claude Code permission rules, MCP wildcards and permission modes in forbid", () => {
    const { config, errors } = parse("permissions:\n  restricted:\n    forbid: ['Bash(*)', 'Bash(git push:*)', 'Read(./secrets/**)', 'mcp__github__*', bypassPermissions]\n");
    expect(errors).toEqual([]);
    expect(config.permissions.restricted?.forbid).toHaveLength(5);
  });

  it("reports a bad time zone, checked with Intl", () => {
    const error = onlyError("content:\n  businessHours:\n    timezone: Europe/Atlantis\n");
    expect(error).toMatchObject({ key: "content.businessHours.timezone", line: 3, column: 15 });
    expect(error.message).toBe('expected an IANA time zone such as "Europe/Berlin" or "UTC", got "Europe/Atlantis"');
    expect(parse("content:\n  businessHours:\n    timezone: America/Argentina/Buenos_Aires\n").errors).toEqual([]);
  });

  it("refuses a top level that is not a mapping", () => {
    expect(onlyError("- failOn: high\n")).toMatchObject({ key: "", line: 1, message: expect.stringContaining("must be a mapping") });
    expect(onlyError("just text\n").message).toContain("must be a mapping");
  });

  it("keeps every valid key of a config with errors, and defaults the wrong ones", () => {
    const { config, errors } = parse(
      lines(
        "failOn: sometimes",
        "classification: restricted",
        "paths:",
        "  ignore: ['**/vendor/**', 3]",
        "rules:",
        "  - { id: good-rule, regex: 'good_[a-z]{8}', keywords: [good_] }",
        "  - { id: bad-rule, regex: '(a+)+$', keywords: [aa] }",
        "skills:",
        "  'deploy/*': { maxClassification: internal, teams: [platform] }",
        "  'other/*': { maxClassification: nope }",
      ),
    );
    expect(errors.map((e) => e.key)).toEqual(["failOn", "paths.ignore[1]", "rules[1].regex", 'skills["other/*"].maxClassification']);
    expect(config.failOn).toBe("high");
    expect(config.classification).toBe("restricted");
    expect(config.paths.ignore).toEqual(["**/vendor/**"]);
    expect(config.rules.map((r) => r.id)).toEqual(["good-rule"]);
    expect(config.skills["deploy/*"]).toEqual({ maxClassification: "internal", teams: ["platform"] });
  });

  it("reports duplicate rule ids at the second one", () => {
    const error = onlyError(lines("rules:", "  - { id: acme, regex: 'a_[0-9]{4}', keywords: [a_] }", "  - { id: acme, regex: 'b_[0-9]{4}', keywords: [b_] }"));
    expect(error).toMatchObject({ key: "rules[1].id", line: 3 });
    expect(error.message).toContain('duplicate rule id "acme"');
  });
});

describe("parseConfig: regexes are checked before they ever run", () => {
  it("refuses a custom rule regex that can backtrack catastrophically, naming its line", () => {
    const error = onlyError("rules:\n  - id: evil\n    regex: '(a+)+$'\n    keywords: [aa]\n");
    expect(error).toMatchObject({ key: "rules[0].regex", line: 3, column: 12 });
    expect(error.message).toMatch(/^regex refused: nested quantifiers/);
    expect(parse("rules:\n  - id: evil\n    regex: '(a+)+$'\n    keywords: [aa]\n").config.rules).toEqual([]);
  });

  it.each([
    ["(x|xy)*z", "overlapping alternatives"],
    ["(a)\\1", "backreference"],
    ["a{1,100000}", "exceeds"],
    ["[", "invalid regular expression"],
    ["x*", "matches the empty string"],
  ])("refuses the rule regex %s", (regex, reason) => {
    const error = onlyError(`rules:\n  - id: r1\n    regex: '${regex}'\n    keywords: [xx]\n`);
    expect(error.key).toBe("rules[0].regex");
    expect(error.message).toContain(reason);
  });

  it("refuses dangerous authorship markers, each at its own line", () => {
    const { errors, config } = parse("authorship:\n  markers:\n    - 'Assisted-by: bot'\n    - '(a+)+$'\n    - ''\n");
    expect(errors.map((e) => [e.key, e.line])).toEqual([
      ["authorship.markers[1]", 4],
      ["authorship.markers[2]", 5],
    ]);
    expect(errors[0]?.message).toMatch(/^nested quantifiers/);
    expect(errors[1]?.message).toBe("an empty marker would mark every commit as Claude's");
    expect(config.authorship.markers).toEqual(["Assisted-by: bot"]);
  });

  it("refuses unsupported marker flags", () => {
    expect(onlyError("authorship:\n  markers: ['/bot/g']\n").message).toContain('unsupported flags "g"');
  });
});

describe("parseConfig: malformed YAML", () => {
  it("reports malformed YAML with its line instead of throwing", () => {
    const error = onlyError("failOn: high\npaths: [unclosed\n");
    expect(error.message).toMatch(/^not valid YAML: /);
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it("reports the line of a bad indentation", () => {
    const error = onlyError("failOn: high\nskills:\n  deploy:\n    teams: [a]\n   maxClassification: internal\n");
    expect(error.message).toMatch(/^not valid YAML/);
    expect(error.line).toBe(5);
  });

  it("reports a key written twice in the same mapping at its second occurrence", () => {
    const error = onlyError("failOn: high\npaths:\n  ignore: []\nfailOn: low\n");
    expect(error).toMatchObject({ line: 4, message: "not valid YAML: duplicated mapping key" });
  });

  it("reports a tab indentation and a second document", () => {
    expect(onlyError("paths:\n\tignore: []\n").message).toMatch(/^not valid YAML/);
    expect(onlyError("failOn: high\n---\nfailOn: low\n").message).toMatch(/^not valid YAML/);
  });
});

describe("parseConfig: line numbers follow the key path, not the first matching text", () => {
  it("points at the right `teams` when the key name repeats at different depths and entries", () => {
    const text = lines(
      "# teams: [commented]", // 1
      "skills:", // 2
      "  'review/*':", // 3
      "    teams: [reviewers]", // 4
      "  'deploy/*':", // 5
      "    maxClassification: internal", // 6
      "    teams: [platform, 'not a team']", // 7
      "audit:", // 8
      "  notify: [acme/security]", // 9
    );
    const error = onlyError(text);
    expect(error).toMatchObject({ key: 'skills["deploy/*"].teams[1]', line: 7, column: 23 });
  });

  it("points at the right rule among several with the same keys", () => {
    const text = lines(
      "rules:",
      "  - id: first-rule",
      "    regex: 'one_[a-z]{4}'",
      "    keywords: [one_]",
      "    severity: high",
      "  - id: second-rule",
      "    regex: 'two_[a-z]{4}'",
      "    keywords: [two_]",
      "    severity: extreme",
    );
    expect(onlyError(text)).toMatchObject({ key: "rules[1].severity", line: 9, column: 15 });
  });

  it("points at a nested unknown key that shares its name with a valid key elsewhere", () => {
    // `paths` is valid at the top and under `content`; under `authorship` it is unknown.
    const text = lines("paths:", "  ignore: []", "content:", "  paths: {}", "authorship:", "  paths: []");
    expect(onlyError(text)).toMatchObject({ key: "authorship.paths", line: 6, column: 3 });
  });

  it("points at the key when its value is a block on the next lines, and at a quoted value's quote", () => {
    expect(onlyError("rules:\n  x: 1\n")).toMatchObject({ key: "rules", line: 1, column: 1 });
    expect(onlyError("failOn: 'sometimes'\n")).toMatchObject({ key: "failOn", line: 1, column: 9 });
  });

  it("points a missing required key at the entry that lacks it", () => {
    expect(onlyError("rules:\n  - id: r1\n    keywords: [xx]\n  - id: r2\n    keywords: [yy]\n    regex: 'y_[0-9]'\n")).toMatchObject({
      key: "rules[0].regex",
      line: 2,
    });
  });

  it("locates keys through flow mappings, anchors and aliases", () => {
    const text = lines("x-teams: &teams [platform]", "skills:", "  deploy: { teams: *teams, maxClassification: hidden }");
    const { errors } = parse(text);
    expect(errors.map((e) => [e.key, e.line])).toEqual([
      ["x-teams", 1],
      ["skills.deploy.maxClassification", 3],
    ]);
  });

  it("exposes where keys are written, and nothing for keys that are not", () => {
    const { locate } = parse("failOn: high\nskills:\n  deploy:\n    teams: [a]\n");
    expect(locate(["skills", "deploy", "teams"])).toEqual({ line: 4, column: 5 });
    expect(locate(["skills", "deploy", "maxClassification"])).toBeUndefined();
    expect(locate(["classification"])).toBeUndefined();
  });
});
