// The wave changes' Mann–Whitney by counts of ranks (src/survey/compare.ts, mannWhitneyByRank) against mannWhitney
// on the same values: the same U, z and p to the bit.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mannWhitney, mannWhitneyByRank, valueRanks } from "../../src/survey/compare.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(200, 2000);

describe("Mann–Whitney by counts of ranks", () => {
  // A scale's scores are ranked once per column; each change counts its two cells' rows per rank and walks the
  // counts, where mannWhitney copies and sorts both samples. Drawn: columns with ties, 0 and −0, NaN, huge and tiny
  // values; two sets of rows (repeats allowed, as a sample may hold a value many times); the scratch counts shared by
  // consecutive calls, as the wave changes share them, so a count left behind would show in the next call.
  it("equals mannWhitney of the values at the rows, NaN and ties included, with the scratch reused", () => {
    const value = fc.oneof(
      fc.constantFrom(0, -0, 1, 2, 2.5, 1 / 3, -1, NaN, 1e300, -5e-324),
      fc.double({ min: -10, max: 10, noNaN: true }),
    );
    const drawn = fc.array(value, { minLength: 1, maxLength: 40 }).chain((column) => {
      const rows = fc.array(fc.integer({ min: 0, max: column.length - 1 }), { maxLength: 50 });
      return fc.record({
        column: fc.constant(column),
        pairs: fc.array(fc.tuple(rows, rows), { minLength: 1, maxLength: 4 }),
      });
    });
    let compared = 0;
    fc.assert(
      fc.property(drawn, ({ column, pairs }) => {
        const values = Float64Array.from(column);
        const ranks = valueRanks(values);
        const counts = new Int32Array(2 * ranks.distinct);
        for (const [x, y] of pairs) {
          const plain = mannWhitney(
            x.map((r) => values[r]),
            y.map((r) => values[r]),
          );
          expect(mannWhitneyByRank(Int32Array.from(x), Int32Array.from(y), ranks, counts)).toEqual(plain);
          if (plain) compared++;
        }
        expect(counts.every((c) => c === 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS / 2);
  });
});
