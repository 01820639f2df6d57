import { describe, expect, it } from "vitest";
import {
  holm,
  movingRangeDf,
  poissonBinomialUpperTail,
  recentFallProbability,
  silenceProbability,
  silentPeriodRate,
} from "../../src/signals/null-models.js";
import { poissonLowerTail } from "../../src/stats/distributions.js";
import { mulberry32 } from "./synthetic.js";

/** Every outcome of m Bernoulli trials enumerated: the reference for the Poisson-binomial tail. */
function bruteForceTail(k: number, ps: number[]): number {
  let total = 0;
  for (let mask = 0; mask < 1 << ps.length; mask++) {
    let prob = 1;
    let count = 0;
    ps.forEach((p, i) => {
      const on = (mask >> i) & 1;
      prob *= on ? p : 1 - p;
      count += on;
    });
    if (count >= k) total += prob;
  }
  return total;
}

describe("null models", () => {
  it("Poisson-binomial upper tail equals the enumeration of every outcome", () => {
    const random = mulberry32(14);
    for (let trial = 0; trial < 40; trial++) {
      const ps = Array.from({ length: 1 + Math.floor(random() * 10) }, () => random() ** 2);
      for (let k = 0; k <= ps.length + 1; k++)
        expect(poissonBinomialUpperTail(k, ps)).toBeCloseTo(bruteForceTail(k, ps), 12);
    }
  });

  it("Poisson-binomial with equal probabilities is R's pbinom(k − 1, n, p, lower.tail = FALSE)", () => {
    expect(poissonBinomialUpperTail(3, new Array(15).fill(0.05))).toBeCloseTo(0.0362002386427, 12);
    expect(poissonBinomialUpperTail(7, new Array(18).fill(0.08))).toBeCloseTo(0.000301945487008, 14);
    expect(poissonBinomialUpperTail(1, new Array(10).fill(0.3))).toBeCloseTo(0.9717524751, 10);
    expect(poissonBinomialUpperTail(0, new Array(10).fill(0.3))).toBe(1);
  });

  it("Holm: hand-worked step-down, monotone, and a larger family is stricter", () => {
    // Sorted 0.01, 0.02, 0.03, 0.2: × 4, 3, 2, 1 → 0.04, 0.06, 0.06 (running max), 0.2.
    expect(holm([0.03, 0.01, 0.2, 0.02])).toEqual([0.06, 0.04, 0.2, 0.06]);
    expect(holm([0.01], 50)).toEqual([0.5]);
    expect(holm([0.5, 0.6], 3)).toEqual([1, 1]);
  });

  it("Poisson lower tail: hand-worked values", () => {
    // e^-1 (1 + 1 + 1/2)
    expect(poissonLowerTail(2, 1)).toBeCloseTo(Math.exp(-1) * 2.5, 12);
    expect(poissonLowerTail(0, 3)).toBeCloseTo(Math.exp(-3), 12);
    expect(poissonLowerTail(-1, 3)).toBe(0);
  });

  it("recent fall probability: Student's t with the moving-range degrees of freedom", () => {
    // 13 baseline points → 0.62·12 = 7.44 df; R: pt(-3, 7.44) = 0.009283
    expect(movingRangeDf(13)).toBeCloseTo(7.44, 10);
    expect(recentFallProbability(3, 13)).toBeCloseTo(0.0092819, 6);
    expect(recentFallProbability(Infinity, 13)).toBe(0);
    expect(recentFallProbability(0, 13)).toBeCloseTo(0.5, 12);
  });

  it("silence: a tie active 10 of 13 periods is silent 4 more with probability ((3.5)/14)^4", () => {
    const lambda = silentPeriodRate(10, 13);
    expect(silenceProbability(lambda, 4)).toBeCloseTo((3.5 / 14) ** 4, 12);
    // Half the system's usual contact doubles the time it takes to see a period with contact.
    expect(silenceProbability(lambda, 4, 0.5)).toBeCloseTo((3.5 / 14) ** 2, 12);
    // Contact above baseline never makes silence less likely than the tie's own history says.
    expect(silenceProbability(lambda, 4, 2)).toBeCloseTo((3.5 / 14) ** 4, 12);
  });
});
