/** "1 finding", "3 findings": a count with its noun, the plural given when it is not the noun + "s". */
export function plural(count: number, one: string, many = one + "s"): string {
  return `${count} ${count === 1 ? one : many}`;
}
