// A stable counting sort of item numbers by a small integer key, shared by the survey's row order and the signals'
// pairs of groups: ordered without a comparator, linear in the items and the key's range.

/** `items` stably ordered by key[item] (keys in [0, keys)). */
export function countingOrder(items: ArrayLike<number>, key: ArrayLike<number>, keys: number): Int32Array {
  const next = new Int32Array(keys + 1);
  for (let i = 0; i < items.length; i++) next[key[items[i]] + 1]++;
  for (let k = 0; k < keys; k++) next[k + 1] += next[k];
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) out[next[key[items[i]]]++] = items[i];
  return out;
}
