/**
 * A scan's patterns compiled straight to machine code. By default V8 first compiles a regex to bytecode
 * for its interpreter, and compiles it again to machine code on its next run (regexp tier-up). A scan
 * runs each rule's patterns over many lines, so nearly every one paid for both compilations: on the
 * bench's secret-dense snippets (~490 patterns), ~63 ms against ~22 ms for machine code alone, and the
 * whole run took 5-7% less without tier-up (README: speed). Switched once the command's own start-up is
 * done (config, arguments, rule set-up), whose patterns mostly run once on a short string, where bytecode
 * is the cheaper: switching before them cost an empty scan ~5 ms.
 *
 * A V8 flag is the process's: the scan's worker threads, started after it, compile theirs the same way.
 * It is switched back when the scan ends, before the CLI writes its code cache (src/code-cache.ts): V8
 * ties a cache to the flags it was made under (their hash), and refuses it under others, so a cache made
 * with this one would be refused by every next run, which loads its bundle before any scan starts.
 * Only the CLI's scan switches it; the hook (a process per event, its patterns run once or twice) keeps
 * V8's default.
 */
import { setFlagsFromString } from "node:v8";

let switched = false;

export function compilePatternsToMachineCode(): void {
  setFlagsFromString("--no-regexp-tier-up");
  switched = true;
}

/** V8's default again (nothing to do when compilePatternsToMachineCode was not called). */
export function restorePatternTiering(): void {
  if (!switched) return;
  setFlagsFromString("--regexp-tier-up");
  switched = false;
}
