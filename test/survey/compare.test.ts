import { describe, expect, it } from "vitest";
import { hedgesG, mannWhitney, welchTest } from "../../src/survey/compare.js";
import { keyItems, personScores } from "../../src/survey/scoring.js";
import { fixturePath, readColumns, reference, type TwoSampleReference } from "./helpers.js";

function expectTwoSample(x: number[], y: number[], ref: TwoSampleReference) {
  const w = welchTest(x, y)!;
  expect(w.difference).toBeCloseTo(ref.difference, 10);
  expect(w.t).toBeCloseTo(ref.t, 10);
  expect(w.df).toBeCloseTo(ref.df, 8);
  expect(w.p).toBeCloseTo(ref.p, 10);
  expect(w.ci[0]).toBeCloseTo(ref.ci[0], 8);
  expect(w.ci[1]).toBeCloseTo(ref.ci[1], 8);
  const g = hedgesG(x, y)!;
  expect(g.g).toBeCloseTo(ref.hedgesG, 10);
  // Hedges & Olkin (1985): var(g) = (n₁ + n₂)/(n₁n₂) + g²/(2(n₁ + n₂)), around R's g.
  const [n1, n2] = [x.length, y.length];
  const half = 1.959963984540054 * Math.sqrt((n1 + n2) / (n1 * n2) + ref.hedgesG ** 2 / (2 * (n1 + n2)));
  expect(g.ci[0]).toBeCloseTo(ref.hedgesG - half, 10);
  expect(g.ci[1]).toBeCloseTo(ref.hedgesG + half, 10);
  const mw = mannWhitney(x, y)!;
  expect(mw.u).toBe(ref.u);
  expect(mw.p).toBeCloseTo(ref.pMannWhitney, 10);
}

describe("two-sample comparison (reference: R t.test, wilcox.test, Hedges' g by formula)", () => {
  it("samples with many ties", () => {
    expectTwoSample([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 4, 4, 4, 5, 5, 5, 5], reference.ties);
  });

  it("the fixture's wave change of person scores", () => {
    const { rows, numbers, text } = readColumns(fixturePath("small-scale.csv"));
    const scores = personScores(keyItems(numbers, ["Q1", "Q2", "Q3", "Q4"], ["Q3"], 1, 5), rows, 0.5);
    const inWave = (w: string) => [...scores].filter((s, r) => text.wave[r] === w && !Number.isNaN(s));
    expectTwoSample(inWave("2025-03"), inWave("2025-09"), reference.small.waveChange);
  });

  it("hand-worked Mann–Whitney: complete separation", () => {
    // y above every x: U = n1·n2 = 9; σ² = 9/12·7 = 5.25 (no ties); z = (9 − 4.5 − 0.5)/√5.25.
    const mw = mannWhitney([1, 2, 3], [4, 5, 6])!;
    expect(mw.u).toBe(9);
    expect(mw.z).toBeCloseTo(4 / Math.sqrt(5.25), 12);
  });

  it("refuses what cannot be estimated", () => {
    expect(welchTest([1], [2, 3])).toBeNull();
    expect(welchTest([2, 2], [2, 2])).toBeNull();
    expect(hedgesG([2, 2], [2, 2])).toBeNull();
    // A value that cannot be ordered has no rank: no answer rather than a wrong one (or a walk that never ends).
    expect(mannWhitney([1, NaN, 3], [2, 4, 5])).toBeNull();
    expect(mannWhitney([1, 3], [NaN])).toBeNull();
    expect(mannWhitney([], [1])).toBeNull();
  });
});
