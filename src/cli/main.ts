/**
 * `claude-guard`: the command-line door. It reads files and git, asks the core, renders, and exits 0/1/2.
 * The scan (scan-command.ts) and the policy command load when run: `--version`, `--help` and a mistyped
 * command do not build the rules, git's wrapper or the report renderers first.
 */
import { parseCommandLine, USAGE, UsageError } from "./args.js";
import { runInit } from "./init.js";
import { EXIT_CLEAN, EXIT_ERROR, tolerateClosedReader, type CliIO } from "./io.js";
import { errorSentence } from "../core/command-line.js";
import { toolVersion } from "../version.js";

/** For the entries: the bundle's exports are this module's. */
export { processIO } from "./io.js";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  tolerateClosedReader(io.stdout);
  // `audit export|verify` parses its own arguments too, and loads Octokit only when asked for.
  if (argv[0] === "audit") return (await import("./audit.js")).runAuditCli(argv.slice(1), io);
  if (argv[0] === "inventory") return (await import("./inventory.js")).runInventoryCli(argv.slice(1), io);
  if (argv[0] === "usage") return (await import("./usage.js")).runUsageCli(argv.slice(1), io);
  let cmd;
  try {
    cmd = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      // The mistake and where to look, not the whole help: the sentence is what a user needs to read.
      io.stderr.write(`claude-guard: ${error.message}\nRun \`claude-guard --help\` for the commands and options.\n`);
      return EXIT_ERROR;
    }
    throw error;
  }
  if (cmd.command === "version") {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT_CLEAN;
  }
  if (cmd.command === "help") {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_CLEAN;
  }
  if (cmd.command === "init") return runInit(cmd, io);
  try {
    return cmd.command === "policy" ? await (await import("./policy.js")).runPolicyCommand(cmd, io) : await (await import("./scan-command.js")).runScan(cmd, io);
  } catch (error) {
    io.stderr.write(`claude-guard: ${errorSentence(error)}\n`);
    return EXIT_ERROR;
  }
}
