import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseCoordination } from "../../src/survey/coordination.js";
import type { RcRating } from "../../src/model/types.js";
import { analyseSurvey } from "../../src/survey/analyse.js";
import { RC_DIMENSIONS, type RcDimension } from "../../src/model/coordination.js";
import type { CoordinationResult, RcCell, RcEstimate } from "../../src/result/survey.js";
import { rank, surveyDataset } from "./helpers.js";

/** Ratings where each person gives the same score on every dimension (or the given per-dimension scores). */
function rate(
  raterGroup: string,
  ratedGroup: string,
  firstPerson: number,
  scores: (number | Partial<Record<RcDimension, number>>)[],
): RcRating[] {
  return scores.flatMap((s, i) =>
    RC_DIMENSIONS.filter((d) => typeof s === "number" || s[d] !== undefined).map((dimension) => ({
      person: firstPerson + i,
      raterGroup,
      ratedGroup,
      dimension,
      score: typeof s === "number" ? s : s[dimension]!,
    })),
  );
}
const options = (minGroupSize: number) => ({
  raterAttribute: "organisation",
  wave: null,
  source: "long" as const,
  config: undefined,
  minGroupSize,
});
const find = (r: CoordinationResult, a: string, b: string) =>
  r.cells.find((c) => c.raterGroup === a && c.ratedGroup === b)!;
const estimate = (c: RcCell) => {
  if (c.suppressed) throw new Error(`${c.raterGroup} → ${c.ratedGroup} unexpectedly hidden`);
  return c as RcCell & RcEstimate;
};

describe("RC matrix (hand-worked)", () => {
  const ratings = [
    ...rate("Hospital", "Social care", 0, [2, 2, 3, 1]),
    ...rate("Social care", "Hospital", 4, [4, 5, 3, 4]),
    ...rate("Hospital", "Hospital", 0, [5, 5, 4, 4]),
    ...rate("Social care", "Social care", 4, [3, 3, 3, 3]),
  ];
  const result = analyseCoordination(ratings, options(3));

  it("indexes each cell by the mean of raters' RC indices, with conventional bands", () => {
    const hs = estimate(find(result, "Hospital", "Social care"));
    expect(hs).toMatchObject({ n: 4, index: 2, band: "weak", within: false, communication: 2, relationship: 2 });
    expect(estimate(find(result, "Social care", "Hospital"))).toMatchObject({ index: 4, band: "moderate" });
    expect(estimate(find(result, "Hospital", "Hospital"))).toMatchObject({ index: 4.5, band: "strong", within: true });
    expect(result.bands.note).toMatch(/research convention/);
  });

  it("separates communication and relationship dimensions", () => {
    const r = analyseCoordination(
      rate("A", "B", 0, [
        {
          frequent: 1,
          timely: 2,
          accurate: 3,
          problemSolving: 2,
          sharedGoals: 5,
          sharedKnowledge: 4,
          mutualRespect: 3,
        },
        3,
        3,
      ]),
      options(3),
    );
    const c = estimate(find(r, "A", "B"));
    // Person 0: index 20/7, communication 2, relationship 4; persons 1–2: 3 everywhere.
    expect(c.index).toBeCloseTo((20 / 7 + 6) / 3, 12);
    expect(c.communication).toBeCloseTo(8 / 3, 12);
    expect(c.relationship).toBeCloseTo(10 / 3, 12);
    expect(c.dimensions.find((d) => d.dimension === "frequent")!.mean).toBeCloseTo(7 / 3, 12);
  });

  it("pools within- and between-group ratings", () => {
    expect(result.within).toEqual({ suppressed: false, n: 8, ratings: 8, index: (4.5 * 4 + 3 * 4) / 8 });
    expect(result.between).toEqual({ suppressed: false, n: 8, ratings: 8, index: 3 });
  });

  it("finds the asymmetric relationship, with Welch's test", () => {
    // H rates S 2, S rates H 4: difference −2; both variances 2/3, n = 4 → se = √(1/3), t = −2√3, df = 6.
    expect(result.asymmetries).toHaveLength(1);
    const a = result.asymmetries[0];
    expect(a).toMatchObject({ groupA: "Hospital", groupB: "Social care", aRatesB: 2, bRatesA: 4, flagged: true });
    expect(a.difference).toBeCloseTo(-2, 12);
    expect(a.ci[1]).toBeCloseTo(-2 + 2.446911851144969 * Math.sqrt(1 / 3), 9);
  });

  it("does not flag a small or uncertain difference", () => {
    const r = analyseCoordination([...rate("A", "B", 0, [3, 4, 3, 4]), ...rate("B", "A", 4, [3, 4, 4, 4])], options(3));
    expect(r.asymmetries[0].flagged).toBe(false);
  });
});

describe("RC privacy", () => {
  it("hides a small cell and the cell that would reveal it through its column, and nothing more", () => {
    const r = analyseCoordination(
      [
        ...rate("Hospital", "Social care", 0, [2, 2, 3, 1]),
        ...rate("Social care", "Hospital", 4, [4, 5, 3, 4]),
        ...rate("Hospital", "Hospital", 0, [5, 5, 4, 4]),
        ...rate("Social care", "Social care", 4, [3, 3, 3, 3]),
        ...rate("GP", "Hospital", 8, [1, 2]),
      ],
      options(3),
    );
    // GP → Hospital has 2 raters. "How Hospital is rated" minus Social care → Hospital would reveal it, so Social
    // care → Hospital goes too; the hidden part of the Hospital column then holds 6 people, and the between-group
    // pool minus the two columns leaves nothing: every other figure stays.
    expect(
      r.cells
        .filter((c) => c.suppressed)
        .map((c) => `${c.raterGroup}→${c.ratedGroup}`)
        .sort(),
    ).toEqual(["GP→Hospital", "Social care→Hospital"]);
    expect(find(r, "GP", "Hospital")).toEqual({
      raterGroup: "GP",
      ratedGroup: "Hospital",
      within: false,
      suppressed: true,
    });
    expect(r.received.map((x) => [x.group, x.suppressed ? null : x.n])).toEqual([
      ["GP", null],
      ["Hospital", 6],
      ["Social care", 4],
    ]);
    expect(r.between).toMatchObject({ suppressed: false, n: 10 });
    expect(r.asymmetries).toEqual([]);
  });

  it("adversarial: no hidden cell can be recomputed from the published cells and pools", () => {
    const groups = ["A", "B", "C", "D"];
    const cellArb = fc.record({
      rater: fc.constantFrom(...groups),
      rated: fc.constantFrom(...groups),
      raters: fc.integer({ min: 1, max: 8 }),
      score: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(cellArb, { selector: (c) => `${c.rater}${c.rated}`, minLength: 1, maxLength: 16 }),
        (cells) => {
          // Each rater group has one pool of people rating every group it rates.
          const ratings = cells.flatMap((c) =>
            rate(c.rater, c.rated, groups.indexOf(c.rater) * 100, new Array(c.raters).fill(c.score)),
          );
          const r = JSON.parse(JSON.stringify(analyseCoordination(ratings, options(4)))) as CoordinationResult;
          // Atoms are the matrix cells; published sums: shown cells, within, between, received per group.
          const keys = cells.map((c) => `${c.rater}→${c.rated}`);
          const vec = (pred: (c: (typeof cells)[number]) => boolean) => cells.map((c) => (pred(c) ? 1n : 0n));
          const published: bigint[][] = [];
          for (const c of r.cells)
            if (!c.suppressed) published.push(vec((x) => x.rater === c.raterGroup && x.rated === c.ratedGroup));
          if (!r.within.suppressed) published.push(vec((x) => x.rater === x.rated));
          if (!r.between.suppressed) published.push(vec((x) => x.rater !== x.rated));
          for (const g of r.received)
            if (!g.suppressed) published.push(vec((x) => x.rater !== x.rated && x.rated === g.group));
          const base = rank(published);
          for (const c of r.cells) {
            if (!c.suppressed) {
              expect(c.n).toBeGreaterThanOrEqual(4);
              continue;
            }
            const v = vec((x) => x.rater === c.raterGroup && x.rated === c.ratedGroup);
            expect(rank([...published, v]), `${c.raterGroup}→${c.ratedGroup} recoverable`).toBe(base + 1);
          }
          expect(keys.length).toBe(r.cells.length);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe("RC from a wide survey export", () => {
  it("reads the configured columns of the latest wave, rater group from the rater attribute", () => {
    const n = 6;
    const data = surveyDataset(
      {
        groups: {
          organisation: [...new Array(n).fill("Northgate Hospital"), ...new Array(n).fill("County Social Care")],
        },
        answers: {
          RC_timely_SC: [...new Array(n).fill(2), ...new Array(n).fill(NaN)],
          RC_respect_SC: [...new Array(n).fill(3), ...new Array(n).fill(NaN)],
          RC_timely_H: [...new Array(n).fill(NaN), ...new Array(n).fill(4)],
          RC_respect_H: [...new Array(n).fill(NaN), ...new Array(n).fill(5)],
        },
      },
      {
        boundaries: ["organisation"],
        coordination: {
          raterAttribute: "organisation",
          columns: {
            RC_timely_SC: { rated: "County Social Care", dimension: "timely" },
            RC_respect_SC: { rated: "County Social Care", dimension: "mutualRespect" },
            RC_timely_H: { rated: "Northgate Hospital", dimension: "timely" },
            RC_respect_H: { rated: "Northgate Hospital", dimension: "mutualRespect" },
          },
        },
      },
    );
    const rc = analyseSurvey(data)!.coordination!;
    expect(rc.source).toBe("wide");
    expect(estimate(find(rc, "Northgate Hospital", "County Social Care"))).toMatchObject({
      n: 6,
      index: 2.5,
      communication: 2,
      relationship: 3,
    });
    expect(estimate(find(rc, "County Social Care", "Northgate Hospital"))).toMatchObject({ n: 6, index: 4.5 });
  });
});
