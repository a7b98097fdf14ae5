/**
 * The package version, fixed into the bundle at build time (scripts/build-action.mjs defines
 * CLAUDE_GUARD_VERSION): the bundle runs from dist/, where no package.json path can be relied upon.
 */
declare const CLAUDE_GUARD_VERSION: string | undefined;

export const ACTION_VERSION: string = typeof CLAUDE_GUARD_VERSION === "string" ? CLAUDE_GUARD_VERSION : "0.0.0-dev";
