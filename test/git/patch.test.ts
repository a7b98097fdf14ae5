import { parseCommitPatch, pathFromDiffGitLine, readCQuoted, unquoteGitPath } from "../../src/git/patch.js";

const patch = (...lines: string[]) => lines.join("\n") + "\n";

describe("unquoteGitPath", () => {
  it("decodes C escapes and octal UTF-8 bytes", () => {
    expect(unquoteGitPath('"a\\tb.txt"')).toBe("a\tb.txt");
    expect(unquoteGitPath('"caf\\303\\251/na\\303\\257ve.txt"')).toBe("café/naïve.txt");
    expect(unquoteGitPath('"say \\"hi\\"\\\\.txt"')).toBe('say "hi"\\.txt');
    expect(unquoteGitPath('"line\\nbreak"')).toBe("line\nbreak");
  });

  it("leaves unquoted paths alone, including raw UTF-8", () => {
    expect(unquoteGitPath("src/app.ts")).toBe("src/app.ts");
    expect(unquoteGitPath("日本/語.txt")).toBe("日本/語.txt");
  });

  it("reports where a quoted string ends", () => {
    expect(readCQuoted('"a b" rest', 0)).toEqual({ value: "a b", end: 5 });
    expect(readCQuoted('"never closed', 0)).toBeUndefined();
  });
});

describe("pathFromDiffGitLine", () => {
  it("splits equal sides even when the name has spaces", () => {
    expect(pathFromDiffGitLine("diff --git a/x y/b z.bin b/x y/b z.bin")).toBe("x y/b z.bin");
  });
  it("reads quoted sides", () => {
    expect(pathFromDiffGitLine('diff --git "a/t\\tab.bin" "b/t\\tab.bin"')).toBe("t\tab.bin");
    expect(pathFromDiffGitLine('diff --git a/plain.bin "b/t\\tab.bin"')).toBe("t\tab.bin");
  });
});

describe("parseCommitPatch", () => {
  it("numbers added lines in the new file across several hunks", () => {
    const parsed = parseCommitPatch(
      patch(
        "",
        "diff --git a/src/a.ts b/src/a.ts",
        "index 1111111..2222222 100644",
        "--- a/src/a.ts",
        "+++ b/src/a.ts",
        "@@ -2 +2,2 @@ export const x = 1;",
        "-old",
        "+new two",
        "+new three",
        "@@ -10,0 +12 @@",
        "+twelve",
      ),
      "abc",
    );
    expect(parsed.files).toEqual([{ path: "src/a.ts", text: ["new two", "new three", "twelve"].join("\n"), lineNumbers: [2, 3, 12] }]);
    expect(parsed.skipped).toEqual([]);
  });

  it("lists every path the diff names: deleted, renamed away (old and new path), mode-only and binary files too", () => {
    const parsed = parseCommitPatch(
      patch(
        "diff --git a/gone.txt b/gone.txt",
        "deleted file mode 100644",
        "index 1111111..0000000",
        "diff --git a/old/name.md b/new/name.md",
        "similarity index 100%",
        "rename from old/name.md",
        "rename to new/name.md",
        "diff --git a/run.sh b/run.sh",
        "old mode 100644",
        "new mode 100755",
        "diff --git a/logo.png b/logo.png",
        "index 3333333..4444444 100644",
        "Binary files a/logo.png and b/logo.png differ",
        'diff --git a/"t\\tab.txt" b/"t\\tab.txt"',
        "new file mode 100644",
        "--- /dev/null",
        '+++ "b/t\\tab.txt"',
        "@@ -0,0 +1 @@",
        "+x",
      ),
    );
    expect(parsed.paths).toEqual(["gone.txt", "new/name.md", "old/name.md", "run.sh", "logo.png", "t\tab.txt"]);
    expect(parsed.files.map((f) => f.path)).toEqual(["t\tab.txt"]);
  });

  it("reads added lines that look like diff headers as content", () => {
    const parsed = parseCommitPatch(
      patch(
        "diff --git a/n.txt b/n.txt",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/n.txt",
        "@@ -0,0 +1,4 @@",
        "+++ b/evil",
        "+diff --git a/x b/x",
        "+@@ -1 +1 @@",
        "+Binary files a and b differ",
      ),
    );
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0]?.text.split("\n")).toEqual(["++ b/evil", "diff --git a/x b/x", "@@ -1 +1 @@", "Binary files a and b differ"]);
    expect(parsed.files[0]?.path).toBe("n.txt");
  });

  it("ignores '\\ No newline at end of file', strips CR of CRLF lines, drops the tab git appends to names with spaces", () => {
    const parsed = parseCommitPatch(
      patch(
        "diff --git a/d/sp ace.txt b/d/sp ace.txt",
        "--- a/d/sp ace.txt\t",
        "+++ b/d/sp ace.txt\t",
        "@@ -1 +1,2 @@",
        "-last",
        "\\ No newline at end of file",
        "+last\r",
        "+more\r",
        "\\ No newline at end of file",
      ),
    );
    expect(parsed.files).toEqual([{ path: "d/sp ace.txt", text: ["last", "more"].join("\n"), lineNumbers: [1, 2] }]);
  });

  it("skips binary files with their path, and ignores deletions, submodules and mode-only changes", () => {
    const parsed = parseCommitPatch(
      patch(
        "diff --git a/img.png b/img.png",
        "new file mode 100644",
        "index 0000000..1234567",
        "Binary files /dev/null and b/img.png differ",
        "diff --git a/gone.txt b/gone.txt",
        "deleted file mode 100644",
        "index 1234567..0000000",
        "--- a/gone.txt",
        "+++ /dev/null",
        "@@ -1 +0,0 @@",
        "-bye",
        "diff --git a/run.sh b/run.sh",
        "old mode 100644",
        "new mode 100755",
        "diff --git a/vendor/lib b/vendor/lib",
        "new file mode 160000",
        "index 0000000..abcdef0",
        "--- /dev/null",
        "+++ b/vendor/lib",
        "@@ -0,0 +1 @@",
        "+Subproject commit abcdef0123456789abcdef0123456789abcdef01",
        // A submodule whose pointer moved: its index line ends with the gitlink mode.
        "diff --git a/vendor/other b/vendor/other",
        `index ${"1".repeat(40)}..${"2".repeat(40)} 160000`,
        "--- a/vendor/other",
        "+++ b/vendor/other",
        "@@ -1 +1 @@",
        `-Subproject commit ${"1".repeat(40)}`,
        `+Subproject commit ${"2".repeat(40)}`,
      ),
      "c0ffee",
    );
    expect(parsed.files).toEqual([]);
    expect(parsed.skipped).toEqual([{ path: "img.png", reason: "binary", commit: "c0ffee" }]);
    expect(parsed.binary).toEqual([{ path: "img.png", blob: "1234567", parentBlobs: ["0000000"] }]);
  });

  it("gives a binary file's blobs from its index line, one old blob a parent in a merge", () => {
    const parsed = parseCommitPatch(
      patch("diff --cc doc.bin", "index 1111111,2222222..3333333", "Binary files differ", "diff --git a/no-index.bin b/no-index.bin", "Binary files a/no-index.bin and b/no-index.bin differ"),
    );
    expect(parsed.binary).toEqual([{ path: "doc.bin", blob: "3333333", parentBlobs: ["1111111", "2222222"] }]);
    expect(parsed.skipped.map((s) => s.path)).toEqual(["doc.bin", "no-index.bin"]);
  });

  it("reads a quoted name followed by git's tab", () => {
    const parsed = parseCommitPatch(
      patch('diff --git "a/say \\"hi\\".txt" "b/say \\"hi\\".txt"', "--- /dev/null", '+++ "b/say \\"hi\\".txt"\t', "@@ -0,0 +1 @@", "+quote"),
    );
    expect(parsed.files).toEqual([{ path: 'say "hi".txt', text: ["quote"].join("\n"), lineNumbers: [1] }]);
  });

  it("uses the new path of a rename", () => {
    const parsed = parseCommitPatch(
      patch(
        "diff --git a/old name.txt b/new name.txt",
        "similarity index 80%",
        "rename from old name.txt",
        "rename to new name.txt",
        "index 1..2 100644",
        "--- a/old name.txt\t",
        "+++ b/new name.txt\t",
        "@@ -3,0 +4 @@",
        "+added",
      ),
    );
    expect(parsed.files).toEqual([{ path: "new name.txt", text: ["added"].join("\n"), lineNumbers: [4] }]);
  });

  it("caps added characters per file, recording it, and never cuts a line", () => {
    const body = ["diff --git a/big.txt b/big.txt", "--- /dev/null", "+++ b/big.txt", "@@ -0,0 +1,3 @@", "+aaaa", "+bbbb", "+cccc"];
    const tooLarge = parseCommitPatch(patch(...body), "c1", { maxFileChars: 12 });
    expect(tooLarge.files).toEqual([]);
    expect(tooLarge.skipped).toEqual([expect.objectContaining({ path: "big.txt", reason: "too-large", commit: "c1" })]);

    const long = parseCommitPatch(
      patch("diff --git a/min.js b/min.js", "--- /dev/null", "+++ b/min.js", "@@ -0,0 +1,2 @@", "+" + "x".repeat(50), "+short"),
      "c2",
      { maxFileChars: 1000 },
    );
    expect(long.files).toEqual([{ path: "min.js", text: ["x".repeat(50), "short"].join("\n"), lineNumbers: [1, 2] }]);
    expect(long.skipped).toEqual([]);
  });

  it("reads hunks of tens of thousands of lines whole, and a file past the cap mid-hunk is skipped while the next file is read", () => {
    // More added lines than the hunk loop numbers in one call (16,368): it is called again until the hunk ends.
    const count = 40_000;
    const lines = Array.from({ length: count }, (_, i) => `line ${i}`);
    const big = parseCommitPatch(patch("diff --git a/a.txt b/a.txt", "--- /dev/null", "+++ b/a.txt", `@@ -0,0 +1,${count} @@`, ...lines.map((l) => "+" + l)), "c");
    expect(big.files).toHaveLength(1);
    expect(big.files[0]?.text).toBe(lines.join("\n"));
    expect(big.files[0]?.lineNumbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    // A cap the first file passes after ~20,000 lines: it is skipped, and the hunk's other lines are still
    // counted, so the second file's lines keep their numbers.
    const capped = parseCommitPatch(
      patch(
        "diff --git a/a.txt b/a.txt",
        "--- /dev/null",
        "+++ b/a.txt",
        `@@ -0,0 +1,${count} @@`,
        ...lines.map((l) => "+" + l),
        "diff --git a/b.txt b/b.txt",
        "--- a/b.txt",
        "+++ b/b.txt",
        "@@ -2 +2,2 @@",
        "-old",
        "+new one",
        "+new two",
      ),
      "c",
      { maxFileChars: 200_000 },
    );
    expect(capped.skipped).toEqual([expect.objectContaining({ path: "a.txt", reason: "too-large" })]);
    expect(capped.files).toEqual([{ path: "b.txt", text: "new one\nnew two", lineNumbers: [2, 3] }]);
  });

  it("caps characters, not bytes: text of two- to four-byte characters is cut at the same count as ASCII", () => {
    // Each line: 4 characters and its "\n", 5 characters; "é" is 2 bytes, "日" 3, "😀" 4 bytes and 2 characters.
    const lines = ["éééé", "日日日日", "😀😀", "abcd"];
    const file = (cap: number) =>
      parseCommitPatch(patch("diff --git a/u.txt b/u.txt", "--- /dev/null", "+++ b/u.txt", `@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => "+" + l)), "c", { maxFileChars: cap });
    expect(file(20).files).toEqual([{ path: "u.txt", text: lines.join("\n"), lineNumbers: [1, 2, 3, 4] }]);
    expect(file(19).files).toEqual([]);
    expect(file(19).skipped).toEqual([expect.objectContaining({ path: "u.txt", reason: "too-large" })]);
    expect(file(5).skipped).toEqual([expect.objectContaining({ path: "u.txt", reason: "too-large" })]);
  });

  it("reads git's bytes as the text they decode to: invalid UTF-8 becomes U+FFFD as in the whole patch, CRLF ends lines", () => {
    const bytes = Buffer.concat([
      Buffer.from("diff --git a/b.txt b/b.txt\n--- /dev/null\n+++ b/b.txt\n@@ -0,0 +1,3 @@\n+caf", "utf8"),
      Buffer.from([0xc3, 0x0d, 0x0a, 0x2b, 0x80, 0x41, 0x0a, 0x2b, 0xe6, 0x97, 0xa5, 0x0d, 0x0d, 0x0a]),
    ]);
    const whole = bytes.toString("utf8");
    const parsed = parseCommitPatch(bytes, "c");
    expect(parsed.files).toEqual([{ path: "b.txt", text: ["caf\ufffd", "\ufffdA", "日\r"].join("\n"), lineNumbers: [1, 2, 3] }]);
    expect(whole).toContain("+caf\ufffd\r\n+\ufffdA\n+日\r\r\n");
  });
});
