// Cronbach's α exactly as R psych::alpha (psych 2.2.9, default use = "pairwise"): every figure comes from the
// pairwise-complete covariance matrix C of the (already reverse-keyed) items, and the standardised figures from
// R = cov2cor(C). Formulas in docs/methods.md#survey.

interface ItemReliability {
  /** r.drop: correlation of the item with the sum of the other items, from C. Null when the item was excluded. */
  rDrop: number | null;
  /** Raw α of the scale without this item; null with fewer than three usable items (α needs two). */
  alphaIfDeleted: number | null;
}

export interface Reliability {
  /** Raw α = k/(k−1)·(1 − tr(C)/ΣC). Null with fewer than two usable items or a total that does not vary. */
  alpha: number | null;
  /** Standardised α = k/(k−1)·(1 − k/ΣR); null when ΣR is zero. */
  alphaStandardised: number | null;
  /** Why α is null: fewer than two items vary, a pair never answered together, or a total that does not vary. */
  unestimable: "items" | "pairs" | "total" | null;
  /** Mean inter-item correlation (ΣR − k)/(k(k−1)). */
  averageR: number | null;
  items: ItemReliability[];
  /** Indices of items left out because they have no variance (or fewer than two answers), as psych does. */
  excluded: number[];
  /** Rows answering both items i and j, at i·k + j (k items): which item means may be shown (src/survey/items.ts). */
  together: Int32Array;
}

/**
 * The pairwise-complete covariance matrix, as R `cov(x, use = "pairwise.complete.obs")`: each pair centred on its own
 * means over the rows where both items are answered, divided by (n_ij − 1); NaN = missing. And, per pair (i·k + j,
 * both ways), the rows answering both items. Two passes over the rows, each row's answers read once for every pair (a
 * pair's running means and sums in typed arrays, updated in row order as one pair's loop did): the same sums to the
 * last bit as a loop over the rows per pair, without k(k + 1) loops. Each pass a function of its own with nothing
 * after its loop: V8 compiles a long loop on-stack in its first call, and code after it, without type feedback yet,
 * would throw that compiled code away.
 */
export function pairStatistics(
  columns: readonly Float64Array[],
  rows: readonly number[],
): { covariance: number[][]; together: Int32Array } {
  const k = columns.length;
  const together = new Int32Array(k * k);
  const means = new Float64Array(2 * k * k);
  const sums = new Float64Array(k * k);
  const answers = new Float64Array(k);
  pairMeans(columns, rows, answers, together, means);
  pairProducts(columns, rows, answers, means, sums);
  return { covariance: symmetric(k, together, sums), together };
}

function pairMeans(
  columns: readonly Float64Array[],
  rows: readonly number[],
  answers: Float64Array,
  together: Int32Array,
  means: Float64Array,
): void {
  const k = columns.length;
  for (let x = 0; x < rows.length; x++) {
    for (let i = 0; i < k; i++) answers[i] = columns[i][rows[x]];
    for (let i = 0; i < k; i++) {
      const a = answers[i];
      if (Number.isNaN(a)) continue;
      for (let j = i; j < k; j++) {
        const b = answers[j];
        if (Number.isNaN(b)) continue;
        const p = i * k + j;
        const n = ++together[p];
        // Welford-style running means keep the sums small for large n.
        means[2 * p] += (a - means[2 * p]) / n;
        means[2 * p + 1] += (b - means[2 * p + 1]) / n;
      }
    }
  }
}

function pairProducts(
  columns: readonly Float64Array[],
  rows: readonly number[],
  answers: Float64Array,
  means: Float64Array,
  sums: Float64Array,
): void {
  const k = columns.length;
  for (let x = 0; x < rows.length; x++) {
    for (let i = 0; i < k; i++) answers[i] = columns[i][rows[x]];
    for (let i = 0; i < k; i++) {
      const a = answers[i];
      if (Number.isNaN(a)) continue;
      for (let j = i; j < k; j++) {
        const b = answers[j];
        if (Number.isNaN(b)) continue;
        const p = i * k + j;
        sums[p] += (a - means[2 * p]) * (b - means[2 * p + 1]);
      }
    }
  }
}

/** The covariance matrix from the upper triangle's counts and sums; the counts mirrored to the lower one. */
function symmetric(k: number, together: Int32Array, sums: Float64Array): number[][] {
  const c: number[][] = [];
  for (let i = 0; i < k; i++) c.push(new Array<number>(k).fill(NaN));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const n = together[i * k + j];
      const value = n > 1 ? sums[i * k + j] / (n - 1) : NaN;
      c[i][j] = value;
      c[j][i] = value;
      together[j * k + i] = n;
    }
  }
  return c;
}

const sumAll = (m: number[][]) => m.reduce((acc, row) => acc + row.reduce((a, x) => a + x, 0), 0);
const trace = (m: number[][]) => m.reduce((acc, row, i) => acc + row[i], 0);
const without = (m: number[][], drop: number) =>
  m.filter((_, i) => i !== drop).map((row) => row.filter((_, j) => j !== drop));

/**
 * Items that cancel out (2, 3, 2 beside 2, 1, 2) give every respondent the same total: ΣC is 0 and α is 0/0,
 * undefined, though rounding leaves ΣC at ±1e-17 and α at ±10¹⁶. Below this share of the items' own variance the
 * total is taken as constant and α as not estimable. A clearly negative ΣC (pairwise covariances that are not
 * positive semi-definite) is kept, and gives α above 1 as psych does.
 */
const ROUNDING = 1e-12;
const ratio = (numerator: number, denominator: number, scale: number) =>
  Math.abs(denominator) > ROUNDING * scale ? numerator / denominator : null;

function alphaOf(c: number[][]): { raw: number | null; std: number | null; averageR: number } {
  const k = c.length;
  const r = c.map((row, i) => row.map((x, j) => x / Math.sqrt(c[i][i] * c[j][j])));
  const sumR = sumAll(r);
  const tr = trace(c);
  const rawShare = ratio(tr, sumAll(c), tr);
  const stdShare = ratio(k, sumR, k);
  return {
    raw: rawShare === null ? null : (1 - rawShare) * (k / (k - 1)),
    std: stdShare === null ? null : (1 - stdShare) * (k / (k - 1)),
    averageR: (sumR - k) / (k * (k - 1)),
  };
}

export function cronbachAlpha(columns: readonly Float64Array[], rows: readonly number[]): Reliability {
  const { covariance: full, together } = pairStatistics(columns, rows);
  const excluded: number[] = [];
  const kept: number[] = [];
  full.forEach((row, i) => (Number.isFinite(row[i]) && row[i] > 0 ? kept : excluded).push(i));
  const items: ItemReliability[] = columns.map(() => ({ rDrop: null, alphaIfDeleted: null }));
  // A pair never answered together leaves a hole in C; psych would return NA, and so do we.
  const c = kept.map((i) => kept.map((j) => full[i][j]));
  const usable = kept.length >= 2 && c.every((row) => row.every(Number.isFinite));
  if (!usable)
    return {
      alpha: null,
      alphaStandardised: null,
      averageR: null,
      unestimable: kept.length < 2 ? "items" : "pairs",
      items,
      excluded,
      together,
    };
  const total = alphaOf(c);
  const k = kept.length;
  kept.forEach((item, i) => {
    const rest = without(c, i);
    const covWithRest = c[i].reduce((a, x) => a + x, 0) - c[i][i];
    items[item] = {
      // The other items' total can be constant too (two items that cancel out beside this one).
      rDrop: ratio(covWithRest, Math.sqrt(c[i][i] * Math.max(0, sumAll(rest))), Math.sqrt(c[i][i] * trace(rest))),
      alphaIfDeleted: k > 2 ? alphaOf(rest).raw : null,
    };
  });
  return {
    alpha: total.raw,
    alphaStandardised: total.std,
    averageR: total.averageR,
    unestimable: total.raw === null ? "total" : null,
    items,
    excluded,
    together,
  };
}
