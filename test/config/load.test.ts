import { describe, expect, it } from "@jest/globals";
import { formatConfigError } from "../../src/core/config/config.js";
import { loadEffectiveConfig, parseExtends, type ConfigLocation } from "../../src/core/config/load.js";

/** A fake GitHub: files by `owner/repo:path@ref` (ref "" = default branch). Records every read. */
function github(files: Record<string, string>) {
  const reads: string[] = [];
  const read = async (l: ConfigLocation) => {
    const id = `${l.owner}/${l.repo}:${l.path}@${l.ref ?? ""}`;
    reads.push(id);
    return files[id];
  };
  return { read, reads };
}

const CFG = ".github/claude-guard.yml";

describe("parseExtends (Probot's forms)", () => {
  it.each([
    ["other-repo", { owner: "acme", repo: "other-repo", path: CFG }],
    ["octo/policies", { owner: "octo", repo: "policies", path: CFG }],
    ["octo/policies:guard/strict.yml", { owner: "octo", repo: "policies", path: "guard/strict.yml" }],
    [".github", { owner: "acme", repo: ".github", path: CFG }],
  ])("%s", (value, expected) => {
    expect(parseExtends(value, "acme")).toEqual(expected);
  });
  it("refuses what is not a repository", () => expect(parseExtends("a b", "acme")).toBeUndefined());
});

describe("loadEffectiveConfig", () => {
  it("reads the repository's file at the given ref (the PR's base) and the org's from its default branch", async () => {
    const gh = github({
      [`acme/.github:${CFG}@`]: "failOn: medium\naudit: { repository: governance }\n",
      [`acme/app:${CFG}@base-sha`]: "classification: confidential\n",
      [`acme/app:${CFG}@head-sha`]: "failOn: none\n",
    });
    const result = await loadEffectiveConfig(gh.read, { owner: "acme", repo: "app", ref: "base-sha" });
    expect(gh.reads).toEqual([`acme/.github:${CFG}@`, `acme/app:${CFG}@base-sha`]);
    expect(result.config).toMatchObject({ failOn: "medium", classification: "confidential", audit: { repository: "governance" } });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.sources).toEqual([`acme/.github:${CFG}`, `acme/app:${CFG}@base-sha`]);
  });

  it("layers what the repository extends between the org's file and its own, each only tightening", async () => {
    const gh = github({
      [`acme/.github:${CFG}@`]: "skills: { 'deploy/*': { maxClassification: confidential } }\n",
      [`acme/shared:${CFG}@`]: "skills: { 'deploy/*': { maxClassification: internal } }\npaths: { ignore: ['**/gen/**'] }\n",
      [`acme/app:${CFG}@main`]: "_extends: shared\nskills:\n  'deploy/*': { maxClassification: restricted }\n",
    });
    const result = await loadEffectiveConfig(gh.read, { owner: "acme", repo: "app", ref: "main" });
    expect(result.config.skills["deploy/*"]?.maxClassification).toBe("internal");
    expect(result.config.paths.ignore).toEqual(["**/gen/**"]);
    expect(result.config._extends).toBeUndefined();
    expect(result.warnings.map(formatConfigError)).toEqual([
      `acme/app:${CFG}@main:3: warning: skills["deploy/*"].maxClassification: "restricted" is above the org's "internal": a repository may only lower a skill's maxClassification; "internal" applies`,
    ]);
  });

  it("does not read the org's file twice when the repository extends it (`_extends: .github`)", async () => {
    const gh = github({ [`acme/.github:${CFG}@`]: "rules: [{ id: org-rule, regex: 'org_[0-9]{6}', keywords: [org_] }]\n", [`acme/app:${CFG}@`]: "_extends: .github\n" });
    const result = await loadEffectiveConfig(gh.read, { owner: "acme", repo: "app" });
    expect(gh.reads).toEqual([`acme/.github:${CFG}@`, `acme/app:${CFG}@`]);
    expect(result.config.rules.map((r) => r.id)).toEqual(["org-rule"]);
    expect(result.warnings).toEqual([]);
  });

  it("follows _extends one level only, and reports a missing extended file as an error with its line", async () => {
    const gh = github({
      [`acme/app:${CFG}@`]: "failOn: high\n_extends: shared\n",
      [`acme/shared:${CFG}@`]: "_extends: deeper\n",
    });
    const result = await loadEffectiveConfig(gh.read, { owner: "acme", repo: "app" });
    expect(gh.reads).not.toContain(`acme/deeper:${CFG}@`);
    expect(result.warnings).toEqual([expect.objectContaining({ file: `acme/shared:${CFG}`, key: "_extends", message: expect.stringContaining("one level") })]);
    const missing = await loadEffectiveConfig(github({ [`acme/app:${CFG}@`]: "failOn: high\n_extends: gone\n" }).read, { owner: "acme", repo: "app" });
    expect(missing.errors.map(formatConfigError)).toEqual([`acme/app:${CFG}:2: _extends: acme/gone:${CFG} does not exist (or cannot be read)`]);
  });

  it("keeps audit from the org's layers, and ignores a repository's with a warning", async () => {
    const gh = github({
      [`acme/policies:${CFG}@`]: "audit: { repository: governance, notify: [acme/security] }\n",
      [`acme/.github:${CFG}@`]: "_extends: policies\n",
      [`acme/app:${CFG}@`]: "audit: { repository: app }\n",
    });
    const result = await loadEffectiveConfig(gh.read, { owner: "acme", repo: "app" });
    expect(result.config.audit).toEqual({ repository: "governance", notify: ["acme/security"] });
    expect(result.warnings).toEqual([expect.objectContaining({ file: `acme/app:${CFG}`, key: "audit" })]);
  });

  it("collects errors from every file, each naming its own file", async () => {
    const gh = github({ [`acme/.github:${CFG}@`]: "failOn: sometimes\n", [`acme/app:${CFG}@`]: "paths:\n  ignroe: []\n" });
    const result = await loadEffectiveConfig(gh.read, { owner: "acme", repo: "app" });
    expect(result.errors.map(formatConfigError)).toEqual([
      `acme/.github:${CFG}:1: failOn: expected one of critical, high, medium, low, none, got "sometimes"`,
      `acme/app:${CFG}:2: paths.ignroe: unknown key (did you mean "ignore"?); known keys: ignore`,
    ]);
  });

  it("gives the defaults when no file exists", async () => {
    const result = await loadEffectiveConfig(github({}).read, { owner: "acme", repo: "app" });
    expect(result).toMatchObject({ config: { failOn: "high" }, errors: [], warnings: [], sources: [] });
  });
});
