/** Shared by the test/hostile suites: the built CLI in a child process, Claude's commit markers, fake keys. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fake } from "../../src/core/detect/fake.js";
import type { Identity } from "../git/repo-helper.js";

export const BIN = resolve("bin/claude-guard.js");

export const CLAUDE_MESSAGE_TRAILER = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>";
export const CLAUDE: Identity = { name: "Dev", email: "dev@example.com" };

/** A live-format Stripe secret key, built at run time (never a literal in the repository). */
export function stripeKey(seed: string): string {
  return "sk_" + "live_" + fake.alnum(24, seed);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI. The default bound is generous: the e2e suites share two cores with an npm
 * install, and a run killed by the bound must not read as a wrong report. Tests about speed pass their
 * own bound.
 */
export function cli(args: string[], cwd: string, timeoutMs = 90_000): CliRun {
  const out = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: timeoutMs, env: { ...process.env, NO_COLOR: "1" } });
  if (out.signal && timeoutMs >= 90_000) throw new Error(`claude-guard ${args.join(" ")} was killed (${out.signal}) after ${timeoutMs} ms`);
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** The JSON report of a CLI run that wrote JSON to stdout. */
export function jsonReport(run: CliRun): {
  findings: Array<{ path: string; rule: string; line: number; commit?: string }>;
  scanned: { files: number; skipped: Array<{ path: string; reason: string; commit?: string }>; incomplete?: Array<{ reason: string; detail: string }> };
} {
  return JSON.parse(run.stdout);
}
