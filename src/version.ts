/**
 * The package's version, the same in every door. The Action's bundle has it fixed at build time
 * (scripts/build-action.mjs defines CLAUDE_GUARD_VERSION), since no package.json path can be relied on
 * from dist/; everywhere else it is read once from the package.json above src/ or lib/. A leaf module,
 * outside the layers: it imports nothing of the project.
 */
import { readFileSync } from "node:fs";

declare const CLAUDE_GUARD_VERSION: string | undefined;

let cached: string | undefined;

export function toolVersion(): string {
  if (typeof CLAUDE_GUARD_VERSION === "string") return CLAUDE_GUARD_VERSION;
  if (cached === undefined) {
    try {
      cached = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string }).version ?? "0.0.0";
    } catch {
      cached = "0.0.0";
    }
  }
  return cached;
}
