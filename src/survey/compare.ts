// Two independent samples (a group in two waves, or two groups' ratings of each other): Welch's t as R
// t.test(var.equal = FALSE), Hedges' g with a normal-approximation 95% CI (Borenstein et al. 2009, ch. 4), and
// Mann–Whitney U as R wilcox.test(exact = FALSE, correct = TRUE). Inputs contain no NaN.
import { normalCdf, studentTCdf, studentTQuantile, Z_975 } from "../stats/distributions.js";

export interface Welch {
  /** mean(y) − mean(x). */
  difference: number;
  ci: [number, number];
  t: number;
  df: number;
  p: number;
}

function meanVar(xs: ArrayLike<number>): { n: number; mean: number; variance: number } {
  const n = xs.length;
  const mean = sumOf(xs) / n;
  return { n, mean, variance: squaredDeviations(xs, mean) / (n - 1) };
}

// Each loop alone in its function, nothing after it but a return (the first call is a wave's whole sample):
// see docs/architecture.md, "Long loops in code that runs once".
function sumOf(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i];
  return sum;
}

function squaredDeviations(xs: ArrayLike<number>, mean: number): number {
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - mean) ** 2;
  return ss;
}

/** Welch's unequal-variance t test of y against x; null when either sample has < 2 values or both have no spread. */
export function welchTest(x: ArrayLike<number>, y: ArrayLike<number>): Welch | null {
  if (x.length < 2 || y.length < 2) return null;
  const a = meanVar(x);
  const b = meanVar(y);
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return null;
  const difference = b.mean - a.mean;
  const t = difference / se;
  // Welch–Satterthwaite degrees of freedom.
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const p = 2 * studentTCdf(-Math.abs(t), df);
  const half = studentTQuantile(0.975, df) * se;
  return { difference, ci: [difference - half, difference + half], t, df, p };
}

export interface HedgesG {
  g: number;
  ci: [number, number];
}

/**
 * Hedges' g of y against x: d = (ȳ − x̄)/s_pooled, g = J·d with J = 1 − 3/(4(n₁+n₂) − 9);
 * Var(g) = (n₁+n₂)/(n₁n₂) + g²/(2(n₁+n₂)) (Hedges & Olkin 1985); CI g ± 1.96·√Var(g).
 */
export function hedgesG(x: ArrayLike<number>, y: ArrayLike<number>): HedgesG | null {
  if (x.length < 2 || y.length < 2) return null;
  const a = meanVar(x);
  const b = meanVar(y);
  const pooled = Math.sqrt(((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2));
  if (pooled === 0) return null;
  const d = (b.mean - a.mean) / pooled;
  const j = 1 - 3 / (4 * (a.n + b.n) - 9);
  const g = j * d;
  // Hedges & Olkin (1985, eq. 5.15): var(g) ≈ (n₁ + n₂)/(n₁n₂) + g²/(2(n₁ + n₂)). Scaling it by J as well, as
  // before, covered only 94% at n = 5/5 (test/survey/hedges-coverage.test.ts).
  const se = Math.sqrt((a.n + b.n) / (a.n * b.n) + (g * g) / (2 * (a.n + b.n)));
  return { g, ci: [g - Z_975 * se, g + Z_975 * se] };
}

export interface MannWhitney {
  /** U of the second sample (R's W for wilcox.test(y, x)). */
  u: number;
  z: number;
  p: number;
}

/**
 * Mann–Whitney U with the normal approximation: mid-ranks for ties, variance
 * n₁n₂/12·((N+1) − Σ(t³−t)/(N(N−1))), continuity correction 0.5 toward zero. Two-sided p. Null when a sample is
 * empty or holds NaN.
 */
export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>): MannWhitney | null {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return null;
  // Both samples sorted, then walked together a run of equal values at a time (−0 and 0 are one run, as in the
  // pooled sort this replaced): the same runs in the same order, without an object per value or a comparator.
  // Mid-ranks are halves of whole numbers, so n·midRank equals midRank added n times.
  const xs = Float64Array.from(x).sort();
  const ys = Float64Array.from(y).sort();
  // A typed sort puts NaN last; a rank test has no answer for a value that cannot be ordered (and the walk below
  // would never step past it).
  if (Number.isNaN(xs[n1 - 1]) || Number.isNaN(ys[n2 - 1])) return null;
  const total = n1 + n2;
  let rankSumY = 0;
  let tieTerm = 0;
  for (let i = 0, j = 0; i + j < total;) {
    const value = j === n2 || (i < n1 && xs[i] < ys[j]) ? xs[i] : ys[j];
    const before = i + j;
    while (i < n1 && xs[i] === value) i++;
    let inY = 0;
    while (j < n2 && ys[j] === value) {
      j++;
      inY++;
    }
    const ties = i + j - before;
    tieTerm += ties ** 3 - ties;
    rankSumY += inY * ((2 * before + ties + 1) / 2);
  }
  return fromRankSum(n1, n2, rankSumY, tieTerm);
}

/** U, z and p from the second sample's rank sum and the ties' Σ(t³ − t). */
function fromRankSum(n1: number, n2: number, rankSumY: number, tieTerm: number): MannWhitney {
  const total = n1 + n2;
  const u = rankSumY - (n2 * (n2 + 1)) / 2;
  const centred = u - (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1))));
  if (sigma === 0) return { u, z: 0, p: 1 };
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return { u, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}

/** Each value's rank among the distinct values (equal ones, 0 and −0 too, share a rank; NaN has −1), and their count. */
export interface ValueRanks {
  of: Int32Array;
  distinct: number;
}

/** The ranks of a column's values (a wave change's rows are positions in it): once per column, not per cell. */
export function valueRanks(values: Float64Array): ValueRanks {
  // A column of scores holds few distinct values (~25–70 at M's 12.6k rows): each row's value numbered through a Map
  // (which takes 0 and −0 as one key) and only the distinct ones sorted, where a typed sort of the column took ~5 ms.
  const codeOf = new Map<number, number>();
  const of = new Int32Array(values.length);
  codeFirstSeen(values, codeOf, of);
  const distinct = [...codeOf.keys()];
  const rankOfCode = new Int32Array(distinct.length);
  distinct
    .map((_, code) => code)
    .sort((a, b) => distinct[a] - distinct[b])
    .forEach((code, rank) => (rankOfCode[code] = rank));
  codesToRanks(of, rankOfCode);
  return { of, distinct: distinct.length };
}

// One loop per function, nothing after it but a return: see docs/architecture.md, "Long loops in code that runs once".
function codeFirstSeen(values: Float64Array, codeOf: Map<number, number>, codes: Int32Array): void {
  for (let r = 0; r < values.length; r++) {
    const x = values[r];
    if (Number.isNaN(x)) {
      codes[r] = -1;
      continue;
    }
    let code = codeOf.get(x);
    if (code === undefined) codeOf.set(x, (code = codeOf.size));
    codes[r] = code;
  }
}

function codesToRanks(codes: Int32Array, rankOfCode: Int32Array): void {
  for (let r = 0; r < codes.length; r++) if (codes[r] >= 0) codes[r] = rankOfCode[codes[r]];
}

/**
 * mannWhitney of the values at rows x and rows y of a column, from its ranks: each sample counted per distinct value
 * and the counts walked in order, instead of two copies sorted per call (~1,700 wave changes at M). The runs of equal
 * values are the same, and U's rank sum and the ties' term are sums of whole and half numbers, exact in any order, so
 * the result is mannWhitney's to the bit (test/perf/survey-mann-whitney.test.ts). `counts` is scratch of at least
 * 2·distinct zeros, left zeroed.
 */
export function mannWhitneyByRank(
  x: Int32Array,
  y: Int32Array,
  ranks: ValueRanks,
  counts: Int32Array,
): MannWhitney | null {
  if (x.length === 0 || y.length === 0) return null;
  // A value that cannot be ordered (NaN, rank −1) has no rank, as in mannWhitney.
  if (!countRanks(x, ranks.of, counts, 0) || !countRanks(y, ranks.of, counts, ranks.distinct)) {
    counts.fill(0);
    return null;
  }
  const sums = new Float64Array(2);
  walkCounts(counts, ranks.distinct, sums);
  return fromRankSum(x.length, y.length, sums[0], sums[1]);
}

/** Adds each row's rank to counts[offset + rank]; false at a row without a rank. */
function countRanks(rows: Int32Array, of: Int32Array, counts: Int32Array, offset: number): boolean {
  for (let i = 0; i < rows.length; i++) {
    const rank = of[rows[i]];
    if (rank < 0) return false;
    counts[offset + rank]++;
  }
  return true;
}

/** The counts walked a distinct value at a time (mannWhitney's runs), zeroed behind: sums[0] the rank sum, [1] Σ(t³ − t). */
function walkCounts(counts: Int32Array, distinct: number, sums: Float64Array): void {
  let before = 0;
  for (let v = 0; v < distinct; v++) {
    const inY = counts[distinct + v];
    const ties = counts[v] + inY;
    if (ties === 0) continue;
    counts[v] = counts[distinct + v] = 0;
    sums[1] += ties ** 3 - ties;
    sums[0] += inY * ((2 * before + ties + 1) / 2);
    before += ties;
  }
}
