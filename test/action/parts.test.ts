/** The Action's parts that decide something: the range from the event, inputs, masking, annotation limits. */
import { describe, expect, it } from "@jest/globals";
import { emitWorkflowAnnotations, type AnnotationProperties, type WorkflowLevel } from "../../src/action/annotations.js";
import { planScan } from "../../src/action/event.js";
import { InputError, readActionInputs } from "../../src/action/inputs.js";
import { matchedValues, SecretMasker } from "../../src/action/masking.js";
import { fake } from "../../src/core/detect/fake.js";
import type { CheckAnnotation } from "../../src/core/report/check-run.js";
import type { AddedLines, Finding } from "../../src/core/types.js";
import { addedLinesOf } from "../../src/core/added-lines.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const ZERO = "0".repeat(40);

describe("planScan: which commits an event asks to scan", () => {
  it("a pull request: base.sha..head.sha, with the head branch and commit count", () => {
    const plan = planScan("pull_request", { number: 3, pull_request: { number: 3, commits: 4, base: { sha: A }, head: { sha: B, ref: "claude/issue-3" } } }, {});
    expect(plan).toMatchObject({ kind: "range", base: A, head: B, branch: "claude/issue-3", commitCount: 4, pullRequest: 3 });
  });

  it("a push: before..after; a new branch (all-zero before) starts from the default branch", () => {
    expect(planScan("push", { ref: "refs/heads/dev", before: A, after: B }, {})).toMatchObject({ kind: "range", base: A, head: B, branch: "dev" });
    expect(planScan("push", { ref: "refs/heads/dev", before: ZERO, after: B, repository: { default_branch: "main" } }, {})).toMatchObject({
      kind: "new-branch",
      head: B,
      branch: "dev",
      defaultBranch: "main",
    });
  });

  it("the first push to the default branch: all of its history; a deleted branch: nothing", () => {
    expect(planScan("push", { ref: "refs/heads/main", before: ZERO, after: B, repository: { default_branch: "main" } }, {})).toMatchObject({ kind: "history", head: B });
    expect(planScan("push", { ref: "refs/heads/dev", before: A, after: ZERO, deleted: true }, {}).kind).toBe("nothing");
  });

  it("inputs win, each on its own, and keep the event's pull request", () => {
    const event = { pull_request: { number: 9, base: { sha: A }, head: { sha: B } } };
    expect(planScan("pull_request", event, { base: "main" })).toMatchObject({ kind: "range", base: "main", head: B, pullRequest: 9 });
    expect(planScan("pull_request", event, { head: "feature" })).toMatchObject({ kind: "range", base: A, head: "feature" });
    expect(planScan("workflow_dispatch", {}, { base: A }, B)).toMatchObject({ kind: "range", base: A, head: B });
  });

  it("an event without a range and no inputs: an error naming the inputs to set", () => {
    expect(() => planScan("schedule", {}, {}, B)).toThrow(/set the base and head inputs/);
  });
});

describe("readActionInputs", () => {
  it("reads INPUT_<NAME> with the hyphen kept, and with an underscore", () => {
    expect(readActionInputs({ "INPUT_FAIL-ON": "Medium", INPUT_AUTHORS: "all", "INPUT_SARIF-FILE": " out.sarif " })).toMatchObject({ failOn: "medium", authors: "all", sarifFile: "out.sarif" });
    expect(readActionInputs({ INPUT_FAIL_ON: "low" }).failOn).toBe("low");
  });

  it("empty inputs are absent; wrong values are errors naming the input", () => {
    expect(readActionInputs({ "INPUT_FAIL-ON": "", INPUT_BASE: "  " })).toEqual({ authors: "claude" });
    expect(() => readActionInputs({ INPUT_AUTHORS: "humans" })).toThrow(InputError);
    expect(() => readActionInputs({ INPUT_BASE: "--upload-pack=x" })).toThrow(/Input base/);
  });
});

describe("masking: the matched values, read back from the added lines", () => {
  const value = "Vb" + fake.alnum(14, "mask-1");
  const file: AddedLines = addedLinesOf("a.yml", ["x: 1", `password: "${value}"`], [10, 11]);
  const finding = (line: number, column: number, endColumn: number, category: Finding["category"] = "secret") =>
    ({ line, column, endColumn, category }) as Finding;

  it("takes the value at column..endColumn of the finding's line", () => {
    expect(matchedValues(file, finding(11, 12, 12 + value.length))).toEqual([value]);
    expect(matchedValues(file, finding(99, 1, 5))).toEqual([]);
  });

  it("a multi-line private key is registered line by line, up to its END line", () => {
    const body = [fake.base64(64, "k1"), fake.base64(64, "k2")];
    const begin = "-----BEGIN " + "RSA PRIVATE KEY-----";
    const end = "-----END " + "RSA PRIVATE KEY-----";
    const pem: AddedLines = addedLinesOf("k.pem", [begin, ...body, end, "after"], [1, 2, 3, 4, 5]);
    expect(matchedValues(pem, finding(1, 1, begin.length + 1))).toEqual([begin, ...body, end]);
  });

  // Each finding's line was looked up with an indexOf in the file's line numbers: quadratic in a file of tokens.
  it("registers the values of a file of 100,000 secret findings in time that grows with their number", () => {
    const count = 100_000;
    const lines = Array.from({ length: count }, (_, i) => `key${i} = value-${String(i).padStart(6, "0")}`);
    const many = addedLinesOf("fixtures.env", lines, lines.map((_, i) => i + 1));
    const registered: string[] = [];
    const started = Date.now();
    new SecretMasker((v) => registered.push(v)).add(many, lines.map((line, i) => finding(i + 1, line.indexOf("value") + 1, line.length + 1)));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(registered).toHaveLength(count);
    expect(registered.at(-1)).toBe(`value-${String(count - 1).padStart(6, "0")}`);
  });

  it("registers secrets once each, never placeholders", () => {
    const registered: string[] = [];
    const masker = new SecretMasker((v) => registered.push(v));
    masker.add(file, [finding(11, 12, 12 + value.length), finding(11, 12, 12 + value.length)]);
    masker.add(file, [finding(11, 12, 12 + value.length, "placeholder")]);
    expect(registered).toEqual([value]);
  });
});

describe("workflow annotations within GitHub's display limit", () => {
  const annotation = (i: number, level: CheckAnnotation["annotation_level"]): CheckAnnotation => ({
    path: `src/f${i}.ts`,
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: level,
    message: `finding ${i}`,
    title: `T${i}`,
  });

  it("shows 9 per level and a 10th that says how many more and where they are; logs them all", () => {
    const emitted: Array<{ level: WorkflowLevel; message: string; props: AnnotationProperties }> = [];
    const log: string[] = [];
    const list = [...Array.from({ length: 14 }, (_, i) => annotation(i, "failure")), annotation(20, "warning")];
    const shown = emitWorkflowAnnotations(list, { annotate: (level, message, props) => emitted.push({ level, message, props }), log: (l) => log.push(l) }, "the job summary");
    const errors = emitted.filter((e) => e.level === "error");
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).every((e) => e.props.file !== undefined)).toBe(true);
    expect(errors[9]!.message).toMatch(/^5 more failing finding\(s\) are not annotated here.*the job summary/);
    expect(emitted.filter((e) => e.level === "warning")).toHaveLength(1);
    expect(shown).toBe(10);
    expect(log.filter((l) => l.includes("src/f"))).toHaveLength(15);
  });

  it("exactly 10 of a level: all ten annotated, no note", () => {
    const emitted: WorkflowLevel[] = [];
    emitWorkflowAnnotations(Array.from({ length: 10 }, (_, i) => annotation(i, "failure")), { annotate: (level) => emitted.push(level), log: () => undefined }, "x");
    expect(emitted).toHaveLength(10);
  });

  it("a path with a newline cannot start a workflow command in the log", () => {
    const log: string[] = [];
    emitWorkflowAnnotations([{ ...annotation(1, "notice"), path: "a\n::add-mask::x" }], { annotate: () => undefined, log: (l) => log.push(l) }, "x");
    expect(log.join("\n")).not.toMatch(/^::/m);
  });
});
