// A stable counting sort of item numbers by a small integer key, shared by the survey's row order, the signals'
// pairs of groups and the network's links and depth: ordered without a comparator, linear in the items and the key's
// range.

/** `items` stably ordered by key[item] (keys in [0, keys)). */
export function countingOrder(items: ArrayLike<number>, key: ArrayLike<number>, keys: number): Int32Array {
  const next = new Int32Array(keys + 1);
  for (let i = 0; i < items.length; i++) next[key[items[i]] + 1]++;
  for (let k = 0; k < keys; k++) next[k + 1] += next[k];
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) out[next[key[items[i]]]++] = items[i];
  return out;
}

/**
 * Items 0 … n − 1 grouped by key[item] (keys in [0, keys); an item whose key is negative is in no bucket and left
 * out), in item order within a key: key k's items are order[begin[k], begin[k + 1]).
 */
export function countingBuckets(key: ArrayLike<number>, keys: number): { order: Int32Array; begin: Int32Array } {
  const begin = new Int32Array(keys + 1);
  for (let i = 0; i < key.length; i++) if (key[i] >= 0) begin[key[i] + 1]++;
  for (let k = 0; k < keys; k++) begin[k + 1] += begin[k];
  const fill = begin.slice(0, keys);
  const order = new Int32Array(begin[keys]);
  for (let i = 0; i < key.length; i++) if (key[i] >= 0) order[fill[key[i]]++] = i;
  return { order, begin };
}
