// Pair activity (src/signals/pair-activity.ts) against the plain form: periods with contact as bits, 32 to a word,
// against a byte per (pair, period) — the same count of baseline periods with contact for every pair, on timelines
// shorter and longer than a word (M's 26 weeks fit one word; a year of weeks or a long monthly run takes two or
// three); and each pair's running last period and recent volume, kept in locals over a tie's periods, against the
// same sums made pair by pair — the same silence, start of silence and presence, with the two directions of a pair
// drawn as separate ties with their own periods and weights. The pairs of people are numbered without a hash (ties
// bucketed by their lower person): the plain form numbers them through PairIndex, in tie order of first appearance.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Dataset } from "../../src/model/types.js";
import { DORMANT_PERIODS, pairActivity } from "../../src/signals/pair-activity.js";
import { tieContact, type TieContact } from "../../src/signals/relational.js";
import { wholePositions, type Timeline } from "../../src/signals/timeline.js";
import { PairIndex } from "../../src/util/pair-index.js";
import { FIRST, weeks } from "../helpers/signals-fast-path-system.js";
import { propertyRuns } from "../helpers/size.js";
import { tieWith } from "../helpers/ties.js";

const RUNS = propertyRuns(150, 1_500);

/**
 * The plain form: a byte per (pair, period) with contact, counted over the baseline; and each pair's last period
 * with contact and contact volume in the recent window summed tie by tie in tie order (the same additions), from
 * which silence, where it began and who was present follow.
 */
function plainActivity(people: number, T: number, contact: TieContact, baseline: number[], recent: number[]) {
  const numbers = new PairIndex();
  const ties = contact.from.length;
  const active = new Uint8Array(ties * T);
  const a: number[] = [];
  const b: number[] = [];
  const last: number[] = [];
  const recentWeight: number[] = [];
  for (let t = 0; t < ties; t++) {
    const [lo, hi] = [Math.min(contact.from[t], contact.to[t]), Math.max(contact.from[t], contact.to[t])];
    const k = numbers.numberOf(lo, hi);
    [a[k], b[k]] = [lo, hi];
    last[k] ??= -1;
    recentWeight[k] ??= 0;
    for (let e = contact.start[t]; e < contact.start[t + 1]; e++) {
      const p = contact.position[e];
      active[k * T + p] = 1;
      last[k] = Math.max(last[k], p);
      if (recent.includes(p)) recentWeight[k] += contact.weight[e];
    }
  }
  const count = numbers.size;
  const silent = recentWeight.map((w) => (w > 0 ? 0 : 1));
  const present = new Uint8Array(people);
  for (let k = 0; k < count; k++) if (!silent[k]) present[a[k]] = present[b[k]] = 1;
  return {
    count,
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    baselinePeriods: baseline.length,
    activeBaseline: Uint16Array.from({ length: count }, (_, k) => baseline.reduce((n, p) => n + active[k * T + p], 0)),
    recentStart: recent[0],
    silent: Uint8Array.from(silent),
    firstSilent: Int32Array.from(last, (p) => p + 1),
    present,
  };
}

type DrawnTie = { from: number; to: number; periods: [number, number][] };

/** People without attributes and ties with contact at the given positions of the timeline (weights as given). */
function datasetOf(people: number, ties: DrawnTie[]): Dataset {
  return {
    people: { people: Array.from({ length: people }, () => ({ attributes: {} })) },
    interactions: {
      ties: ties
        .filter((t) => t.from !== t.to)
        .map((t) =>
          tieWith(
            t.from,
            t.to,
            t.periods.map(([p, w]): [number, number] => [FIRST + p, w]).sort((x, y) => x[0] - y[0]),
          ),
        ),
    },
  } as unknown as Dataset;
}

const system = fc
  .record({
    people: fc.integer({ min: 2, max: 12 }),
    // Lengths on each side of a 32-period word's end are drawn often: a word count one short shows only there.
    length: fc.oneof(
      fc.constantFrom(31, 32, 33, 63, 64, 65, 96, 97),
      fc.integer({ min: 2 * DORMANT_PERIODS + 1, max: 100 }),
    ),
    partialFirst: fc.boolean(),
    partialLast: fc.boolean(),
  })
  .chain(({ people, length, partialFirst, partialLast }) =>
    fc.record({
      people: fc.constant(people),
      timeline: fc.constant<Timeline>({
        kind: "week",
        timeZone: "UTC",
        first: FIRST,
        length,
        partialFirst,
        partialLast,
      }),
      baselinePoints: fc.integer({ min: 1, max: length }),
      ties: fc.uniqueArray(
        fc.record({
          from: fc.integer({ min: 0, max: people - 1 }),
          to: fc.integer({ min: 0, max: people - 1 }),
          periods: fc.uniqueArray(fc.tuple(fc.integer({ min: -2, max: length + 1 }), fc.constantFrom(0, 1, 2.5)), {
            selector: ([p]) => p,
            maxLength: 40,
          }),
        }),
        { selector: (t) => `${t.from},${t.to}`, maxLength: 40 },
      ),
    }),
  );

describe("pair activity equals the plain form", () => {
  it("the same pairs, baseline periods with contact, recent silence and presence, on timelines of 9 to 100 periods", () => {
    let judged = 0;
    let longer = 0;
    let someRecent = 0;
    let someSilent = 0;
    fc.assert(
      fc.property(system, ({ people, timeline, baselinePoints, ties }) => {
        const data = datasetOf(people, ties);
        const contact = tieContact(data, timeline);
        const activity = pairActivity(data, timeline, baselinePoints, contact);
        if (!activity) return;
        judged++;
        if (timeline.length > 32) longer++;
        const baseline = wholePositions(timeline, 0, baselinePoints);
        const recent = wholePositions(timeline, 0, timeline.length).slice(-DORMANT_PERIODS);
        const plain = plainActivity(people, timeline.length, contact, baseline, recent);
        expect(activity).toEqual(plain);
        if (plain.silent.includes(0)) someRecent++;
        if (plain.silent.includes(1)) someSilent++;
      }),
      { numRuns: RUNS },
    );
    // Most cases are judged (a timeline too short for a baseline and a recent window gives none), many past a word.
    expect(judged).toBeGreaterThan(RUNS / 2);
    expect(longer).toBeGreaterThan(RUNS / 4);
    // Silent and recently active pairs both met often, so silence, where it began and presence are all judged.
    expect(someRecent).toBeGreaterThan(RUNS / 4);
    expect(someSilent).toBeGreaterThan(RUNS / 4);
  });

  it("counts every period of full words: a pair in contact every week of 97, another every other week", () => {
    // Drawn ties are sparse (at most 40 periods), so no drawn word is ever full: a count that saturates within a
    // word would pass the property above.
    const length = 97;
    const timeline = weeks(length);
    const every = Array.from({ length }, (_, p): [number, number] => [p, 1]);
    const data = datasetOf(3, [
      { from: 0, to: 1, periods: every },
      { from: 1, to: 2, periods: every.filter(([p]) => p % 2 === 0) },
    ]);
    const contact = tieContact(data, timeline);
    // A baseline of 80 periods (two full words and part of a third), leaving 17 for the recent window.
    const activity = pairActivity(data, timeline, 80, contact)!;
    const baseline = wholePositions(timeline, 0, 80);
    expect(Array.from(activity.activeBaseline)).toEqual([baseline.length, Math.ceil(baseline.length / 2)]);
    const recent = wholePositions(timeline, 0, length).slice(-DORMANT_PERIODS);
    expect(activity).toEqual(plainActivity(3, length, contact, baseline, recent));
  });
});
