import { parseIdentity, parseMessage } from "../../src/core/authorship/message.js";

const noFooter = (): boolean => false;
const footer = (t: string): boolean => t.startsWith("🤖 Generated");

describe("parseMessage placement", () => {
  it("a paragraph of trailers is a block; prose around a trailer makes it loose", () => {
    const parsed = parseMessage("Subject\n\nProse line\nKey: value\n\nSigned-off-by: A <a@x>\nCo-authored-by: B <b@x>", noFooter);
    expect(parsed.subject).toBe("Subject");
    expect(parsed.lines.map((l) => [l.text, l.placement])).toEqual([
      ["Prose line", "loose"],
      ["Key: value", "loose"],
      ["Signed-off-by: A <a@x>", "block"],
      ["Co-authored-by: B <b@x>", "block"],
    ]);
    expect(parsed.trailers.map((t) => t.key)).toEqual(["Key", "Signed-off-by", "Co-authored-by"]);
  });

  it("footers and cherry-pick lines keep a trailer paragraph a block", () => {
    const parsed = parseMessage("S\n\n🤖 Generated with X\nCo-authored-by: B <b@x>\n(cherry picked from commit 0123456789abcdef)", footer);
    expect(parsed.lines.every((l) => l.placement === "block")).toBe(true);
    expect(parseMessage("S\n\n🤖 Generated with X\nCo-authored-by: B <b@x>", noFooter).lines.every((l) => l.placement === "loose")).toBe(true);
  });

  it("drops quoted, indented and fenced lines and the subject", () => {
    const parsed = parseMessage("Key: subject\n\n> Key: quoted\n    Key: indented\n\n```\nKey: fenced\n```\n\nKey: kept", noFooter);
    expect(parsed.lines.map((l) => l.text)).toEqual(["Key: kept"]);
  });

  it("leading blank lines before the subject are skipped", () => {
    expect(parseMessage("\n\n  Subject  \n\nBody", noFooter).subject).toBe("Subject");
  });
});

describe("parseIdentity", () => {
  it.each([
    ["Claude <noreply@anthropic.com>", "Claude", "noreply@anthropic.com"],
    ["  Claude   Opus 4.5   <noreply@anthropic.com> ", "Claude Opus 4.5", "noreply@anthropic.com"],
    ["Jane Doe <jane@example.com>.", "Jane Doe", "jane@example.com"],
    ["Claude noreply@anthropic.com", "Claude", "noreply@anthropic.com"],
    ["Claude (noreply@anthropic.com)", "Claude", "noreply@anthropic.com"],
    ["noreply@anthropic.com", "", "noreply@anthropic.com"],
    ["Claude", "Claude", ""],
    ['"Claude" <noreply@anthropic.com>', "Claude", "noreply@anthropic.com"],
  ])("%s", (value, name, email) => {
    expect(parseIdentity(value)).toEqual({ name, email });
  });
});
