/**
 * `claude-guard inventory`: Claude's (and other agents') work across an organization's history, from
 * local clones (`--repo DIR`, read with `scan --git`'s reader) or through the REST API (`--org ORG`, see
 * src/github/inventory.ts for what it requests), and `inventory merge` for a sharded run's reports. The
 * counting is the core's (src/core/inventory); this door reads, keeps a checkpoint, and writes.
 *
 * Exit status: 0 done; 2 usage or runtime error.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Octokit } from "@octokit/rest";
import { parseJson } from "../core/bounded-parse.js";
import { anomalyOptionsOf } from "../core/audit/trends.js";
import { businessHoursOrDefault } from "../core/calendar.js";
import { DEFAULT_CONFIG, formatConfigError, parseConfig, type GuardConfig } from "../core/config/config.js";
import {
  buildInventory,
  claudeChange,
  countFindings,
  inShard,
  INVENTORY_SCHEMA,
  mergeInventories,
  renderInventoryCsv,
  renderInventoryMarkdown,
  type InventoryReport,
  type InventorySource,
  type RepositoryHistory,
} from "../core/inventory/index.js";
import { resolveClassification } from "../core/policy/classification.js";
import { prepareScan } from "../core/setup.js";
import type { Finding } from "../core/types.js";
import { localLogin, repositoryLabel } from "../git/local-policy.js";
import { readWorkingTreeScanInputs } from "../git/scan-inputs.js";
import { scanGit } from "../git/scan-git.js";
import { describeApiError, honourRateLimits, type GitHubClient } from "../github/client.js";
import { loadOrgConfig, type ConfigTextCache } from "../github/config.js";
import { authorTeams, listOrgRepositories, orgPropertyValues, readInventoryRepository } from "../github/inventory.js";
import { apiBaseUrl, parseDateBound } from "./audit.js";
import { EXIT_CLEAN, EXIT_ERROR, writeOutputFile, type CliIO } from "./io.js";
import { errorSentence, parseFlags } from "../core/command-line.js";
import { addToGroup } from "../core/collections.js";

export const INVENTORY_USAGE = `Usage:
  claude-guard inventory --org ORG [--repos NAME,...] [--since DATE] [--until DATE] [--scan]
                         [--format json|markdown|csv] [--output FILE] [--shard I/N] [--checkpoint FILE]
      Claude's and other agents' commits in the organization's repositories (default branch), through
      the REST API: per repository its classification, Claude's commits, lines added, authors and their
      teams, first and last change, share outside business hours, skills; per ISO week the changes by
      team, repository and classification; anomalies. --scan also scans the lines Claude added.
      --shard I/N takes the I-th of N parts of the repositories (a GitHub Actions matrix); --checkpoint
      (default claude-guard-inventory.checkpoint.json) lets an interrupted run resume where it stopped.
      Environment: GITHUB_TOKEN (required); GITHUB_API_URL or GHE_HOST (GitHub Enterprise Server).
  claude-guard inventory --repo DIR [--repo DIR ...] [--scan] [--format ...] [--output FILE]
      The same from local clones (all of HEAD's history), without the API: no teams.
  claude-guard inventory merge FILE... [--config FILE] [--format ...] [--output FILE]
      One report from the JSON reports of a sharded run; --config is the org's config file (the
      anomalies' thresholds under audit.anomalies, the skills policy), else the defaults.
  DATE is YYYY-MM-DD (--until includes that whole day, UTC) or an ISO 8601 time. Default format: json.`;

class InventoryError extends Error {}
class InventoryUsageError extends InventoryError {}

const FORMATS = ["json", "markdown", "csv"] as const;
type Format = (typeof FORMATS)[number];
const DEFAULT_CHECKPOINT = "claude-guard-inventory.checkpoint.json";

export async function runInventoryCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    if (argv[0] === "help") {
      io.stdout.write(`${INVENTORY_USAGE}\n`);
      return EXIT_CLEAN;
    }
    const merge = argv[0] === "merge";
    const { values, positionals } = parse(merge ? argv.slice(1) : argv);
    if (values.help) {
      io.stdout.write(`${INVENTORY_USAGE}\n`);
      return EXIT_CLEAN;
    }
    const format = (values.format ?? "json") as Format;
    if (!(FORMATS as readonly string[]).includes(format)) throw new InventoryUsageError(`--format takes one of ${FORMATS.join(", ")}; got "${values.format}"`);
    let report: InventoryReport;
    if (merge) {
      if (positionals.length === 0) throw new InventoryUsageError("merge takes the JSON reports of the shards: inventory merge FILE...");
      report = mergeInventories(await Promise.all(positionals.map((file) => readReport(resolve(io.cwd, file)))), anomalyOptionsOf(await mergeConfig(values.config, io)));
    } else {
      if (positionals.length > 0) throw new InventoryUsageError(`unexpected argument "${positionals[0]}"`);
      const repos = values.repo ?? [];
      if ((repos.length > 0) === (values.org !== undefined)) throw new InventoryUsageError("name the organization (--org ORG) or local clones (--repo DIR), one of the two");
      if (repos.length > 0) {
        for (const flag of ["repos", "since", "until", "shard", "checkpoint"] as const) if (values[flag] !== undefined) throw new InventoryUsageError(`--${flag} goes with --org`);
        report = await localInventory(repos, values.scan ?? false, values.config, io);
      } else report = await orgInventory(values, io);
    }
    const text = format === "markdown" ? renderInventoryMarkdown(report) : format === "csv" ? renderInventoryCsv(report) : JSON.stringify(report, null, 2) + "\n";
    if (values.output !== undefined) {
      await writeOutputFile(resolve(io.cwd, values.output), text);
    } else io.stdout.write(text);
    return EXIT_CLEAN;
  } catch (error) {
    io.stderr.write(`claude-guard inventory: ${errorSentence(error)}\n`);
    if (error instanceof InventoryUsageError) io.stderr.write(`\n${INVENTORY_USAGE}\n`);
    return EXIT_ERROR;
  }
}

/** The options of `claude-guard inventory`. */
export const INVENTORY_OPTIONS = {
  org: { type: "string" },
  repo: { type: "string", multiple: true },
  repos: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  scan: { type: "boolean" },
  format: { type: "string" },
  output: { type: "string", short: "o" },
  shard: { type: "string" },
  checkpoint: { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function parse(args: readonly string[]) {
  try {
    return parseFlags(args, INVENTORY_OPTIONS, true);
  } catch (error) {
    throw new InventoryUsageError((error as Error).message);
  }
}
type Values = ReturnType<typeof parse>["values"];

/** merge's config (the org's, for the anomalies' thresholds and skills policy): --config FILE, else the defaults. */
async function mergeConfig(file: string | undefined, io: CliIO): Promise<GuardConfig> {
  if (file === undefined) return DEFAULT_CONFIG;
  const parsed = parseConfig(await readFile(resolve(io.cwd, file), "utf8"), file);
  if (parsed.errors.length > 0) throw new InventoryError(`the configuration has ${parsed.errors.length} error(s):\n${parsed.errors.map((e) => `  ${formatConfigError(e)}`).join("\n")}`);
  return parsed.config;
}

async function readReport(file: string): Promise<InventoryReport> {
  let value: unknown;
  try {
    value = parseJson(await readFile(file, "utf8")).value;
  } catch (error) {
    throw new InventoryError(`${file}: ${(error as Error).message}`);
  }
  const report = value as Partial<InventoryReport> | null;
  if (report?.$schema !== INVENTORY_SCHEMA || report.version !== 1 || !Array.isArray(report.repositories)) throw new InventoryError(`${file} is not an inventory report (JSON, version 1)`);
  return report as InventoryReport;
}

/** Findings on Claude's lines, by commit (the scan reports them all together). */
function findingsByCommit(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) if (f.commit) addToGroup(out, f.commit, f);
  return out;
}

async function localInventory(dirs: readonly string[], scan: boolean, config: string | undefined, io: CliIO): Promise<InventoryReport> {
  const histories: RepositoryHistory[] = [];
  // The anomalies' thresholds and skills policy: the first repository's config (or --config).
  let anomalyConfig: GuardConfig | undefined;
  for (const dir of dirs) {
    const root = resolve(io.cwd, dir);
    if (!existsSync(root)) throw new InventoryError(`--repo ${dir}: no such folder`);
    const inputs = readWorkingTreeScanInputs(root, config, io.cwd);
    const setup = prepareScan(inputs);
    if (setup.errors.length > 0) throw new InventoryError(`${dir}: the configuration has ${setup.errors.length} error(s):\n${setup.errors.map((e) => `  ${e}`).join("\n")}`);
    anomalyConfig ??= setup.config;
    const hours = businessHoursOrDefault(setup.config.content.businessHours);
    const history: RepositoryHistory = {
      name: await repositoryLabel(root),
      classification: resolveClassification({
        propertyName: setup.config.classificationProperty,
        ...(setup.config.classification ? { configValue: setup.config.classification } : {}),
        ...(inputs.configFile ? { configFile: inputs.configFile } : {}),
        defaultSource: "classification in the config",
      }).classification,
      commitsRead: 0,
      claude: [],
      otherAgents: {},
      scanned: scan,
    };
    const claudeCommits: Array<Parameters<typeof claudeChange>> = [];
    // scan --git's reader: a metadata pass attributes every commit, only Claude's patches are read.
    const result = await scanGit(setup, {
      repo: root,
      all: true,
      authors: "claude",
      onCommit: (change) => {
        const paths = [...change.files.map((f) => f.path), ...change.skipped.map((s) => s.path)];
        const lines = change.files.reduce((sum, f) => sum + f.lineNumbers.length, 0);
        claudeCommits.push([change.commit, localLogin(change.commit.author) ?? "unknown", lines, paths, hours]);
      },
    });
    const findings = findingsByCommit(result.scan.findings);
    history.commitsRead = result.commits;
    history.otherAgents = result.otherAgents;
    history.claude = claudeCommits.map((args) => {
      const change = claudeChange(...args);
      return scan ? { ...change, findings: countFindings(findings.get(change.sha) ?? []) } : change;
    });
    histories.push(history);
  }
  return buildInventory(histories, { source: { kind: "local", scan }, teamsOf: () => [], anomalies: anomalyOptionsOf(anomalyConfig ?? DEFAULT_CONFIG) });
}

// --- the organization, through the REST API --------------------------------------------------------

interface Checkpoint {
  version: 1;
  /** The run it belongs to: another run's checkpoint is not resumed. */
  run: InventorySource & { repos?: string[] };
  histories: RepositoryHistory[];
}

function shardOf(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InventoryUsageError(`--shard takes I/N with 1 <= I <= N (for example 2/4); got "${text}"`);
  return { index, count };
}

async function orgInventory(values: Values, io: CliIO): Promise<InventoryReport> {
  const org = values.org as string;
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(org)) throw new InventoryUsageError(`--org takes an organization's login; got "${org}"`);
  const since = values.since !== undefined ? new Date(parseDateBound("--since", values.since, false)).toISOString() : undefined;
  const until = values.until !== undefined ? new Date(parseDateBound("--until", values.until, true)).toISOString() : undefined;
  if (since && until && since > until) throw new InventoryError("--since is after --until");
  const shard = shardOf(values.shard);
  const only = values.repos
    ?.split(",")
    .map((n) => n.trim().replace(new RegExp(`^${org}/`, "i"), ""))
    .filter(Boolean);
  const token = io.env["GITHUB_TOKEN"];
  if (!token) throw new InventoryError("GITHUB_TOKEN is not set: the inventory reads the organization's repositories through the REST API");
  const scan = values.scan ?? false;
  const source: InventorySource = { kind: "org", org, ...(since ? { since } : {}), ...(until ? { until } : {}), scan, ...(values.shard ? { shard: values.shard } : {}) };

  const octokit = new Octokit({ auth: token, baseUrl: apiBaseUrl(io.env), userAgent: "claude-guard-cli", log: { debug() {}, info() {}, warn() {}, error() {} } });
  const gh = octokit as unknown as GitHubClient;
  const say = (line: string) => io.stderr.write(`claude-guard inventory: ${line}\n`);
  honourRateLimits(gh, {
    onWait: (ms, why) => say(`${why}; waiting ${Math.ceil(ms / 1000)} s (until ${new Date(Date.now() + ms).toISOString()}) before going on`),
  });

  const checkpointFile = resolve(io.cwd, values.checkpoint ?? DEFAULT_CHECKPOINT);
  const run: Checkpoint["run"] = { ...source, ...(only ? { repos: only } : {}) };
  const done = new Map<string, RepositoryHistory>();
  const saved = existsSync(checkpointFile) ? await readCheckpoint(checkpointFile) : undefined;
  if (saved && JSON.stringify(saved.run) === JSON.stringify(run)) {
    for (const h of saved.histories) done.set(h.name.toLowerCase(), h);
    say(`resuming from ${values.checkpoint ?? DEFAULT_CHECKPOINT}: ${done.size} repositories already read`);
  } else if (saved) say(`${values.checkpoint ?? DEFAULT_CHECKPOINT} belongs to another run (other flags): starting over`);

  try {
    let repositories = (await listOrgRepositories(gh, org)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (only) {
      const wanted = new Set(only.map((n) => n.toLowerCase()));
      const missing = only.filter((n) => !repositories.some((r) => r.name.toLowerCase() === n.toLowerCase()));
      if (missing.length > 0) throw new InventoryError(`not repositories of ${org} that this token can see: ${missing.join(", ")}`);
      repositories = repositories.filter((r) => wanted.has(r.name.toLowerCase()));
    }
    if (shard) repositories = repositories.filter((r) => inShard(r.name, shard.index, shard.count));
    const properties = await orgPropertyValues(gh, org);
    // The org's config file is read once for every repository (and for the anomalies).
    const configTexts: ConfigTextCache = new Map();
    const histories: RepositoryHistory[] = [];
    for (const [i, repository] of repositories.entries()) {
      const name = `${org}/${repository.name}`;
      const resumed = done.get(name.toLowerCase());
      if (resumed) {
        histories.push(resumed);
        continue;
      }
      const history = await readInventoryRepository(gh, org, repository, {
        properties,
        configTexts,
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
        scan,
        onProgress: ({ commitsListed, claudeRead }) => {
          if (io.stderr.isTTY) io.stderr.write(`\r\x1b[2Kclaude-guard inventory: [${i + 1}/${repositories.length}] ${name}: ${commitsListed} commits listed, ${claudeRead} Claude commits read`);
        },
      });
      if (io.stderr.isTTY) io.stderr.write("\r\x1b[2K");
      say(`[${i + 1}/${repositories.length}] ${name}: ${history.commitsRead} commits, ${history.claude.length} by Claude`);
      histories.push(history);
      await writeCheckpoint(checkpointFile, { version: 1, run, histories });
    }
    const teams = await authorTeams(gh, org, histories);
    // The anomalies follow the org's config (its audit settings are org level only).
    const orgConfig = (await loadOrgConfig(gh, org, undefined, configTexts)).config;
    const report = buildInventory(histories, { source, teamsOf: (login) => teams.get(login) ?? [], anomalies: anomalyOptionsOf(orgConfig) });
    await rm(checkpointFile, { force: true });
    return report;
  } catch (error) {
    if (error instanceof InventoryError) throw error;
    throw new InventoryError(`${describeApiError(error)}${existsSync(checkpointFile) ? `; run the same command again to resume from ${values.checkpoint ?? DEFAULT_CHECKPOINT}` : ""}`);
  }
}

async function readCheckpoint(file: string): Promise<Checkpoint | undefined> {
  try {
    const value = parseJson(await readFile(file, "utf8")).value as Checkpoint;
    return value?.version === 1 && Array.isArray(value.histories) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole to a temporary file, then renamed: a run stopped mid-write leaves the last checkpoint intact. */
async function writeCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(checkpoint));
  await rename(`${file}.tmp`, file);
}
