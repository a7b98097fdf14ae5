/**
 * The one description of `.github/claude-guard.yml`: a zod schema from which come the TypeScript types
 * (`GuardConfig` and friends), the validation (with the messages users read), the defaults and the
 * JSON Schema for editors (`schema/claude-guard.schema.json`). Add a key here and everything follows.
 *
 * The descriptions (`.meta`) are what an editor shows on hover: write them for the person typing the
 * config. Checks a JSON Schema cannot express (regex safety, time zones) are refinements.
 */
import * as z from "zod";
import { CONFIG_FILE } from "../files.js";
import { compileMarkers } from "../authorship/markers.js";
import { checkRegexSafety } from "../safe-regex.js";

export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const FAIL_ON_VALUES = ["critical", "high", "medium", "low", "none"] as const;
export const SEVERITY_VALUES = ["critical", "high", "medium", "low"] as const;
export const CUSTOM_RULE_CATEGORIES = ["secret", "placeholder", "pii"] as const;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** The anomalies the audit issue and the inventory flag (src/core/audit/trends.ts). */
export const ANOMALY_KINDS = ["weekly-spike", "first-restricted-change", "off-hours-burst", "new-skill", "skill-outside-teams"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The JSON Schema as `.github/claude-guard.yml` refers to it: a path relative to that file, into the
 * claude-guard package installed in the repository (its `files` ship `schema/`). Nothing is published
 * at a URL, so a URL would point nowhere.
 */
export const SCHEMA_REF = "../node_modules/claude-guard/schema/claude-guard.schema.json";

// GitHub's own shapes: an account (org or user) login, a repository name, a team slug.
const LOGIN = "[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}";
const REPO_NAME = "[A-Za-z0-9._-]{1,100}";
const TEAM_SLUG = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
export const EXTENDS_PATTERN = new RegExp(`^(?:(${LOGIN})/)?(${REPO_NAME})(?::([^\\s:][^\\s]*))?$`);

/**
 * Claude Code's permission rule syntax (`WebFetch`, `Bash(*)`, `Bash(git push:*)`, `mcp__server__*`), and
 * permission mode names (`bypassPermissions`), which the policy also forbids.
 */
const PERMISSION_RULE = /^[A-Za-z_][\w*-]*(?:\(.*\))?$/;

/**
 * Most entries a list or mapping of the config may hold. Each glob, marker and rule costs memory and
 * time on every path or line scanned: a config far beyond what anyone writes by hand is refused with
 * a message naming the key and the limit, rather than running a scan out of memory.
 */
export const CONFIG_LIMITS = { globs: 1000, markers: 100, rules: 200, keywords: 50, ruleExamples: 100, skills: 500, teams: 200, permissions: 500 } as const;

const atMost = (limit: number, what: string) => ({ error: `at most ${limit} ${what} are allowed (the limit)` });

/** z.record has no size check of its own. */
const recordAtMost =
  (limit: number, what: string) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const count = Object.keys(value).length;
    if (count > limit) ctx.addIssue({ code: "custom", message: `holds ${count} ${what}; at most ${limit} are allowed (the limit)`, input: value });
  };

/**
 * The schema, built on first use: building it costs start-up time every run would pay, and most runs
 * read no config file (defaultConfig below needs no schema).
 */
export function guardConfigSchema() {
  return (schema ??= buildSchema());
}
let schema: ReturnType<typeof buildSchema> | undefined;

function buildSchema() {
  const classification = z.enum(CLASSIFICATIONS);

  /** A glob over repository paths (picomatch syntax, as `paths.ignore`). */
  const glob = z.string().trim().min(1, { error: "expected a path glob such as `**/testdata/**`" });

  // `@acme/platform` is how GitHub mentions a team (and CODEOWNERS names one): the same team as `acme/platform`.
  const teamSlug = z
    .string()
    .regex(new RegExp(`^(?:@?${LOGIN}/)?${TEAM_SLUG}$`), { error: "expected a GitHub team slug such as `platform` (or `acme/platform`, `@acme/platform`)" })
    .transform((team) => team.replace(/^@/, ""));

  const orgTeam = z.string().regex(new RegExp(`^${LOGIN}/${TEAM_SLUG}$`), { error: "expected a team as org/team-slug, such as `acme/security`" });

  const repositoryName = z
    .string()
    .regex(new RegExp(`^${REPO_NAME}$`), { error: "expected a repository name in the org, such as `governance`" })
    .refine((name) => name !== "." && name !== "..", { error: "expected a repository name in the org, such as `governance`" });

  /** A marker runs over every commit message: compileMarkers refuses what could hang a scan. */
  const marker = z.string().superRefine((value, ctx) => {
    for (const message of compileMarkers([value]).errors) {
      // compileMarkers names the marker by its index in the list it was given (always 0 here): the
      // error's key path already says which one it is, so keep only the reason.
      ctx.addIssue({ code: "custom", message: message.replace(/^authorship\.markers\[0\] (?:"(?:[^"\\]|\\.)*"|\S+)?:? ?/, ""), input: value });
    }
  });

  /** A custom rule's regex runs over every added line: refused if it can backtrack catastrophically. */
  const ruleRegex = z
    .string()
    .min(1, { error: "expected a regular expression" })
    .superRefine((source, ctx) => {
      const safety = checkRegexSafety(source);
      if (!safety.ok) {
        ctx.addIssue({ code: "custom", message: `regex refused: ${safety.reason}`, input: source });
        return;
      }
      if (new RegExp(source).test("")) ctx.addIssue({ code: "custom", message: "regex refused: it matches the empty string, so it would match every line", input: source });
    });

  const customRule = z
    .strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { error: "expected a kebab-case id such as `acme-internal-token`" })
        .meta({ description: "Rule id, reported in findings (kebab-case, unique, not a built-in rule's id)." }),
      regex: ruleRegex.meta({ description: "JavaScript regular expression matching the secret; checked for catastrophic backtracking." }),
      keywords: z
        .array(
          z
            .string()
            .min(2, { error: "expected a keyword of at least 2 characters" })
            .regex(/^[\x20-\x7e]+$/, { error: "expected an ASCII keyword" }),
        )
        .min(1, { error: "give at least one keyword: a literal that every match contains (the rule runs only on lines holding one)" })
        .max(CONFIG_LIMITS.keywords, atMost(CONFIG_LIMITS.keywords, "keywords"))
        .meta({ description: "Literals every match contains; the rule runs only on lines holding one (case-insensitive)." }),
      category: z.enum(CUSTOM_RULE_CATEGORIES).default("secret").meta({ description: "What the rule finds." }),
      severity: z.enum(SEVERITY_VALUES).default("high").meta({ description: "Severity of its findings." }),
      description: z.string().optional().meta({ description: "Shown with each finding: what it is and how to fix it." }),
      examples: z
        .strictObject({
          truePositives: z
            .array(
              z.union([
                z.string().min(1).meta({ description: "A line the rule must report." }),
                z
                  .strictObject({
                    line: z.string().min(1).meta({ description: "A line as it appears in a file." }),
                    secret: z.string().min(1).meta({ description: "The exact value the rule must report from it." }),
                  })
                  .meta({ description: "A line and the exact value the rule must report from it." }),
              ]),
            )
            .max(CONFIG_LIMITS.ruleExamples, atMost(CONFIG_LIMITS.ruleExamples, "examples"))
            .default([]),
          falsePositives: z
            .array(z.string().min(1))
            .max(CONFIG_LIMITS.ruleExamples, atMost(CONFIG_LIMITS.ruleExamples, "examples"))
            .default([])
            .meta({ description: "Lines the rule must not report." }),
        })
        .optional()
        .meta({ description: "Lines the rule must and must not report: checked when the config is loaded, as built-in rules are checked by their tests." }),
    })
    .meta({ description: "An extra detector." });

  const skillPolicy = z
    .strictObject({
      maxClassification: classification
        .optional()
        .meta({ description: "Highest repository classification the skill may run in. Unset: no limit." }),
      teams: z
        .array(teamSlug)
        .max(CONFIG_LIMITS.teams, atMost(CONFIG_LIMITS.teams, "teams"))
        .optional()
        .meta({ description: "GitHub team slugs whose members may run the skill. Unset: anyone." }),
    })
    .meta({ description: "Policy for skills whose name matches this pattern." });

  const permissionPolicy = z
    .strictObject({
      forbid: z
        .array(z.string().regex(PERMISSION_RULE, { error: "expected a Claude Code permission rule such as `Bash(*)`, `WebFetch` or `mcp__server`" }))
        .max(CONFIG_LIMITS.permissions, atMost(CONFIG_LIMITS.permissions, "rules"))
        .default(() => [])
        .meta({ description: "Tool permissions an agent may not hold in a repository of this classification, e.g. `Bash(*)`, `WebFetch`." }),
      mcpServers: z
        .array(z.string().regex(/^[\w.@/-]{1,100}$/, { error: "expected an MCP server name such as `approved-server`" }))
        .max(CONFIG_LIMITS.permissions, atMost(CONFIG_LIMITS.permissions, "servers"))
        .optional()
        .meta({ description: "The only MCP servers allowed at this classification. Unset: any." }),
    })
    .meta({ description: "What an agent may not hold at this classification." });

  const hhmm = (what: string, allow24: boolean) =>
    z.string().regex(allow24 ? /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/ : /^(?:[01]\d|2[0-3]):[0-5]\d$/, {
      error: `expected a ${what} time as HH:MM (24-hour clock), such as "${allow24 ? "19:00" : "08:00"}"`,
    });

  const businessHours = z
    .strictObject({
      timezone: z
        .string()
        .superRefine((zone, ctx) => {
          if (!isTimeZone(zone)) ctx.addIssue({ code: "custom", message: `expected an IANA time zone such as "Europe/Berlin" or "UTC", got ${JSON.stringify(zone)}`, input: zone });
        })
        .meta({ description: "IANA time zone the hours are in, e.g. Europe/Berlin." }),
      days: z
        .array(z.enum(WEEKDAYS))
        .min(1, { error: "expected at least one day" })
        .default((): Weekday[] => ["mon", "tue", "wed", "thu", "fri"])
        .meta({ description: "Working days (mon … sun). Default: mon to fri." }),
      start: hhmm("start", false).default("09:00").meta({ description: "Start of the working day, HH:MM. Default 09:00." }),
      end: hhmm("end", true).default("18:00").meta({ description: "End of the working day, HH:MM (exclusive). Default 18:00." }),
    })
    .superRefine((hours, ctx) => {
      // Only once both are valid times (a refinement runs even when a key had an error).
      const time = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
      if (time.test(hours.start) && time.test(hours.end) && hours.end <= hours.start) ctx.addIssue({ code: "custom", path: ["end"], message: `expected an end after the start (${hours.start}); got ${hours.end}`, input: hours.end });
    })
    .meta({ description: "Changes made outside these hours in restricted repositories are flagged for review (low severity)." });

  const anomalies = z
    .strictObject({
      weeklySpike: z
        .strictObject({
          min: z.number().int().min(0).max(100_000).default(3).meta({ description: "A week is a spike when a repository has more than this many Claude changes in it ... Default 3." }),
          factor: z.number().min(1).max(1000).default(3).meta({ description: "... and more than this many times its mean over the weeks before. Default 3." }),
          baselineWeeks: z.number().int().min(1).max(52).default(4).meta({ description: "How many weeks before make the mean (empty weeks count as 0). Default 4." }),
        })
        .default(() => ({ min: 3, factor: 3, baselineWeeks: 4 }))
        .meta({ description: "A repository's weekly Claude changes far above its own recent mean." }),
      offHoursBurst: z
        .strictObject({
          commits: z.number().int().min(2).max(10_000).default(3).meta({ description: "At least this many Claude commits outside business hours ... Default 3." }),
          hours: z.number().min(1).max(168).default(24).meta({ description: "... within this many hours. Default 24." }),
        })
        .default(() => ({ commits: 3, hours: 24 }))
        .meta({ description: "A burst of Claude commits outside business hours (content.businessHours; default 09:00-18:00 Monday to Friday, UTC)." }),
      ignore: z
        .array(z.enum(ANOMALY_KINDS))
        .default(() => [])
        .meta({ description: `Anomaly kinds not reported: ${ANOMALY_KINDS.join(", ")}.` }),
    })
    .meta({ description: "Anomalies flagged on the audit issue and in the inventory, and their thresholds." });

  function isTimeZone(zone: string): boolean {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return zone.trim() !== "";
    } catch {
      return false;
    }
  }

  const permissionsByClassification = z
    .strictObject(Object.fromEntries(CLASSIFICATIONS.map((c) => [c, permissionPolicy.optional()])) as Record<Classification, z.ZodOptional<typeof permissionPolicy>>)
    .default(() => ({}))
    .meta({ description: "Per classification: tool permissions an agent may not hold in a repository of that classification." });

  return z
    .strictObject({
      classification: classification
        .optional()
        .meta({ description: "The repository's data classification, used when the org custom property gives none." }),
      classificationProperty: z
        .string()
        .regex(/^[\w.-]{1,75}$/, { error: "expected a custom property name such as `data_classification`" })
        .default("data_classification")
        .meta({ description: "Org custom property that holds each repository's classification." }),
      failOn: z.enum(FAIL_ON_VALUES).default("high").meta({ description: "Lowest severity that fails the check." }),
      authorship: z
        .strictObject({
          markers: z
            .array(marker)
            .max(CONFIG_LIMITS.markers, atMost(CONFIG_LIMITS.markers, "markers"))
            .default(() => [])
            .meta({ description: "Extra regexes that mark a commit as Claude's (matched on the commit message; `/re/flags` allowed)." }),
        })
        .default(() => ({ markers: [] }))
        .meta({ description: "How Claude-authored commits are recognised." }),
      paths: z
        .strictObject({
          ignore: z
            .array(glob)
            .max(CONFIG_LIMITS.globs, atMost(CONFIG_LIMITS.globs, "globs"))
            .default(() => [])
            .meta({ description: `Path globs that are never scanned (at most ${CONFIG_LIMITS.globs}).` }),
        })
        .default(() => ({ ignore: [] })),
      rules: z
        .array(customRule)
        .max(CONFIG_LIMITS.rules, atMost(CONFIG_LIMITS.rules, "rules"))
        .default(() => [])
        .superRefine((rules, ctx) => {
          const seen = new Set<string>();
          rules.forEach((rule, index) => {
            if (seen.has(rule.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate rule id "${rule.id}": each rule needs its own id`, input: rule.id });
            seen.add(rule.id);
          });
        })
        .meta({ description: "Extra detectors: { id, regex, keywords, category, severity, description }." }),
      skills: z
        .record(glob, skillPolicy)
        .superRefine(recordAtMost(CONFIG_LIMITS.skills, "skill patterns"))
        .default(() => ({}))
        .meta({ description: 'Which skills may run at which classification, and for whom. Keys are skill name globs, e.g. "deploy/*".' }),
      permissions: permissionsByClassification,
      content: z
        .strictObject({
          paths: z
            .record(glob, classification)
            .superRefine(recordAtMost(CONFIG_LIMITS.globs, "path globs"))
            .default(() => ({}))
            .meta({ description: 'Path globs and the classification of what they hold, e.g. "**/payments/**": confidential.' }),
          businessHours: businessHours.optional(),
        })
        .default(() => ({ paths: {} }))
        .meta({ description: "Signals that classify the content of a change." }),
      hook: z
        .strictObject({
          failClosed: z
            .boolean()
            .optional()
            .meta({
              description:
                "When the Claude Code hook cannot finish its check (its own error, its time budget, an event it cannot read): block (true) or allow with a warning (false). Default: true when classification is restricted, else false.",
            }),
        })
        .optional()
        .meta({ description: "The Claude Code hook (claude-guard hook)." }),
      audit: z
        .strictObject({
          repository: repositoryName.optional().meta({ description: "Org repository holding the audit issue; must be private or internal." }),
          notify: z.array(orgTeam).max(CONFIG_LIMITS.teams, atMost(CONFIG_LIMITS.teams, "teams")).default(() => []).meta({ description: "Teams (org/team) mentioned on critical incidents." }),
          anomalies: anomalies.optional(),
        })
        .optional()
        .meta({ description: "Org level only (the org's .github repository): a repository's config cannot redirect it." }),
      _extends: z
        .string()
        .regex(EXTENDS_PATTERN, { error: "expected a repository to inherit from: `repo`, `owner/repo` or `owner/repo:path/to/file.yml`" })
        .optional()
        .meta({ description: "Inherit from another repository's config (Probot's `_extends`): repo, owner/repo or owner/repo:path." }),
    })
    .meta({ title: "claude-guard configuration", description: `Configuration of claude-guard: ${CONFIG_FILE}` });
}

/** The config as validated, with every default filled in. */
export type GuardConfig = z.output<ReturnType<typeof guardConfigSchema>>;
/** The config as written: every key optional. */
export type GuardConfigInput = z.input<ReturnType<typeof guardConfigSchema>>;
export type CustomRuleConfig = GuardConfig["rules"][number];
export type SkillPolicyConfig = GuardConfig["skills"][string];
export type PermissionPolicyConfig = NonNullable<GuardConfig["permissions"][Classification]>;
export type BusinessHoursConfig = NonNullable<GuardConfig["content"]["businessHours"]>;
export type AuditConfig = NonNullable<GuardConfig["audit"]>;
export type AnomalyConfig = NonNullable<AuditConfig["anomalies"]>;

/**
 * The config of a repository with no config file: what the schema makes of `{}` (a test holds the two
 * together), written out so that a run without a config file builds no schema.
 */
export function defaultConfig(): GuardConfig {
  return { classificationProperty: "data_classification", failOn: "high", authorship: { markers: [] }, paths: { ignore: [] }, rules: [], skills: {}, permissions: {}, content: { paths: {} } };
}
