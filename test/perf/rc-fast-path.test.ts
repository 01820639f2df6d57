// The relational coordination matrix from units kept as columns (src/survey/coordination-units.ts, coordination.ts)
// against the matrix from a Unit object per (person, rated group) as it was computed before
// (test/perf/reference/coordination-objects.ts): the whole result, hidden cells and aggregates, received pools,
// asymmetries and warnings included, the same JSON to the byte and the same numbers (NaN too). Persons rate from more
// than one group and rate a group twice, groups are named in any order and some never rate, answers repeat and a
// few are NaN; wide rows repeat.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { RcRating } from "../../src/model/types.js";
import { RC_DIMENSIONS } from "../../src/model/coordination.js";
import { analyseCoordination, analyseWideCoordination } from "../../src/survey/coordination.js";
import type { CoordinationResult } from "../../src/result/survey.js";
import { objectCoordination, objectWideCoordination } from "./reference/coordination-objects.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(150, 1000);
const GROUPS = ["b", "A", "Ä", "c d", "E"] as const;

/** What the drawn cases exercised: hidden and shown cells and received pools, in every test below. */
interface Seen {
  hiddenCells: number;
  shownCells: number;
  hiddenPools: number;
  shownPools: number;
}
const nothingSeen = (): Seen => ({ hiddenCells: 0, shownCells: 0, hiddenPools: 0, shownPools: 0 });

const same = (fast: CoordinationResult | null, plain: unknown, seen: Seen) => {
  expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
  expect(fast).toEqual(plain);
  for (const cell of fast?.cells ?? []) cell.suppressed ? seen.hiddenCells++ : seen.shownCells++;
  for (const pool of fast?.received ?? []) pool.suppressed ? seen.hiddenPools++ : seen.shownPools++;
};

/** A generator that drifted away from what is hidden (or shown) would leave the equality above proving little. */
const expectCoverage = (seen: Seen) => {
  for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(0);
};

describe("the RC matrix from unit columns equals it from unit objects", () => {
  it("long-form ratings", () => {
    const seen = nothingSeen();
    const rating = fc.record({
      person: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(-7, 2 ** 40)),
      raterGroup: fc.constantFrom(...GROUPS.slice(0, 4)),
      ratedGroup: fc.constantFrom(...GROUPS),
      dimension: fc.constantFrom(...RC_DIMENSIONS),
      score: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(1, 2, 3, 4, 5, 2.5, 7) }, fc.constant(NaN)),
    });
    const settings = fc.record({
      k: fc.integer({ min: 1, max: 6 }),
      min: fc.constantFrom(1, 2),
      threshold: fc.constantFrom(0, 0.3),
    });
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 500 }), settings, (ratings, { k, min, threshold }) => {
        const options = {
          raterAttribute: "g",
          wave: null,
          source: "long" as const,
          config: { raterAttribute: "g", min, max: 5, asymmetryThreshold: threshold },
          minGroupSize: k,
        };
        const fast = analyseCoordination(ratings as RcRating[], options);
        same(fast, objectCoordination(ratings as RcRating[], options), seen);
      }),
      { numRuns: RUNS },
    );
    expectCoverage(seen);
  });

  it("a wide export's columns", () => {
    const seen = nothingSeen();
    const column = fc.record({
      rated: fc.constantFrom(...GROUPS),
      dimension: fc.constantFrom(...RC_DIMENSIONS),
    });
    const names = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "gone"];
    const wide = fc
      .record({
        rows: fc.integer({ min: 0, max: 60 }),
        columns: fc.dictionary(fc.constantFrom(...names), column, { minKeys: 1 }),
        min: fc.constantFrom(1, 2),
        k: fc.integer({ min: 1, max: 6 }),
      })
      .chain(({ rows, columns, min, k }) =>
        fc.record({
          columns: fc.constant(columns),
          min: fc.constant(min),
          k: fc.constant(k),
          raterGroups: fc.array(fc.option(fc.constantFrom(...GROUPS.slice(0, 3)), { nil: null, freq: 8 }), {
            minLength: rows,
            maxLength: rows,
          }),
          answers: fc.record(
            Object.fromEntries(
              Object.keys(columns)
                .filter((c) => c !== "gone")
                .map((c) => [
                  c,
                  fc
                    .array(fc.constantFrom(NaN, 1, 2, 3, 4, 5, 6, 2.5), { minLength: rows, maxLength: rows })
                    .map((xs) => Float64Array.from(xs)),
                ]),
            ),
          ),
          rows: rows === 0 ? fc.constant([]) : fc.array(fc.integer({ min: 0, max: rows - 1 }), { maxLength: 80 }),
        }),
      );
    fc.assert(
      fc.property(wide, ({ columns, min, k, raterGroups, answers, rows }) => {
        const options = {
          raterAttribute: "g",
          wave: "w",
          source: "wide" as const,
          config: { raterAttribute: "g", min, max: 5, columns },
          minGroupSize: k,
        };
        const input = { answers, raterGroups, rows, columns };
        same(analyseWideCoordination(input, options), objectWideCoordination(input, options), seen);
      }),
      { numRuns: RUNS },
    );
    expectCoverage(seen);
  });
});
