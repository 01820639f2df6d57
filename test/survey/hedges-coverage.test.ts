// The interval of Hedges' g is shown for groups as small as 5: it must cover the true standardised difference at
// least 94.5% of the time there (Hedges & Olkin's variance). Seeded simulation, modest size, no timing.
import { describe, expect, it } from "vitest";
import { hedgesG } from "../../src/survey/compare.js";
import { mulberry32, normal } from "../signals/synthetic.js";

function coverage(n1: number, n2: number, delta: number, iterations: number, seed: number): number {
  const random = mulberry32(seed);
  let covered = 0;
  let valid = 0;
  for (let i = 0; i < iterations; i++) {
    const x = Array.from({ length: n1 }, () => normal(random));
    const y = Array.from({ length: n2 }, () => delta + normal(random));
    const g = hedgesG(x, y);
    if (!g) continue;
    valid++;
    if (g.ci[0] <= delta && delta <= g.ci[1]) covered++;
  }
  return covered / valid;
}

describe("Hedges' g interval coverage (Hedges & Olkin 1985 variance)", () => {
  it("covers the true difference ≥ 94.5% at n = 5/5, for no, medium and large effects", () => {
    for (const delta of [0, 0.5, 1])
      expect(coverage(5, 5, delta, 6000, 14 + delta * 10), `δ = ${delta}`).toBeGreaterThanOrEqual(0.945);
  });
  it("stays near 95% for larger groups (n = 20/30)", () => {
    const c = coverage(20, 30, 0.5, 3000, 99);
    expect(c).toBeGreaterThanOrEqual(0.94);
    expect(c).toBeLessThanOrEqual(0.965);
  });
});
