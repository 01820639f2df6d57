// An attacker for signed combinations, independent of src/survey/disclosure.ts and small-support.ts: given the
// respondent sets behind the published figures, a set T of fewer than k respondents is exposed when some nonzero
// linear combination of the figures — any real coefficients — depends on T's answers alone. That holds iff removing
// T's columns from the figures' matrix lowers its rank. Respondents in the same published sets have equal columns
// and a combination treats them alike, so columns are merged into classes (found from the sets themselves, not from
// relaudit's atoms) and T runs over unions of classes smaller than k. Rank is exact: integer elimination in BigInt
// (each row kept divided by the gcd of its entries), no residues and no floating point.
//
// A combination that avoids every class of k or more people lies in the span of the echelon rows whose first
// nonzero is a small class, when the large classes come first; most published sets have none, and then there is
// nothing to enumerate.

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** The rows of an integer matrix in row echelon form (exact, over the rationals), zero rows dropped. */
function echelon(matrix: readonly (readonly (number | bigint)[])[]): bigint[][] {
  const m = matrix.map((row) => row.map((x) => BigInt(x)));
  const cols = m[0]?.length ?? 0;
  let rank = 0;
  for (let c = 0; c < cols && rank < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rank && row[c] !== 0n);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p], m[rank]];
    const pivot = m[rank];
    for (let i = rank + 1; i < m.length; i++) {
      const a = m[i][c];
      if (a === 0n) continue;
      const row = m[i].map((x, j) => x * pivot[c] - a * pivot[j]);
      const g = row.reduce(gcd, 0n);
      m[i] = g > 1n ? row.map((x) => x / g) : row;
    }
    rank++;
  }
  return m.slice(0, rank);
}

/** The rank over the rationals of an integer matrix. */
export const exactRank = (matrix: readonly (readonly (number | bigint)[])[]): number => echelon(matrix).length;

/** Respondents (0..n−1) of fewer than k, at least one, on whose answers alone some combination of the sets depends. */
export function signedLeak(sets: readonly (readonly number[])[], n: number, k: number): number[] | null {
  if (sets.length === 0) return null;
  const member = sets.map((s) => new Set(s));
  const classes = new Map<string, number[]>();
  for (let r = 0; r < n; r++) {
    const key = member.map((s) => (s.has(r) ? 1 : 0)).join("");
    if (!key.includes("1")) continue;
    const list = classes.get(key) ?? [];
    list.push(r);
    classes.set(key, list);
  }
  const columns = [...classes.values()].sort((a, b) => Number(a.length < k) - Number(b.length < k));
  const keyOf = new Map([...classes].map(([key, people]) => [people, key]));
  const large = columns.filter((c) => c.length >= k).length;
  const rows = sets.map((_, i) => columns.map((c) => Number(keyOf.get(c)![i])));
  const small = columns.slice(large);
  // The span's part on small classes (see the top of this file), over the small classes' columns.
  const within = echelon(rows)
    .filter((row) => row.findIndex((x) => x !== 0n) >= large)
    .map((row) => row.slice(large));
  if (within.length === 0) return null;
  const rankWithout = (chosen: readonly number[]) =>
    exactRank(within.map((row) => row.filter((_, i) => !chosen.includes(i))));
  // Depth-first over unions of small classes below k people.
  const search = (from: number, chosen: number[], people: number): number[] | null => {
    if (chosen.length > 0 && rankWithout(chosen) < within.length)
      return chosen.flatMap((i) => small[i]).sort((a, b) => a - b);
    for (let i = from; i < small.length; i++) {
      if (people + small[i].length >= k) continue;
      const found = search(i + 1, [...chosen, i], people + small[i].length);
      if (found) return found;
    }
    return null;
  };
  return search(0, [], 0);
}

/** Respondents numbered atom by atom: atom a of size n holds the next n numbers. */
export function expand(sizes: readonly number[]): number[][] {
  let next = 0;
  return sizes.map((n) => Array.from({ length: n }, () => next++));
}
