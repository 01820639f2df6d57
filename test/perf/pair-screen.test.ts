// The scene's screen of a later boundary's pairs of groups before any spec is built (src/signals/scene-pairs.ts):
// a pair left out there must be one whose series the full path would have judged and dropped. chartPairs with the
// screen is held to chartPairs with it turned off (every pair through chart(), as before the screen existed): the
// same pairs kept with the same charts, the same counts of pairs and of series charted, and the same series kept for
// publishing in the same order — on the demo's later boundaries, directed and undirected, under varied XmR settings.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Annotation, Dataset } from "../../src/model/types.js";
import type { XmrSettings } from "../../src/result/spc.js";
import { sceneCharter } from "../../src/signals/charter.js";
import { RECENT } from "../../src/signals/episodes.js";
import type { PairTable } from "../../src/signals/pair-series.js";
import { boundarySeries, groupIndex, tieContact, type Windows } from "../../src/signals/relational.js";
import { relationalBaseline } from "../../src/signals/scene.js";
import { chartPairs, quietPair } from "../../src/signals/scene-pairs.js";
import { needsChart, type SeriesSpec } from "../../src/signals/chart.js";
import { reciprocitySeries } from "../../src/signals/relational.js";
import type { Timeline } from "../../src/signals/timeline.js";
import { buildTimeline, wholePositions } from "../../src/signals/timeline.js";
import { demoInputs } from "../helpers/demo.js";
import { propertyRuns } from "../helpers/size.js";
import { expectDeepEqual } from "../helpers/deep-equal.js";

const RUNS = propertyRuns(16, 200);

const settings: fc.Arbitrary<Partial<XmrSettings>> = fc.record(
  {
    minPoints: fc.integer({ min: 2, max: 15 }),
    runLength: fc.integer({ min: 3, max: 9 }),
    twoSigmaCountsBeyondLimits: fc.boolean(),
    conflict: fc.constantFrom("improvement", "concern") as fc.Arbitrary<XmrSettings["conflict"]>,
    // The screen defers to the full chart here: every pair is charted in full, and must still come out the same.
    screenMovingRanges: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Cells of the pair table to empty: periods without contact, whose reciprocity is a gap (the demo's busy pairs have none). */
const gaps = fc.array(fc.nat(), { maxLength: 300 });

function silence(table: PairTable, cells: number[]): void {
  for (const cell of cells)
    for (const values of [table.interactions, table.forward, table.backward, table.activeTies])
      if (values.length > 0) values[cell % values.length] = 0;
}

describe("a later boundary's quiet pairs, screened before their specs are built", () => {
  it("give the pairs, counts and kept series of charting every pair", async () => {
    // Annotations make the scene chart every pair in full (an annotation may name one): the demo's are left out here
    // so that the screen is what is tested.
    const demo: Dataset = { ...(await demoInputs()).dataset, annotations: [] };
    const timeline = buildTimeline(demo)!;
    const baselinePoints = relationalBaseline(timeline.length);
    const windows: Windows = {
      baseline: baselinePoints,
      recent: wholePositions(timeline, 0, timeline.length).slice(-RECENT),
    };
    const frame = { timeline, baselinePoints, windows };
    const tally = { screenedOut: 0, kept: 0, charted: 0 };
    fc.assert(
      fc.property(settings, fc.boolean(), gaps, (xmr, undirected, silent) => {
        const data: Dataset = { ...demo, undirected };
        const contact = tieContact(data, timeline);
        for (const attribute of data.boundaries.slice(1)) {
          const index = groupIndex(data, attribute)!;
          // One boundary for both: a pair's series view is made once and shared, as within one scene.
          const boundary = boundarySeries(data, index, contact, timeline, windows);
          silence(boundary.pairs, silent);
          const plain = { ...sceneCharter(data, timeline, xmr), screens: () => false };
          const screened = sceneCharter(data, timeline, xmr);
          let leftOut = 0;
          const counting = { ...screened, counted: (n: number) => (screened.counted(n), (leftOut += n)) };
          const expected = chartPairs(data, boundary, frame, plain);
          const actual = chartPairs(data, boundary, frame, counting);
          expect(actual.pairsCharted).toBe(expected.pairsCharted);
          expect(screened.charted()).toBe(plain.charted());
          expectDeepEqual(actual.pairs, expected.pairs, "pairs kept");
          expectDeepEqual(screened.series, plain.series, "series kept");
          tally.screenedOut += leftOut;
          tally.kept += actual.pairs.length;
          tally.charted += plain.charted();
        }
      }),
      { numRuns: RUNS },
    );
    // Both ways through the screen were taken: pairs left out, and pairs charted in full and kept.
    expect(tally.screenedOut).toBeGreaterThan(0);
    expect(tally.kept).toBeGreaterThan(0);
    expect(tally.screenedOut).toBeLessThan(tally.charted);
  });
});

describe("a run with annotations", () => {
  it("charts every pair in full: an annotation can change a chart whose values alone would be left out", async () => {
    const demo = (await demoInputs()).dataset;
    const timeline = buildTimeline(demo)!;
    const baselinePoints = relationalBaseline(timeline.length);
    const windows: Windows = {
      baseline: baselinePoints,
      recent: wholePositions(timeline, 0, timeline.length).slice(-RECENT),
    };
    // Limits fixed on the first few weeks of every pair's interactions: many charts change, some to a concern.
    const early: Annotation = {
      at: (timeline.first + 3) * 7 * 86_400_000,
      target: "interactions",
      note: "limits from the first weeks",
      action: "baseline",
      line: 2,
    };
    const data: Dataset = { ...demo, annotations: [early] };
    const contact = tieContact(data, timeline);
    let keptOnlyForTheAnnotation = 0;
    for (const attribute of data.boundaries.slice(1)) {
      const boundary = boundarySeries(data, groupIndex(data, attribute)!, contact, timeline, windows);
      const frame = { timeline, baselinePoints, windows };
      const plain = { ...sceneCharter(data, timeline, {}), screens: () => false };
      const screened = sceneCharter(data, timeline, {});
      expect(screened.screens(attribute)).toBe(false);
      const expected = chartPairs(data, boundary, frame, plain);
      expect(chartPairs(data, boundary, frame, screened)).toEqual(expected);
      // Pairs kept for the annotation's sake whose values alone the screen would have left out.
      const valuesOnly = sceneCharter({ ...data, annotations: [] }, timeline, {});
      const table = boundary.pairs;
      for (const { pair } of expected.pairs) {
        const k = Array.from({ length: table.count }, (_, i) => i).find(
          (i) => table.a[i] === pair.a && table.b[i] === pair.b,
        )!;
        if (quietPair(table, k, data.undirected, baselinePoints, valuesOnly)) keptOnlyForTheAnnotation++;
      }
    }
    expect(keptOnlyForTheAnnotation).toBeGreaterThan(0);
  });
});

/** Rows of a pair table: contact counts with many empty periods (a gap in reciprocity), forward + backward = total. */
const rows = fc
  .record({ count: fc.integer({ min: 1, max: 4 }), length: fc.integer({ min: 4, max: 40 }) })
  .chain(({ count, length }) =>
    fc.record({
      length: fc.constant(length),
      forward: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })), {
        minLength: count * length,
        maxLength: count * length,
      }),
      backward: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })), {
        minLength: count * length,
        maxLength: count * length,
      }),
      activeTies: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: count * length, maxLength: count * length }),
      partialFirst: fc.boolean(),
      partialLast: fc.boolean(),
      baselinePoints: fc.integer({ min: 0, max: 40 }),
    }),
  );

describe("quietPair against needsChart of each of the pair's series", () => {
  it("is true exactly when the full path would chart none of them", () => {
    fc.assert(
      fc.property(rows, settings, fc.boolean(), (r, xmr, undirected) => {
        // Every pair charted, its rows in the order of its number.
        const table = {
          length: r.length,
          row: Int32Array.from({ length: r.forward.length / r.length }, (_, k) => k),
          forward: Float64Array.from(r.forward),
          backward: Float64Array.from(r.backward),
          interactions: Float64Array.from(r.forward, (f, i) => f + r.backward[i]),
          activeTies: Float64Array.from(r.activeTies),
        };
        const timeline: Timeline = {
          kind: "week",
          timeZone: "UTC",
          first: 2_900,
          length: r.length,
          partialFirst: r.partialFirst,
          partialLast: r.partialLast,
        };
        const charter = sceneCharter(
          { annotations: [], boundaries: ["organisation"] } as unknown as Dataset,
          timeline,
          xmr,
        );
        // One assertion per case, on the pairs judged wrong: an expect() per pair cost 0.2 of this file's 1.7 CPU-s.
        const wrong: string[] = [];
        for (let k = 0; k < r.forward.length / r.length; k++) {
          const at = (values: Float64Array) => values.subarray(k * r.length, (k + 1) * r.length);
          const pair = {
            interactions: at(table.interactions),
            forward: at(table.forward),
            backward: at(table.backward),
          };
          const series: [SeriesSpec["source"], (number | null)[]][] = [
            [
              { kind: "pair", attribute: "team", groups: ["A", "B"], measure: "interactions" },
              Array.from(pair.interactions),
            ],
            [
              { kind: "pair", attribute: "team", groups: ["A", "B"], measure: "active ties" },
              Array.from(at(table.activeTies)),
            ],
          ];
          if (!undirected)
            series.push([
              { kind: "pair", attribute: "team", groups: ["A", "B"], measure: "reciprocity" },
              reciprocitySeries(pair as Parameters<typeof reciprocitySeries>[0]),
            ]);
          const charted = series.some(([source, values]) =>
            needsChart(
              {
                source,
                subject: { attribute: "team", groups: ["A", "B"] },
                label: "A ↔ B",
                direction: "higher",
                values,
                baselinePoints: r.baselinePoints,
              },
              timeline,
              [],
              xmr,
              "organisation",
            ),
          );
          if (quietPair(table, k, undirected, r.baselinePoints, charter) === charted)
            wrong.push(
              `pair ${k}: ${charted ? "screened out, yet a series is charted" : "kept, yet no series is charted"}`,
            );
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: propertyRuns(400, 4_000) },
    );
  });
});
