/**
 * Appends `items` to `into` one by one. `into.push(...items)` passes every item as an argument, and a list
 * of findings can be longer than V8 allows arguments on its stack (a file full of keys, ~150,000 findings,
 * threw "Maximum call stack size exceeded" and lost the whole report). A function of its own: the loop
 * inlined into scanFileBytes made that hot, and TurboFan compiled it with the Buffer code it inlines.
 */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i] as T);
}
