/**
 * Probe: a token far into a very long line. `--git` used to cut added lines at 100,000 characters; the
 * engine reads long lines around keywords only. Every mode must find the token wherever it sits in the
 * line (within the file caps, the stated memory bound).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { addedLinesFromPatch } from "../../src/github/commit-files.js";
import { prepareScan } from "../../src/core/setup.js";
import { TempRepo } from "../git/repo-helper.js";
import { CLAUDE_MESSAGE_TRAILER, cli, jsonReport, stripeKey } from "./helpers.js";

const key = stripeKey("long-line");
const noise = "q1, ".repeat(60_000); // 240,000 characters before the token, as many after
const longLine = `${noise}"${key}"${noise}`;

let repo: TempRepo;
beforeAll(() => {
  repo = new TempRepo("cg-hostile-long-");
  repo.write("README.md", "start\n");
  repo.commit("Start");
  repo.write("data/blob.txt", `${longLine}\n`);
  repo.write("public/bundle.js", `${longLine}\n`);
  repo.commit(`Add generated data${CLAUDE_MESSAGE_TRAILER}`);
});
afterAll(() => repo.remove());

describe("a token 240,000 characters into a line is found in every mode", () => {
  it("scan --git keeps the added line whole and finds the token, with nothing cut or skipped", () => {
    const run = cli(["scan", "--git", "--repo", repo.dir, "--all", "--format", "json"], repo.dir);
    expect(run.code).toBe(1);
    const report = jsonReport(run);
    expect(report.findings.map((f) => [f.path, f.line]).sort()).toEqual([
      ["data/blob.txt", 1],
      ["public/bundle.js", 1],
    ]);
    expect(report.scanned.skipped).toEqual([]);
  });

  it("a tree scan finds it too", () => {
    const run = cli(["scan", repo.dir, "--format", "json"], repo.dir);
    expect(jsonReport(run).findings.map((f) => f.path).sort()).toEqual(["data/blob.txt", "public/bundle.js"]);
  });

  it("the App's patch reader keeps the line whole", () => {
    const parsed = addedLinesFromPatch("data/blob.txt", `@@ -0,0 +1 @@\n+${longLine}`, "abc");
    expect(parsed.files[0]?.text.split("\n")[0]).toHaveLength(longLine.length);
    expect(parsed.skipped).toEqual([]);
  });

  it("characters that grow when lower-cased do not shift the keyword windows off the token", () => {
    const { scanner } = prepareScan({});
    const text = "\u0130".repeat(5000) + " x ".repeat(2000) + `"${key}"`;
    const found = scanner.scan({ path: "data/blob.txt", text }).findings;
    expect(found.map((f) => f.column)).toEqual([text.indexOf(key) + 1]);
  });
});
