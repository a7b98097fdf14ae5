/**
 * `claude-guard init` and the two configs users copy from: the starter it writes and
 * examples/claude-guard.yml. Both must parse with zero errors, or a new user's first scan fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandLine, UsageError } from "../../src/cli/args.js";
import { runInit } from "../../src/cli/init.js";
import { formatConfigError, parseConfig, SCHEMA_REF } from "../../src/core/config/config.js";
import { starterConfig } from "../../src/core/config/starter.js";

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-init-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function io(cwd: string) {
  const out = { stdout: "", stderr: "" };
  return { out, io: { cwd, stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } } };
}

const errorsOf = (text: string, file: string) => parseConfig(text, file).errors.map(formatConfigError);

describe("the starter config and the example", () => {
  it("the starter parses with zero errors and gives the defaults", () => {
    const { config, errors } = parseConfig(starterConfig(), "starter.yml");
    expect(errors).toEqual([]);
    expect(config).toEqual(parseConfig("", "empty.yml").config);
  });

  it("the starter with a classification sets it", () => {
    const text = starterConfig({ classification: "restricted" });
    expect(errorsOf(text, "starter.yml")).toEqual([]);
    expect(parseConfig(text, "starter.yml").config.classification).toBe("restricted");
  });

  it("the starter points editors at the schema and comments every key", () => {
    const lines = starterConfig().split("\n");
    expect(lines[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_REF}`);
    const keyLines = lines.map((line, index) => ({ line, index })).filter(({ line }) => /^\s*[\w"]+:/.test(line));
    expect(keyLines.length).toBeGreaterThanOrEqual(10);
    for (const { line, index } of keyLines) {
      // Each key's line has a comment right above it, or is the commented example's key.
      expect({ line, commented: lines[index - 1]?.trim().startsWith("#") }).toEqual({ line, commented: true });
    }
  });

  it("every commented example in the starter is valid once uncommented in place of its line", () => {
    const EXAMPLE = /^( *)# (classification|markers|ignore|rules|skills|permissions|paths|businessHours|_extends):(?: |$)/;
    const lines = starterConfig().split("\n");
    const out: string[] = [];
    let examples = 0;
    for (let i = 0; i < lines.length; i++) {
      const match = EXAMPLE.exec(lines[i] as string);
      if (!match) {
        out.push(lines[i] as string);
        continue;
      }
      examples++;
      const [, indent, key] = match;
      // The example replaces the active line just above it for the same key, if there is one.
      const previous = out.length - 1;
      if (new RegExp(`^${indent}${key}: `).test(out[previous] ?? "")) out.splice(previous, 1);
      out.push(`${indent}${(lines[i] as string).slice((indent as string).length + 2)}`);
      while (lines[i + 1]?.startsWith(`${indent}#   `)) out.push(`${indent}${(lines[++i] as string).slice((indent as string).length + 2)}`);
    }
    expect(examples).toBe(9);
    const { config, errors } = parseConfig(out.join("\n"), "uncommented.yml");
    expect(errors.map(formatConfigError)).toEqual([]);
    expect(config.classification).toBe("internal");
    expect(config.authorship.markers).toEqual(["^Assisted-by: acme-agent"]);
    expect(config.paths.ignore).toHaveLength(2);
    expect(config.rules.map((r) => [r.id, r.severity])).toEqual([["acme-internal-token", "critical"]]);
    expect(config.skills["deploy/*"]).toEqual({ maxClassification: "internal", teams: ["platform"] });
    expect(config.permissions.restricted).toEqual({ forbid: ["Bash(*)", "WebFetch"], mcpServers: ["approved-server"] });
    expect(config.content).toMatchObject({ paths: { "**/payments/**": "confidential" }, businessHours: { timezone: "Europe/Berlin" } });
    expect(config._extends).toBe("shared-config");
  });

  it("examples/claude-guard.yml parses with zero errors and uses the policy keys", () => {
    const text = readFileSync("examples/claude-guard.yml", "utf8");
    const { config, errors } = parseConfig(text, "examples/claude-guard.yml");
    expect(errors.map(formatConfigError)).toEqual([]);
    // Copied to .github/claude-guard.yml, its schema line points where init's does.
    expect(text.split("\n")[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_REF}`);
    expect(config.classification).toBe("confidential");
    expect(config.skills["deploy/*"]).toEqual({ maxClassification: "internal", teams: ["platform"] });
    expect(config.permissions.restricted).toEqual({ forbid: ["Bash(*)", "WebFetch"], mcpServers: ["approved-server"] });
    expect(config.content.paths["**/payments/**"]).toBe("confidential");
  });
});

describe("claude-guard init", () => {
  it("parses its options and refuses what does not belong", () => {
    expect(parseCommandLine(["init"])).toEqual({ command: "init", force: false });
    expect(parseCommandLine(["init", "--force", "--classification", "restricted"])).toEqual({ command: "init", force: true, classification: "restricted" });
    expect(() => parseCommandLine(["init", "--classification", "secret"])).toThrow(UsageError);
    expect(() => parseCommandLine(["init", "somewhere"])).toThrow(UsageError);
    expect(() => parseCommandLine(["scan", "--force"])).toThrow("--force goes with init");
  });

  it("writes .github/claude-guard.yml at the git root of the working directory", async () => {
    const repo = join(work, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "src", "deep"), { recursive: true });
    const { out, io: cli } = io(join(repo, "src", "deep"));
    expect(await runInit({ command: "init", force: false, classification: "confidential" }, cli)).toBe(0);
    const written = readFileSync(join(repo, ".github", "claude-guard.yml"), "utf8");
    expect(written).toBe(starterConfig({ classification: "confidential" }));
    expect(out.stdout).toContain(join("..", "..", ".github", "claude-guard.yml"));
    expect(out.stderr).toBe("");
  });

  it("writes into the working directory when it is not in a git repository", async () => {
    const dir = join(work, "plain");
    mkdirSync(dir);
    expect(await runInit({ command: "init", force: false }, io(dir).io)).toBe(0);
    expect(parseConfig(readFileSync(join(dir, ".github", "claude-guard.yml"), "utf8"), "x").errors).toEqual([]);
  });

  it("refuses to overwrite an existing file (exit 2, file untouched), and replaces it with --force", async () => {
    const dir = join(work, "existing");
    mkdirSync(join(dir, ".git"), { recursive: true });
    mkdirSync(join(dir, ".github"));
    const target = join(dir, ".github", "claude-guard.yml");
    writeFileSync(target, "failOn: low\n");
    const refused = io(dir);
    expect(await runInit({ command: "init", force: false }, refused.io)).toBe(2);
    expect(refused.out.stderr).toBe(`claude-guard: ${join(".github", "claude-guard.yml")} already exists; nothing was written (run \`claude-guard init --force\` to replace it)\n`);
    expect(readFileSync(target, "utf8")).toBe("failOn: low\n");
    const forced = io(dir);
    expect(await runInit({ command: "init", force: true }, forced.io)).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(starterConfig());
    expect(forced.out.stdout).toContain("(replaced)");
  });
});
