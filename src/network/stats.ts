// Small interval estimates used to give every network finding its uncertainty.
import { Z_975 as Z95 } from "../stats/distributions.js";

/** Wilson score interval for a proportion x/n (95%); null when n = 0. */
export function wilson(x: number, n: number): [number, number] | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Risk ratio (x1/n1) / (x2/n2) with a 95% interval by the log method (Katz); ½ is added to every cell when a count
 * is zero so the interval stays finite. Null when either denominator is zero.
 */
export function riskRatio(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { ratio: number; ci: [number, number] } | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const fix = x1 === 0 || x2 === 0 ? 0.5 : 0;
  const a = x1 + fix;
  const c = x2 + fix;
  const m1 = n1 + 2 * fix;
  const m2 = n2 + 2 * fix;
  const ratio = a / m1 / (c / m2);
  const se = Math.sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2);
  return { ratio, ci: [ratio * Math.exp(-Z95 * se), ratio * Math.exp(Z95 * se)] };
}

/** Median of a list (mean of the middle two when even); null when empty. */
export function median(values: number[]): number | null {
  return middle([...values].sort((x, y) => x - y));
}

/** Median of a sorted list (mean of the middle two when even); null when empty. */
export function middle(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The largest relative standard error (SE ÷ estimate) among the `count` highest positive estimates (ties by index):
 * it covers every person a ranking names, where a median would describe a typical one. Those people are picked by
 * the same estimates, so it is a lower bound on their true errors. Null when no estimate is positive.
 */
export function largestRelativeError(estimate: Float64Array, se: Float64Array, count: number): number | null {
  const top = Array.from(estimate.keys())
    .filter((v) => estimate[v] > 0)
    .sort((a, b) => estimate[b] - estimate[a] || a - b)
    .slice(0, count);
  return top.length ? Math.max(...top.map((v) => se[v] / estimate[v])) : null;
}
