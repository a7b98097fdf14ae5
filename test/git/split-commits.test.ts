import { splitCommits } from "../../src/git/read-commits.js";

const NONCE = "0123456789abcdef01234567";

/** What `git log --format=<formatArg>` prints for one commit: the marker, eight NUL-ended fields, the patch. */
function record(sha: string, message: string, patch: string): string {
  return `\0${NONCE}\0${sha}\0\0Ann\0ann@example.com\0Ann\0ann@example.com\0"2026-01-01T00:00:00Z"\0${message}\n\0${patch}`;
}

async function* inChunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function split(bytes: Buffer, size: number) {
  const out = [];
  for await (const raw of splitCommits(inChunks(bytes, size), NONCE)) out.push({ sha: raw.info.sha, message: raw.info.message, patch: raw.patch.toString("utf8") });
  return out;
}

describe("splitCommits", () => {
  // Multi-byte characters and markers land on every chunk boundary for some chunk size below.
  const text =
    record("a".repeat(40), "first: café", "\ndiff --git a/x b/x\n+été 日本\n") +
    record("b".repeat(40), "second", "") +
    record("c".repeat(40), "third", "\n+last line without newline");
  const bytes = Buffer.from(text, "utf8");
  const expected = [
    { sha: "a".repeat(40), message: "first: café", patch: "\ndiff --git a/x b/x\n+été 日本\n" },
    { sha: "b".repeat(40), message: "second", patch: "" },
    { sha: "c".repeat(40), message: "third", patch: "\n+last line without newline" },
  ];

  it("cuts a stream into the same commits whatever the chunk boundaries", async () => {
    for (const size of [1, 2, 3, 7, 13, 26, 27, 64, bytes.length]) {
      expect(await split(bytes, size)).toEqual(expected);
    }
  });

  it("yields nothing for empty output, and throws on a header cut short", async () => {
    expect(await split(Buffer.alloc(0), 8)).toEqual([]);
    await expect(split(Buffer.from(`\0${NONCE}\0${"d".repeat(40)}\0only two\0`), 8)).rejects.toThrow(/cut short/);
  });
});
