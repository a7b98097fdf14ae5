/**
 * The policy checks of the Action: the same evaluation as the CLI's `scan --git` (src/git/local-policy.ts's
 * localPolicy, which reads the agent configuration from the local clone and calls the core's
 * evaluateRepositoryPolicy), with the classification a runner can know: the repository's custom
 * property when the token may read it, else the config's `classification`, else the event payload's
 * visibility (src/github/properties.ts, as the App does).
 */
import type { Classification } from "../core/config/config.js";
import type { ResolvedClassification, ScannedChange } from "../core/policy/index.js";
import type { ScanSetup } from "../core/setup.js";
import type { CommitInfo, Finding } from "../core/types.js";
import type { GitHubClient } from "../github/client.js";
import { payloadVisibility, readClassification } from "../github/properties.js";
import type { AgentFileReader } from "../git/agent-files.js";
import { formatProblem, localPolicy } from "../git/local-policy.js";

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

interface ActionClassificationInput {
  /** Absent (no github-token): the custom property is not asked for. */
  gh?: GitHubClient;
  owner: string;
  repo: string;
  payload: Json;
  setup: ScanSetup;
  configFile?: string;
}

export async function actionClassification(input: ActionClassificationInput): Promise<{ classification: ResolvedClassification; notes: string[] }> {
  const repository = obj(input.payload["repository"]);
  const payloadProperties = obj(repository?.["custom_properties"]) as Record<string, string | string[] | null> | undefined;
  const visibility = payloadVisibility(repository);
  // Without a token or a repository name there is nothing to ask: an empty property set skips the request.
  const properties = payloadProperties ?? (input.gh && input.owner && input.repo ? undefined : {});
  return readClassification(input.gh as GitHubClient, { owner: input.owner, repo: input.repo }, {
    property: input.setup.config.classificationProperty,
    ...(properties ? { payloadProperties: properties } : {}),
    ...(input.setup.config.classification ? { configValue: input.setup.config.classification } : {}),
    ...(input.configFile ? { configFile: input.configFile } : {}),
    ...(visibility ? { visibility } : {}),
  });
}

interface ActionPolicyInput {
  workspace: string;
  setup: ScanSetup;
  configFile?: string;
  classification: ResolvedClassification;
  findings: readonly Finding[];
  changes: readonly ScannedChange[];
  headRevision: string;
  claudeChanges: Array<{ commit: CommitInfo; firstFile?: { path: string; line: number } }>;
  /** The history scan's reader of the agent files (scanGit's `agentFiles`), its reads already under way. */
  agentFiles?: AgentFileReader;
  /** `owner/name` from GITHUB_REPOSITORY, for messages (the clone's remote may be a mirror or missing). */
  repository: string;
}

interface ActionPolicyResult {
  findings: Finding[];
  /** Agent-configuration problems at the head: they fail the step like config errors. */
  problems: string[];
  notes: string[];
}

export async function actionPolicy(input: ActionPolicyInput): Promise<ActionPolicyResult> {
  // localPolicy resolves the classification itself, where a `--classification` flag beats the config:
  // the value resolved here is handed over as that flag, so the evaluation uses exactly it.
  const output = await localPolicy({
    root: input.workspace,
    setup: input.setup,
    ...(input.configFile ? { configFile: input.configFile } : {}),
    classificationFlag: input.classification.value as Classification,
    findings: input.findings,
    changes: input.changes,
    git: { headRevision: input.headRevision, claudeCommits: input.claudeChanges, ...(input.agentFiles ? { agentFiles: input.agentFiles } : {}) },
    workingTree: false,
    ...(input.repository !== "/" ? { repository: input.repository } : {}),
  });
  // Messages then name the flag as the source; they should name where the value really came from.
  const flagSource = `(from ${output.classification.source})`;
  const realSource = `(from ${input.classification.source})`;
  const findings = output.result.findings.map((f) => (f.message.includes(flagSource) ? { ...f, message: f.message.split(flagSource).join(realSource) } : f));
  return {
    findings,
    problems: output.result.problems.map((p) => `${formatProblem(p)} (agent configuration at ${input.headRevision.slice(0, 7)})`),
    notes: output.result.historyProblems.map((p) => formatProblem(p)),
  };
}
