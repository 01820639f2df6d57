// Person scores and descriptive statistics for one scale. Reverse keying (min + max − x) happens here, once.
import { studentTQuantile } from "../stats/distributions.js";

export interface KeyedItems {
  ids: string[];
  reversed: boolean[];
  /** Item answers after reverse keying, NaN = missing. */
  columns: Float64Array[];
}

export function keyItems(
  answers: Record<string, Float64Array>,
  ids: string[],
  reverse: readonly string[],
  min: number,
  max: number,
): KeyedItems {
  const reversed = ids.map((id) => reverse.includes(id));
  const columns = ids.map((id, i) => (reversed[i] ? reversedColumn(answers[id], min + max) : answers[id]));
  return { ids, reversed, columns };
}

/** min + max − x per answer (NaN stays NaN). A loop, not `map` with an arrow: a call per answer until optimised. */
function reversedColumn(answers: Float64Array, sum: number): Float64Array {
  const out = new Float64Array(answers.length);
  for (let r = 0; r < answers.length; r++) out[r] = sum - answers[r];
  return out;
}

/** Fewest answered items for a person score: a share of the k items, rounded up (0.5 of 7 → 4, of 4 → 2). */
function minimumAnswered(k: number, share: number): number {
  // The epsilon keeps 0.6 × 5 = 3.0000000000000004 from rounding up to 4.
  return Math.max(1, Math.ceil(k * share - 1e-9));
}

/**
 * Mean of the answered keyed items per row; NaN when fewer than `minimumAnswered` items were answered. Indexed loops:
 * until V8 optimises this function, `for … of` makes an iterator result per value.
 */
export function personScores(items: KeyedItems, rows: number, share: number): Float64Array {
  const need = minimumAnswered(items.columns.length, share);
  const scores = new Float64Array(rows).fill(NaN);
  const columns = items.columns;
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    let answered = 0;
    for (let c = 0; c < columns.length; c++) {
      const x = columns[c][r];
      if (Number.isNaN(x)) continue;
      sum += x;
      answered++;
    }
    if (answered >= need) scores[r] = sum / answered;
  }
  return scores;
}

/**
 * Per row, how many keyed items were answered and how many of those in the top two boxes (≥ max − 1): a favourable
 * share over any rows is then a ratio of two sums of whole numbers, the same whatever order they are added in.
 */
export function answerCounts(
  items: KeyedItems,
  rows: number,
  max: number,
): { answered: Int32Array; favourable: Int32Array } {
  const answered = new Int32Array(rows);
  const favourable = new Int32Array(rows);
  for (let c = 0; c < items.columns.length; c++) countAnswers(items.columns[c], max, answered, favourable);
  return { answered, favourable };
}

// Alone in its function, nothing after the loop: see docs/architecture.md, "Long loops in code that runs once".
function countAnswers(column: Float64Array, max: number, answered: Int32Array, favourable: Int32Array): void {
  for (let r = 0; r < column.length; r++) {
    const x = column[r];
    if (Number.isNaN(x)) continue;
    answered[r]++;
    if (x >= max - 1) favourable[r]++;
  }
}

export interface Summary {
  n: number;
  mean: number;
  sd: number | null;
  /** 95% t-interval for the mean. */
  ci: [number, number] | null;
}

/** n, mean, sample SD (n − 1) and 95% t-interval of the non-missing values. */
export function summarise(values: ArrayLike<number>): Summary {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  // Welford's update: stable for long columns of similar values.
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    n++;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  return summaryOf(n, mean, m2);
}

/** The summary from Welford's running n, mean and sum of squared deviations (m2). */
export function summaryOf(n: number, mean: number, m2: number): Summary {
  if (n === 0) return { n, mean: NaN, sd: null, ci: null };
  if (n < 2) return { n, mean, sd: null, ci: null };
  const sd = Math.sqrt(m2 / (n - 1));
  const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci: [mean - half, mean + half] };
}
