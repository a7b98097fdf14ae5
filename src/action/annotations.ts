/**
 * The fallback when the token may not write check runs (a fork's pull request, no `checks: write`):
 * workflow-command annotations. GitHub shows at most 10 errors, 10 warnings and 10 notices of one step
 * (50 a job); beyond that they would be dropped silently. So each level shows its 9 most severe
 * findings and a 10th annotation that says how many more there are and where to read them; every
 * annotation is also printed in the step's log.
 */
import type { CheckAnnotation } from "../core/report/check-run.js";
import { visibleControls } from "../core/report/markdown.js";
import { addToGroup } from "../core/collections.js";

/** What GitHub displays per level and step. */
const ANNOTATIONS_SHOWN_PER_STEP = 10;

export type WorkflowLevel = "error" | "warning" | "notice";

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface AnnotationSink {
  annotate(level: WorkflowLevel, message: string, properties: AnnotationProperties): void;
  log(line: string): void;
}

const LEVEL: Record<CheckAnnotation["annotation_level"], WorkflowLevel> = { failure: "error", warning: "warning", notice: "notice" };

function propertiesOf(a: CheckAnnotation): AnnotationProperties {
  const props: AnnotationProperties = { file: a.path, startLine: a.start_line, endLine: a.end_line };
  if (a.title) props.title = a.title;
  if (a.start_column !== undefined && a.start_line === a.end_line) {
    props.startColumn = a.start_column;
    if (a.end_column !== undefined) props.endColumn = a.end_column;
  }
  return props;
}

/**
 * Emits the annotations (already most severe first) within GitHub's display limits; `elsewhere` says
 * where the complete list is (the job summary, the SARIF file). Returns how many were annotated.
 */
export function emitWorkflowAnnotations(annotations: readonly CheckAnnotation[], sink: AnnotationSink, elsewhere: string): number {
  const byLevel = new Map<WorkflowLevel, CheckAnnotation[]>();
  for (const a of annotations) {
    const level = LEVEL[a.annotation_level];
    addToGroup(byLevel, level, a);
  }
  let shown = 0;
  for (const level of ["error", "warning", "notice"] as const) {
    const list = byLevel.get(level) ?? [];
    const fits = list.length <= ANNOTATIONS_SHOWN_PER_STEP;
    const annotated = fits ? list : list.slice(0, ANNOTATIONS_SHOWN_PER_STEP - 1);
    for (const a of annotated) sink.annotate(level, a.message, propertiesOf(a));
    shown += annotated.length;
    if (!fits) {
      const rest = list.length - annotated.length;
      sink.annotate(
        level,
        `${rest} more ${level === "error" ? "failing" : level === "warning" ? "warning-level" : "low-severity"} finding(s) are not annotated here: GitHub shows ${ANNOTATIONS_SHOWN_PER_STEP} ${level} annotations per step. Every finding is in ${elsewhere}; every annotation is in this step's log.`,
        { title: `claude-guard: ${rest} more finding(s)` },
      );
    }
  }
  // The complete list in the log: the annotations above are only the first of each level.
  sink.log(`claude-guard: ${annotations.length} annotation(s):`);
  for (const a of annotations) {
    // Control characters made visible: a crafted path must not start a workflow command on a new line.
    sink.log(visibleControls(`  ${a.annotation_level.padEnd(7)} ${a.path}:${a.start_line}${a.start_column ? `:${a.start_column}` : ""}  ${a.title ?? ""}`));
  }
  return shown;
}
