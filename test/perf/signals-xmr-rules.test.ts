// The rules kernel the full chart and the screen share (src/signals/spc/xmr-rules.ts): its working arrays are reused
// from chart to chart, and the limits are summed in loops where the plain form summed arrays with reduce. Two cases
// the broad property in xmr-fast-path.test.ts meets too rarely: a chart right after a longer one whose points were
// all flagged (whatever the arrays still hold past a chart's own points must not reach it), and limits from
// arbitrary doubles (the same terms in the same order give the same doubles; another order does not).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { XmrInput, XmrSettings } from "../../src/result/spc.js";
import { xmrChart } from "../../src/signals/spc/xmr.js";
import { mayMatter } from "../../src/signals/spc/xmr-screen.js";
import { propertyRuns } from "../helpers/size.js";
import { plainXmrChart } from "./reference/xmr-plain.js";

const RUNS = propertyRuns(300, 3_000);

const direction = fc.constantFrom("higher", "lower", "neither") as fc.Arbitrary<XmrInput["direction"]>;
const settings: fc.Arbitrary<Partial<XmrSettings>> = fc.record(
  {
    minPoints: fc.integer({ min: 2, max: 15 }),
    runLength: fc.integer({ min: 1, max: 9 }),
    screenMovingRanges: fc.boolean(),
    rulesCrossRecalculations: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A rising series with every point usable: every point flagged by the trend rule (and most by others). */
const rising = (length: number): XmrInput => ({
  values: Array.from({ length }, (_, i) => i * i),
  direction: "higher",
});

/** What the full chart says the screen should: a concern among the last `recent` usable points, or a rebase. */
function fullChartMatters(input: XmrInput, s: Partial<XmrSettings>, recent: number): boolean {
  const chart = plainXmrChart(input, s);
  const usable = chart.points.filter((p) => p.value !== null && !p.excluded);
  if (usable.slice(-recent).some((p) => p.special === "concern")) return true;
  const needed = chart.settings.runLength * 2;
  if (chart.kind !== "xmr" || usable.length < needed) return false;
  const tail = usable.slice(-needed);
  const above = tail[0].value! > tail[0].mean!;
  return tail.every((p) => p.rules.includes("shift") && p.value! > p.mean! === above);
}

describe("the XmR rules kernel's working arrays and sums", () => {
  it("charts a series with gaps at its end after a longer, flagged one as the plain form does", () => {
    const case_ = fc.record({
      values: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 30 }),
      gaps: fc.integer({ min: 1, max: 4 }),
      direction,
    });
    fc.assert(
      fc.property(case_, settings, ({ values, gaps, direction }, s) => {
        const input: XmrInput = { values: [...values, ...Array<null>(gaps).fill(null)], direction };
        xmrChart(rising(80), s);
        expect(xmrChart(input, s)).toEqual(plainXmrChart(input, s));
      }),
      { numRuns: RUNS },
    );
  });

  it("screens a series after a longer, flagged one as its full chart says", () => {
    const case_ = fc.record({
      values: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 30 }),
      gaps: fc.integer({ min: 0, max: 4 }),
      direction,
      recent: fc.integer({ min: 1, max: 6 }),
    });
    const plain = settings.map((s) => ({ ...s, screenMovingRanges: false }));
    fc.assert(
      fc.property(case_, plain, ({ values, gaps, direction, recent }, s) => {
        const input: XmrInput = { values: [...values, ...Array<null>(gaps).fill(null)], direction };
        mayMatter(rising(80), s, recent);
        xmrChart(rising(80), s);
        expect(mayMatter(input, s, recent)).toBe(fullChartMatters(input, s, recent));
      }),
      { numRuns: RUNS },
    );
  });

  it("gives the plain form's limits, to the bit, for series of arbitrary doubles", () => {
    const doubles = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 });
    const case_ = fc.record({
      values: doubles,
      baselinePoints: fc.option(fc.integer({ min: -3, max: 40 }), { nil: undefined }),
      recalculateAt: fc.option(fc.array(fc.integer({ min: 1, max: 39 }), { maxLength: 2 }), { nil: undefined }),
      direction,
    });
    fc.assert(
      fc.property(case_, settings, (input, s) => {
        const chart = xmrChart(input, s);
        const plain = plainXmrChart(input, s);
        expect(chart).toEqual(plain);
        // toEqual compares numbers with Object.is: the same doubles, the last bit included.
        for (const [k, segment] of chart.segments.entries())
          expect([segment.mean, segment.averageMovingRange]).toStrictEqual([
            plain.segments[k].mean,
            plain.segments[k].averageMovingRange,
          ]);
      }),
      { numRuns: RUNS },
    );
  });
});
