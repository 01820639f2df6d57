import { describe, expect, it } from "vitest";
import { cronbachAlpha, pairStatistics } from "../../src/survey/reliability.js";
import { keyItems, personScores, summarise } from "../../src/survey/scoring.js";
import { fixturePath, readColumns, reference, type AlphaReference } from "./helpers.js";
import { hasSharedData, missingSharedData, sharedDataPath } from "../helpers/shared-data.js";

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("Cronbach's α (hand-worked)", () => {
  // Three permutations of 1..5: every variance 2.5; cov(a,b) = cov(a,c) = 8/4 = 2, cov(b,c) = 3/4.
  // ΣC = 7.5 + 2(2 + 2 + 0.75) = 17 → α = 3/2·(1 − 7.5/17) = 14.25/17.
  // r.drop(a) = cov(a, b+c)/√(var a · var(b+c)) = 4/√(2.5·6.5); α without a = 2·(1 − 5/6.5) = 3/6.5.
  const columns = [Float64Array.of(1, 2, 3, 4, 5), Float64Array.of(2, 1, 4, 3, 5), Float64Array.of(1, 3, 2, 5, 4)];
  const result = cronbachAlpha(columns, all(5));

  it("computes raw and standardised α", () => {
    expect(result.alpha).toBeCloseTo(14.25 / 17, 12);
    // Equal variances: the correlation matrix is C/2.5, so standardised α equals raw α.
    expect(result.alphaStandardised).toBeCloseTo(14.25 / 17, 12);
    expect(result.averageR).toBeCloseTo((0.8 + 0.8 + 0.3) / 3, 12);
  });

  it("computes r.drop and α if deleted", () => {
    expect(result.items[0].rDrop).toBeCloseTo(4 / Math.sqrt(2.5 * 6.5), 12);
    expect(result.items[0].alphaIfDeleted).toBeCloseTo(3 / 6.5, 12);
  });

  it("uses pairwise-complete covariances centred on the pair's own means", () => {
    // Pair (x, y) complete on rows 0–2 only: means 2 and 4 → cov = ((−1)(−2) + 0 + (1)(2))/2 = 2.
    const c = pairStatistics([Float64Array.of(1, 2, 3, 10), Float64Array.of(2, 4, 6, NaN)], all(4)).covariance;
    expect(c[0][1]).toBeCloseTo(2, 12);
    expect(c[1][1]).toBeCloseTo(4, 12);
    // x alone uses all four rows: mean 4, var = (9 + 4 + 1 + 36)/3.
    expect(c[0][0]).toBeCloseTo(50 / 3, 12);
  });

  it("leaves out an item without variance and says so", () => {
    const r = cronbachAlpha([...columns, Float64Array.of(3, 3, 3, 3, 3)], all(5));
    expect(r.excluded).toEqual([3]);
    expect(r.alpha).toBeCloseTo(14.25 / 17, 12);
    expect(r.items[3]).toEqual({ rDrop: null, alphaIfDeleted: null });
  });

  it("has no α-if-deleted with two items and no α with one", () => {
    expect(cronbachAlpha(columns.slice(0, 2), all(5)).items[0].alphaIfDeleted).toBeNull();
    const one = cronbachAlpha(columns.slice(0, 1), all(5));
    expect(one.alpha).toBeNull();
    expect(one.unestimable).toBe("items");
  });

  it("has no α when the items cancel out and every total is the same (0/0, not ±10¹⁶ from rounding)", () => {
    // Found by the fuzz suite: a = 2, 3, 2 and b = 2, 1, 2 sum to 4 for everyone, so ΣC = var(a + b) = 0 and
    // ΣR = 2 + 2·(−1) = 0; rounding left ΣR ≈ 1e-16 and a standardised α of 2.4·10¹⁶.
    const r = cronbachAlpha([Float64Array.of(2, 3, 2), Float64Array.of(2, 1, 2)], all(3));
    expect(r.alpha).toBeNull();
    expect(r.alphaStandardised).toBeNull();
    expect(r.unestimable).toBe("total");
    expect(r.averageR).toBeCloseTo(-1, 12);
    expect(r.items[0].rDrop).toBeCloseTo(-1, 12);
    // Beside an item that varies on its own, the pair's constant sum leaves that item's r.drop undefined.
    const three = cronbachAlpha(
      [Float64Array.of(2, 3, 2, 3), Float64Array.of(2, 1, 2, 1), Float64Array.of(1, 2, 4, 3)],
      all(4),
    );
    expect(three.alpha).not.toBeNull();
    expect(three.items[2].rDrop).toBeNull();
    expect(three.items[2].alphaIfDeleted).toBeNull();
  });
});

function expectAlphaMatches(
  ids: string[],
  data: Record<string, Float64Array>,
  reverse: string[],
  min: number,
  max: number,
  rows: number[],
  ref: AlphaReference,
) {
  const keyed = keyItems(data, ids, reverse, min, max);
  const result = cronbachAlpha(keyed.columns, rows);
  expect(result.alpha).toBeCloseTo(ref.alpha, 10);
  expect(result.alphaStandardised).toBeCloseTo(ref.alphaStandardised, 10);
  expect(result.averageR).toBeCloseTo(ref.averageR, 10);
  ref.items.forEach((item, i) => {
    expect(result.items[i].rDrop).toBeCloseTo(item.rDrop, 10);
    expect(result.items[i].alphaIfDeleted).toBeCloseTo(item.alphaIfDeleted, 10);
    const s = summarise(rows.map((r) => keyed.columns[i][r]));
    expect(s.n).toBe(item.n);
    expect(s.mean).toBeCloseTo(item.mean, 10);
    expect(s.sd).toBeCloseTo(item.sd, 10);
  });
  // psych scores anyone who answered at least one item: a minimum share small enough to need only one.
  const any = personScores(keyed, Math.max(...rows) + 1, 1e-6);
  const total = summarise(rows.map((r) => any[r]));
  expect(total.mean).toBeCloseTo(ref.mean, 10);
  expect(total.sd).toBeCloseTo(ref.sd, 10);
}

describe("matches R psych::alpha on the shipped fixture (missing answers, Q3 reversed)", () => {
  const { rows, numbers, text } = readColumns(fixturePath("small-scale.csv"));
  const ids = ["Q1", "Q2", "Q3", "Q4"];

  it("over all responses", () => expectAlphaMatches(ids, numbers, ["Q3"], 1, 5, all(rows), reference.small));

  it("within the latest wave", () => {
    const latest = all(rows).filter((r) => text.wave[r] === "2025-09");
    expectAlphaMatches(ids, numbers, ["Q3"], 1, 5, latest, reference.small.latestWave);
  });

  it("person scores need half the items by default", () => {
    const scores = summarise(personScores(keyItems(numbers, ids, ["Q3"], 1, 5), rows, 0.5));
    expect(scores.n).toBe(reference.small.scoreN);
    expect(scores.mean).toBeCloseTo(reference.small.scoreMean, 12);
  });
});

// vitest runs a describe body while collecting even when skipped: the file is read only inside the tests.
describe.skipIf(!hasSharedData("bfi.csv"))(
  `matches R psych::alpha on bfi${hasSharedData("bfi.csv") ? "" : ` — skipped: ${missingSharedData("bfi.csv")}`}`,
  () => {
    let bfi: ReturnType<typeof readColumns> | undefined;
    const load = () => (bfi ??= readColumns(sharedDataPath("bfi.csv")));
    const reverse = ["A1", "C4", "C5", "E1", "E2", "O2", "O5"];
    for (const scale of ["A", "C", "E", "N", "O"]) {
      it(`scale ${scale}`, () => {
        const { rows, numbers } = load();
        const ref = reference.bfi![scale];
        const ids = [1, 2, 3, 4, 5].map((i) => `${scale}${i}`);
        expectAlphaMatches(ids, numbers, reverse, 1, 6, all(rows), ref);
        const half = summarise(personScores(keyItems(numbers, ids, reverse, 1, 6), rows, 0.5));
        expect(half.n).toBe(ref.nMinHalf);
        expect(half.mean).toBeCloseTo(ref.meanMinHalf, 10);
      });
    }
    it("agrees with the published figures (instruments.md)", () => {
      expect(reference.bfi!.A.alpha).toBeCloseTo(0.703, 3);
      expect(reference.bfi!.N.alpha).toBeCloseTo(0.814, 3);
      expect(reference.bfi!.A.mean).toBeCloseTo(4.652, 3);
      expect(reference.bfi!.N.mean).toBeCloseTo(3.162, 3);
    });
  },
);
