/**
 * Mermaid charts as GitHub renders them in Markdown (a fenced `mermaid` block): the audit issue's and the
 * inventory's. Every label goes through one quoting, so text from records (teams, repositories) can
 * neither close its quote nor end the block.
 */

/** A quoted label: quotes, backticks, angle brackets and line breaks dropped. */
const mermaidLabel = (text: string): string => `"${text.replace(/["`\n\r<>]/g, "")}"`;

interface XyChart {
  title?: string;
  xLabels: readonly string[];
  yTitle: string;
  /** One line or bar per series, in the palette's order. */
  series: ReadonlyArray<{ kind: "line" | "bar"; values: readonly number[] }>;
  /** Colours (hex) of the series, when the default theme's are not wanted. */
  palette?: readonly string[];
}

/** An `xychart-beta` block; the y axis runs from 0 to the largest value (at least 1). */
export function xyChart(chart: XyChart): string[] {
  const top = Math.max(1, ...chart.series.flatMap((s) => s.values));
  return [
    "```mermaid",
    ...(chart.palette ? [`%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${chart.palette.join(", ")}"}}}}%%`] : []),
    "xychart-beta",
    ...(chart.title !== undefined ? [`  title ${mermaidLabel(chart.title)}`] : []),
    `  x-axis [${chart.xLabels.map(mermaidLabel).join(", ")}]`,
    `  y-axis ${mermaidLabel(chart.yTitle)} 0 --> ${top}`,
    ...chart.series.map((s) => `  ${s.kind} [${s.values.join(", ")}]`),
    "```",
  ];
}

/** A `pie showData` block of totals by label, with an optional title. */
export function pieChart(totals: ReadonlyArray<readonly [string, number]>, title?: string): string[] {
  return ["```mermaid", title === undefined ? "pie showData" : `pie showData title ${title}`, ...totals.map(([key, n]) => `  ${mermaidLabel(key)} : ${n}`), "```"];
}
