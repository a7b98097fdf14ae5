/**
 * Agent configuration drift: a Claude-authored change that loosens the agent's own guard rails. Whatever
 * the repository's classification, an agent should not widen its own permissions without a person
 * reviewing it, so each widening is one `agent-permission-widened` finding (severity high; critical for a
 * switch to `bypassPermissions`) that names what was widened, from what to what.
 *
 * What counts as widening (tightening, and changes that grant nothing new, produce nothing):
 * - an allow rule that no allow rule of the previous configuration already covered (a narrower rule
 *   added under a broader one grants nothing new), including a rule moved from `ask` to `allow`;
 * - a deny rule removed (unless a remaining deny rule still covers it), and an ask rule removed while an
 *   existing allow rule covers it (the tool then runs without asking);
 * - a hook added or changed (hooks run commands on the developer's machine or the runner);
 * - an MCP server added to `.mcp.json` or changed (command, args, URL, type), `enableAllProjectMcpServers`
 *   turned on, a name added to `enabledMcpjsonServers` or removed from `disabledMcpjsonServers`;
 * - `defaultMode` switched to a looser mode (plan < dontAsk < default < acceptEdits < auto <
 *   bypassPermissions; an absent mode is `default`), per settings file;
 * - a directory added to `additionalDirectories`;
 * - a skill or slash command, new or existing, whose `allowed-tools` pre-approve a tool its previous
 *   version did not and that the settings' allow rules do not already grant (a new skill that pre-approves
 *   nothing widens no permission: installing it is judged by the skills policy instead);
 * - a subagent whose `tools` list got broader (a removed list means every tool), or whose
 *   `permissionMode` got looser (a new subagent counts when its mode is looser than `default`).
 *
 * Pure: the caller compares the configuration before and after one commit, and calls this only for
 * changes attributed to Claude.
 */
import { fingerprint } from "../report/redact.js";
import type { Finding, Severity } from "../types.js";
import { type AgentConfig, type AgentItem, type Declaration, coverIndex, permissionModeRank, ruleCovers } from "./agent-config.js";

export const AGENT_PERMISSION_WIDENED = "agent-permission-widened";
const TITLE = "Agent widened its own permissions";

const quote = (s: string): string => JSON.stringify(s);
const list = (values: readonly string[]): string => (values.length ? values.map(quote).join(", ") : "none");

/**
 * Commands and URLs are shown to the reviewer, but may carry a credential: long opaque tokens and the
 * password of a URL are cut out, and the text is shortened.
 */
function scrub(text: string): string {
  const cleaned = text
    .replace(/(\/\/[^/\s:@]+:)[^@\s/]+@/g, "$1…@")
    .replace(/[A-Za-z0-9_\-+/=.]{24,}/g, (m) => (/^[\w.-]*\/[\w./-]*$/.test(m) && !/[A-Za-z0-9]{24,}/.test(m) ? m : "…"));
  return cleaned.length > 120 ? cleaned.slice(0, 117) + "…" : cleaned;
}

export function detectAgentDrift(before: AgentConfig, after: AgentConfig, commit?: string): Finding[] {
  const findings = new Map<string, Finding>();
  const subject = commit ? `Claude-authored commit ${commit.slice(0, 12)}` : "This Claude-authored change";
  const add = (at: Declaration, value: string, redacted: string, what: string, severity: Severity = "high") => {
    const id = fingerprint(AGENT_PERMISSION_WIDENED, at.path, value);
    if (findings.has(id)) return;
    const finding: Finding = {
      rule: AGENT_PERMISSION_WIDENED,
      category: "policy",
      severity,
      path: at.path,
      line: at.line,
      column: 1,
      endColumn: at.endColumn,
      fingerprint: id,
      redacted,
      message:
        `${subject} widens the agent's own permissions: ${what}. An agent must not loosen its own guard rails unreviewed, whatever the repository's classification: ` +
        `have a person review the change to ${at.path} and commit it themselves, or revert it.`,
      title: TITLE,
    };
    if (commit) finding.commit = commit;
    findings.set(id, finding);
  };
  /** Where to point for something removed: the same file's related declaration in the new version. */
  const anchor = (path: string, prefer: (c: AgentConfig) => Declaration[]): Declaration => {
    const same = (ds: Declaration[]) => ds.find((d) => d.path === path);
    return same(prefer(after)) ?? same(after.permissions) ?? same(after.defaultModes) ?? { path, line: 1, endColumn: 2 };
  };

  // --- permission rules ------------------------------------------------------------------------------
  const rules = (c: AgentConfig, l: "allow" | "ask" | "deny") => c.permissions.filter((p) => p.list === l);
  const beforeAllow = rules(before, "allow").map((p) => p.rule);
  const beforeAsk = rules(before, "ask").map((p) => p.rule);
  const afterAllow = rules(after, "allow");
  const afterAsk = rules(after, "ask").map((p) => p.rule);
  const afterDeny = rules(after, "deny").map((p) => p.rule);
  const coveredBeforeAllow = coverIndex(beforeAllow);
  for (const p of afterAllow) {
    if (coveredBeforeAllow(p.rule)) continue;
    const wasAsk = beforeAsk.find((a) => ruleCovers(p.rule, a) && ruleCovers(a, p.rule));
    add(
      p,
      `allow:${p.rule}`,
      p.rule,
      wasAsk
        ? `${p.path} moves ${quote(p.rule)} from "ask" to "allow", so it now runs without a person approving it`
        : `${p.path} now allows ${quote(p.rule)} without asking (allow rules before: ${list(beforeAllow)})`,
    );
  }
  const coveredAfterDeny = coverIndex(afterDeny);
  const coveredAfterAsk = coverIndex(afterAsk);
  for (const d of rules(before, "deny")) {
    if (coveredAfterDeny(d.rule)) continue;
    add(anchor(d.path, (c) => rules(c, "deny")), `deny-removed:${d.rule}`, d.rule, `${d.path} no longer denies ${quote(d.rule)} (deny rules now: ${list(afterDeny)})`);
  }
  for (const a of rules(before, "ask")) {
    if (coveredAfterAsk(a.rule) || coveredAfterDeny(a.rule)) continue;
    // Only when an allow rule that was already there now takes over; a new allow rule is reported above.
    const takesOver = afterAllow.find((r) => ruleCovers(r.rule, a.rule) && coveredBeforeAllow(r.rule));
    if (!takesOver) continue;
    add(
      anchor(a.path, (c) => rules(c, "ask")),
      `ask-removed:${a.rule}`,
      a.rule,
      `${a.path} no longer asks before ${quote(a.rule)}, which the allow rule ${quote(takesOver.rule)} now approves without asking`,
    );
  }

  // --- hooks ------------------------------------------------------------------------------------------------
  const hookKey = (h: AgentConfig["hooks"][number]) => `${h.path}\0${h.event}\0${h.matcher}\0${h.type}\0${h.action}`;
  const beforeHooks = new Set(before.hooks.map(hookKey));
  for (const h of after.hooks) {
    if (beforeHooks.has(hookKey(h))) continue;
    const previous = before.hooks.filter((b) => b.path === h.path && b.event === h.event).map((b) => scrub(b.action));
    add(
      h,
      `hook:${h.event}:${h.matcher}:${h.type}:${h.action}`,
      `${h.event}${h.matcher ? `(${h.matcher})` : ""}`,
      `${h.path} adds a ${h.event} hook${h.matcher ? ` for ${quote(h.matcher)}` : ""} that runs ${h.type === "command" ? "the command " : `a ${h.type} hook `}${quote(scrub(h.action))} ` +
        `(${h.event} hooks before: ${previous.length ? previous.map(quote).join(", ") : "none"})`,
    );
  }

  // --- MCP servers ------------------------------------------------------------------------------------------
  const describeServer = (s: AgentConfig["mcpServers"][number]) => scrub(s.url ?? [s.command ?? "", ...s.args].join(" ").trim()) || "(no command)";
  for (const s of after.mcpServers) {
    const old = before.mcpServers.find((b) => b.name === s.name);
    if (!old) {
      add(s, `mcp:${s.name}`, s.name, `${s.path} adds the MCP server ${quote(s.name)} (${quote(describeServer(s))}), which was not configured before`);
    } else if (old.command !== s.command || old.url !== s.url || old.type !== s.type || old.args.join("\0") !== s.args.join("\0")) {
      add(s, `mcp-changed:${s.name}:${describeServer(s)}`, s.name, `${s.path} changes the MCP server ${quote(s.name)} from ${quote(describeServer(old))} to ${quote(describeServer(s))}`);
    }
  }
  for (const e of after.enableAllProjectMcpServers) {
    if (!e.value || before.enableAllProjectMcpServers.some((b) => b.path === e.path && b.value)) continue;
    add(e, "enableAllProjectMcpServers", "enableAllProjectMcpServers", `${e.path} turns enableAllProjectMcpServers on (before: off), so every server of .mcp.json starts without a person approving it`);
  }
  const beforeEnabled = new Set(before.enabledMcpjsonServers.map((e) => e.value));
  for (const e of after.enabledMcpjsonServers) {
    if (beforeEnabled.has(e.value)) continue;
    add(e, `mcp-enabled:${e.value}`, e.value, `${e.path} enables the .mcp.json server ${quote(e.value)} (enabled before: ${list([...beforeEnabled])})`);
  }
  const afterDisabled = new Set(after.disabledMcpjsonServers.map((e) => e.value));
  for (const d of before.disabledMcpjsonServers) {
    if (afterDisabled.has(d.value)) continue;
    add(anchor(d.path, (c) => c.disabledMcpjsonServers), `mcp-undisabled:${d.value}`, d.value, `${d.path} no longer disables the .mcp.json server ${quote(d.value)}`);
  }

  // --- permission mode, per settings file ---------------------------------------------------------------
  const modePaths = new Set([...before.defaultModes, ...after.defaultModes].map((m) => m.path));
  for (const path of modePaths) {
    const from = before.defaultModes.find((m) => m.path === path)?.value;
    const toDecl = after.defaultModes.find((m) => m.path === path);
    const to = toDecl?.value;
    if (permissionModeRank(to) <= permissionModeRank(from)) continue;
    add(
      toDecl ?? anchor(path, (c) => c.permissions),
      `defaultMode:${to ?? "default"}`,
      to ?? "default",
      `${path} switches permissions.defaultMode from ${quote(from ?? "default")} to ${quote(to ?? "default")}${to === "bypassPermissions" ? ", so every tool runs without a person approving it" : ""}`,
      to === "bypassPermissions" ? "critical" : "high",
    );
  }

  // --- additional directories ------------------------------------------------------------------------------
  const beforeDirs = before.additionalDirectories.map((d) => d.value);
  for (const d of after.additionalDirectories) {
    if (beforeDirs.includes(d.value)) continue;
    add(d, `dir:${d.value}`, d.value, `${d.path} gives the agent access to the directory ${quote(d.value)} outside the project (additionalDirectories before: ${list(beforeDirs)})`);
  }

  // --- skills, commands, subagents --------------------------------------------------------------------------
  const settingsAllow = afterAllow.map((p) => p.rule);
  const counterpart = (item: AgentItem, olds: AgentItem[]) => olds.find((o) => o.path === item.path) ?? olds.find((o) => o.id === item.id);
  for (const [kind, olds, news] of [
    ["skill", before.skills, after.skills],
    ["slash command", before.commands, after.commands],
  ] as const) {
    for (const item of news) {
      const old = counterpart(item, olds);
      const oldTools = old?.tools ?? [];
      const added = (item.tools ?? []).filter((t) => !oldTools.some((o) => ruleCovers(o, t)) && !settingsAllow.some((a) => ruleCovers(a, t)));
      if (!added.length) continue;
      add(
        item.toolsDeclaration ?? item,
        `${kind}-tools:${item.id}:${added.join("\0")}`,
        item.id,
        old
          ? `the ${kind} ${quote(item.id)} now pre-approves ${list(added)} in allowed-tools (from ${list(oldTools)} to ${list(item.tools ?? [])})`
          : `${item.path} adds the ${kind} ${quote(item.id)}, whose allowed-tools pre-approve ${list(added)}, which the settings do not allow`,
      );
    }
  }
  for (const agent of after.subagents) {
    const old = counterpart(agent, before.subagents);
    if (old && old.tools !== undefined) {
      const oldTools = old.tools;
      const added = agent.tools === undefined ? undefined : agent.tools.filter((t) => !oldTools.some((o) => ruleCovers(o, t)));
      if (added === undefined || added.length) {
        add(
          agent.toolsDeclaration ?? agent,
          `subagent-tools:${agent.id}:${added ? added.join("\0") : "*"}`,
          agent.id,
          added
            ? `the subagent ${quote(agent.id)} gets the tools ${list(added)} (tools from ${list(oldTools)} to ${list(agent.tools ?? [])})`
            : `the subagent ${quote(agent.id)} no longer has a tools list, so it gets every tool (tools before: ${list(oldTools)})`,
        );
      }
    }
    const from = old?.permissionMode?.mode;
    const to = agent.permissionMode?.mode;
    // An absent mode is `default`: removing `permissionMode: plan` loosens the subagent too.
    if (permissionModeRank(to) > permissionModeRank(from)) {
      add(
        agent.permissionMode ?? agent,
        `subagent-mode:${agent.id}:${to ?? "default"}`,
        agent.id,
        old
          ? `the subagent ${quote(agent.id)} switches permissionMode from ${quote(from ?? "default")} to ${quote(to ?? "default")}`
          : `${agent.path} adds the subagent ${quote(agent.id)} with permissionMode ${quote(to ?? "default")}`,
        to === "bypassPermissions" ? "critical" : "high",
      );
    }
  }

  return [...findings.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}
