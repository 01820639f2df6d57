// The probability distributions the analyses need (Student's t and the standard normal for survey comparisons, the
// binomial and Poisson for signal null models), taken from stdlib-js: small, separately published packages, each tested against
// reference values (Boost/R). They replace hand-written Lanczos log-gamma, incomplete beta and gamma (simple-statistics
// has no t distribution and only a table-based normal CDF). Shared by survey/ and signals/; imports nothing of ours.
import betainc from "@stdlib/math-base-special-betainc";
import binomialQuantileAt from "@stdlib/stats-base-dists-binomial-quantile";
import normalCdfAt from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantileAt from "@stdlib/stats-base-dists-normal-quantile";
import poissonCdf from "@stdlib/stats-base-dists-poisson-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  return normalCdfAt(z, 0, 1);
}

/** Quantile of the standard normal (0 < p < 1), e.g. the multiplier of a Bonferroni-adjusted interval. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile probability must be in (0, 1), got ${p}`);
  return normalQuantileAt(p, 0, 1);
}

/** P(X ≤ x) for X ~ Poisson(λ) (signal null models: contact continuing at its rate). */
export function poissonLowerTail(x: number, lambda: number): number {
  if (x < 0) return 0;
  if (lambda <= 0) return 1;
  return Math.min(1, poissonCdf(Math.floor(x), lambda));
}

/** 97.5th percentile of the standard normal: the multiplier of a two-sided 95% interval (R: qnorm(0.975)). */
export const Z_975 = 1.959963984540054;

/** Student's t CDF with `df` degrees of freedom (df may be fractional, as in Welch's test). */
export function studentTCdf(t: number, df: number): number {
  return tCdf(t, df);
}

/** Quantiles already computed for whole degrees of freedom, by p then df: a survey asks for the same few thousands of times. */
const tQuantiles = new Map<number, Map<number, number>>();

/** Quantile of Student's t (0 < p < 1). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile probability must be in (0, 1), got ${p}`);
  // Welch's fractional df rarely repeat: only whole ones are kept.
  if (!Number.isInteger(df)) return tQuantile(p, df);
  let byDf = tQuantiles.get(p);
  if (!byDf) tQuantiles.set(p, (byDf = new Map()));
  let q = byDf.get(df);
  if (q === undefined) byDf.set(df, (q = tQuantile(p, df)));
  return q;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), as the regularised incomplete beta I_p(k, n − k + 1), which keeps full relative
 * precision in the far tail (1 − CDF would not). Below ~1e-260 it underflows to 0.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  return betainc(p, k, n - k + 1);
}

/** Smallest k with P(X ≤ k) ≥ p for X ~ Binomial(n, prob), as R's `qbinom`, including its 64-ulp fuzz on p. */
export function binomialQuantile(p: number, n: number, prob: number): number {
  if (n <= 0) return 0;
  // stdlib's search can return −0 for a quantile of 0; Math.max makes it +0 (a count).
  return Math.max(0, binomialQuantileAt(p * (1 - 64 * Number.EPSILON), n, prob));
}
