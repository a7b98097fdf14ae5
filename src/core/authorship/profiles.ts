/**
 * Coding agents as data: how each one marks the commits it writes. Adding an agent is adding a
 * profile here; detect.ts knows no agent by name.
 *
 * Sources: commit messages seen in public repositories, Claude Code's `attribution` setting docs and
 * issues, anthropics/claude-code-action (git-config.ts: the bot commits as `<login>` with
 * `<id>+<login>@users.noreply.<host>`), GitHub's Copilot coding agent, Cursor, aider, Devin commits.
 *
 * Matching rules worth knowing before editing a pattern:
 * - Names are compared after whitespace is collapsed and the ends trimmed; every pattern is anchored
 *   so that "Claude Monet" or "claudette" never pass for an agent.
 * - An email alone is enough only when it belongs to the tool (a noreply or bot address); a display
 *   name alone only when no person plausibly carries it ("Claude Opus 4.5", "copilot-swe-agent[bot]").
 * - `strength: "weak"` marks a hint that should be shown to a human but never attributes a commit
 *   on its own.
 */
import type { AuthorshipSignal } from "../types.js";

export type Strength = AuthorshipSignal["strength"];

/**
 * One way an agent appears as a person: in a `Co-authored-by:` trailer, or as the commit's author or
 * committer. Every field that is set must match (`name`, `email`, `login`); `noEmail` requires the
 * identity to carry no email at all (a bare `Co-authored-by: Claude`).
 */
export interface IdentityPattern {
  /**
   * What proves it: `account` the agent's own bot account or bot address, `email` an address only
   * the tool writes, `name` a display name. Decides the signal kind for authors (`bot-author` for
   * account and name, `author-email` for email).
   */
  via: "account" | "email" | "name";
  name?: RegExp;
  email?: RegExp;
  login?: RegExp;
  noEmail?: boolean;
  strength: Strength;
}

/** A trailer that links the commit to an agent session, e.g. `Claude-Session: https://claude.ai/code/session_…`. */
interface SessionTrailerPattern {
  key: RegExp;
  value: RegExp;
}

export interface AgentProfile {
  /** Stable id reported in verdicts and accepted in `AuthorshipOptions.agents`. */
  id: string;
  title: string;
  /**
   * Words (lower-case ASCII letters) of which every pattern below needs one, matched case-insensitively:
   * a commit whose message, people and branch hold none of them carries no signal of this agent, and
   * detection skips the profile (most commits name no agent at all). A new pattern must contain one.
   */
  words: string[];
  identities: IdentityPattern[];
  /**
   * Values of tool trailers (`Assisted-by:`, `Generated-by:`) that name this agent, e.g. the Linux
   * kernel's `Assisted-by: Claude:claude-opus-4`.
   */
  toolTrailerValues: RegExp[];
  /** A whole line the tool writes into the message, e.g. "🤖 Generated with [Claude Code](…)". Matched against the trimmed line. */
  generatedWith: RegExp[];
  sessionTrailers: SessionTrailerPattern[];
  /** Subject prefixes the tool writes, e.g. aider's "aider: ". */
  subjectPrefixes: RegExp[];
  /** Branch names the tool creates. Always weak: people choose branch names too. */
  branches: RegExp[];
}

/** `<id>+<login>@users.noreply.github.com`, or `users.noreply.<GHES host>`; the id is optional in old commits. */
function botNoreply(login: string): RegExp {
  const escaped = login.replace(/[[\]]/g, "\\$&");
  return new RegExp(`^(?:\\d+\\+)?${escaped}@users\\.noreply\\.(?:[a-z0-9-]+\\.)*[a-z]{2,}$`, "i");
}

/** The whole name, exactly (case-insensitive), for bot logins like `claude[bot]`. */
function exactly(login: string): RegExp {
  return new RegExp(`^${login.replace(/[[\]]/g, "\\$&")}$`, "i");
}

/** A URL inside a "Generated with" line: any http(s) URL without spaces or parentheses. */
const URL_IN_LINE = String.raw`https?:\/\/[^\s()<>\]]+`;
/** Leading decoration of a "Generated with" line: an emoji such as 🤖 (with its variation selector). */
const EMOJI_PREFIX = String.raw`(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]+\s*)?`;

/**
 * "Generated with <Tool>" as its own line, with or without the emoji, the Markdown link or a bare
 * link in parentheses: the footer Claude Code (and Devin) append.
 */
function generatedWithLine(tool: string): RegExp {
  const t = tool.replace(/ /g, "\\s+");
  return new RegExp(
    `^${EMOJI_PREFIX}Generated\\s+(?:with|by|using)\\s+(?:\\[${t}\\](?:\\(${URL_IN_LINE}\\))?|${t}(?:\\s*\\(${URL_IN_LINE}\\))?)[.!]?$`,
    "iu",
  );
}

/**
 * Names Claude Code writes in its `Co-Authored-By` trailer: the model in use ("Claude Opus 4.5",
 * "Claude Sonnet 4", "Claude 3.7 Sonnet", "Claude Haiku 4.5", "Claude Opus 5 (1M context)"), "Claude
 * Code", and model ids ("claude-3-5-sonnet-20241022"). A family name without a known family needs a
 * version number ("Claude Fable 5"): people's names ("Claude Monet") carry none.
 */
const CLAUDE_FAMILY = "(?:opus|sonnet|haiku|instant)";
const CLAUDE_VERSION = String.raw`v?\d+(?:\.\d+)*`;
const CONTEXT_SUFFIX = String.raw`(?: \([^()]{1,40}\))?`;
const CLAUDE_MODEL_NAME = new RegExp(
  "^(?:anthropic(?:'s)? )?(?:" +
    [
      `claude[ _-]code`,
      `claude ${CLAUDE_FAMILY}(?: ${CLAUDE_VERSION})?`,
      `claude ${CLAUDE_VERSION}(?: ${CLAUDE_FAMILY})?`,
      `claude [a-z]{3,12} ${CLAUDE_VERSION}`,
      String.raw`claude-(?=[a-z.-]{0,60}\d)[a-z0-9.-]{1,60}`,
    ].join("|") +
    `)${CONTEXT_SUFFIX}$`,
  "i",
);

const ANTHROPIC_DOMAIN = String.raw`@(?:[a-z0-9-]+\.)*anthropic\.com$`;

/**
 * Names only the tool carries, whatever the address: "Claude AI", "ClaudeAI", "Claude.ai", "Anthropic
 * Claude", "Claude (Anthropic)", "Claude by Anthropic", "Claude Assistant", "Claude Agent", "Claude Bot".
 */
const CLAUDE_TOOL_NAME = String.raw`(?:anthropic(?:'s)? claude|claude(?: ?ai|[.-]ai| \(anthropic\)| by anthropic| (?:assistant|agent|bot)))`;

/**
 * Addresses no person named Claude reads, used in hand-written or tool-written `Co-authored-by: Claude
 * <…>` lines: Claude's own domains (claude.ai, claude.com), a mailbox named for the tool at any domain
 * (`claude-code@…`, `claude.ai@…`, `claude-bot@…`), and a `claude` login's GitHub-style noreply address
 * (`claude@users.noreply.github.com`, with or without the numeric id). Not `claude@acme.com` or
 * `claude.b@gmail.com`: those are people's mailboxes (see the decision above the claude profile).
 */
const CLAUDE_TOOL_ADDRESS = new RegExp(
  "^(?:" +
    [
      String.raw`[^@\s]+@(?:[a-z0-9-]+\.)*claude\.(?:ai|com)`,
      String.raw`claude[-_.](?:code|ai|bot|agent|assistant)@[^@\s]+`,
      String.raw`(?:\d+\+)?claude(?:[-_.]?(?:code|ai|bot|agent|assistant))?@users\.noreply\.(?:[a-z0-9-]+\.)*[a-z]{2,}`,
    ].join("|") +
    ")$",
  "i",
);

/**
 * A person named Claude. "Claude" is a common first name (Claude Monet, Claude Shannon, and people whose
 * git name is just "Claude"), so the name alone decides nothing; the decision, strongest first:
 * - an address only the tool writes (Anthropic's, Claude's own domains, a tool-named mailbox, a `claude`
 *   login's noreply address: CLAUDE_TOOL_ADDRESS), or a name only the tool carries (a model name,
 *   "Claude Code", "Claude AI", "Anthropic Claude": CLAUDE_MODEL_NAME, CLAUDE_TOOL_NAME) is Claude: strong;
 * - a trailer whose key says a tool helped (`Assisted-by:`, `*-Generated-By:`, `AI-Model:`: detect.ts)
 *   naming "Claude", with or without an address, is Claude: strong (people are credited with
 *   Co-authored-by, Co-developed-by or Helped-by, not Assisted-by);
 * - a bare `Co-authored-by: Claude` without an address is a hint only: weak;
 * - "Claude" with a person's address (`Claude <claude.b@gmail.com>`, `Claude <claude@acme.com>`) or a
 *   person's full name (`Claude Monet <claude.monet@gmail.com>`) is a person: no signal at all.
 */
const claude: AgentProfile = {
  id: "claude",
  title: "Claude Code",
  words: ["claude", "anthropic"],
  identities: [
    // claude-code-action and the Claude GitHub App commit as the app's bot account.
    { via: "account", login: exactly("claude[bot]"), strength: "strong" },
    { via: "account", name: exactly("claude[bot]"), strength: "strong" },
    { via: "account", email: botNoreply("claude[bot]"), strength: "strong" },
    // Claude Code's trailer address, whatever the name in front of it.
    { via: "email", email: new RegExp(String.raw`^no-?reply${ANTHROPIC_DOMAIN}`, "i"), strength: "strong" },
    { via: "name", name: CLAUDE_MODEL_NAME, strength: "strong" },
    // "Claude <claude@anthropic.com>": hand-written attribution some CLAUDE.md files ask for.
    { via: "name", name: /^claude$/i, email: new RegExp(ANTHROPIC_DOMAIN, "i"), strength: "strong" },
    // "Claude <claude@users.noreply.github.com>", "Claude <noreply@claude.ai>", "Claude <claude-code@acme.dev>".
    { via: "email", name: /^claude$/i, email: CLAUDE_TOOL_ADDRESS, strength: "strong" },
    { via: "name", name: new RegExp(`^${CLAUDE_TOOL_NAME}$`, "i"), strength: "strong" },
    // A bare "Co-authored-by: Claude" without an address: probably Claude, but a person could be meant.
    { via: "name", name: /^claude$/i, noEmail: true, strength: "weak" },
  ],
  toolTrailerValues: [
    /^(?:anthropic(?:'s)?\s+)?claude(?:\s*:|\s+(?:code|opus|sonnet|haiku)\b|\s+v?\d|$)/i,
    /^claude-(?:code|opus|sonnet|haiku|\d)/i,
    // "Claude <claude@…>", "Claude (claude-opus-4-5)", "Claude AI <…>", "Anthropic Claude": the name ends
    // there, so "Claude Monet" does not pass.
    new RegExp(String.raw`^(?:${CLAUDE_TOOL_NAME}|claude)\s*(?:$|[<([,;/])`, "i"),
  ],
  generatedWith: [generatedWithLine("Claude Code")],
  sessionTrailers: [
    {
      key: /^claude-session(?:-id)?$/i,
      value: /^(?:https:\/\/claude\.ai\/code\/[\w/-]{4,200}|[A-Za-z0-9_-]{8,200})$/,
    },
  ],
  subjectPrefixes: [],
  // claude-code-action: claude/issue-123-20250101-1200, claude/pr-45-…; Claude Code on the web: claude/<slug>.
  branches: [/^claude\/./i],
};

const copilot: AgentProfile = {
  id: "copilot",
  title: "GitHub Copilot coding agent",
  words: ["copilot"],
  identities: [
    { via: "account", login: /^copilot(?:-swe-agent(?:\[bot\])?)?$/i, strength: "strong" },
    { via: "account", name: exactly("copilot-swe-agent[bot]"), strength: "strong" },
    { via: "account", email: botNoreply("copilot-swe-agent[bot]"), strength: "strong" },
    // 198982749+Copilot@… (the coding agent) and 175728472+Copilot@… (accepted Copilot suggestions).
    { via: "account", email: botNoreply("copilot"), strength: "strong" },
    { via: "email", email: /^copilot@github\.com$/i, strength: "strong" },
    { via: "name", name: /^(?:github )?copilot(?: (?:agent|coding agent))?$/i, strength: "strong" },
  ],
  toolTrailerValues: [/^(?:github )?copilot\b/i],
  generatedWith: [generatedWithLine("GitHub Copilot"), generatedWithLine("Copilot")],
  sessionTrailers: [],
  subjectPrefixes: [],
  branches: [/^copilot\/./i],
};

const cursor: AgentProfile = {
  id: "cursor",
  title: "Cursor",
  words: ["cursor"],
  identities: [
    { via: "account", login: /^cursor(?:agent|\[bot\])$/i, strength: "strong" },
    { via: "account", name: /^(?:cursor\[bot\]|cursoragent)$/i, strength: "strong" },
    { via: "account", email: botNoreply("cursor[bot]"), strength: "strong" },
    { via: "email", email: /^cursoragent@cursor\.(?:com|sh)$/i, strength: "strong" },
    { via: "name", name: /^cursor agent$/i, strength: "strong" },
    { via: "name", name: /^cursor$/i, email: /@(?:[a-z0-9-]+\.)*cursor\.(?:com|sh)$/i, strength: "strong" },
  ],
  toolTrailerValues: [/^cursor\b/i],
  generatedWith: [generatedWithLine("Cursor")],
  sessionTrailers: [],
  subjectPrefixes: [],
  branches: [/^cursor\/./i],
};

const aider: AgentProfile = {
  id: "aider",
  title: "aider",
  words: ["aider"],
  identities: [
    { via: "email", email: /^aider@aider\.chat$/i, strength: "strong" },
    // aider appends " (aider)" to the author and committer names of the commits it makes.
    { via: "name", name: /^.{1,100} \(aider\)$/i, strength: "strong" },
    { via: "name", name: /^aider(?: \([^()]{1,80}\))?$/i, noEmail: true, strength: "weak" },
  ],
  toolTrailerValues: [/^aider\b/i],
  generatedWith: [],
  sessionTrailers: [],
  // `--attribute-commit-message-author` / `-committer` prefix the subject with "aider: ".
  subjectPrefixes: [/^aider: \S/i],
  branches: [],
};

const codex: AgentProfile = {
  id: "codex",
  title: "OpenAI Codex",
  words: ["codex", "openai"],
  identities: [
    { via: "account", login: exactly("chatgpt-codex-connector[bot]"), strength: "strong" },
    { via: "account", name: exactly("chatgpt-codex-connector[bot]"), strength: "strong" },
    { via: "account", email: botNoreply("chatgpt-codex-connector[bot]"), strength: "strong" },
    { via: "email", email: /^(?:no-?reply|codex)@openai\.com$/i, strength: "strong" },
    { via: "name", name: /^(?:openai )?codex(?: cli| agent)?$/i, strength: "strong" },
  ],
  toolTrailerValues: [/^(?:openai )?codex\b/i],
  generatedWith: [generatedWithLine("Codex"), generatedWithLine("OpenAI Codex")],
  sessionTrailers: [],
  subjectPrefixes: [],
  branches: [/^codex\/./i],
};

const devin: AgentProfile = {
  id: "devin",
  title: "Devin",
  words: ["devin"],
  identities: [
    { via: "account", login: exactly("devin-ai-integration[bot]"), strength: "strong" },
    { via: "account", name: exactly("devin-ai-integration[bot]"), strength: "strong" },
    { via: "account", email: botNoreply("devin-ai-integration[bot]"), strength: "strong" },
  ],
  toolTrailerValues: [/^devin\b/i],
  generatedWith: [generatedWithLine("Devin")],
  sessionTrailers: [],
  subjectPrefixes: [],
  // devin/1716400000-add-feature
  branches: [/^devin\/./i],
};

const gemini: AgentProfile = {
  id: "gemini",
  title: "Google Gemini (Code Assist, CLI)",
  words: ["gemini"],
  identities: [
    { via: "account", login: exactly("gemini-code-assist[bot]"), strength: "strong" },
    { via: "account", name: exactly("gemini-code-assist[bot]"), strength: "strong" },
    { via: "account", email: botNoreply("gemini-code-assist[bot]"), strength: "strong" },
    { via: "name", name: /^gemini(?: (?:cli|code assist|\d[\w.]*(?: (?:pro|flash))?))?$/i, email: /^no-?reply@google\.com$/i, strength: "strong" },
    { via: "name", name: /^gemini (?:cli|code assist)$/i, strength: "strong" },
  ],
  toolTrailerValues: [/^gemini\b/i],
  generatedWith: [generatedWithLine("Gemini CLI"), generatedWithLine("Gemini Code Assist")],
  sessionTrailers: [],
  subjectPrefixes: [],
  branches: [],
};

const jules: AgentProfile = {
  id: "jules",
  title: "Google Jules",
  words: ["jules"],
  identities: [
    { via: "account", login: exactly("google-labs-jules[bot]"), strength: "strong" },
    { via: "account", name: exactly("google-labs-jules[bot]"), strength: "strong" },
    { via: "account", email: botNoreply("google-labs-jules[bot]"), strength: "strong" },
  ],
  toolTrailerValues: [/^jules\b/i],
  generatedWith: [],
  sessionTrailers: [],
  subjectPrefixes: [],
  branches: [],
};

const windsurf: AgentProfile = {
  id: "windsurf",
  title: "Windsurf (Cascade)",
  words: ["windsurf", "cascade", "codeium"],
  identities: [
    { via: "name", name: /^windsurf(?: (?:cascade|agent|ai))?$/i, strength: "strong" },
    { via: "name", name: /^cascade$/i, email: /@(?:[a-z0-9-]+\.)*(?:codeium\.com|windsurf\.(?:com|ai))$/i, strength: "strong" },
    { via: "email", email: /^(?:windsurf|cascade|no-?reply)@(?:codeium\.com|windsurf\.(?:com|ai))$/i, strength: "strong" },
  ],
  toolTrailerValues: [/^(?:windsurf|cascade)\b/i],
  generatedWith: [generatedWithLine("Windsurf")],
  sessionTrailers: [],
  subjectPrefixes: [],
  branches: [/^windsurf\/./i],
};

/** Every known agent, Claude first (its signals are listed first in verdicts). */
export const AGENT_PROFILES: readonly AgentProfile[] = [claude, copilot, cursor, aider, codex, devin, gemini, jules, windsurf];

export const AGENT_IDS: readonly string[] = AGENT_PROFILES.map((p) => p.id);

/** The agent that `isClaude` and custom markers stand for. */
export const CLAUDE_AGENT = "claude";
