/**
 * The Action's inputs, as the composite step hands them over: `INPUT_<NAME>` (upper case, `-` kept),
 * the convention of @actions/core. `INPUT_<NAME>` with `_` for `-` is read too, for workflows that map
 * the inputs themselves in a shell where a `-` in a variable name is awkward.
 */
import { SEVERITIES, type FailOn } from "../core/types.js";

/** Every input action.yml declares; test/action checks that the composite step maps each one. */
export const INPUT_NAMES = ["github-token", "config", "fail-on", "authors", "base", "head", "sarif-file", "audit-token", "audit-hmac-key"] as const;
type InputName = (typeof INPUT_NAMES)[number];

export interface ActionInputs {
  githubToken?: string;
  /** A config file in the workspace; default: `.github/claude-guard.yml` at the base of the range. */
  config?: string;
  /** Overrides the config's `failOn`. */
  failOn?: FailOn;
  authors: "claude" | "all";
  base?: string;
  head?: string;
  sarifFile?: string;
  auditToken?: string;
  /** The org's AUDIT_HMAC_KEY when the environment does not set it (pass it from a secret). */
  auditHmacKey?: string;
}

/** A wrong input value: the message names the input and what it accepts. */
export class InputError extends Error {
  override name = "InputError";
}

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

function getInput(env: NodeJS.ProcessEnv, name: InputName): string | undefined {
  const value = env[inputVariable(name)] ?? env[inputVariable(name).replace(/-/g, "_")];
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

const FAIL_ON_VALUES: readonly string[] = [...SEVERITIES, "none"];

export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failOn = getInput(env, "fail-on")?.toLowerCase();
  if (failOn !== undefined && !FAIL_ON_VALUES.includes(failOn)) {
    throw new InputError(`Input fail-on is "${failOn}": use one of ${FAIL_ON_VALUES.join(", ")}`);
  }
  const authors = getInput(env, "authors")?.toLowerCase() ?? "claude";
  if (authors !== "claude" && authors !== "all") {
    throw new InputError(`Input authors is "${authors}": use claude (only Claude-authored commits, the default) or all`);
  }
  for (const name of ["base", "head"] as const) {
    const value = getInput(env, name);
    // Read as a git revision: one starting with "-" would be taken for an option.
    if (value !== undefined && (value.startsWith("-") || /\s/.test(value))) {
      throw new InputError(`Input ${name} is "${value}": give a commit SHA, a branch or a tag`);
    }
  }
  const inputs: ActionInputs = { authors };
  const assign = <K extends keyof ActionInputs>(key: K, value: ActionInputs[K] | undefined) => {
    if (value !== undefined) inputs[key] = value;
  };
  assign("githubToken", getInput(env, "github-token"));
  assign("config", getInput(env, "config"));
  assign("failOn", failOn as FailOn | undefined);
  assign("base", getInput(env, "base"));
  assign("head", getInput(env, "head"));
  assign("sarifFile", getInput(env, "sarif-file"));
  assign("auditToken", getInput(env, "audit-token"));
  assign("auditHmacKey", getInput(env, "audit-hmac-key"));
  return inputs;
}
