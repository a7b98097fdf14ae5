/**
 * The table of realistic commits in test/fixtures/authorship/*.json, one file per scenario. Each case
 * asserts the verdict (isClaude, agents) and the exact set of signals as "agent:kind:strength".
 * When a case omits the author it is a person (Dana Reyes); the committer defaults to the author.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectAuthorship, type AuthorshipOptions } from "../../src/core/authorship/index.js";
import type { CommitInfo } from "../../src/core/types.js";

interface Person {
  name: string;
  email: string;
  login?: string;
}
interface FixtureCase {
  name: string;
  commit: { message: string; author?: Person; committer?: Person };
  options?: AuthorshipOptions;
  expect: { isClaude: boolean; agents: string[]; signals: string[] };
}
interface FixtureFile {
  scenario: string;
  cases: FixtureCase[];
}

const dir = fileURLToPath(new URL("../fixtures/authorship/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
const HUMAN: Person = { name: "Dana Reyes", email: "dana.reyes@example.com" };

function toCommit(c: FixtureCase["commit"], index: number): CommitInfo {
  const author = c.author ?? HUMAN;
  return {
    sha: index.toString(16).padStart(40, "0"),
    message: c.message,
    author,
    committer: c.committer ?? author,
    parents: [],
    date: "2025-06-12T09:31:00Z",
  };
}

const allCases = files.flatMap((file) => (JSON.parse(readFileSync(join(dir, file), "utf8")) as FixtureFile).cases);

it("the table holds at least 60 cases, positive and negative, for several agents", () => {
  expect(allCases.length).toBeGreaterThanOrEqual(60);
  expect(allCases.filter((c) => c.expect.isClaude).length).toBeGreaterThanOrEqual(20);
  expect(allCases.filter((c) => !c.expect.isClaude).length).toBeGreaterThanOrEqual(20);
  const agents = new Set(allCases.flatMap((c) => c.expect.agents));
  for (const agent of ["claude", "copilot", "cursor", "aider", "codex", "devin", "gemini", "windsurf"]) expect(agents).toContain(agent);
});

describe.each(files)("%s", (file) => {
  const fixture = JSON.parse(readFileSync(join(dir, file), "utf8")) as FixtureFile;
  it.each(fixture.cases.map((c, i) => [c.name, c, i] as const))("%s", (_name, c, i) => {
    const verdict = detectAuthorship(toCommit(c.commit, i), c.options);
    const kinds = [...new Set(verdict.signals.map((s) => `${s.agent}:${s.kind}:${s.strength}`))].sort();
    expect({ isClaude: verdict.isClaude, agents: verdict.agents, signals: kinds }).toEqual({
      isClaude: c.expect.isClaude,
      agents: c.expect.agents,
      signals: [...c.expect.signals].sort(),
    });
    // Every signal quotes something a human can check, and never more than ~200 characters.
    for (const s of verdict.signals) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.evidence.length).toBeLessThanOrEqual(200);
    }
  });
});
