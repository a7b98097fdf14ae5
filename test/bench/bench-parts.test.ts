/**
 * The bench's parts that decide what its figures mean: the keyword pass it falls back to without
 * ripgrep, how claude-guard's skipped bytes are counted apart, and which bars a run meets.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname ?? ".", "../..");
// A computed specifier: the bench is plain JavaScript, outside the type-checked sources.
const load = async (file: string) => import(pathToFileURL(path.join(root, "bench", file)).href);

describe("bench keyword pass", () => {
  const dir = path.join(os.tmpdir(), `cg-bench-kw-${process.pid}`);
  beforeAll(() => {
    mkdirSync(path.join(dir, "sub"), { recursive: true });
    writeFileSync(path.join(dir, "a.txt"), "const DB_PASSWORD = process.env.X;\nplain line\nsgx is not sg-dot\n");
    writeFileSync(path.join(dir, "sub", ".env"), "SG.key=1\nnothing here\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("falls back to grep -r -i -E with the keyword list as escaped patterns", async () => {
    const { keywordPass, keywordPatterns } = await load("throughput.mjs");
    const patterns = path.join(dir, "..", `cg-bench-kw-${process.pid}.txt`);
    writeFileSync(patterns, keywordPatterns(["password", "sg.", "a+b"]));
    try {
      const pass = keywordPass(dir, patterns, false);
      expect(pass.label).toBe("grep");
      expect(pass.cmd).toBe("grep");
      expect(pass.args).toEqual(expect.arrayContaining(["-r", "-i", "-E", "-f", patterns, dir]));
      const out = execFileSync(pass.cmd, pass.args, { encoding: "utf8" });
      const counts = Object.fromEntries(out.trim().split("\n").map((line) => [path.relative(dir, line.slice(0, line.lastIndexOf(":"))), Number(line.slice(line.lastIndexOf(":") + 1))]));
      // Any case; "sg." is a literal dot (not "sgx"); dotfiles in subfolders are read.
      expect(counts).toEqual({ "a.txt": 1, [path.join("sub", ".env")]: 1 });
      expect(keywordPass(dir, patterns, true)).toMatchObject({ label: "ripgrep", cmd: "rg" });
    } finally {
      rmSync(patterns, { force: true });
    }
  });
});

describe("bench skipped-bytes accounting", () => {
  it("counts what claude-guard did not read apart from what it scanned", async () => {
    const { skippedOf } = await load("throughput.mjs");
    const report = { scanned: { files: 8, bytes: 9_000, skipped: [{ path: "a.min.js", reason: "generated" }, { path: "b.png", reason: "binary" }, { path: "c.min.js", reason: "generated" }] } };
    expect(skippedOf(report, 12_500)).toEqual({ files: 8, bytes: 9_000, skippedFiles: 3, skippedBytes: 3_500, reasons: { generated: 2, binary: 1 } });
    expect(skippedOf({ scanned: { files: 2, bytes: 100, skipped: [] } }, 100)).toMatchObject({ skippedFiles: 0, skippedBytes: 0 });
  });
});

describe("bench bars", () => {
  it("reads the bars off a run's results, from wall times", async () => {
    const { barRows } = await load("bars.mjs");
    const tools = (cg: number, sl: number, kw: number) => ({ claudeGuard: { best: cg }, secretlint: { best: sl }, keywords: { best: kw } });
    const rows = barRows({
      throughput: { keywordTool: "grep", classes: { source: { tools: tools(1, 3.5, 0.2) }, dense: { tools: tools(1, 2, 0.1) } } },
      history: { runs: [{ name: "2000x130", ratio: 2.5 }, { name: "200x2500", ratio: 3.4 }] },
      hook: { hookMedianAllEvents: 60, results: [{ id: "baseline", median: 50 }] },
      memory: [{ what: "mixed tree (33 MB)", peakMB: 310 }],
    }) as Array<{ bar: string; met: boolean }>;
    expect(rows.map((r) => [r.bar, r.met])).toEqual([
      ["source: secretlint time / claude-guard time", true],
      ["dense: secretlint time / claude-guard time", false],
      ["source: claude-guard time / grep keyword pass", true],
      ["history 2000x130: claude-guard / git log -p", true],
      ["history 200x2500: claude-guard / git log -p", false],
      ["hook median start-to-answer / node -e 0", true],
      ["peak memory, mixed tree (33 MB)", false],
    ]);
  });
});
