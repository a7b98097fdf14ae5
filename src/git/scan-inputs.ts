/**
 * The config and ignore file a scan of a local clone is set up from (core/setup.ts's ScanInputs): from
 * the working tree for the CLI, at commits for the Action. The App reads the same files through the
 * REST API (src/github/config.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { errorReason } from "../core/command-line.js";
import { CONFIG_FILE, IGNORE_FILE } from "../core/files.js";
import type { ScanInputs } from "../core/setup.js";
import type { GitRunner } from "./git-runner.js";

/**
 * The working tree's files under `root`; `configOption` (a path from `cwd`) replaces the config file.
 * Throws when a config file that should be read cannot be.
 */
export function readWorkingTreeScanInputs(root: string, configOption: string | undefined, cwd: string): ScanInputs {
  const inputs: ScanInputs = {};
  const configFile = configOption !== undefined ? resolve(cwd, configOption) : join(root, CONFIG_FILE);
  if (configOption !== undefined || existsSync(configFile)) {
    try {
      inputs.configText = readFileSync(configFile, "utf8");
      inputs.configFile = configOption ?? CONFIG_FILE;
    } catch (error) {
      throw new Error(`cannot read the config file ${configOption ?? configFile}: ${errorReason(error)}`);
    }
  }
  const ignoreFile = join(root, IGNORE_FILE);
  if (existsSync(ignoreFile)) {
    inputs.ignoreText = readFileSync(ignoreFile, "utf8");
    inputs.ignoreFile = IGNORE_FILE;
  }
  return inputs;
}

/** Whether `root` holds a config or ignore file of its own (the CLI then scans from there). */
export function hasOwnSettings(root: string): boolean {
  return existsSync(join(root, CONFIG_FILE)) || existsSync(join(root, IGNORE_FILE));
}

/**
 * The files at commits of a clone. The config is read at the base of the range, as the App reads it
 * from the base branch: a change cannot relax the check that judges it. The ignore file is read at the
 * head: adding a fingerprint is part of the reviewed change. `config` given: that text replaces the
 * config file. `source` says, for the report, where the config came from.
 */
export async function readScanInputsAt(
  git: GitRunner,
  at: { base?: string; head: string },
  config?: { text: string; file: string; source: string },
): Promise<{ inputs: ScanInputs; source: string }> {
  const inputs: ScanInputs = {};
  let source: string;
  if (config) {
    inputs.configText = config.text;
    inputs.configFile = config.file;
    source = config.source;
  } else {
    const rev = at.base ?? at.head;
    const where = `${at.base ? "the base" : "the head"} commit ${rev.slice(0, 7)}`;
    const text = await fileAt(git, rev, CONFIG_FILE);
    if (text !== undefined) {
      inputs.configText = text;
      inputs.configFile = CONFIG_FILE;
      source = `\`${CONFIG_FILE}\` at ${where}`;
    } else {
      source = `defaults (no \`${CONFIG_FILE}\` at ${where})`;
    }
  }
  const ignoreText = await fileAt(git, at.head, IGNORE_FILE);
  if (ignoreText !== undefined) {
    inputs.ignoreText = ignoreText;
    inputs.ignoreFile = IGNORE_FILE;
  }
  return { inputs, source };
}

/** A file's text at a commit, or undefined when the commit does not hold it. */
function fileAt(git: GitRunner, sha: string, file: string): Promise<string | undefined> {
  return git.tryRun(["cat-file", "blob", `${sha}:${file}`]);
}
