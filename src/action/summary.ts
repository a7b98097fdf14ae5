/**
 * The job summary's Markdown: the check run's own table and text (src/core/report/check-run.ts), where
 * else the findings went, and the audit record. Pure, so the screenshots script renders exactly what a
 * workflow run writes.
 */
import type { CheckRunOutput } from "../core/report/check-run.js";
import { plural } from "../core/report/plural.js";
import type { PublishResult } from "../github/check-runs.js";

interface JobSummaryInput {
  rendered: CheckRunOutput;
  /** The check run, when the step had a token to create one. */
  published?: PublishResult;
  sarifFile: string;
  /** How many findings went out as workflow annotations (when there is no check run). */
  annotated: number;
  /** The audit record's section (src/action/audit.ts auditMarkdown). */
  auditSection: string;
}

export function jobSummaryMarkdown(input: JobSummaryInput): string {
  const { rendered } = input;
  return [
    "## claude-guard",
    "",
    rendered.summary.trimEnd(),
    "",
    reportingSection(input),
    "",
    ...(rendered.text ? ["<details><summary>Details</summary>", "", rendered.text.trimEnd(), "", "</details>", ""] : []),
    input.auditSection,
  ].join("\n");
}

/** Where the findings went besides the summary's table: counts that are true, nothing on a clean run. */
function reportingSection({ published, sarifFile, annotated, rendered }: JobSummaryInput): string {
  const sarif = `SARIF: \`${sarifFile}\` (output \`sarif-file\`), one result per finding, ready for \`github/codeql-action/upload-sarif\`.`;
  if (rendered.table.findings === 0) return sarif;
  const annotations = rendered.annotations.length;
  if (published?.status === "created") {
    return `${sarif} The \`claude-guard\` check run${published.url ? ` ([open](${published.url}))` : ""} carries ${plural(published.annotations, "annotation")}.`;
  }
  const why = !published
    ? "no check run was created (no `github-token`)"
    : published.status === "forbidden"
      ? `no check run: the token may not write check runs (HTTP ${published.httpStatus}: give the job \`permissions: checks: write\`; a pull request from a fork gets a read-only token whatever the workflow asks)`
      : `no check run: creating it failed (${published.message})`;
  const cut = annotations > annotated ? `; GitHub shows 10 per level and step, so ${annotations - annotated} more are only in the step's log` : "";
  return `${sarif} ${why[0]?.toUpperCase()}${why.slice(1)}: ${annotated} of ${plural(annotations, "annotation")} shown as workflow annotations${cut}.`;
}
