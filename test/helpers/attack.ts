// The reader who wants one person's answer, independent of src/survey/disclosure.ts: given the respondent sets behind
// every published figure (each a sum, and a count, over its set), find any set of fewer than k respondents whose sum
// a linear combination of the figures gives. Floating-point Gauss–Jordan elimination with partial pivoting over the
// respondents themselves (not atoms), then a depth-first search over the echelon rows: a 0/1 vector of the span is
// the sum of the rows whose pivots it contains, and every column left of the next pivot is final once the rows
// before it are chosen, so impossible choices are cut early.
const EPS = 1e-7;

export interface Leak {
  /** Respondent indices whose sum the published figures reveal. */
  respondents: number[];
}

function echelon(sets: readonly (readonly number[])[], n: number): { pivot: number; v: Float64Array }[] {
  const rows = sets.map((s) => {
    const v = new Float64Array(n);
    for (const r of s) v[r] = 1;
    return v;
  });
  const result: { pivot: number; v: Float64Array }[] = [];
  let top = 0;
  for (let col = 0; col < n && top < rows.length; col++) {
    let best = top;
    for (let i = top + 1; i < rows.length; i++) if (Math.abs(rows[i][col]) > Math.abs(rows[best][col])) best = i;
    if (Math.abs(rows[best][col]) < EPS) continue;
    [rows[top], rows[best]] = [rows[best], rows[top]];
    const p = rows[top];
    const scale = p[col];
    for (let j = 0; j < n; j++) p[j] /= scale;
    for (let i = 0; i < rows.length; i++) {
      if (i === top || Math.abs(rows[i][col]) < EPS) continue;
      const f = rows[i][col];
      for (let j = 0; j < n; j++) rows[i][j] -= f * p[j];
    }
    result.push({ pivot: col, v: p });
    top++;
  }
  return result;
}

/** A set of 1..k−1 respondents (of n) whose sum the published sets reveal, or null. */
export function findLeak(sets: readonly (readonly number[])[], n: number, k: number): Leak | null {
  const rows = echelon(sets, n);
  const acc = new Float64Array(n);
  const chosen: number[] = [];
  // Columns from `from` (inclusive) to `to` (exclusive) are final: each must be 0 or 1; returns the ones, or −1.
  const settle = (from: number, to: number): number => {
    let ones = 0;
    for (let c = from; c < to; c++) {
      const x = acc[c];
      if (Math.abs(x) < EPS) continue;
      if (Math.abs(x - 1) < EPS) ones++;
      else return -1;
    }
    return ones;
  };
  const search = (i: number, from: number, ones: number): number[] | null => {
    if (ones > k - 1) return null;
    if (i === rows.length) {
      const tail = settle(from, n);
      if (tail < 0 || ones + tail === 0 || ones + tail > k - 1) return null;
      const members: number[] = [];
      for (let c = 0; c < n; c++) if (Math.abs(acc[c] - 1) < EPS) members.push(c);
      return members;
    }
    const { pivot, v } = rows[i];
    const before = settle(from, pivot);
    if (before < 0) return null;
    for (const take of [false, true]) {
      if (take) for (let c = 0; c < n; c++) acc[c] += v[c];
      if (take) chosen.push(i);
      const found = search(i + 1, pivot + 1, ones + before + (take ? 1 : 0));
      if (take) for (let c = 0; c < n; c++) acc[c] -= v[c];
      if (take) chosen.pop();
      if (found) return found;
    }
    return null;
  };
  const members = search(0, 0, 0);
  return members ? { respondents: members } : null;
}

/** The rank of `rows` by elimination with partial pivoting; the rows are its own to change. */
export function floatRank(m: Float64Array[]): number {
  let rank = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rank < m.length; c++) {
    let best = rank;
    for (let i = rank + 1; i < m.length; i++) if (Math.abs(m[i][c]) > Math.abs(m[best][c])) best = i;
    if (Math.abs(m[best][c]) < EPS) continue;
    [m[rank], m[best]] = [m[best], m[rank]];
    for (let i = rank + 1; i < m.length; i++) {
      const f = m[i][c] / m[rank][c];
      for (let j = c; j < cols; j++) m[i][j] -= f * m[rank][j];
    }
    rank++;
  }
  return rank;
}

/**
 * Figures that weigh each person's answers (a mean of the items each answered, an item total): a set of fewer than
 * k people such that some nonzero combination of the figures depends on their answers alone, or null. By brute
 * force over the people: removing their unknowns (person, item) lowers the rank of the figures iff such a
 * combination exists.
 */
export function weightedLeak(
  answered: readonly (readonly boolean[])[],
  figures: readonly ((person: number, item: number) => number)[],
  k: number,
): number[] | null {
  const unknowns = answered.flatMap((items, p) => items.flatMap((a, i) => (a ? [[p, i] as const] : [])));
  // Each figure's weight on each unknown, worked out once: the search below asks for thousands of subsets of it.
  const weights = figures.map((f) => unknowns.map(([p, i]) => f(p, i)));
  const matrix = (without: ReadonlySet<number>) => {
    const kept: number[] = [];
    for (let u = 0; u < unknowns.length; u++) if (!without.has(unknowns[u][0])) kept.push(u);
    return weights.map((row) => {
      const v = new Float64Array(kept.length);
      for (let j = 0; j < kept.length; j++) v[j] = row[kept[j]];
      return v;
    });
  };
  const full = floatRank(matrix(new Set()));
  const people = answered.length;
  const search = (from: number, chosen: number[]): number[] | null => {
    if (chosen.length > 0 && floatRank(matrix(new Set(chosen))) < full) return [...chosen];
    if (chosen.length === k - 1) return null;
    for (let p = from; p < people; p++) {
      const found = search(p + 1, [...chosen, p]);
      if (found) return found;
    }
    return null;
  };
  return search(0, []);
}
