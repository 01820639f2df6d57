// The RC matrix of a wide export read through `answerRows` (src/survey/analyse.ts passes the answers as read and the
// ordered survey's origin, so the RC columns are not copied into canonical order): the same result as the answers
// put at the rows themselves.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseWideCoordination } from "../../src/survey/coordination.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(100, 500);
const DIMENSIONS = ["frequent", "timely", "mutualRespect"] as const;

describe("the RC matrix read through answer rows", () => {
  it("equals the matrix of the answers moved to their rows", () => {
    const column = fc.record({ rated: fc.constantFrom("A", "B", "C"), dimension: fc.constantFrom(...DIMENSIONS) });
    const drawn = fc
      .record({
        rows: fc.integer({ min: 0, max: 40 }),
        columns: fc.dictionary(fc.constantFrom("c1", "c2", "c3", "c4", "c5", "gone"), column, { minKeys: 1 }),
        k: fc.integer({ min: 1, max: 4 }),
      })
      .chain(({ rows, columns, k }) =>
        fc.record({
          columns: fc.constant(columns),
          k: fc.constant(k),
          raterGroups: fc.array(fc.option(fc.constantFrom("A", "B", "C"), { nil: null, freq: 6 }), {
            minLength: rows,
            maxLength: rows,
          }),
          answers: fc.array(fc.array(fc.constantFrom(NaN, 1, 2, 3, 5, 6, 2.5), { minLength: rows, maxLength: rows }), {
            minLength: 6,
            maxLength: 6,
          }),
          // Row r's answers sit at origin[r] of the columns as read (a permutation), and the rows the matrix reads.
          origin: fc.shuffledSubarray([...Array(rows).keys()], { minLength: rows, maxLength: rows }),
          rows: fc.subarray([...Array(rows).keys()]),
        }),
      );
    let shown = 0;
    fc.assert(
      fc.property(drawn, ({ columns, k, raterGroups, answers, origin, rows }) => {
        const names = Object.keys(columns).filter((c) => c !== "gone");
        const atRows = Object.fromEntries(names.map((c, i) => [c, Float64Array.from(answers[i])]));
        const asRead = Object.fromEntries(
          names.map((c, i) => {
            const values = new Float64Array(origin.length);
            origin.forEach((at, r) => (values[at] = answers[i][r]));
            return [c, values];
          }),
        );
        const options = {
          raterAttribute: "g",
          wave: "w",
          source: "wide" as const,
          config: { raterAttribute: "g", min: 1, max: 5, columns },
          minGroupSize: k,
        };
        const through = analyseWideCoordination(
          { answers: asRead, raterGroups, rows, answerRows: origin, columns },
          options,
        );
        const plain = analyseWideCoordination({ answers: atRows, raterGroups, rows, columns }, options);
        expect(through).toEqual(plain);
        if (plain?.cells.some((c) => !c.suppressed)) shown++;
      }),
      { numRuns: RUNS },
    );
    expect(shown).toBeGreaterThan(0);
  });
});
