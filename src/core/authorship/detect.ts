/**
 * Decides whether a commit was written by Claude Code (or another coding agent) and says why.
 *
 * Each signal quotes its evidence (a trailer line, an author) for a human to judge. The verdict
 * attributes a commit to an agent only on a *decisive* signal: a strong one (a marker the tool
 * writes itself: its trailer in the trailer block, its bot account, its footer line), or a custom
 * marker, which the org configured on purpose. Weak signals (a `claude/` branch, a trailer in the
 * middle of prose, a bare `Co-authored-by: Claude`) are reported but attribute nothing: false
 * attribution is costly both ways, to the audit trail and to the person wrongly named.
 *
 * A missing marker proves nothing (users can switch attribution off); that is why the scan can also
 * run over every commit (`--authors all`).
 */
import type { AuthorshipSignal, AuthorshipSignalKind, AuthorshipVerdict, CommitInfo } from "../types.js";
import { compiledMarkers } from "./markers.js";
import { normalizeName, parseIdentity, parseMessage, type Identity, type ParsedMessage, type Placement } from "./message.js";
import { AGENT_PROFILES, CLAUDE_AGENT, type AgentProfile, type IdentityPattern, type Strength } from "./profiles.js";

export interface AuthorshipOptions {
  /** Extra regexes from config `authorship.markers`; invalid or dangerous ones are skipped (report them with compileMarkers). */
  markers?: string[];
  /** Head branch name when known (a pull request's head ref). */
  branch?: string;
  /** Agent profiles to report (ids from AGENT_IDS); default all. */
  agents?: string[];
}

const CO_AUTHOR_KEY = /^co-(?:authored|developed)-by$/i;
/**
 * Trailer keys that say a tool took part, under any prefix: `Assisted-by`, `Generated-by`,
 * `AI-Generated-By`, `LLM-Assisted-By`, `Generated-with`, and `AI` / `AI-Model` / `AI-Tool` / `AI-Agent`.
 * The value still has to name an agent (profiles' toolTrailerValues); people's roles (Reviewed-by,
 * Suggested-by, Helped-by, Signed-off-by) are not tool keys.
 */
const TOOL_KEY = /^(?:(?:[a-z0-9]+-){0,3}(?:assisted|generated|written|created)-(?:by|with|using)|(?:x-)?(?:ai|llm)(?:-(?:agent|assistant|model|tool|tools))?)$/i;
/**
 * Custom markers see a bounded copy of the message: each line cut to 1,000 characters, and at most
 * 8 KiB (its head and tail, where subjects and trailers are). Even a safe pattern is quadratic when
 * searched unanchored over one long line (`a+$` on a run of "a"), so this keeps a crafted message
 * from slowing a scan down: the worst case stays at a few milliseconds per marker.
 */
const MARKER_INPUT_CHARS = 8 * 1024;
const MARKER_LINE_CHARS = 1000;
const EVIDENCE_CHARS = 200;

/** Quoted metadata, safe to print: control characters removed, cut to ~200 characters. */
function evidence(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return clean.length > EVIDENCE_CHARS ? clean.slice(0, EVIDENCE_CHARS - 1) + "…" : clean;
}

function describeIdentity(role: "author" | "committer", id: Identity): string {
  const who = id.email ? `${id.name} <${id.email}>` : id.name;
  const login = id.login && id.login !== id.name ? ` (@${id.login})` : "";
  return `${role}: ${who}${login}`;
}

/** Strong only when the pattern is strong and the line sits where the tool writes it. */
function combine(strength: Strength, placement: Placement): Strength {
  return strength === "strong" && placement === "block" ? "strong" : "weak";
}

function matchesIdentity(pattern: IdentityPattern, id: Identity): boolean {
  if (!pattern.name && !pattern.email && !pattern.login) return false;
  if (pattern.noEmail && id.email !== "") return false;
  if (pattern.name && !pattern.name.test(id.name)) return false;
  if (pattern.email && !pattern.email.test(id.email)) return false;
  if (pattern.login && !(id.login !== undefined && pattern.login.test(id.login))) return false;
  return true;
}

function firstIdentityMatch(profile: AgentProfile, id: Identity): IdentityPattern | undefined {
  return profile.identities.find((pattern) => matchesIdentity(pattern, id));
}

/** An author or committer as detection reads it, and which of each profile's patterns it matched (null: none). */
interface Person {
  id: Identity;
  matches: Map<AgentProfile, IdentityPattern | null>;
}

/**
 * People already read, by their raw name, email and login: a history repeats a few authors and
 * committers over thousands of commits, and each would otherwise be normalised and tested against
 * every profile's patterns again. Bounded: emptied when full (a pure cache, the verdicts are the same).
 */
const people = new Map<string, Person>();
const PEOPLE_CACHE_SIZE = 1024;

function personOf(raw: CommitInfo["author"] | undefined): Person {
  const name = raw?.name ?? "";
  const email = raw?.email ?? "";
  const login = raw?.login ?? "";
  // Odd metadata (not strings) is read as it is, uncached.
  if (typeof name !== "string" || typeof email !== "string" || typeof login !== "string") return { id: toIdentity(raw), matches: new Map() };
  // Keyed by what toIdentity reads (500 characters of each), lengths first so no two people share a key.
  const [n, e, l] = [name.slice(0, IDENTITY_CHARS), email.slice(0, IDENTITY_CHARS), login.slice(0, IDENTITY_CHARS)];
  const key = `${n.length}:${e.length}:${n}${e}${l}`;
  let person = people.get(key);
  if (!person) {
    if (people.size >= PEOPLE_CACHE_SIZE) people.clear();
    person = { id: toIdentity(raw), matches: new Map() };
    people.set(key, person);
  }
  return person;
}

function personMatch(profile: AgentProfile, person: Person): IdentityPattern | undefined {
  let match = person.matches.get(profile);
  if (match === undefined) {
    match = firstIdentityMatch(profile, person.id) ?? null;
    person.matches.set(profile, match);
  }
  return match ?? undefined;
}

class Signals {
  readonly list: AuthorshipSignal[] = [];
  private readonly seen = new Map<string, AuthorshipSignal>();

  add(kind: AuthorshipSignalKind, agent: string, text: string, strength: Strength): void {
    const signal: AuthorshipSignal = { kind, agent, evidence: evidence(text), strength };
    const key = `${agent}\u0000${kind}\u0000${signal.evidence}`;
    const existing = this.seen.get(key);
    if (existing) {
      if (strength === "strong") existing.strength = "strong";
      return;
    }
    this.seen.set(key, signal);
    this.list.push(signal);
  }
}

function selectProfiles(agents: string[] | undefined): AgentProfile[] {
  if (!Array.isArray(agents)) return [...AGENT_PROFILES];
  const wanted = new Set(agents.map((a) => String(a).toLowerCase()));
  return AGENT_PROFILES.filter((p) => wanted.has(p.id));
}

/**
 * Each profile's words as one pattern. Flags `iu`: Unicode case folding matches every case variant that
 * the profiles' `i` and `iu` patterns match (and more: "ſ" for "s", as `iu` patterns read it too).
 */
const PROFILE_WORDS = new Map(AGENT_PROFILES.map((p) => [p, new RegExp(p.words.join("|"), "iu")]));
/** Every profile's words: one test answers for most commits, which name no agent. */
const ANY_PROFILE_WORD = new RegExp(AGENT_PROFILES.flatMap((p) => p.words).join("|"), "iu");

/**
 * Everything signals are read from, one field a line: the message, the author's and committer's name,
 * email and login, the branch (no word spans a line break). Undefined when a field is not text (odd
 * metadata, read as it is): then every profile is looked at.
 */
function signalText(commit: CommitInfo, message: string, branch: unknown): string | undefined {
  let text = message;
  for (const person of [commit?.author, commit?.committer]) {
    for (const field of [person?.name, person?.email, person?.login]) {
      if (typeof field === "string") text += "\n" + field;
      else if (field !== undefined && field !== null) return undefined;
    }
  }
  return typeof branch === "string" ? text + "\n" + branch : text;
}

/**
 * Whether a trimmed line is any agent's footer: keeps a footer-plus-trailers paragraph a trailer block.
 * A footer names its agent (see AgentProfile.words): the others' footer patterns, costly to compile
 * (Unicode emoji classes), are not run.
 */
function isAnyFooter(trimmed: string): boolean {
  return AGENT_PROFILES.some((p) => p.generatedWith.length > 0 && (PROFILE_WORDS.get(p) as RegExp).test(trimmed) && p.generatedWith.some((re) => re.test(trimmed)));
}

/** Names and emails are cut to 500 characters: no real identity is longer, and patterns stay cheap. */
const IDENTITY_CHARS = 500;

function toIdentity(person: CommitInfo["author"] | undefined): Identity {
  const cut = (s: string | undefined): string => (s ?? "").slice(0, IDENTITY_CHARS);
  return { name: normalizeName(cut(person?.name)), email: cut(person?.email).trim(), login: cut(person?.login).trim() || undefined };
}

/** Branch names to judge: the PR head branch, and the branch a merge commit's subject names. */
function branchesOf(parsed: ParsedMessage, branch: string | undefined): Array<{ name: string; evidence: string }> {
  const out: Array<{ name: string; evidence: string }> = [];
  if (typeof branch === "string" && branch.trim()) {
    const name = branch.trim().replace(/^refs\/heads\//, "");
    out.push({ name, evidence: `branch: ${name}` });
  }
  const pr = /^Merge pull request #\d+ from [^/\s]+\/(\S+)/.exec(parsed.subject);
  if (pr) out.push({ name: pr[1] as string, evidence: parsed.subject });
  const merge = /^Merge (remote-tracking )?branch '([^']+)'/.exec(parsed.subject);
  if (merge) {
    const name = merge[1] ? (merge[2] as string).replace(/^[^/]+\//, "") : (merge[2] as string);
    out.push({ name, evidence: parsed.subject });
  }
  return out;
}

function profileSignals(
  profile: AgentProfile,
  parsed: ParsedMessage,
  roles: Array<{ role: "author" | "committer"; person: Person }>,
  branches: Array<{ name: string; evidence: string }>,
  signals: Signals,
): void {
  const agent = profile.id;

  for (const { role, person } of roles) {
    const pattern = personMatch(profile, person);
    if (!pattern) continue;
    const kind: AuthorshipSignalKind = role === "committer" ? "bot-committer" : pattern.via === "email" ? "author-email" : "bot-author";
    signals.add(kind, agent, describeIdentity(role, person.id), pattern.strength);
  }

  for (const trailer of parsed.trailers) {
    const placement = trailer.line.placement;
    if (CO_AUTHOR_KEY.test(trailer.key)) {
      const pattern = firstIdentityMatch(profile, parseIdentity(trailer.value));
      if (pattern) signals.add("co-author-trailer", agent, trailer.line.text, combine(pattern.strength, placement));
    } else if (TOOL_KEY.test(trailer.key)) {
      if (profile.toolTrailerValues.some((re) => re.test(trailer.value))) {
        signals.add("tool-trailer", agent, trailer.line.text, combine("strong", placement));
      }
    }
    for (const session of profile.sessionTrailers) {
      if (session.key.test(trailer.key) && session.value.test(trailer.value)) {
        signals.add("session-trailer", agent, trailer.line.text, combine("strong", placement));
      }
    }
  }

  for (const line of parsed.lines) {
    const trimmed = line.text.trim();
    if (profile.generatedWith.some((re) => re.test(trimmed))) {
      signals.add("generated-with-line", agent, trimmed, combine("strong", line.placement));
    }
  }

  if (profile.subjectPrefixes.some((re) => re.test(parsed.subject))) {
    signals.add("generated-with-line", agent, parsed.subject, "strong");
  }

  for (const branch of branches) {
    if (profile.branches.some((re) => re.test(branch.name))) signals.add("branch-name", agent, branch.evidence, "weak");
  }
}

function markerText(message: string): string {
  const text = message
    .split("\n")
    .map((line) => (line.length > MARKER_LINE_CHARS ? line.slice(0, MARKER_LINE_CHARS) : line))
    .join("\n");
  if (text.length <= MARKER_INPUT_CHARS) return text;
  const half = MARKER_INPUT_CHARS / 2;
  return text.slice(0, half) + "\n" + text.slice(text.length - half);
}

function customMarkerSignals(
  regexes: readonly RegExp[],
  message: string,
  roles: Array<{ role: "author" | "committer"; person: Person }>,
  signals: Signals,
): void {
  if (regexes.length === 0) return;
  const text = markerText(message);
  for (const regex of regexes) {
    const m = regex.exec(text);
    if (m) {
      const lineStart = text.lastIndexOf("\n", m.index) + 1;
      const lineEnd = text.indexOf("\n", m.index);
      const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      signals.add("custom-marker", CLAUDE_AGENT, line.trim() ? line : m[0], "weak");
    }
    for (const { role, person } of roles) {
      const id = person.id;
      if (regex.test(id.email ? `${id.name} <${id.email}>` : id.name)) signals.add("custom-marker", CLAUDE_AGENT, describeIdentity(role, id), "weak");
    }
  }
}

/** A signal that attributes the commit on its own: strong, or a marker the org configured itself. */
function isDecisive(signal: AuthorshipSignal): boolean {
  return signal.strength === "strong" || signal.kind === "custom-marker";
}

/**
 * The agents that wrote `commit`, and why. `agents` lists the agents with a decisive signal (weak
 * hints stay in `signals` for a human to review); `isClaude` is true when Claude is one of them.
 * Pure and total: never throws on odd metadata or bad markers.
 */
export function detectAuthorship(commit: CommitInfo, options: AuthorshipOptions = {}): AuthorshipVerdict {
  const message = typeof commit?.message === "string" ? commit.message : "";
  const profiles = selectProfiles(options.agents);
  const markers = profiles.some((p) => p.id === CLAUDE_AGENT) ? compiledMarkers(options.markers) : [];
  // Only the profiles the commit names can signal (see AgentProfile.words); with none and no custom
  // marker, the verdict is the empty one, and the message is not parsed at all.
  const text = signalText(commit, message, options.branch);
  const named = text === undefined ? profiles : !ANY_PROFILE_WORD.test(text) ? [] : profiles.filter((p) => (PROFILE_WORDS.get(p) as RegExp).test(text));
  if (named.length === 0 && markers.length === 0) return { isClaude: false, agents: [], signals: [] };
  const parsed = parseMessage(message, isAnyFooter);
  const roles = [
    { role: "author" as const, person: personOf(commit?.author) },
    { role: "committer" as const, person: personOf(commit?.committer) },
  ];
  const branches = branchesOf(parsed, options.branch);
  const signals = new Signals();
  for (const profile of named) profileSignals(profile, parsed, roles, branches, signals);
  customMarkerSignals(markers, message, roles, signals);

  const decisive = new Set(signals.list.filter(isDecisive).map((s) => s.agent));
  const agents = profiles.map((p) => p.id).filter((id) => decisive.has(id));
  return { isClaude: decisive.has(CLAUDE_AGENT), agents, signals: signals.list };
}
