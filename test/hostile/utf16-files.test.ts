/**
 * Probe: UTF-16 files (with a byte-order mark) were skipped as binary, so a key in one was never found.
 * They are decoded in tree scans and in `--git` (where git itself calls them binary).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { decodeUtf16WithBom } from "../../src/core/detect/text-encoding.js";
import { TempRepo } from "../git/repo-helper.js";
import { CLAUDE_MESSAGE_TRAILER, cli, jsonReport, stripeKey } from "./helpers.js";

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}
function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}

const first = stripeKey("utf16-first");
const second = stripeKey("utf16-second");
const be = stripeKey("utf16-be");

let repo: TempRepo;
let firstSha: string;
let secondSha: string;
beforeAll(() => {
  repo = new TempRepo("cg-hostile-utf16-");
  repo.write("README.md", "start\n");
  repo.commit("Start");
  repo.write("scripts/deploy.ps1", utf16le(`# deploy\r\n$key = "${first}"\r\n`));
  repo.write("config/settings.reg", utf16be(`[HKEY_CURRENT_USER\\Software\\Acme]\r\n"ApiKey"="${be}"\r\n`));
  repo.write("data/no-bom.txt", Buffer.from(`key = "${stripeKey("utf16-no-bom")}"\n`, "utf16le"));
  firstSha = repo.commit(`Add the deploy script${CLAUDE_MESSAGE_TRAILER}`);
  repo.write("scripts/deploy.ps1", utf16le(`# deploy\r\n$key = "${first}"\r\n$backup = "${second}"\r\n`));
  secondSha = repo.commit(`Add a backup key${CLAUDE_MESSAGE_TRAILER}`);
});
afterAll(() => repo.remove());

describe("UTF-16 files with a byte-order mark are decoded, not skipped", () => {
  it("decodes LE and BE, and leaves bytes without a mark (or NUL-laden after decoding) alone", () => {
    expect(decodeUtf16WithBom(utf16le("héllo\n"))).toBe("héllo\n");
    expect(decodeUtf16WithBom(utf16be("héllo\n"))).toBe("héllo\n");
    expect(decodeUtf16WithBom(Buffer.from("hello", "utf16le"))).toBeUndefined();
    expect(decodeUtf16WithBom(Buffer.from([0xff, 0xfe, 0, 0, 0, 0]))).toBeUndefined();
  });

  it("a tree scan finds the keys in UTF-16 LE and BE files, on the right lines", () => {
    const report = jsonReport(cli(["scan", repo.dir, "--format", "json"], repo.dir));
    expect(report.findings.map((f) => [f.path, f.line]).sort()).toEqual([
      ["config/settings.reg", 2],
      ["scripts/deploy.ps1", 2],
      ["scripts/deploy.ps1", 3],
    ]);
    expect(report.scanned.skipped).toEqual([{ path: "data/no-bom.txt", reason: "binary" }]);
  });

  it("scan --git reads what each commit added to a UTF-16 file, though git calls it binary", () => {
    const run = cli(["scan", "--git", "--repo", repo.dir, "--all", "--format", "json"], repo.dir);
    expect(run.code).toBe(1);
    const report = jsonReport(run);
    expect(report.findings.map((f) => [f.path, f.line, f.commit]).sort()).toEqual(
      [
        ["config/settings.reg", 2, firstSha],
        ["scripts/deploy.ps1", 2, firstSha],
        ["scripts/deploy.ps1", 3, secondSha],
      ].sort(),
    );
    expect(report.scanned.skipped).toEqual([{ path: "data/no-bom.txt", reason: "binary", commit: firstSha }]);
  });
});
