/**
 * The hook as one self-contained file, dist/hook.js (bundled with the Action by scripts/build-action.mjs):
 * what the Claude Code plugin runs (hooks/hooks.json). A plugin is a copy of the repository, with no
 * node_modules and no lib/, so it cannot use bin/claude-guard-hook.js; the committed bundle needs neither.
 */
import { runHookCli } from "./cli.js";

const code = await runHookCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
process.exitCode = code;
// As bin/claude-guard-hook.js: leave as soon as the answer is flushed.
process.stdout.write("", () => process.exit(code));
