// The latest drawings kept, by what they were drawn from, for a process that draws the same chart more than once.
// Drawing is a function of the spec and texts but for the ids Vega numbers across the whole process (clip paths), so
// that the charts of one page never share one: a kept drawing has its first drawing's ids, which no later drawing
// reuses. A CLI run draws each chart once and keeps none: that is the default. The test workers share modules across
// files (vitest's isolate: false) and drew the demo's charts up to 15 times each (179 of 262 drawings in a whole run
// were repeats), so test/helpers/keep-drawings.ts has them keep the latest 32.

/** Every kept set, so that a new limit applies to all of them. */
const keptSets: Map<string, unknown>[] = [];
let limit = 0;

function trim(kept: Map<string, unknown>): void {
  while (kept.size > limit) kept.delete(kept.keys().next().value!);
}

/**
 * How many of the latest drawings each kind of drawing (SVG, PNG) keeps in this process; 0, the default, keeps none
 * and forgets what was kept. Returns the limit it replaces, for a caller that sets it back.
 */
export function keepDrawings(count: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`drawings kept must be 0 or more, not ${count}`);
  const before = limit;
  limit = count;
  for (const kept of keptSets) trim(kept);
  return before;
}

/** `compute` wrapped so that, while drawings are kept, the latest keys' results are; a rejected result is not kept. */
export function keepLatest<A extends unknown[], T>(
  key: (...args: A) => string,
  compute: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  keptSets.push(kept);
  return (...args) => {
    // Not even the key is worked out when nothing is kept (1–2 ms for the demo's charts).
    if (limit === 0) return compute(...args);
    const k = key(...args);
    const hit = kept.get(k);
    // Deleted and set again, so the map's order stays the order of last use and the oldest goes first.
    if (hit) kept.delete(k);
    const result = hit ?? compute(...args);
    kept.set(k, result);
    trim(kept);
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
