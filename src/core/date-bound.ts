/** Dates given on the command line (`--since`, `--until`): a bare day, or an ISO 8601 time. */

/**
 * A date bound in ms, or undefined when `text` is not a date. A bare day is UTC midnight as a start
 * and the end of that day as an end, so `--since 2025-03-03 --until 2025-03-09` is the whole week.
 */
export function dateBound(text: string, end: boolean): number | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // Date.UTC rolls 2025-02-30 over to March: reject dates that do not exist.
    if (new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
    return end ? ms + 24 * 3600 * 1000 - 1 : ms;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(Date.parse(text))) return undefined;
  return Date.parse(text);
}

/** What to say about a flag's value that is not a date. */
export function notADate(flag: string, text: string): string {
  return `${flag}: "${text}" is not a date (use YYYY-MM-DD or an ISO 8601 time)`;
}
