// Small sets of atoms whose null-space signatures sum to zero: the search behind src/survey/disclosure.ts.

import { P } from "./residues.js";

/** Above this many half-sets the search is not tried and the figure is withheld (never a miss, only a loss). */
const MAX_HALVES = 4_000_000;

/**
 * A non-empty set of atoms of total size below k whose signatures sum to zero, or null. Any such set has at most
 * k − 1 atoms, so it splits into two halves of at most ⌈(k − 1)/2⌉ atoms each: every half is listed once in flat
 * typed arrays, indexed by its signature in an open-addressing table, and matched against the negation of another
 * (meet in the middle). When the halves would be too many, the set of all small atoms is returned: the caller
 * withholds the figure, which is safe.
 */
export function smallZeroSum(w1: Int32Array, w2: Int32Array, sizes: ArrayLike<number>, k: number): number[] | null {
  const budget = k - 1;
  const small: number[] = [];
  for (let a = 0; a < sizes.length; a++) if (sizes[a] > 0 && sizes[a] <= budget) small.push(a);
  for (const a of small) if (w1[a] === 0 && w2[a] === 0) return [a];
  const half = Math.ceil(budget / 2);
  let estimate = 0;
  for (let t = 1, c = 1; t <= half; t++) estimate += c = (c * (small.length - t + 1)) / t;
  if (estimate > MAX_HALVES) return small;
  const halves = enumerateHalves(small, w1, w2, sizes, half, budget, estimate);
  const { count, atoms, s1, s2, size } = halves;
  const mask = (1 << Math.ceil(Math.log2(2 * count + 2))) - 1;
  const table = new Int32Array(mask + 1).fill(-1);
  const next = new Int32Array(count);
  const slot = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
  for (let i = 0; i < count; i++) {
    const h = slot(s1[i], s2[i]);
    next[i] = table[h];
    table[h] = i;
  }
  const members = (i: number) => Array.from(atoms.subarray(i * half, (i + 1) * half)).filter((a) => a >= 0);
  for (let x = 0; x < count; x++) {
    if (s1[x] === 0 && s2[x] === 0) return members(x);
    const n1 = (P - s1[x]) % P;
    const n2 = (P - s2[x]) % P;
    for (let y = table[slot(n1, n2)]; y >= 0; y = next[y]) {
      if (s1[y] !== n1 || s2[y] !== n2 || size[x] + size[y] > budget) continue;
      const mine = members(x);
      const theirs = members(y);
      if (theirs.some((a) => mine.includes(a))) continue;
      return [...mine, ...theirs].sort((a, b) => a - b);
    }
  }
  return null;
}

/** Every set of 1..half small atoms within the size budget, with its signature sums (flat arrays; −1 pads). */
function enumerateHalves(
  small: readonly number[],
  w1: Int32Array,
  w2: Int32Array,
  sizes: ArrayLike<number>,
  half: number,
  budget: number,
  /** Subsets of `small` of 1 to `half` atoms, counted by the caller. */
  capacity: number,
) {
  const atoms = new Int32Array(capacity * half).fill(-1);
  const s1 = new Int32Array(capacity);
  const s2 = new Int32Array(capacity);
  const size = new Uint16Array(capacity);
  let count = 0;
  const chosen = new Int32Array(half);
  // Depth-first over combinations in increasing order, without recursion or allocation.
  const sum1 = new Int32Array(half + 1);
  const sum2 = new Int32Array(half + 1);
  const total = new Int32Array(half + 1);
  const position = new Int32Array(half).fill(-1);
  let depth = 0;
  position[0] = -1;
  while (depth >= 0) {
    const i = ++position[depth];
    if (i >= small.length) {
      depth--;
      continue;
    }
    const a = small[i];
    if (total[depth] + sizes[a] > budget) continue;
    chosen[depth] = a;
    sum1[depth + 1] = (sum1[depth] + w1[a]) % P;
    sum2[depth + 1] = (sum2[depth] + w2[a]) % P;
    total[depth + 1] = total[depth] + sizes[a];
    for (let j = 0; j <= depth; j++) atoms[count * half + j] = chosen[j];
    s1[count] = sum1[depth + 1];
    s2[count] = sum2[depth + 1];
    size[count] = total[depth + 1];
    count++;
    if (depth + 1 < half) {
      depth++;
      position[depth] = i;
    }
  }
  return { count, atoms, s1, s2, size };
}
