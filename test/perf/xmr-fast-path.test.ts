// The XmR chart's rules as bit masks (src/signals/spc/xmr.ts) against the plain form with a Set per point and side
// (test/perf/reference/xmr-plain.ts): the same chart, field for field, for series with gaps, ties, runs and trends,
// recalculations, exclusions, baselines, targets and every setting.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { XmrInput, XmrSettings } from "../../src/result/spc.js";
import { xmrChart } from "../../src/signals/spc/xmr.js";
import { propertyRuns } from "../helpers/size.js";
import { plainXmrChart } from "./reference/xmr-plain.js";

const RUNS = propertyRuns(500, 5_000);

// Few distinct values, so points tie with each other and with the mean; steps so runs and trends happen.
const value = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 2, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, NaN, Infinity) },
);
const series = fc.oneof(
  fc.array(value, { maxLength: 40 }),
  // Drifts: long rising or falling stretches.
  fc
    .array(fc.integer({ min: -2, max: 3 }), { maxLength: 40 })
    .map((steps) => steps.reduce<number[]>((out, step) => [...out, (out.at(-1) ?? 0) + step], [])),
);

const input = series.chain((values) =>
  fc.record({
    values: fc.constant(values as (number | null)[]),
    direction: fc.constantFrom("higher", "lower", "neither") as fc.Arbitrary<XmrInput["direction"]>,
    target: fc.option(fc.integer({ min: -5, max: 10 }), { nil: undefined }),
    baselinePoints: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    recalculateAt: fc.option(fc.array(fc.integer({ min: -1, max: values.length + 1 }), { maxLength: 3 }), {
      nil: undefined,
    }),
    excluded: fc.option(fc.array(fc.integer({ min: 0, max: Math.max(0, values.length - 1) }), { maxLength: 3 }), {
      nil: undefined,
    }),
  }),
);

const settings: fc.Arbitrary<Partial<XmrSettings>> = fc.record(
  {
    minPoints: fc.integer({ min: 2, max: 15 }),
    runLength: fc.integer({ min: 1, max: 9 }),
    screenMovingRanges: fc.boolean(),
    twoSigmaCountsBeyondLimits: fc.boolean(),
    rulesCrossRecalculations: fc.boolean(),
    conflict: fc.constantFrom("improvement", "concern") as fc.Arbitrary<XmrSettings["conflict"]>,
  },
  { requiredKeys: [] },
);

describe("XmR fast path equals the plain one", () => {
  it("the same chart for any series and settings", () => {
    fc.assert(
      fc.property(input, settings, (x, s) => {
        expect(xmrChart(x, s)).toEqual(plainXmrChart(x, s));
      }),
      { numRuns: RUNS },
    );
  });

  it("flags every rule somewhere in the generated series (the comparison is not vacuous)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(input, settings, (x, s) => {
        const chart = xmrChart(x, s);
        // Every chart made with one settings object shares its merged settings: frozen, for the same reason.
        expect(Object.isFrozen(chart.settings)).toBe(true);
        expect(xmrChart(x, s).settings).toBe(chart.settings);
        for (const p of chart.points) {
          // A point's rule list is shared with every point flagged by the same rules: frozen, so no one can change
          // all of them through one.
          expect(Object.isFrozen(p.rules)).toBe(true);
          for (const rule of p.rules) seen.add(`${rule}:${p.special}`);
        }
      }),
      { numRuns: RUNS },
    );
    for (const rule of ["beyond-limits", "shift", "trend", "two-sigma"])
      expect([...seen].filter((k) => k.startsWith(rule)).length).toBeGreaterThan(1);
  });
});
