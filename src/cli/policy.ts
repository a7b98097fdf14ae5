/**
 * `claude-guard policy`, which prints the effective policy and every violation, and how the CLI reports
 * the agent configuration's problems. The checks themselves run on the local clone in
 * src/git/local-policy.ts (shared with the Action); the decisions are the core's (src/core/policy).
 */
import { lstatSync } from "node:fs";
import { resolve } from "node:path";
import type { Classification, GuardConfig } from "../core/config/config.js";
import { withDefaultPermissions, type AgentConfig } from "../core/policy/index.js";
import { prepareScan, type ScanInputs } from "../core/setup.js";
import { isFailing, SEVERITIES, type FailOn } from "../core/types.js";
import { formatProblem, localPolicy, type LocalPolicyOutput } from "../git/local-policy.js";
import { readWorkingTreeScanInputs } from "../git/scan-inputs.js";
import { scanPaths } from "./parallel.js";

export interface PolicyCommand {
  command: "policy";
  repo?: string;
  format: "text" | "json";
  config?: string;
  classification?: Classification;
  failOn?: FailOn;
}

interface IO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** Reports agent-configuration problems like config errors; returns true when there were any. */
export function reportAgentProblems(io: Pick<IO, "stderr">, output: LocalPolicyOutput): boolean {
  for (const note of output.notes) io.stderr.write(`claude-guard: warning: ${note}\n`);
  for (const problem of output.result.historyProblems) io.stderr.write(`claude-guard: warning: ${formatProblem(problem)}\n`);
  const problems = output.result.problems;
  if (problems.length === 0) return false;
  io.stderr.write(
    `claude-guard: the agent configuration has ${problems.length} problem(s); fix them so that the policy can judge it:\n${problems.map((p) => `  ${formatProblem(p)}\n`).join("")}`,
  );
  return true;
}

// ---------------------------------------------------------------------------------------------------
// `claude-guard policy`

export async function runPolicyCommand(cmd: PolicyCommand, io: IO): Promise<number> {
  const root = resolve(io.cwd, cmd.repo ?? ".");
  if (!lstatSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr.write(`claude-guard: ${cmd.repo ?? root} is not a folder\n`);
    return 2;
  }
  let inputs: ScanInputs;
  try {
    inputs = readWorkingTreeScanInputs(root, cmd.config, io.cwd);
  } catch (error) {
    io.stderr.write(`claude-guard: ${(error as Error).message}\n`);
    return 2;
  }
  const setup = prepareScan(inputs);
  for (const warning of setup.warnings) io.stderr.write(`claude-guard: warning: ${warning}\n`);
  if (setup.errors.length > 0) {
    io.stderr.write(`claude-guard: the configuration has ${setup.errors.length} error(s):\n${setup.errors.map((e) => `  ${e}\n`).join("")}`);
    return 2;
  }

  // The content checks need what the files hold: the same scan as `claude-guard scan` of the folder.
  const listed = await scanPaths(setup, inputs, [root], root, true);
  const scanned = listed.result;
  const notRead = new Set(scanned.skipped.map((s) => s.path));
  const changes = listed.files.filter((f) => !notRead.has(f.path)).map((f) => ({ path: f.path, firstLine: 1 }));
  const output = await localPolicy({
    root,
    setup,
    ...(inputs.configFile ? { configFile: inputs.configFile } : {}),
    ...(cmd.classification ? { classificationFlag: cmd.classification } : {}),
    findings: scanned.findings,
    changes,
    workingTree: true,
  });
  const failOn: FailOn = cmd.failOn ?? setup.config.failOn;
  const view = policyView(output, setup.config, inputs.configFile, failOn);
  io.stdout.write(cmd.format === "json" ? JSON.stringify(view, null, 2) + "\n" : renderPolicyText(view));
  const hasProblems = reportAgentProblems(io, output);
  if (hasProblems) return 2;
  return output.result.findings.some((f) => isFailing(f, failOn)) ? 1 : 0;
}

/** What `claude-guard policy --format json` prints (version 1; fields may be added, none removed). */
function policyView(output: LocalPolicyOutput, config: GuardConfig, configFile: string | undefined, failOn: FailOn) {
  const agent: AgentConfig = output.result.agentConfig;
  const c = output.classification.value;
  const written = config.permissions[c];
  const permissions = withDefaultPermissions(config.permissions)[c];
  const item = (i: AgentConfig["skills"][number]) => ({
    id: i.id,
    path: i.path,
    line: i.line,
    ...(i.description !== undefined ? { description: i.description } : {}),
    ...(i.tools !== undefined ? { allowedTools: i.tools } : {}),
    ...(i.permissionMode ? { permissionMode: i.permissionMode.mode } : {}),
  });
  return {
    version: 1 as const,
    classification: output.classification,
    classificationNotes: output.notes,
    config: configFile ?? null,
    failOn,
    agentConfig: {
      skills: agent.skills.map(item),
      commands: agent.commands.map(item),
      subagents: agent.subagents.map(item),
      permissions: agent.permissions.map((p) => ({ list: p.list, rule: p.rule, path: p.path, line: p.line })),
      defaultModes: agent.defaultModes.map((m) => ({ mode: m.value, path: m.path, line: m.line })),
      additionalDirectories: agent.additionalDirectories.map((d) => ({ directory: d.value, path: d.path, line: d.line })),
      hooks: agent.hooks.map((h) => ({ event: h.event, matcher: h.matcher, type: h.type, action: h.action, path: h.path, line: h.line })),
      mcpServers: agent.mcpServers.map((s) => ({ name: s.name, ...(s.type ? { type: s.type } : {}), ...(s.command ? { command: s.command } : {}), ...(s.url ? { url: s.url } : {}), path: s.path, line: s.line })),
      enabledMcpjsonServers: agent.enabledMcpjsonServers.map((e) => ({ name: e.value, path: e.path, line: e.line })),
    },
    policy: {
      skills: config.skills,
      permissions: {
        classification: c,
        source: written ? `config permissions.${c}` : "built-in default",
        forbid: permissions.forbid,
        mcpServers: permissions.mcpServers ?? null,
      },
      contentPaths: config.content.paths,
      businessHours: config.content.businessHours ?? null,
    },
    violations: [...output.result.findings].sort((x, y) => SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity)).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      path: f.path,
      line: f.line,
      fails: isFailing(f, failOn),
      fingerprint: f.fingerprint,
      message: f.message,
    })),
    problems: output.result.problems.map((p) => ({ path: p.path, line: p.line ?? null, message: p.message })),
  };
}

type PolicyView = ReturnType<typeof policyView>;

function renderPolicyText(view: PolicyView): string {
  const lines: string[] = [];
  const at = (x: { path: string; line: number }) => `${x.path}:${x.line}`;
  const section = (title: string, rows: string[], empty = "none") => {
    lines.push(`  ${title}${rows.length ? ` (${rows.length})` : `: ${empty}`}`);
    for (const row of rows) lines.push(`    ${row}`);
  };
  lines.push(`Classification: ${view.classification.value} (from ${view.classification.source})`);
  for (const note of view.classificationNotes) lines.push(`  note: ${note}`);
  lines.push(`Config: ${view.config ?? "none (built-in defaults)"} · fails on: ${view.failOn}`);
  lines.push("");
  lines.push("Agent configuration (.claude/, .mcp.json)");
  const a = view.agentConfig;
  const tools = (t: string[] | undefined) => (t === undefined ? "" : `  allowed-tools: ${t.length ? t.join(", ") : "none"}`);
  section("Skills", a.skills.map((s) => `${s.id}  ${at(s)}${tools(s.allowedTools)}`));
  section("Slash commands", a.commands.map((s) => `/${s.id}  ${at(s)}${tools(s.allowedTools)}`));
  section("Subagents", a.subagents.map((s) => `${s.id}  ${at(s)}${s.allowedTools ? `  tools: ${s.allowedTools.join(", ")}` : ""}${s.permissionMode ? `  permissionMode: ${s.permissionMode}` : ""}`));
  section("Permission rules", a.permissions.map((p) => `${p.list.padEnd(5)}  ${p.rule}  ${at(p)}`));
  section("Default mode", a.defaultModes.map((m) => `${m.mode}  ${at(m)}`), "not set (default)");
  section("Additional directories", a.additionalDirectories.map((d) => `${d.directory}  ${at(d)}`));
  section("Hooks", a.hooks.map((h) => `${h.event}${h.matcher ? `(${h.matcher})` : ""}  ${h.type}: ${h.action}  ${at(h)}`));
  section("MCP servers", [...a.mcpServers.map((s) => `${s.name}  ${s.url ?? s.command ?? ""}  ${at(s)}`), ...a.enabledMcpjsonServers.map((e) => `${e.name} (enabled in settings)  ${at(e)}`)]);
  lines.push("");
  lines.push("Policy in force");
  const skillRows = Object.entries(view.policy.skills).map(
    ([pattern, p]) => `${pattern}  maxClassification: ${p.maxClassification ?? "any"}  teams: ${p.teams ? p.teams.join(", ") || "none" : "anyone"}`,
  );
  section("Skills (skills:)", skillRows, "no skill is governed (add patterns under skills: in the config)");
  const perm = view.policy.permissions;
  lines.push(`  Permissions for ${perm.classification} repositories (${perm.source}):`);
  lines.push(`    forbidden: ${perm.forbid.length ? perm.forbid.join(", ") : "nothing"}`);
  lines.push(`    MCP servers approved: ${perm.mcpServers === null ? "any" : perm.mcpServers.length ? perm.mcpServers.join(", ") : "none"}`);
  const contentRows = Object.entries(view.policy.contentPaths).map(([glob, c]) => `${glob} -> ${c}`);
  section("Content paths (content.paths)", contentRows);
  const hours = view.policy.businessHours;
  lines.push(`  Business hours: ${hours ? `${hours.days.join(", ")} ${hours.start}-${hours.end} (${hours.timezone}), checked in restricted repositories` : "not set"}`);
  lines.push("");
  if (view.violations.length === 0) lines.push("Violations: none");
  else {
    lines.push(`Violations (${view.violations.length})`);
    for (const v of view.violations) {
      lines.push(`  ${v.severity.padEnd(8)}  ${v.rule}  ${at(v)}${v.fails ? "" : "  (does not fail)"}`);
      lines.push(`      ${v.message}`);
    }
  }
  if (view.problems.length > 0) {
    lines.push("");
    lines.push(`Agent configuration problems (${view.problems.length})`);
    for (const p of view.problems) lines.push(`  ${p.path}${p.line !== null ? `:${p.line}` : ""}: ${p.message}`);
  }
  return lines.join("\n") + "\n";
}
