// The tie contact read from the loaders' shared period arrays (src/signals/relational.ts) against reading each tie's
// Map: in place when one loader's ranges tile the ties and every entry is kept, copied otherwise, and from two
// loaders' arrays and Maps mixed in one run. Same arrays to the last bit.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Dataset, Tie } from "../../src/model/types.js";
import { tiePeriods } from "../../src/load/tie-periods.js";
import { tieContact } from "../../src/signals/relational.js";
import { propertyRuns } from "../helpers/size.js";
import { expectDeepEqual } from "../helpers/deep-equal.js";
import { system } from "../helpers/signals-fast-path-system.js";

const RUNS = propertyRuns(150, 1_000);

/** One loader's shared period arrays for the ties given, and a view of them per tie. */
function sharedViews(ties: readonly Tie[]): Tie[] {
  const start = Int32Array.from([0, ...ties.map((tie) => tie.periods.size)]);
  for (let t = 0; t < ties.length; t++) start[t + 1] += start[t];
  const views = tiePeriods({
    start,
    period: Int32Array.from(ties.flatMap((tie) => [...tie.periods.keys()])),
    weight: Float64Array.from(ties.flatMap((tie) => [...tie.periods.values()])),
  });
  return ties.map((tie, t) => ({ ...tie, periods: views[t] }));
}

/**
 * The ties' periods as views of shared arrays: all of them of one loader's arrays, or (`mixed`) the first half of
 * one pair of arrays, the rest of another, with every third tie from the first on keeping its own Map (so the
 * first tie read is a Map, and Maps and views follow each other both ways).
 */
function withSharedPeriods(data: Dataset, mixed = false): Dataset {
  const ties = data.interactions!.ties;
  const half = mixed ? ties.length >> 1 : ties.length;
  const views = [...sharedViews(ties.slice(0, half)), ...sharedViews(ties.slice(half))];
  const shared = views.map((view, t) => (mixed && t % 3 === 0 ? ties[t] : view));
  return { ...data, interactions: { ...data.interactions!, ties: shared } };
}

describe("tie contact's fast paths equal reading each tie's Map", () => {
  it("tie contact read from the loaders' shared period arrays equals reading each tie's Map", () => {
    fc.assert(
      fc.property(system(false), ({ data, timeline }) => {
        expectDeepEqual(tieContact(withSharedPeriods(data), timeline), tieContact(data, timeline), "tie contact");
      }),
      { numRuns: RUNS },
    );
  });

  it("tie contact with every period kept reads the loader's weights in place and equals reading each tie's Map", () => {
    fc.assert(
      fc.property(system(true), ({ data, timeline }) => {
        const shared = withSharedPeriods(data);
        const contact = tieContact(shared, timeline);
        expectDeepEqual(contact, tieContact(data, timeline), "tie contact");
        // The view, not a copy: the case this test is for (ties in one loader's order, nothing left out).
        const range = shared.interactions!.ties[0]?.periods.range;
        if (range) expect(contact.weight.buffer).toBe(range.weight.buffer);
        // One loader's views out of its order (the last two swapped, the first in place) are not a tiling.
        const swapped = (d: Dataset) => {
          const ties = [...d.interactions!.ties];
          if (ties.length >= 3) ties.push(...ties.splice(-2, 1));
          return { ...d, interactions: { ...d.interactions!, ties } };
        };
        expectDeepEqual(tieContact(swapped(shared), timeline), tieContact(swapped(data), timeline), "out of order");
      }),
      { numRuns: RUNS },
    );
  });

  it("tie contact from two loaders' shared arrays and from Maps in one run equals reading each tie's Map", () => {
    fc.assert(
      fc.property(system(false), ({ data, timeline }) => {
        const mixed = withSharedPeriods(data, true);
        expectDeepEqual(tieContact(mixed, timeline), tieContact(data, timeline), "tie contact");
      }),
      { numRuns: RUNS },
    );
  });
});
