/**
 * Two list operations sized for reports of any length. Both were written inline before, in forms that
 * break at scale: `into.push(...items)` passes every item as an argument (past ~120,000 V8's stack
 * overflows: a file full of keys threw "Maximum call stack size exceeded" and lost the whole report),
 * and `map.set(key, [...(map.get(key) ?? []), item])` copies a group for each item it gains (quadratic:
 * a check run of 20,000 findings of one rule took seconds, of 360,000 more than ten minutes).
 */

/** Appends `items` to `into` one by one. A function of its own: the loop inlined into scanFileBytes made that hot, and TurboFan compiled it with the Buffer code it inlines. */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i] as T);
}

/** Adds `item` to the group of `key` in `groups`, starting the group if it has none. */
export function addToGroup<K, T>(groups: Map<K, T[]>, key: K, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
