/**
 * A file dense with findings (a data dump of 60,000 email addresses, a line of 40,000 values) costs time
 * in proportion to its findings: fingerprinting once compared every finding with every other, then masked
 * and hashed a whole line for each value on it (quadratic: 8 MB on one line took five minutes), outside
 * the reach of the per-file backstop. And however many findings a file or a batch holds, they reach the
 * report: a list of them passed as arguments overflowed V8's stack past ~120,000.
 */
import { emptyResult, mergeResult } from "../../src/cli/file-scan.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { fake } from "../../src/core/detect/fake.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { addChangeScan, emptyChangeScan } from "../../src/core/scan-change.js";
import type { Finding } from "../../src/core/types.js";

test("60,000 findings in one file are fingerprinted in linear time, each with its own id", () => {
  const scanner = new Scanner(builtinRules.filter((rule) => rule.id === "email-address"));
  const lines = Array.from({ length: 60_000 }, (_, i) => `user${i}.name${i}@corp-mail.com`);
  const started = performance.now();
  const { findings } = scanner.scan({ path: "export/users.csv", text: lines.join("\n") });
  const seconds = (performance.now() - started) / 1000;
  expect(findings).toHaveLength(60_000);
  expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(60_000);
  expect(seconds).toBeLessThan(8);
});

test("40,000 values on one line are found and fingerprinted in linear time, each with its own id", () => {
  const scanner = new Scanner(builtinRules);
  const count = 40_000;
  const line = Array.from({ length: count }, (_, i) => `password="${fake.alnum(16, `one-line-${i}`)}"`).join(" ");
  const started = performance.now();
  const { findings } = scanner.scan({ path: "data/dump.txt", text: line });
  const seconds = (performance.now() - started) / 1000;
  expect(findings).toHaveLength(count);
  expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(count);
  expect(seconds).toBeLessThan(8);
});

test("a batch of 200,000 findings reaches the report whole, in a tree scan and in a history scan", () => {
  const finding = { rule: "email-address", path: "dump.csv", line: 1, column: 1, fingerprint: "f" } as Finding;
  const findings = Array.from({ length: 200_000 }, () => finding);
  const tree = emptyResult();
  mergeResult(tree, { ...emptyResult(), findings });
  expect(tree.findings).toHaveLength(200_000);
  const history = addChangeScan(emptyChangeScan(), { ...emptyChangeScan(), findings });
  expect(history.findings).toHaveLength(200_000);
});

describe("a 2 MB line of one shape ends in seconds (each once read the line back to its start, or on to its end, for every value)", () => {
  const line = (unit: (i: number) => string) => {
    const parts: string[] = [];
    for (let i = 0, length = 0; length < 2_000_000; i++) length += (parts[parts.length] = unit(i)).length;
    return parts.join("");
  };
  const scanner = new Scanner(builtinRules);
  const timed = (path: string, text: string) => {
    const started = performance.now();
    const { findings } = scanner.scan({ path, text });
    return { findings, seconds: (performance.now() - started) / 1000 };
  };

  it("Azure SAS queries with no space between them (each looked back for its query's start: about a minute)", () => {
    const { findings, seconds } = timed("data/urls.txt", line((i) => `sv=2021-08-06&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig=${fake.base64(43, `sas-${i}`)}%3D&`));
    expect(findings.filter((f) => f.rule === "azure-sas-token").length).toBeGreaterThan(15_000);
    expect(seconds).toBeLessThan(8);
  });

  it("passwords in unclosed <input tags (each tag read on to the line's end for a `type=hidden`: 15 s)", () => {
    const { findings, seconds } = timed("data/form.txt", line((i) => `<input password = "${fake.alnum(12, `input-${i}`)}"; `));
    expect(findings.length).toBeGreaterThan(50_000);
    expect(seconds).toBeLessThan(8);
  });
});
