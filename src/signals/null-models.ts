// What chance alone produces, for each kind of signal (docs/methods.md, "Null models of the signals"): the tail
// probabilities the rules are judged by, and the corrections for the number of pairs, groups and series looked at.
// A weekly run looks at hundreds of group pairs and thousands of ties: a rule with a 1% false rate per pair would
// fire somewhere every week, so every signal kind controls the family-wise error rate (Holm) over its whole family.
import { studentTCdf } from "../stats/distributions.js";

/** Family-wise error rate each signal kind is held to, over everything of that kind a run looks at. */
export const FAMILY_ALPHA = 0.01;

/**
 * Holm's step-down adjustment (Holm 1979): the adjusted p of the i-th smallest of m p-values is
 * max over j ≤ i of min(1, (m − j + 1)·p(j)). Controls the family-wise error rate under any dependence.
 * `family` may exceed the number of p-values given: the rest are tests looked at that cannot fire (p = 1).
 */
export function holm(pValues: readonly number[], family = pValues.length): number[] {
  const m = Math.max(family, pValues.length);
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const adjusted = new Array<number>(pValues.length);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, p * (m - rank)));
    adjusted[i] = running;
  });
  return adjusted;
}

/** P(X ≥ k) for X the number of successes of independent Bernoulli(pᵢ) trials (Poisson-binomial), exactly. */
export function poissonBinomialUpperTail(k: number, probabilities: readonly number[]): number {
  if (k <= 0) return 1;
  if (k > probabilities.length) return 0;
  // below[j] = P(exactly j successes so far) for j < k; what passes k is absorbed into `reached`.
  const below = new Float64Array(k);
  below[0] = 1;
  let reached = 0;
  for (const raw of probabilities) {
    const p = Math.min(1, Math.max(0, raw));
    reached += below[k - 1] * p;
    for (let j = k - 1; j > 0; j--) below[j] = below[j] * (1 - p) + below[j - 1] * p;
    below[0] *= 1 - p;
  }
  return Math.min(1, Math.max(0, reached));
}

/**
 * Effective degrees of freedom of σ estimated as mR̄/d₂ from n points: about 0.62·(n − 1) (Cryer & Ryan 1990;
 * Montgomery, ch. 6). A baseline of 13 weekly points knows σ only as well as 7 independent deviations would.
 */
export const movingRangeDf = (points: number): number => Math.max(1, 0.62 * (points - 1));

/**
 * Chance that the mean of the last `recent` points of a stable process sits at least `z` of its standard errors
 * below the mean in force, σ estimated from the moving ranges of `baselinePoints` points (Student's t).
 */
export function recentFallProbability(z: number, baselinePoints: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 0 : 1;
  return studentTCdf(-z, movingRangeDf(baselinePoints));
}

/**
 * A tie's chance of a silent period under its own history: the share of its baseline periods without contact,
 * shrunk by half a period each way (a tie never silent in 13 weeks is not certain never to be), as a Poisson rate
 * of "periods with contact" λ = −ln q. Robust to clumped contact: it counts periods, not contacts.
 */
export function silentPeriodRate(activePeriods: number, periods: number): number {
  const q = (periods - activePeriods + 0.5) / (periods + 1);
  return -Math.log(q);
}

/** P(no contact for k periods) for a tie with rate λ when the whole system's contact runs at `ratio` of baseline. */
export const silenceProbability = (lambda: number, k: number, ratio = 1): number =>
  Math.exp(-lambda * Math.min(1, Math.max(0, ratio)) * k);

/**
 * Holm over a family of `family` tests of one kind, of which `candidates` passed the rule's gates (the rest count as
 * p = 1: a gated test is still a valid test). Keeps the candidates whose adjusted p is below FAMILY_ALPHA, with the
 * adjusted p and the family size written into their chance.
 */
export function controlFamily<T extends { chance?: SignalChanceLike }>(candidates: readonly T[], family: number): T[] {
  const adjusted = holm(
    candidates.map((c) => c.chance?.p ?? 1),
    family,
  );
  return candidates
    .map((c, i) => (c.chance ? { ...c, chance: { ...c.chance, adjusted: adjusted[i], family } } : c))
    .filter((c) => (c.chance?.adjusted ?? 0) < FAMILY_ALPHA);
}

interface SignalChanceLike {
  p: number;
  adjusted: number;
  family: number;
}
