/**
 * The SARIF logs renderSarif writes, checked by Microsoft's validator with GitHub's code-scanning rules.
 * It runs a .NET program in a child process, so it is an end-to-end suite (`npm run test:e2e`).
 */
import { execFileSync } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { renderSarif } from "../../src/core/report/index.js";
import { fullReport, parse, report, RULES } from "./sarif-fixtures.js";

/*
 * Microsoft's SARIF Multitool (npm: @microsoft/sarif-multitool; its Linux binary ships in
 * @microsoft/sarif-multitool-linux). Found through SARIF_MULTITOOL or the project's node_modules.
 * Note: it exits 0 even when it reports errors, so the test reads its output. It is called directly
 * (not through the npm bin wrapper, which runs a shell that would split "Gh;Sarif" at the semicolon).
 */
function findMultitool(): string | undefined {
  const candidates = [
    process.env["SARIF_MULTITOOL"],
    resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"),
    resolve("node_modules/@microsoft/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"),
  ];
  if (process.platform !== "linux") return process.env["SARIF_MULTITOOL"];
  for (const candidate of candidates) {
    if (!candidate || !existsSync(candidate)) continue;
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      try {
        chmodSync(candidate, 0o755); // npm may skip the package's own `chmod u+x` install script
      } catch {
        continue;
      }
    }
    return candidate;
  }
  return undefined;
}

const multitool = findMultitool();
const SKIP_NOTE =
  "SKIPPED: SARIF Multitool not installed (npm i -D @microsoft/sarif-multitool, or set SARIF_MULTITOOL)";
if (!multitool) console.warn(`[report/sarif.test] ${SKIP_NOTE}`);
const withTool = multitool ? test : test.skip;

function validate(sarif: string): { errors: string[]; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "claude-guard-sarif-"));
  try {
    const file = join(dir, "report.sarif");
    writeFileSync(file, sarif);
    const output = execFileSync(multitool as string, ["validate", "--rule-kind", "Gh;Sarif", file], {
      encoding: "utf8",
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
      timeout: 60_000,
    });
    const errors = output.split(/\r?\n/).filter((line) => /:\s+error\s+[A-Z]+\d+/.test(line));
    return { errors, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe(multitool ? "SARIF Multitool validate --rule-kind Gh;Sarif" : `SARIF Multitool: ${SKIP_NOTE}`, () => {
  withTool("the tool is really checking: a broken log yields errors", () => {
    const broken = parse(renderSarif(fullReport(), RULES));
    delete broken.runs[0].tool.driver.rules[0].help;
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    const { errors } = validate(JSON.stringify(broken));
    expect(errors.some((e) => e.includes("GH2012"))).toBe(true);
    expect(errors.some((e) => e.includes("JSON1008"))).toBe(true);
  });

  withTool("a full report has zero errors", () => {
    const { errors, output } = validate(renderSarif(fullReport(), RULES));
    expect(output).toContain("Analysis completed successfully");
    expect(errors).toEqual([]);
  });

  withTool("an empty report has zero errors", () => {
    const { errors, output } = validate(renderSarif(report([]), RULES));
    expect(output).toContain("Analysis completed successfully");
    expect(errors).toEqual([]);
  });
});
