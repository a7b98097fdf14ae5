/**
 * Probe: `scan` given a FIFO (blocked forever) or /dev/zero (grew without bound), and such files met
 * while walking a folder. Only regular files are read, and every read is bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readRegularFile } from "../../src/cli/file-scan.js";
import { tempDir } from "../git/repo-helper.js";
import { cli, jsonReport, stripeKey } from "./helpers.js";

const posix = process.platform !== "win32";
let dir: string;
beforeAll(() => {
  dir = tempDir("cg-hostile-special-");
  mkdirSync(join(dir, "tree"));
  writeFileSync(join(dir, "tree", "app.js"), `const key = "${stripeKey("special-files")}";\n`);
  if (posix) {
    execFileSync("mkfifo", [join(dir, "pipe")]);
    execFileSync("mkfifo", [join(dir, "tree", "pipe")]);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

(posix ? describe : describe.skip)("non-regular files", () => {
  it("refuses a FIFO given as the path, at once, saying what it is", () => {
    const run = cli(["scan", join(dir, "pipe")], dir, 10_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pipe" ?: it is a named pipe \(FIFO\), not a regular file or folder/);
  });

  (existsSync("/dev/zero") ? it : it.skip)("refuses /dev/zero instead of reading it without end", () => {
    const run = cli(["scan", "/dev/zero"], dir, 10_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("a character device");
  });

  it("lists a FIFO found while walking a folder as not read, and scans the rest", () => {
    const run = cli(["scan", join(dir, "tree"), "--format", "json"], dir, 10_000);
    expect(run.code).toBe(1);
    const report = jsonReport(run);
    expect(report.findings.map((f) => f.path)).toEqual(["app.js"]);
    expect(report.scanned.skipped).toEqual([{ path: "pipe", reason: "unreadable", detail: "a named pipe (FIFO): only regular files are read" }]);
  });

  it("checks what it opened, so a path swapped for a FIFO or a device after the walk is not read either", () => {
    expect(readRegularFile(join(dir, "pipe"), 1000)).toEqual({ reason: "unreadable", detail: "a named pipe (FIFO): only regular files are read" });
    if (existsSync("/dev/zero")) expect(readRegularFile("/dev/zero", 1000)).toMatchObject({ reason: "unreadable", detail: expect.stringContaining("character device") });
  });

  it("stops reading at the size bound", () => {
    writeFileSync(join(dir, "big.txt"), "x".repeat(5000));
    expect(readRegularFile(join(dir, "big.txt"), 4999)).toMatchObject({ reason: "too-large" });
    expect((readRegularFile(join(dir, "big.txt"), 5000) as Buffer).length).toBe(5000);
  });
});
