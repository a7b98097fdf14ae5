/**
 * What the build computes once for every run: the built-in rules' keyword automaton
 * (lib/cli/keyword-prefilter.bin, written by scripts/build-bundles.mjs beside the CLI's bundle), so
 * that neither the command nor each scan worker builds it at start-up. Only a speed-up: without the
 * file, or with one built from other keywords, the scanner builds the automaton itself.
 */
import { readFileSync } from "node:fs";

export function readPrebuiltPrefilter(): Uint8Array | undefined {
  try {
    return readFileSync(new URL("./keyword-prefilter.bin", import.meta.url));
  } catch {
    return undefined;
  }
}
