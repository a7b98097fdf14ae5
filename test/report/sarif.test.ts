import { fake } from "../../src/core/detect/fake.js";
import { FINGERPRINT_KEY, MAX_SARIF_RESULTS, pascalCase, pathToUri, renderSarif } from "../../src/core/report/index.js";
import type { Finding } from "../../src/core/types.js";
import { finding, fullReport, type Json, parse, report, RULES } from "./sarif-fixtures.js";

describe("renderSarif", () => {
  test("top level: schema, version 2.1.0, one run with the claude-guard driver", () => {
    const log = parse(renderSarif(fullReport(), RULES));
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("claude-guard");
    expect(driver.semanticVersion).toBe("0.1.0");
    // No page is published for the tool: no link that leads nowhere.
    expect(driver.informationUri).toBeUndefined();
  });

  test("lists only rules that have results, each fully described, and ruleIndex points at them", () => {
    const log = parse(renderSarif(fullReport(), RULES));
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((r: Json) => r.id);
    expect(ids).toEqual(["github-pat-classic", "aws-access-key-id", "email-address", "config-rule"]);
    expect(ids).not.toContain("unused-rule");
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }

    const pat = run.tool.driver.rules[0];
    expect(pat.name).toBe("GithubPatClassic");
    expect(pat.shortDescription.text).toContain("GitHub personal access token (classic)");
    expect(pat.fullDescription.text.length).toBeGreaterThan(pat.shortDescription.text.length);
    expect(pat.helpUri).toBe(RULES[0]!.docs);
    expect(pat.defaultConfiguration.level).toBe("error");
    expect(pat.properties.tags).toEqual(["security", "secret", "GitHub"]);
    expect(pat.properties["security-severity"]).toBe("9.5");
    for (const help of [pat.help.text, pat.help.markdown]) {
      expect(help).toMatch(/rotate/i);
      expect(help).toMatch(/environment variable|secret manager/);
      expect(help).toContain("claude-guard:allow");
      expect(help).toContain(".claude-guard-ignore");
      expect(help).toContain("Revoke it under Settings"); // the rule's own remediation
    }

    const aws = run.tool.driver.rules[1];
    expect(aws.helpUri).toBeUndefined(); // no docs, no helpUri
    expect(aws.properties["security-severity"]).toBe("8.0");
    expect(run.tool.driver.rules[2].properties["security-severity"]).toBe("5.5");
    expect(run.tool.driver.rules[2].defaultConfiguration.level).toBe("warning");
    expect(run.tool.driver.rules[2].help.text).toMatch(/personal data/i);
    // A rule the caller did not describe is described from its finding, not dropped.
    const custom = run.tool.driver.rules[3];
    expect(custom.shortDescription.text).toBe("Custom rule.");
    expect(custom.properties["security-severity"]).toBe("3.0");
    expect(custom.defaultConfiguration.level).toBe("note");
  });

  test("results: level by severity, redacted message, location, fingerprints, properties", () => {
    const input = fullReport();
    const run = parse(renderSarif(input, RULES)).runs[0];
    expect(run.results).toHaveLength(5);
    expect(run.results.map((r: Json) => r.level)).toEqual(["error", "error", "warning", "note", "error"]);

    const first = run.results[0];
    expect(first.ruleId).toBe("github-pat-classic");
    expect(first.message.text).toContain(input.findings[0]!.redacted);
    expect(first.message.text).toContain(input.findings[0]!.fingerprint);
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe("src/config.ts");
    expect(first.locations[0].physicalLocation.region).toMatchObject({ startLine: 12, startColumn: 7, endColumn: 47 });
    expect(first.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: input.findings[0]!.fingerprint });
    expect(first.properties).toMatchObject({ category: "secret", commit: "a".repeat(40) });
    expect(run.results[2].properties.commit).toBeUndefined();

    expect(run.results[1].message.text).toContain("checksum failed: not a confirmed credential".replace(/^c/, "C"));
  });

  test("URIs: relative, forward slashes, spaces and unicode percent-encoded", () => {
    const run = parse(renderSarif(fullReport(), RULES)).runs[0];
    const uris = run.results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris[1]).toBe("deploy/my%20scripts/run%20%C3%BC.sh");
    expect(uris[2]).toBe("docs/%E6%97%A5%E6%9C%AC%E8%AA%9E/readme%231.md");
    expect(uris[3]).toBe("a/b.txt");
    for (const uri of uris) {
      expect(uri).not.toMatch(/[\s\\]/);
      expect(uri.startsWith("/")).toBe(false);
      // It decodes back to the path a user sees.
      expect(decodeURIComponent(uri)).not.toContain("%");
    }
    expect(decodeURIComponent(uris[1])).toBe("deploy/my scripts/run ü.sh");
  });

  test("pathToUri handles ./ prefixes, backslashes, reserved characters and absolute paths", () => {
    expect(pathToUri("./src/x.ts")).toBe("src/x.ts");
    expect(pathToUri("src\\win\\x.ts")).toBe("src/win/x.ts");
    expect(pathToUri("a/100%/b?.ts")).toBe("a/100%25/b%3F.ts");
    expect(pathToUri("/abs/my file")).toBe("file:///abs/my%20file");
    expect(pathToUri("C:\\repo\\x.ts")).toBe("file:///C:/repo/x.ts");
  });

  test("pascalCase turns kebab ids into names", () => {
    expect(pascalCase("aws-access-key-id")).toBe("AwsAccessKeyId");
    expect(pascalCase("private-key-rsa")).toBe("PrivateKeyRsa");
    expect(pascalCase("jwt")).toBe("Jwt");
  });

  test("an empty report is still a valid run with empty results and rules", () => {
    const log = parse(renderSarif(report([]), RULES));
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toEqual([]);
    expect(log.runs[0].tool.driver.name).toBe("claude-guard");
  });

  test("a region is never empty, even if a finding's endColumn is wrong", () => {
    const run = parse(renderSarif(report([finding({ column: 5, endColumn: 5 })]), RULES)).runs[0];
    expect(run.results[0].locations[0].physicalLocation.region).toMatchObject({ startColumn: 5, endColumn: 6 });
  });

  test("over GitHub's per-run limit, the least severe results are dropped and the log says so", () => {
    const many: Finding[] = [];
    for (let i = 0; i < MAX_SARIF_RESULTS; i++) many.push({ ...finding({ severity: "low" }), line: i + 1 });
    many.push(finding({ severity: "critical", line: 999_999 }));
    const run = parse(renderSarif(report(many), RULES)).runs[0];
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    expect(run.results.some((r: Json) => r.level === "error")).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain("1 lower-severity");
  });

  test("the output never carries fields of the finding other than those rendered", () => {
    const leaky = { ...finding(), secret: "SHOULD-NOT-APPEAR-" + fake.alnum(20, "x") } as Finding;
    expect(renderSarif(report([leaky]), RULES)).not.toContain("SHOULD-NOT-APPEAR");
  });
});
