/**
 * "The env-var form of the same line": the line Claude was about to write, with each literal credential
 * replaced by the expression that reads it from the environment in the file's language (fix-hints.ts).
 * Shown to Claude in a denied tool call, so it can write the line again the right way at once.
 *
 * Conservative on purpose: a line is only shown when every finding on it could be replaced in a way
 * that is still valid code; otherwise the caller shows the snippet alone. The rewritten line is checked
 * to hold none of the values it replaced, so it can never carry a secret back out.
 */
import { envVarName, type FileLanguage } from "../core/report/fix-hints.js";
import type { Finding } from "../core/types.js";

/** Languages whose `read(env)` is an expression that replaces a whole string literal. */
const EXPRESSION_LANGUAGES = new Set([
  "javascript", "typescript", "python", "java", "kotlin", "groovy", "scala", "go", "ruby", "php", "csharp", "rust",
  "swift", "elixir", "dart", "c", "lua", "perl", "r", "powershell", "terraform",
]);
/** Languages with `${NAME}` substitution that also works inside a string. */
const SUBSTITUTING_LANGUAGES = new Set(["yaml", "compose", "github-workflow", "properties", "xml", "makefile"]);

const QUOTES = new Set(["\"", "'", "`"]);
/** Longest rewritten line shown; a longer one is cut around the first replacement. */
const MAX_SHOWN = 220;

type LineFinding = Pick<Finding, "rule" | "message" | "column" | "endColumn" | "category">;

/**
 * The line with every finding's value replaced by its environment read, or undefined when that cannot
 * be done safely (a value inside a larger string in code, single-quoted shell, a multi-line value).
 */
export function envFormOfLine(line: string, findings: readonly LineFinding[], language: FileLanguage): string | undefined {
  if (findings.length === 0) return undefined;
  const inline = EXPRESSION_LANGUAGES.has(language.id) || SUBSTITUTING_LANGUAGES.has(language.id) || language.id === "shell";
  if (!inline) return undefined;
  const values: string[] = [];
  let out = line;
  // Right to left, so earlier columns stay valid.
  const ordered = [...findings].sort((a, b) => b.column - a.column);
  let previousStart = Number.POSITIVE_INFINITY;
  for (const finding of ordered) {
    const start = finding.column - 1;
    const end = finding.endColumn - 1;
    if (start < 0 || end > line.length || end <= start || end > previousStart) return undefined;
    previousStart = start;
    values.push(line.slice(start, end));
    const env = envVarName(finding);
    const replaced = replaceValue(out, start, end, env, language);
    if (replaced === undefined) return undefined;
    out = replaced;
  }
  // Belt and braces: the rewritten line must not hold any replaced value.
  if (values.some((v) => v.length >= 4 && out.includes(v))) return undefined;
  return shorten(out, ordered[ordered.length - 1]?.column ?? 1);
}

function replaceValue(text: string, start: number, end: number, env: string, language: FileLanguage): string | undefined {
  const before = text[start - 1];
  const after = text[end];
  if (EXPRESSION_LANGUAGES.has(language.id)) {
    // Only a whole string literal can become an expression: "Bearer <token>" would need concatenation.
    if (before === undefined || !QUOTES.has(before) || after !== before) return undefined;
    return text.slice(0, start - 1) + language.read(env) + text.slice(end + 1);
  }
  if (language.id === "shell") {
    const prefix = text.slice(0, start);
    // Inside single quotes nothing expands; a multi-line value cannot be rewritten on one line either.
    if (count(prefix, "'") % 2 === 1) return undefined;
    const insideDouble = count(prefix, "\"") % 2 === 1;
    return prefix + (insideDouble ? `\${${env}}` : `"\${${env}}"`) + text.slice(end);
  }
  // ${NAME} substitution: in place, quoted or not.
  return text.slice(0, start) + language.read(env) + text.slice(end);
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === ch && text[i - 1] !== "\\") n++;
  return n;
}

/** Keep long lines (a long shell command) readable: a window around the first replacement. */
function shorten(rewritten: string, firstColumn: number): string {
  const trimmed = rewritten.trim();
  if (trimmed.length <= MAX_SHOWN) return trimmed;
  const indent = rewritten.length - rewritten.trimStart().length;
  const center = Math.max(0, firstColumn - 1 - indent);
  const from = Math.max(0, Math.min(center - 60, trimmed.length - MAX_SHOWN));
  return (from > 0 ? "…" : "") + trimmed.slice(from, from + MAX_SHOWN) + (from + MAX_SHOWN < trimmed.length ? "…" : "");
}
