/**
 * The README's command-line block lists every option the CLI accepts, and no option it does not: the
 * option tables are read from every module that parses a command line, so a new flag fails this test
 * until the README names it. The block also names every option of `claude-guard --help`.
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MAIN_OPTIONS, USAGE } from "../../src/cli/args.js";
import { AUDIT_EXPORT_OPTIONS, AUDIT_VERIFY_OPTIONS } from "../../src/cli/audit.js";
import { HOOK_EVENT_OPTIONS, HOOK_INSTALL_OPTIONS } from "../../src/hook/cli.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));
const flags = (text: string): Set<string> => new Set(text.match(/(?<![\w-])(?:--[a-z][a-z-]*|-[a-z])(?![\w-])/g) ?? []);

function readmeBlock(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## Command line"));
  const start = section.indexOf("```") + 3;
  return section.slice(start, section.indexOf("```", start));
}

/** Each source file that parses a command line, with the option tables (`*_OPTIONS`) it exports. */
async function optionTables(): Promise<Map<string, Array<Record<string, { short?: string }>>>> {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith("core/command-line.ts"));
  const tables = new Map<string, Array<Record<string, { short?: string }>>>();
  for (const file of files) {
    const text = readFileSync(join(SRC, file), "utf8");
    if (!/\b(?:parseFlags|parseArgs)\(/.test(text)) continue;
    const mod = (await import(pathToFileURL(join(SRC, file)).href)) as Record<string, unknown>;
    tables.set(
      relative(SRC, join(SRC, file)),
      Object.entries(mod)
        .filter(([name, value]) => name.endsWith("_OPTIONS") && typeof value === "object" && value !== null)
        .map(([, value]) => value as Record<string, { short?: string }>),
    );
  }
  return tables;
}

describe("README options block", () => {
  it("lists every flag the CLI accepts, and only those", async () => {
    const tables = await optionTables();
    // Every parser exports its table, so that none escapes this comparison.
    expect([...tables].filter(([, list]) => list.length === 0).map(([file]) => file)).toEqual([]);
    const accepted = new Set([...tables.values()].flat().flatMap((table) => Object.entries(table).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])])));
    const listed = flags(readmeBlock());
    expect([...accepted].filter((f) => !listed.has(f)).sort()).toEqual([]);
    expect([...listed].filter((f) => !accepted.has(f)).sort()).toEqual([]);
    // The tables this test must find; more may come.
    expect([...tables.values()].flat()).toEqual(expect.arrayContaining([MAIN_OPTIONS, AUDIT_EXPORT_OPTIONS, AUDIT_VERIFY_OPTIONS, HOOK_EVENT_OPTIONS, HOOK_INSTALL_OPTIONS]));
  });

  it("names every option of `claude-guard --help`", () => {
    const options = USAGE.slice(USAGE.indexOf("Options:"), USAGE.indexOf("Exit status"));
    const listed = flags(readmeBlock());
    expect([...flags(options)].filter((flag) => !listed.has(flag))).toEqual([]);
  });
});
