// A tie's periods are a read-only view of arrays shared by all ties (src/load/tie-periods.ts): every way of reading
// it must give what a Map of the same periods, inserted in ascending order, gives.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tiePeriods } from "../../src/load/tie-periods.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(100, 500);

describe("tie periods view", () => {
  it("reads like a Map of the same ascending periods", () => {
    const tie = fc
      .uniqueArray(fc.integer({ min: -5, max: 40 }), { maxLength: 12 })
      .chain((periods) =>
        fc.tuple(
          fc.constant([...periods].sort((a, b) => a - b)),
          fc.array(fc.constantFrom(0, -0, 1, 2.5, 7), { minLength: periods.length, maxLength: periods.length }),
        ),
      );
    fc.assert(
      fc.property(
        fc.array(tie, { maxLength: 6 }),
        fc.array(fc.integer({ min: -6, max: 41 }), { maxLength: 8 }),
        (ties, probes) => {
          const start = Int32Array.from([0, ...ties.map(([p]) => p.length)]);
          for (let t = 0; t < ties.length; t++) start[t + 1] += start[t];
          const views = tiePeriods({
            start,
            period: Int32Array.from(ties.flatMap(([p]) => p)),
            weight: Float64Array.from(ties.flatMap(([, w]) => w)),
          });
          expect(views.length).toBe(ties.length);
          ties.forEach(([periods, weights], t) => {
            const view = views[t];
            const map = new Map(periods.map((p, i) => [p, weights[i]]));
            expect(view.size).toBe(map.size);
            expect([...view]).toEqual([...map]);
            expect([...view.keys()]).toEqual([...map.keys()]);
            expect([...view.values()].map((w) => Object.is(w, -0))).toEqual(
              [...map.values()].map((w) => Object.is(w, -0)),
            );
            const seen: [number, number][] = [];
            view.forEach((w, p, self) => {
              expect(self).toBe(view);
              seen.push([p, w]);
            });
            expect(seen).toEqual([...map.entries()]);
            for (const p of probes) {
              expect(view.has(p)).toBe(map.has(p));
              expect(view.get(p)).toBe(map.get(p));
            }
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
