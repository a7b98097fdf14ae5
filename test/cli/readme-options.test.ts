/** The README's command-line block lists every option the CLI's help lists, so neither drifts from the other. */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { USAGE } from "../../src/cli/args.js";

const flags = (text: string): Set<string> => new Set(text.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? []);

describe("README options block", () => {
  it("names every option of `claude-guard --help`", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## Command line"));
    const block = section.slice(section.indexOf("```") + 3, section.indexOf("```", section.indexOf("```") + 3));
    const options = USAGE.slice(USAGE.indexOf("Options:"), USAGE.indexOf("Exit status"));
    const missing = [...flags(options)].filter((flag) => !flags(block).has(flag) && flag !== "--help" && flag !== "--version");
    expect(missing).toEqual([]);
    expect([...flags(block)]).toEqual(expect.arrayContaining(["--quiet", "--verbose"]));
  });
});
