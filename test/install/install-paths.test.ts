/**
 * The install paths the README gives, as a user runs them, into a new project: from a git URL (here
 * `git+file://` of a local clone, so nothing but the npm registry is reached; npm builds lib/ through
 * `prepare`) and from the tarball `npm pack` makes. Each install must run the CLI, ship the schema and
 * the docs, and leave out the benchmark's fake GitHub (lib/testing). Slow: the git path installs the
 * dev dependencies to build, so this is an end-to-end suite.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { gitEnv } from "../git/repo-helper.js";

const ROOT = resolve(".");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const INSTALL_TIMEOUT = 20 * 60_000;
let work: string;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund"], { cwd, encoding: "utf8", env: gitEnv(), timeout: INSTALL_TIMEOUT, stdio: ["ignore", "pipe", "pipe"] });
}

/** A new project with a git repository, as `claude-guard init` expects. */
function newProject(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, version: "1.0.0", private: true }, null, 2) + "\n");
  execFileSync("git", ["init", "-q", dir], { env: gitEnv() });
  return dir;
}

/** What every install path must give: the CLI runs, init's schema line resolves, schema and docs ship. */
function checkInstalled(project: string): void {
  const pkg = join(project, "node_modules", "claude-guard");
  const bin = join(project, "node_modules", ".bin", "claude-guard");
  expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toBe(VERSION);
  expect(existsSync(join(pkg, "lib", "cli", "main.js"))).toBe(true);
  expect(existsSync(join(pkg, "lib", "testing"))).toBe(false);
  expect(existsSync(join(pkg, "docs", "config.md"))).toBe(true);

  execFileSync(bin, ["init"], { cwd: project, encoding: "utf8", env: gitEnv() });
  const config = join(project, ".github", "claude-guard.yml");
  const first = readFileSync(config, "utf8").split("\n")[0] ?? "";
  const ref = /\$schema=(\S+)/.exec(first)?.[1] ?? "";
  const schema = resolve(dirname(config), ref);
  expect({ ref, exists: existsSync(schema) }).toEqual({ ref, exists: true });
  expect((JSON.parse(readFileSync(schema, "utf8")) as { properties: Record<string, unknown> }).properties).toHaveProperty("failOn");

  // A scan of the new project, through the installed package's dependencies.
  execFileSync(bin, ["scan", "--fail-on", "none", "--format", "json", "--output", join(work, `${Date.now()}.json`), ".github"], { cwd: project, env: gitEnv() });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-install-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("install paths", () => {
  it(
    "npm install git+file://<clone> builds lib/ through prepare and gives a working CLI",
    () => {
      const clone = join(work, "claude-guard.git");
      execFileSync("git", ["clone", "-q", "--bare", ROOT, clone], { env: gitEnv() });
      const project = newProject("from-git");
      npm(["install", "--save-dev", `git+file://${clone}`], project);
      checkInstalled(project);
    },
    INSTALL_TIMEOUT,
  );

  it(
    "npm pack makes a tarball that installs into a project and gives a working CLI",
    () => {
      const packed = join(work, "packed");
      mkdirSync(packed);
      // --ignore-scripts: packs lib/ as `npm run test:e2e` built it. With `prepare`, npm would rebuild lib/
      // in this checkout while other e2e suites run from it (the hook's entry then saw lib/ newer than its
      // bundle); the git+file install above is the test of `prepare`.
      npm(["pack", "--ignore-scripts", "--pack-destination", packed], ROOT);
      const [tarball] = readdirSync(packed).filter((f) => f.endsWith(".tgz"));
      expect(tarball).toBe(`claude-guard-${VERSION}.tgz`);
      const project = newProject("from-tarball");
      npm(["install", "--save-dev", join(packed, tarball as string)], project);
      checkInstalled(project);
    },
    INSTALL_TIMEOUT,
  );
});
