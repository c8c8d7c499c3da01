/** Puts `value` first, drops its older copy, keeps at most `cap`: the shape of every "recent" list here. */
export function pushRecent<T>(
  list: readonly T[],
  value: T,
  cap: number,
  key: (x: T) => unknown = (x) => x,
): T[] {
  if (cap <= 0) return [];
  const k = key(value);
  return [value, ...list.filter((x) => key(x) !== k)].slice(0, cap);
}
