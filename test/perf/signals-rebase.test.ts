// The rebase suggestion's fast path (rebaseSuggestion in src/signals/chart.ts walks back from the last usable point
// and stops at the first without a shift, or on the other side of the mean) against the plain form it replaced, which
// lists every usable point first. Usable means a value and
// not excluded: a partial last period is excluded and judged by no rule, so it must not end the look-back.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { XmrChart, XmrSettings } from "../../src/result/spc.js";
import { chartSeries, type SeriesSpec } from "../../src/signals/chart.js";
import { labelAt, type Timeline } from "../../src/signals/timeline.js";
import { propertyRuns } from "../helpers/size.js";

/** The suggestion as it was before the early return (29ea88c^): every usable point listed, then the tail judged. */
function plainRebaseSuggestion(chart: XmrChart, timeline: Timeline): string | null {
  if (chart.kind !== "xmr") return null;
  const needed = chart.settings.runLength * 2;
  const usable = chart.points.filter((p) => p.value !== null && !p.excluded);
  if (usable.length < needed) return null;
  const tail = usable.slice(-needed);
  const above = tail[0].value! > tail[0].mean!;
  const onSide = (p: (typeof usable)[number]) => p.rules.includes("shift") && p.value! > p.mean! === above;
  if (!tail.every(onSide)) return null;
  let start = usable.length - needed;
  while (start > 0 && onSide(usable[start - 1])) start--;
  const from = labelAt(timeline, usable[start].index);
  const side = above ? "above" : "below";
  return `the last ${usable.length - start} points (from ${from}) sit ${side} the mean in force: if the change is understood and meant to last, record a rebase from ${from} in annotations.csv`;
}

function charted(values: (number | null)[], partialFirst: boolean, partialLast: boolean, x: Partial<XmrSettings>) {
  const timeline: Timeline = {
    kind: "week",
    timeZone: "UTC",
    first: 2_900,
    length: values.length,
    partialFirst,
    partialLast,
  };
  const spec: SeriesSpec = {
    source: { kind: "group", attribute: "team", group: "Ward 3", measure: "e-i index" },
    subject: { attribute: "team", groups: ["Ward 3"] },
    label: "Ward 3",
    direction: "higher",
    values,
    baselinePoints: 15,
  };
  const { series, chart } = chartSeries(spec, timeline, [], x);
  return { fast: series.rebaseSuggestion, plain: plainRebaseSuggestion(chart, timeline) };
}

/** A steady baseline (12, 11, 10, … mean 11, ending below it) then `shifted` points 4 above it, then `last`. */
const shiftThen = (shifted: number, last: (number | null)[]) => [
  ...Array.from({ length: 15 }, (_, i) => 12 - (i % 3)),
  ...Array.from({ length: shifted }, () => 15),
  ...last,
];

describe("the rebase suggestion's fast path equals the plain form", () => {
  it("suggests a rebase after a sustained shift whose last period is partial (excluded, judged by no rule)", () => {
    // Dropping `|| p.excluded` from the walk back makes the fast path stop at the excluded last point (no shift) and
    // suggest nothing: this case fails with that change.
    const { fast, plain } = charted(shiftThen(12, [0]), false, true, {});
    expect(plain).toContain("the last 12 points");
    expect(fast).toBe(plain);
  });

  it("suggests none when the last usable point has no shift, or a gap ends the series", () => {
    for (const last of [[8], [8, null], [null]]) {
      const { fast, plain } = charted(shiftThen(12, last), false, false, {});
      expect(fast).toBe(plain);
    }
    expect(charted(shiftThen(12, [8]), false, false, {}).fast).toBeNull();
  });

  it("gives the plain form's answer for shifted, gapped and partial series", () => {
    const point = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 8, max: 17 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.array(point, { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        (shifted, last, partialFirst, partialLast, runLength) => {
          const { fast, plain } = charted(shiftThen(shifted, last), partialFirst, partialLast, { runLength });
          expect(fast).toBe(plain);
        },
      ),
      { numRuns: propertyRuns(300, 3_000) },
    );
  });
});
