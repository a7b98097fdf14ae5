/** Split a setting's name, `dbPassword`, `DB_PASSWORD`, `new-relic.token`, into lower-case words. */
export function nameWords(name: string): string[] {
  // An ASCII name (nearly all) in one pass over its characters: the patterns below cost each name two
  // replacements, a split and copies, and a file of distinct names (an i18n table: `password_reset_title`,
  // `password_reset_body`, …) spent more on that than on the rest of its scan.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // Lower-casing may turn a character past ASCII into letters (the Kelvin sign into "k"): the patterns decide.
    if (c >= 128) return patternWords(name);
    const upper = c >= 65 && c <= 90;
    if (!upper && !(c >= 97 && c <= 122) && !(c >= 48 && c <= 57)) {
      if (start !== -1) words.push(name.slice(start, i).toLowerCase());
      start = -1;
    } else if (start === -1) start = i;
    else if (upper) {
      // A word ends before a capital after a small letter or a digit (`dbPassword`), and before the last
      // capital of a run that a small letter follows (`HTTPServer`).
      const before = name.charCodeAt(i - 1);
      const after = name.charCodeAt(i + 1);
      if ((before >= 97 && before <= 122) || (before >= 48 && before <= 57) || (before >= 65 && before <= 90 && after >= 97 && after <= 122)) {
        words.push(name.slice(start, i).toLowerCase());
        start = i;
      }
    }
  }
  if (start !== -1) words.push(name.slice(start).toLowerCase());
  return words;
}

/** nameWords of any name, by patterns. */
function patternWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}
