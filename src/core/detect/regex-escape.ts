/**
 * Text written into a regex. A module of its own: the placeholder classifier, which every scan loads
 * up front, needs it as well as the rule kit, which is loaded with the rules.
 */

/** `text` as a regex literal, safe inside a character class too (`-` and `/` escaped). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
