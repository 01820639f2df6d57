// The scene's screen (src/signals/spc/xmr-screen.ts, through needsChart in chart.ts) against the full chart it
// stands in for: a series is left uncharted only when its full chart shows no current concern and suggests no rebase,
// and charted in full whenever it shows either. Exact without recalculations and moving-range screening; with them
// (or an annotation naming the series) the screen always defers to the full chart.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Annotation } from "../../src/model/types.js";
import type { XmrSettings } from "../../src/result/spc.js";
import { chartSeries, needsChart, type SeriesSpec } from "../../src/signals/chart.js";
import { currentConcern } from "../../src/signals/episodes.js";
import type { Timeline } from "../../src/signals/timeline.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(800, 8_000);

// Few distinct values, so points tie with each other and with the mean; drifts, so runs and trends happen.
const value = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 2, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, NaN, Infinity) },
);
const values = fc.oneof(
  fc.array(value, { minLength: 1, maxLength: 40 }),
  // Longer than the screen's working arrays start (64 points), so they grow within the run.
  fc.array(value, { minLength: 60, maxLength: 300 }),
  fc
    .array(fc.integer({ min: -2, max: 3 }), { minLength: 1, maxLength: 40 })
    .map((steps) => steps.reduce<number[]>((out, step) => [...out, (out.at(-1) ?? 0) + step], [])),
  // A steady series (mean 11, limits ± 3.5, two-sigma lines ± 2.4) whose last points move: the concerns and
  // rebases the scene keeps, and points between the two-sigma lines and the limits beside points beyond them.
  fc
    .tuple(fc.integer({ min: 14, max: 30 }), fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 1, maxLength: 14 }))
    .map(([n, tail]) => Array.from({ length: n }, (_, i) => 10 + (i % 3) + (tail[i - (n - tail.length)] ?? 0))),
);

const settings = (plain: boolean): fc.Arbitrary<Partial<XmrSettings>> =>
  fc.record(
    {
      minPoints: fc.integer({ min: 2, max: 15 }),
      runLength: fc.integer({ min: 1, max: 9 }),
      screenMovingRanges: plain ? fc.constant(false) : fc.boolean(),
      twoSigmaCountsBeyondLimits: fc.boolean(),
      rulesCrossRecalculations: fc.boolean(),
      conflict: fc.constantFrom("improvement", "concern") as fc.Arbitrary<XmrSettings["conflict"]>,
    },
    { requiredKeys: [] },
  );

const spec = (plain: boolean) =>
  values.chain((v) =>
    fc.record({
      values: fc.constant(v as (number | null)[]),
      direction: fc.constantFrom("higher", "lower", "neither") as fc.Arbitrary<SeriesSpec["direction"]>,
      baselinePoints: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      recalculateAt: plain
        ? fc.constant(undefined)
        : fc.option(fc.array(fc.integer({ min: 2_900, max: 2_900 + v.length }), { maxLength: 2 }), { nil: undefined }),
      partialFirst: fc.boolean(),
      partialLast: fc.boolean(),
    }),
  );

type Case = { values: (number | null)[]; direction: SeriesSpec["direction"]; baselinePoints?: number };

/** The series of one case, on a weekly timeline of its length (partial ends excluded, as the run's). */
function series(c: Case & { recalculateAt?: number[]; partialFirst: boolean; partialLast: boolean }) {
  const timeline: Timeline = {
    kind: "week",
    timeZone: "UTC",
    first: 2_900,
    length: c.values.length,
    partialFirst: c.partialFirst,
    partialLast: c.partialLast,
  };
  const s: SeriesSpec = {
    source: { kind: "group", attribute: "team", group: "Ward 3", measure: "e-i index" },
    subject: { attribute: "team", groups: ["Ward 3"] },
    label: "Ward 3",
    direction: c.direction,
    values: c.values,
    ...(c.baselinePoints !== undefined ? { baselinePoints: c.baselinePoints } : {}),
    // Instants about the timeline's weeks: wherever one falls, a recalculation makes the screen defer.
    ...(c.recalculateAt ? { recalculateAt: c.recalculateAt.map((w) => w * 7 * 86_400_000) } : {}),
  };
  return { timeline, spec: s };
}

/** What the scene keeps a later boundary's series for, read from the full chart. */
function matters(s: SeriesSpec, timeline: Timeline, annotations: Annotation[], x: Partial<XmrSettings>): boolean {
  const full = chartSeries(s, timeline, annotations, x);
  return currentConcern(full.chart) !== null || full.series.rebaseSuggestion !== null;
}

describe("the scene's XmR screen", () => {
  it("charts in full exactly the series whose chart shows a current concern or suggests a rebase", () => {
    let kept = 0;
    let left = 0;
    fc.assert(
      fc.property(spec(true), settings(true), (c, x) => {
        const { timeline, spec: s } = series(c);
        const needed = needsChart(s, timeline, [], x, "organisation");
        expect(needed).toBe(matters(s, timeline, [], x));
        if (needed) kept++;
        else left++;
      }),
      { numRuns: RUNS },
    );
    // Neither answer is rare, so the comparison is not vacuous.
    expect(Math.min(kept, left)).toBeGreaterThan(RUNS / 10);
  });

  it("never leaves out a series that matters, with recalculations, screened moving ranges or annotations", () => {
    const note: Annotation = { at: 2_905 * 7 * 86_400_000, target: "Ward 3", note: "a", action: null, line: 2 };
    fc.assert(
      fc.property(spec(false), settings(false), fc.boolean(), (c, x, annotated) => {
        const { timeline, spec: s } = series(c);
        const annotations = annotated ? [note] : [];
        if (matters(s, timeline, annotations, x))
          expect(needsChart(s, timeline, annotations, x, "organisation")).toBe(true);
        if (annotated || s.recalculateAt?.length || x.screenMovingRanges)
          expect(needsChart(s, timeline, annotations, x, "organisation")).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  // The screen's working arrays are shared by every call and grow with the longest series yet: a series longer than
  // any the suite charts elsewhere, then short ones again, each against its full chart.
  it("gives the full chart's answer after its working arrays grow, and for short series after them", () => {
    const wave = (length: number, last: number[]) =>
      series({
        values: [...Array.from({ length }, (_, i) => 10 + (i % 3)), ...last],
        direction: "higher",
        baselinePoints: 20,
        partialFirst: false,
        partialLast: true,
      });
    const answers: boolean[] = [];
    for (const [length, last] of [
      [5_000, [2, 3, 2]],
      [5_000, [11, 10, 12]],
      [30, [2, 3, 2]],
      [30, [11, 10, 12]],
      [7_000, [2, 3, 2, 3]],
    ] as [number, number[]][]) {
      const { timeline, spec: s } = wave(length, last);
      const needed = matters(s, timeline, [], {});
      expect(needsChart(s, timeline, [], {}, "organisation")).toBe(needed);
      answers.push(needed);
    }
    // The dip at the end is a concern and the steady end is not, at either length.
    expect(answers).toEqual([true, false, true, false, true]);
  });

  // Too rare for the generator: the point beyond the limits is just before the last three, and the two-sigma point
  // after it is a concern only when a point beyond the limits counts toward the rule (mean 11, limits 11 ± 3.4).
  it("counts a point beyond the limits toward the two-sigma rule only when the settings say so", () => {
    const steady = Array.from({ length: 15 }, (_, i) => 10 + (i % 3));
    for (const twoSigmaCountsBeyondLimits of [true, false]) {
      const { timeline, spec: s } = series({
        values: [...steady, 7, 8, 10, 12],
        direction: "higher",
        baselinePoints: 15,
        partialFirst: false,
        partialLast: false,
      });
      const x = { twoSigmaCountsBeyondLimits };
      expect(matters(s, timeline, [], x)).toBe(twoSigmaCountsBeyondLimits);
      expect(needsChart(s, timeline, [], x, "organisation")).toBe(twoSigmaCountsBeyondLimits);
    }
  });
});
