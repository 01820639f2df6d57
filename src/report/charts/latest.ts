// The latest results of a costly pure function, by key. Drawing a chart is a pure function of its spec and texts (the
// golden outputs pin that the same chart comes out byte for byte), and a process that draws the same chart again gets
// the first drawing back. A CLI run draws each chart once; the test workers share modules across files (vitest's
// isolate: false) and drew the demo's charts up to 15 times each: 179 of 262 drawings in a whole run were repeats.

/** `compute` wrapped so that the latest `limit` keys' results are kept; a rejected result is not kept. */
export function keepLatest<A extends unknown[], T>(
  limit: number,
  key: (...args: A) => string,
  compute: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (...args) => {
    const k = key(...args);
    const hit = kept.get(k);
    // Deleted and set again, so the map's order stays the order of last use and the oldest goes first.
    if (hit) kept.delete(k);
    const result = hit ?? compute(...args);
    kept.set(k, result);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    result.catch(() => kept.get(k) === result && kept.delete(k));
    return result;
  };
}

/**
 * A key for plain data, as JSON but with what JSON would merge or drop spelled out (NaN, ±Infinity and undefined
 * become null or vanish; a Date becomes its string), so that two values differing only there get different keys.
 */
export function dataKey(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, name: string, converted: unknown) {
    const raw = this[name];
    if (raw === undefined || (typeof raw === "number" && !Number.isFinite(raw))) return { "\u0000": String(raw) };
    if (raw instanceof Date) return { "\u0000date": raw.getTime() };
    return converted;
  });
}
