/** Command-line parsing for `claude-guard` (the commands and flags USAGE lists), with errors that say what to type. */
import { CONFIG_FILE, IGNORE_FILE } from "../core/files.js";
import { parseFlags, unknownCommand } from "../core/command-line.js";
import { CLASSIFICATIONS } from "../core/config/config.js";
import { dateBound, notADate } from "../core/date-bound.js";
import type { Classification } from "../core/config/config.js";
import type { FailOn } from "../core/types.js";
import type { InitCommand } from "./init.js";
import type { PolicyCommand } from "./policy.js";

type OutputFormat = "text" | "json" | "sarif";

export interface ScanCommand {
  command: "scan";
  paths: string[];
  git: boolean;
  /** The lines staged for the next commit (`git diff --cached`), for a pre-commit hook. */
  staged: boolean;
  repo?: string;
  /** With --git: a history window (committer dates; the newest N commits). */
  window?: { since?: Date; until?: Date; maxCommits?: number };
  /** `scan --baseline FILE`: findings it records are counted apart and do not fail the scan. */
  baseline?: string;
  /** The `baseline` command: the scan's findings are recorded in a baseline file instead of reported. */
  record?: { output?: string; update: boolean };
  /** `scan -`: the path the text read from stdin is reported (and judged by path rules) as. */
  stdinName?: string;
  range?: string;
  all: boolean;
  authors: "claude" | "all";
  config?: string;
  format: OutputFormat;
  output?: string;
  failOn?: FailOn;
  color?: boolean;
  progress: boolean;
  /** A tree scan leaves out what git ignores (`--no-gitignore`: it does not). */
  gitignore: boolean;
  /** The text report: `quiet` prints the summary line only, `verbose` adds the Claude commits and their evidence. */
  detail: "quiet" | "normal" | "verbose";
  /** With no GitHub at hand: the repository's classification (beats the config's `classification`). */
  classification?: Classification;
}

type Command = ScanCommand | InitCommand | PolicyCommand | { command: "help"; topic?: string } | { command: "version" };

export class UsageError extends Error {}

export const USAGE = `Usage:
  claude-guard scan [PATH ...]            scan files and folders as they are (default: .)
  claude-guard scan --git [--repo DIR] [--range BASE..HEAD | --all]
                                          scan the lines each commit added (default range: the
                                          upstream's merge base..HEAD, else all of HEAD's history)
  claude-guard scan - [--stdin-name PATH]  scan the text read from stdin (at most 8 MiB) as the file PATH
  claude-guard scan --staged [--repo DIR]  scan the lines staged for the next commit (for a pre-commit hook)
  claude-guard baseline [PATH ... | --git ...] [--output FILE] [--update]
                                          record today's findings (fingerprint, rule, path; no values)
                                          in .claude-guard-baseline.json, so scans with --baseline fail
                                          only on new ones; --update adds new findings and drops fixed ones
  claude-guard init [--force] [--classification public|internal|confidential|restricted]
                                          write a commented starter ${CONFIG_FILE}
  claude-guard policy [--repo DIR] [--format text|json] [--classification X]
                                          print the effective policy: classification and its source,
                                          skills, permissions, hooks and MCP servers, and every violation
  claude-guard hook [install [--project | --local | --user] | uninstall]
                                          pre-flight: answer a Claude Code hook event from stdin, or add
                                          (remove) the hook in .claude/settings.json; see hook --help
  claude-guard audit export --repo OWNER/REPO [--since DATE] [--until DATE] [--user LOGIN]
                     [--classification X] [--output FILE]
                                          the org audit issue's records as JSON Lines (GITHUB_TOKEN)
  claude-guard audit verify [--repo DIR] (--record FILE | --stdin)
                                          recompute a record's hashes from a clone (AUDIT_HMAC_KEY);
                                          see audit help
  claude-guard inventory --org ORG [--repos NAME,...] [--since DATE] [--until DATE] [--scan]
                         [--format json|markdown|csv] [--output FILE] [--shard I/N] [--checkpoint FILE]
  claude-guard inventory --repo DIR [--repo DIR ...] [--scan] [--format json|markdown|csv]
  claude-guard inventory merge FILE... [--config FILE] [--format json|markdown|csv] [--output FILE]
                                          Claude's and other agents' work per repository and per week,
                                          with anomalies (GITHUB_TOKEN for --org); see inventory help
  claude-guard usage --audit-log FILE [--since DATE] [--format json|markdown]
                                          sum up the hook's audit log: sessions and tokens per day,
                                          skill and user; blocked and allowed events; see usage --help

Options:
  --since DATE / --until DATE             with --git: only commits made (committer date) in this window;
                                          DATE is YYYY-MM-DD or an ISO 8601 time
  --max-commits N                         with --git: at most the newest N commits of the range
  --authors claude|all                    with --git: only Claude-authored commits (default) or every commit
  --config FILE                           default: ${CONFIG_FILE} in the scanned repo, if present
  --format text|json|sarif                default: text
  --output FILE                           write the report there instead of stdout
  --fail-on critical|high|medium|low|none default: high (or failOn in the config)
  --baseline FILE                         findings the baseline records are counted apart ("baselined")
                                          and do not fail the scan
  --classification public|internal|confidential|restricted
                                          the repository's classification (default: the config's
                                          classification, else internal); policy findings depend on it
  --color / --no-color                    default: colour when stdout is a terminal and NO_COLOR is unset
  --no-progress                           no progress line on stderr during long history scans
  --no-gitignore                          scan PATH: also the files git ignores (.gitignore, .git/info/exclude)
  -q, --quiet                             text report: the summary line only
  --verbose                               text report: also each Claude commit with the markers that
                                          attributed it
  --org ORG | --repo DIR                  inventory: the organization (REST API) or a local clone to read
  --repos NAME,...                        inventory --org: only these repositories
  --since DATE / --until DATE             inventory --org, audit export: the period (YYYY-MM-DD or ISO 8601)
  --scan                                  inventory: also scan the lines Claude added (findings counted)
  --shard I/N                             inventory --org: the I-th of N parts of the repositories
  --checkpoint FILE                       inventory --org: where progress is kept to resume (default:
                                          claude-guard-inventory.checkpoint.json)
  -h, --help                              this help
  -v, --version                           the version

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or I/O error.
Suppress a false positive with a \`claude-guard:allow\` comment on its line, or by adding its fingerprint
to ${IGNORE_FILE} at the repository root.`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(", ")}; got "${value}"`);
}

/** Every option of scan, init and policy (`hook` and `audit` have their own tables). */
export const MAIN_OPTIONS = {
  git: { type: "boolean", default: false },
  staged: { type: "boolean", default: false },
  "stdin-name": { type: "string" },
  baseline: { type: "string" },
  update: { type: "boolean", default: false },
  since: { type: "string" },
  until: { type: "string" },
  "max-commits": { type: "string" },
  repo: { type: "string" },
  range: { type: "string" },
  all: { type: "boolean", default: false },
  authors: { type: "string" },
  config: { type: "string" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  "no-progress": { type: "boolean", default: false },
  "no-gitignore": { type: "boolean", default: false },
  quiet: { type: "boolean", short: "q", default: false },
  verbose: { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  classification: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
} as const;

/** The commands `claude-guard` takes first. */
const COMMANDS = ["scan", "baseline", "init", "policy", "hook", "audit", "inventory", "usage", "help"];

/** `--since`, `--until` and `--max-commits` checked and read; undefined when none is given. */
function historyWindow(since: string | undefined, until: string | undefined, maxCommits: string | undefined): ScanCommand["window"] {
  if (since === undefined && until === undefined && maxCommits === undefined) return undefined;
  const window: NonNullable<ScanCommand["window"]> = {};
  for (const [flag, text, end] of [["--since", since, false], ["--until", until, true]] as const) {
    if (text === undefined) continue;
    const ms = dateBound(text, end);
    if (ms === undefined) throw new UsageError(notADate(flag, text));
    window[end ? "until" : "since"] = new Date(ms);
  }
  if (window.since && window.until && window.since > window.until) throw new UsageError("--since is after --until");
  if (maxCommits !== undefined) {
    if (!/^[1-9]\d{0,8}$/.test(maxCommits)) throw new UsageError(`--max-commits takes a whole number of commits, 1 or more; got "${maxCommits}"`);
    window.maxCommits = Number(maxCommits);
  }
  return window;
}

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseFlags(argv, MAIN_OPTIONS, true);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) return { command: "version" };
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === "help") return { command: "help", topic: rest[0] };
  if (command === "init") {
    if (rest.length > 0) throw new UsageError(`init takes no paths; it writes ${CONFIG_FILE} in the current repository`);
    const classification = oneOf("--classification", values.classification, CLASSIFICATIONS);
    return { command: "init", force: values.force ?? false, ...(classification !== undefined ? { classification } : {}) };
  }
  if (command === "policy") {
    if (rest.length > 0) throw new UsageError("policy takes no paths; name the repository with --repo DIR");
    if (values.git || values.range !== undefined || values.all || values.authors !== undefined || values.output !== undefined || values.force) {
      throw new UsageError("policy takes --repo, --format text|json, --classification, --config and --fail-on");
    }
    const policy: PolicyCommand = { command: "policy", format: oneOf("--format", values.format, ["text", "json"] as const) ?? "text" };
    if (values.repo !== undefined) policy.repo = values.repo;
    if (values.config !== undefined) policy.config = values.config;
    const policyClassification = oneOf("--classification", values.classification, CLASSIFICATIONS);
    if (policyClassification !== undefined) policy.classification = policyClassification;
    const policyFailOn = oneOf("--fail-on", values["fail-on"], ["critical", "high", "medium", "low", "none"] as const);
    if (policyFailOn !== undefined) policy.failOn = policyFailOn;
    return policy;
  }
  if (command !== "scan" && command !== "baseline") throw new UsageError(unknownCommand("command", command, COMMANDS).message);
  if (command === "baseline" && (values.format !== undefined || values["fail-on"] !== undefined || values.baseline !== undefined || values.quiet || values.verbose || rest.includes("-"))) {
    throw new UsageError("baseline records findings in a file: it takes the paths or --git options of scan, --config, --output FILE and --update; not --format, --fail-on, --baseline, --quiet, --verbose or stdin");
  }
  if (command === "scan" && values.update) throw new UsageError("--update goes with baseline");
  if (values.force) throw new UsageError("--force goes with init");
  if (values.quiet && values.verbose) throw new UsageError("--quiet and --verbose cannot be used together");
  if (values.staged && (values.git || rest.length > 0 || values.range !== undefined || values.all || values.authors !== undefined)) {
    throw new UsageError("--staged scans the staged lines of one repository: name it with --repo DIR; it takes no paths, --git, --range, --all or --authors");
  }
  if (rest.includes("-") && (rest.length > 1 || values.git || values.staged)) throw new UsageError("scan - reads stdin alone: no other paths, --git or --staged with it");
  if (values["stdin-name"] !== undefined && !rest.includes("-")) throw new UsageError("--stdin-name goes with scan - (stdin)");
  if (!values.git && !values.staged && values.repo !== undefined) throw new UsageError("--repo goes with --git or --staged");
  if (!values.git && (values.range !== undefined || values.all || values.authors !== undefined || values.since !== undefined || values.until !== undefined || values["max-commits"] !== undefined)) {
    throw new UsageError("--range, --all, --authors, --since, --until and --max-commits go with --git");
  }
  if (values.git && rest.length > 0) throw new UsageError("with --git, name the repository with --repo DIR, not as a path");
  if (values.range !== undefined && values.all) throw new UsageError("--range and --all cannot be used together");
  if (values.range !== undefined && !/^[^\s.][^\s]*\.\.\.?[^\s]+$/.test(values.range)) {
    throw new UsageError(`--range takes BASE..HEAD (for example origin/main..HEAD); got "${values.range}"`);
  }
  const cmd: ScanCommand = {
    command: "scan",
    paths: rest.length > 0 ? rest : ["."],
    git: values.git ?? false,
    staged: values.staged ?? false,
    all: values.all ?? false,
    authors: oneOf("--authors", values.authors, ["claude", "all"] as const) ?? "claude",
    format: oneOf("--format", values.format, ["text", "json", "sarif"] as const) ?? "text",
    progress: !values["no-progress"],
    gitignore: !values["no-gitignore"],
    detail: values.quiet ? "quiet" : values.verbose ? "verbose" : "normal",
  };
  if (values.repo !== undefined) cmd.repo = values.repo;
  if (values.range !== undefined) cmd.range = values.range;
  if (values["stdin-name"] !== undefined) cmd.stdinName = values["stdin-name"];
  if (values.baseline !== undefined) cmd.baseline = values.baseline;
  const window = historyWindow(values.since, values.until, values["max-commits"]);
  if (window) cmd.window = window;
  if (values.config !== undefined) cmd.config = values.config;
  if (values.output !== undefined) cmd.output = values.output;
  const failOn = oneOf("--fail-on", values["fail-on"], ["critical", "high", "medium", "low", "none"] as const);
  if (failOn !== undefined) cmd.failOn = failOn;
  const classification = oneOf("--classification", values.classification, CLASSIFICATIONS);
  if (classification !== undefined) cmd.classification = classification;
  if (values["no-color"]) cmd.color = false;
  else if (values.color !== undefined) cmd.color = values.color;
  if (command === "baseline") {
    // --output names the baseline file here, not a report.
    cmd.record = { update: values.update ?? false, ...(cmd.output !== undefined ? { output: cmd.output } : {}) };
    delete cmd.output;
  }
  return cmd;
}
