import { AGENT_IDS, AGENT_PROFILES, detectAuthorship } from "../../src/core/authorship/index.js";
import type { CommitInfo } from "../../src/core/types.js";

const human = { name: "Dana Reyes", email: "dana.reyes@example.com" };
function commit(message: string, extra: Partial<CommitInfo> = {}): CommitInfo {
  return { sha: "a".repeat(40), message, author: human, committer: human, ...extra };
}

describe("evidence quotes what matched", () => {
  it("a trailer signal quotes the trailer line", () => {
    const v = detectAuthorship(commit("Fix\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>"));
    expect(v.signals).toEqual([
      { kind: "co-author-trailer", agent: "claude", evidence: "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>", strength: "strong" },
    ]);
  });

  it("author and committer signals quote the identity and the login", () => {
    const bot = { name: "claude[bot]", email: "209825114+claude[bot]@users.noreply.github.com" };
    const v = detectAuthorship(commit("Fix", { author: { ...bot, login: "claude[bot]" }, committer: { name: "GitHub", email: "noreply@github.com", login: "web-flow" } }));
    expect(v.signals).toEqual([
      { kind: "bot-author", agent: "claude", evidence: "author: claude[bot] <209825114+claude[bot]@users.noreply.github.com>", strength: "strong" },
    ]);
  });

  it("branch and footer evidence", () => {
    const v = detectAuthorship(commit("Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)"), { branch: "claude/issue-9-20250101-1200" });
    expect(v.signals.map((s) => s.evidence)).toEqual(["🤖 Generated with [Claude Code](https://claude.com/claude-code)", "branch: claude/issue-9-20250101-1200"]);
  });

  it("a custom marker quotes the line it matched", () => {
    const v = detectAuthorship(commit("Add x\n\nBody line\nAI-Assisted: acme-claude\nMore"), { markers: ["acme-claude"] });
    expect(v.signals).toEqual([{ kind: "custom-marker", agent: "claude", evidence: "AI-Assisted: acme-claude", strength: "weak" }]);
    expect(v.isClaude).toBe(true);
  });

  it("evidence is cut to 200 characters and loses control characters", () => {
    const longName = "Claude Opus 4.5 (" + "x".repeat(30) + ")";
    const v = detectAuthorship(commit(`Fix\n\nCo-Authored-By: ${longName} <noreply@anthropic.com>${" tail".repeat(60)}`));
    // The trailing junk makes the value unparseable as "Name <email>": no attribution from it.
    expect(v.isClaude).toBe(false);
    const author = { name: "claude[bot]\u0007\u001b[31m", email: "209825114+claude[bot]@users.noreply.github.com" };
    const w = detectAuthorship(commit("Fix", { author, committer: human }));
    // The name with escape codes is not the bot's name, but its noreply address is.
    expect(w.signals).toHaveLength(1);
    expect([...(w.signals[0]?.evidence ?? "")].some((ch) => ch.charCodeAt(0) < 32)).toBe(false);
    const long = detectAuthorship(commit("Fix\n\nClaude-Session: https://claude.ai/code/session_" + "A".repeat(190)));
    expect(long.signals[0]?.evidence).toHaveLength(200);
    expect(long.signals[0]?.evidence.endsWith("…")).toBe(true);
  });

  it("the same trailer twice gives one signal", () => {
    const v = detectAuthorship(commit("Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\n* more\n\nCo-Authored-By: Claude <noreply@anthropic.com>"));
    expect(v.signals).toHaveLength(1);
  });

  it("a line seen both loose and in a block keeps the strong strength", () => {
    const line = "Co-Authored-By: Claude <noreply@anthropic.com>";
    const v = detectAuthorship(commit(`Fix\n\nThe hook strips:\n${line}\n\n${line}`));
    expect(v.signals).toEqual([expect.objectContaining({ strength: "strong" })]);
    expect(v.isClaude).toBe(true);
  });
});

describe("verdict", () => {
  it("weak signals alone attribute nothing, but are reported", () => {
    const v = detectAuthorship(commit("Tweak"), { branch: "claude/x" });
    expect(v).toEqual({ isClaude: false, agents: [], signals: [expect.objectContaining({ kind: "branch-name", strength: "weak" })] });
  });

  it("agents are listed in profile order, Claude first", () => {
    const v = detectAuthorship(
      commit("Fix\n\nCo-authored-by: Cursor <cursoragent@cursor.com>\nCo-Authored-By: Claude <noreply@anthropic.com>", {
        author: { name: "copilot-swe-agent[bot]", email: "198982749+Copilot@users.noreply.github.com" },
      }),
    );
    expect(v.agents).toEqual(["claude", "copilot", "cursor"]);
    expect(v.isClaude).toBe(true);
  });

  it("isClaude is never true for another agent alone", () => {
    for (const message of ["Fix\n\nCo-authored-by: Codex <noreply@openai.com>", "aider: fix", "Fix\n\nGenerated with [Devin](https://devin.ai)"]) {
      const v = detectAuthorship(commit(message));
      expect(v.agents).toHaveLength(1);
      expect(v.isClaude).toBe(false);
    }
  });

  it("unknown agent ids in options are ignored", () => {
    const v = detectAuthorship(commit("Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>"), { agents: ["nope", "CLAUDE"] });
    expect(v.agents).toEqual(["claude"]);
  });
});

describe("robustness", () => {
  it("CRLF messages are read like LF ones", () => {
    const v = detectAuthorship(commit("Fix\r\n\r\n🤖 Generated with [Claude Code](https://claude.ai/code)\r\n\r\nCo-Authored-By: Claude <noreply@anthropic.com>\r\n"));
    expect(v.isClaude).toBe(true);
    expect(v.signals.map((s) => s.kind).sort()).toEqual(["co-author-trailer", "generated-with-line"]);
  });

  it("never throws on odd metadata", () => {
    const odd = [
      { sha: "", message: "", author: { name: "", email: "" }, committer: { name: "", email: "" } },
      { sha: "x", message: undefined, author: undefined, committer: null },
      { sha: "x", message: "\n\n\n", author: { name: "<<>>", email: "@" }, committer: { name: "(aider)", email: "" } },
      { sha: "x", message: "x\n\nCo-authored-by:\nCo-authored-by: <>\nCo-authored-by: <<a@b>>\nClaude-Session:", author: human, committer: human },
    ] as unknown as CommitInfo[];
    for (const c of odd) expect(() => detectAuthorship(c, { markers: ["(", "", 5 as unknown as string] })).not.toThrow();
    const badOptions = { agents: "claude", branch: 42, markers: "x" } as unknown as Parameters<typeof detectAuthorship>[1];
    expect(detectAuthorship({ sha: "x", message: "Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>", author: human, committer: human }, badOptions).isClaude).toBe(true);
  });

  it("gives the same verdict for a person seen before, also after many other people", () => {
    const bot = { name: "claude[bot]", email: "209825114+claude[bot]@users.noreply.github.com" };
    const first = detectAuthorship(commit("Fix", { author: bot, committer: human }));
    expect(first.isClaude).toBe(true);
    // More distinct people than any cache of them holds.
    for (let i = 0; i < 3000; i++) {
      const other = { name: `Person ${i}`, email: `p${i}@example.com` };
      expect(detectAuthorship(commit("Fix", { author: other, committer: other })).agents).toEqual([]);
    }
    expect(detectAuthorship(commit("Fix", { author: bot, committer: human }))).toEqual(first);
    // The same person as committer is a committer's signal, not an author's.
    expect(detectAuthorship(commit("Fix", { author: human, committer: bot })).signals.map((s) => s.kind)).toEqual(["bot-committer"]);
  });

  it("stays fast on huge and hostile messages", () => {
    const hostile = [
      "Subject",
      "",
      "Co-Authored-By: " + "Claude ".repeat(50_000) + "<",
      "claude-" + "1".repeat(100_000) + "x",
      "🤖 Generated with [Claude Code](https://" + "a".repeat(100_000),
      "a".repeat(300_000),
      "",
      "Co-Authored-By: Claude <noreply@anthropic.com>",
    ].join("\n");
    const start = Date.now();
    const v = detectAuthorship(commit(hostile, { author: { name: "x".repeat(100_000) + " (aider", email: "y".repeat(100_000) } }), {
      markers: ["a+$", "Claude.*<"],
    });
    expect(Date.now() - start).toBeLessThan(1000);
    // The trailer at the end survives the head-and-tail cut.
    expect(v.isClaude).toBe(true);
  });
});

describe("profiles are data", () => {
  it("ids are unique and exported", () => {
    expect(new Set(AGENT_IDS).size).toBe(AGENT_PROFILES.length);
    expect(AGENT_IDS[0]).toBe("claude");
    for (const id of ["claude", "copilot", "cursor", "aider", "codex", "devin", "gemini", "windsurf"]) expect(AGENT_IDS).toContain(id);
  });

  it("no pattern is global or sticky (test() would keep state between commits)", () => {
    for (const p of AGENT_PROFILES) {
      const regexes = [
        ...p.identities.flatMap((i) => [i.name, i.email, i.login].filter((r): r is RegExp => r !== undefined)),
        ...p.toolTrailerValues,
        ...p.generatedWith,
        ...p.sessionTrailers.flatMap((s) => [s.key, s.value]),
        ...p.subjectPrefixes,
        ...p.branches,
      ];
      for (const re of regexes) expect(re.flags).not.toMatch(/[gy]/);
      for (const identity of p.identities) expect(identity.name ?? identity.email ?? identity.login).toBeDefined();
    }
  });

  // Detection skips a profile whose words the commit does not hold: that is exact only while every
  // pattern needs one of them.
  it("every pattern of a profile needs one of its words", () => {
    const names = (res: Array<RegExp | undefined>, words: string[]) => res.some((re) => re !== undefined && words.some((w) => re.source.toLowerCase().includes(w)));
    for (const p of AGENT_PROFILES) {
      for (const w of p.words) expect(w).toMatch(/^[a-z]+$/);
      for (const i of p.identities) expect([p.id, names([i.name, i.email, i.login], p.words)]).toEqual([p.id, true]);
      for (const s of p.sessionTrailers) expect([p.id, names([s.key, s.value], p.words)]).toEqual([p.id, true]);
      for (const re of [...p.toolTrailerValues, ...p.generatedWith, ...p.subjectPrefixes, ...p.branches]) expect([re.source, names([re], p.words)]).toEqual([re.source, true]);
    }
  });

  it("a profile's word is found in any field and in any case its patterns match", () => {
    const dana = { name: "Dana", email: "dana@example.com" };
    // In the author's email only; upper case; "ſ" (long s), which `iu` patterns read as "s".
    expect(detectAuthorship(commit("Fix", { author: { name: "Dana", email: "noreply@anthropic.com" } })).agents).toEqual(["claude"]);
    expect(detectAuthorship(commit("Fix", { committer: { ...dana, login: "Copilot" } })).agents).toEqual(["copilot"]);
    expect(detectAuthorship(commit("Fix\n\nAssisted-by: WINDSURF")).agents).toEqual(["windsurf"]);
    expect(detectAuthorship(commit("Fix\n\nGenerated with Curſor")).agents).toEqual(["cursor"]);
    expect(detectAuthorship(commit("Fix"), { branch: "devin/1716400000-add-feature" }).signals.map((s) => s.kind)).toEqual(["branch-name"]);
    // No word at all: nothing, unless a custom marker matches.
    expect(detectAuthorship(commit("Fix\n\nReviewed-by: Dana Reyes <dana.reyes@example.com>"))).toEqual({ isClaude: false, agents: [], signals: [] });
    expect(detectAuthorship(commit("Fix\n\nReviewed-by: Dana"), { markers: ["Reviewed-by"] }).isClaude).toBe(true);
  });

  it("detection is driven by the profile list: a repeated run gives the same verdict", () => {
    const c = commit("Fix\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
    expect(detectAuthorship(c)).toEqual(detectAuthorship(c));
  });
});

describe("Claude named in the wild: other trailer keys and co-author lines", () => {
  it("a tool trailer under another key is Claude's, named as a tool trailer and quoted", () => {
    const v = detectAuthorship(commit("feat: export invoices\n\nAI-Generated-By: Claude Code\nSigned-off-by: Dana Reyes <dana.reyes@example.com>"));
    expect(v.isClaude).toBe(true);
    expect(v.signals).toEqual([{ kind: "tool-trailer", agent: "claude", evidence: "AI-Generated-By: Claude Code", strength: "strong" }]);
  });

  it("Assisted-by: Claude <…> is Claude's whatever the address", () => {
    for (const address of ["noreply@anthropic.com", "claude@acme.dev", "claude.b@gmail.com"]) {
      const v = detectAuthorship(commit(`Fix\n\nAssisted-by: Claude <${address}>`));
      expect(v.signals).toEqual([{ kind: "tool-trailer", agent: "claude", evidence: `Assisted-by: Claude <${address}>`, strength: "strong" }]);
    }
  });

  it("a co-author line without Anthropic's address is Claude's when the address is a tool's, a person's otherwise", () => {
    const verdict = (line: string) => detectAuthorship(commit(`Fix\n\n${line}`));
    for (const tool of ["Claude <claude@users.noreply.github.com>", "Claude <noreply@claude.ai>", "Claude <claude-code@acme.dev>", "Claude AI <ai@acme.dev>"]) {
      const v = verdict(`Co-authored-by: ${tool}`);
      expect(v.isClaude).toBe(true);
      expect(v.signals).toEqual([{ kind: "co-author-trailer", agent: "claude", evidence: `Co-authored-by: ${tool}`, strength: "strong" }]);
    }
    for (const person of ["Claude Monet <claude.monet@gmail.com>", "Claude <claude@acme.com>", "Claude <claude.b@gmail.com>", "Claude <12345678+claudeb@users.noreply.github.com>"]) {
      expect(verdict(`Co-authored-by: ${person}`)).toEqual({ isClaude: false, agents: [], signals: [] });
    }
  });

  it("other agents' trailers under the same keys stay theirs", () => {
    expect(detectAuthorship(commit("Fix\n\nAssisted-by: GitHub Copilot")).agents).toEqual(["copilot"]);
    expect(detectAuthorship(commit("Fix\n\nAI-Generated-By: Cursor")).agents).toEqual(["cursor"]);
    expect(detectAuthorship(commit("Fix\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>")).isClaude).toBe(false);
  });
});
