/** Replaces one character of a token (the middle one by default) by another of the same class. */
export function tamper(token: string, at = Math.floor(token.length / 2)): string {
  const ch = token[at] as string;
  const swapped = /[0-9]/.test(ch) ? (ch === "7" ? "3" : "7") : /[a-z]/.test(ch) ? (ch === "q" ? "w" : "q") : ch === "Q" ? "W" : "Q";
  return token.slice(0, at) + swapped + token.slice(at + 1);
}
