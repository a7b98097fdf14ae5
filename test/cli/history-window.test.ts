/** --since, --until and --max-commits as parseCommandLine reads them (pure: no git). */
import { describe, expect, it } from "@jest/globals";
import { parseCommandLine } from "../../src/cli/args.js";
import { dateBound } from "../../src/core/date-bound.js";

describe("history window flags", () => {
  it("reads bare days as whole days, ISO times as they are, and a count", () => {
    const cmd = parseCommandLine(["scan", "--git", "--since", "2026-02-01", "--until", "2026-02-28", "--max-commits", "50"]);
    expect(cmd).toMatchObject({ command: "scan", window: { since: new Date("2026-02-01T00:00:00.000Z"), until: new Date("2026-02-28T23:59:59.999Z"), maxCommits: 50 } });
    expect(dateBound("2026-02-30", false)).toBeUndefined();
    expect(dateBound("2026-02-03T10:00:00+02:00", false)).toBe(Date.parse("2026-02-03T08:00:00Z"));
  });

  it("refuses what is not a window, and a window without --git", () => {
    expect(() => parseCommandLine(["scan", "--git", "--since", "yesterday"])).toThrow(/--since: "yesterday" is not a date/);
    expect(() => parseCommandLine(["scan", "--git", "--since", "2026-03-01", "--until", "2026-02-01"])).toThrow(/--since is after --until/);
    expect(() => parseCommandLine(["scan", "--git", "--max-commits", "-3"])).toThrow();
    expect(() => parseCommandLine(["scan", "--git", "--max-commits", "1.5"])).toThrow(/whole number/);
    expect(() => parseCommandLine(["scan", ".", "--max-commits", "3"])).toThrow(/go with --git/);
  });
});
