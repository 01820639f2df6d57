// Relational quality as a leading indicator (practice 8): the cross-correlation of a relational series x with a
// delivery metric y of the same group at lags 0…MAX_LAG (x leading y). Weekly series are autocorrelated, which
// makes raw cross-correlations look significant far too often (Box & Jenkins): both series are prewhitened with
// the AR(1) filter fitted to x, and the p-value is Bonferroni-adjusted for the lags tried.
import { normalCdf, normalQuantile } from "../stats/distributions.js";
import type { LeadingIndicator } from "../result/signals.js";
import type { Subject } from "../result/types.js";
import { formatP, metricWords } from "../text/voice.js";

const MAX_LAG = 8;
/** Pairs needed at a lag for it to be judged. */
const MIN_PAIRS = 12;
const ALPHA = 0.05;

/** Lag-1 autocorrelation of the observed values (a gap breaks the pair), clamped inside (−1, 1). */
export function ar1(x: readonly (number | null)[]): number {
  const values = x.filter((v): v is number => v !== null);
  if (values.length < 3) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  let numerator = 0;
  let denominator = 0;
  for (let t = 0; t < x.length; t++) {
    const v = x[t];
    if (v === null) continue;
    denominator += (v - mean) ** 2;
    const previous = t > 0 ? x[t - 1] : null;
    if (previous !== null) numerator += (v - mean) * (previous - mean);
  }
  if (denominator === 0) return 0;
  return Math.max(-0.99, Math.min(0.99, numerator / denominator));
}

/** e_t = v_t − φ·v_{t−1}; null where either is missing. */
export function prewhiten(v: readonly (number | null)[], phi: number): (number | null)[] {
  return v.map((value, t) => (t === 0 || value === null || v[t - 1] === null ? null : value - phi * v[t - 1]!));
}

/** Pearson correlation of x_t with y_{t+lag} over the periods where both are present. */
export function laggedCorrelation(
  x: readonly (number | null)[],
  y: readonly (number | null)[],
  lag: number,
): { r: number; n: number } | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t + lag < y.length && t < x.length; t++) {
    const a = x[t];
    const b = y[t + lag];
    if (a === null || b === null) continue;
    xs.push(a);
    ys.push(b);
  }
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return { r: sxy / Math.sqrt(sxx * syy), n };
}

export interface LeadingInput {
  metric: string;
  relational: string;
  subject: Subject;
  delivery: (number | null)[];
  relationalValues: (number | null)[];
  /** How the delivery values were brought to the relational period, when it took more than reading them off. */
  aggregation?: string;
}

export function leadingIndicator(input: LeadingInput, maxLag = MAX_LAG): LeadingIndicator {
  const phi = ar1(input.relationalValues);
  const x = prewhiten(input.relationalValues, phi);
  const y = prewhiten(input.delivery, phi);
  let best: { lag: number; r: number; n: number; p: number } | null = null;
  let lagsTried = 0;
  for (let lag = 0; lag <= maxLag; lag++) {
    const c = laggedCorrelation(x, y, lag);
    if (!c || c.n < MIN_PAIRS) continue;
    lagsTried++;
    const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, c.r))) * Math.sqrt(c.n - 3);
    const p = 2 * normalCdf(-Math.abs(z));
    if (!best || p < best.p) best = { lag, r: c.r, n: c.n, p };
  }
  const base = {
    metric: input.metric,
    relational: input.relational,
    subject: input.subject,
    ar1: phi,
    lagsTried,
    ...(input.aggregation ? { aggregation: input.aggregation } : {}),
  };
  // Ids from the data ("delayed_discharges") read as words in sentences.
  const [metric, relational] = [metricWords(input.metric), metricWords(input.relational)];
  const stated = input.aggregation ? ` ${metric}: ${input.aggregation}.` : "";
  if (!best) {
    return {
      ...base,
      n: 0,
      lag: 0,
      r: 0,
      ci: [0, 0],
      p: 1,
      evidence: "too little data",
      message: `Too little data to judge whether ${relational} leads ${metric}: fewer than ${MIN_PAIRS} paired periods at every lag.${stated}`,
    };
  }
  const adjusted = Math.min(1, best.p * lagsTried);
  // The interval is adjusted as the p is (Bonferroni over the lags tried), so the two tell the same story: it
  // excludes 0 exactly when the adjusted p is below ALPHA.
  const half = normalQuantile(1 - ALPHA / 2 / lagsTried) / Math.sqrt(best.n - 3);
  const zr = Math.atanh(Math.max(-0.999999, Math.min(0.999999, best.r)));
  const ci: [number, number] = [Math.tanh(zr - half), Math.tanh(zr + half)];
  const found = adjusted < ALPHA;
  const r2 = Math.round(best.r * 100) / 100;
  return {
    ...base,
    n: best.n,
    lag: best.lag,
    r: best.r,
    ci,
    p: adjusted,
    evidence: found ? "evidence" : "no evidence",
    message: found
      ? `${relational} moves ${best.r > 0 ? "with" : "against"} ${metric} ${best.lag} period${best.lag === 1 ? "" : "s"} later (prewhitened r = ${r2}, n = ${best.n}, adjusted ${formatP(adjusted)}): a lead worth watching, not proof of cause.${stated}`
      : `No evidence that ${relational} leads ${metric}: the strongest prewhitened correlation (r = ${r2} at lag ${best.lag}, n = ${best.n}) is within what chance gives over ${lagsTried} lags.${stated}`,
  };
}
