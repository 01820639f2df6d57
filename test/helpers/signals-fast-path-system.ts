// The small systems the signals' fast-path property tests draw (test/perf/signals-fast-paths.test.ts and
// test/perf/signals-tie-contact.test.ts): people in groups, ties with weights by period, windows and leavers.
import fc from "fast-check";
import type { Dataset, Tie } from "../../src/model/types.js";
import type { Windows } from "../../src/signals/relational.js";
import type { Timeline } from "../../src/signals/timeline.js";
import { tieWith } from "./ties.js";

export const FIRST = 2_900;

export interface Case {
  data: Dataset;
  timeline: Timeline;
  windows: Windows;
  leaverDraws: { person: number; left: number }[];
}

/** Whole weeks from FIRST, none partial. */
export const weeks = (length: number): Timeline => ({
  kind: "week",
  timeZone: "UTC",
  first: FIRST,
  length,
  partialFirst: false,
  partialLast: false,
});

/**
 * A small system: people in a few groups (some without one), ties with weights in periods of the timeline, and —
 * unless `inside` — periods before and after it and zero weights, which the contact arrays leave out.
 */
export const system = (inside: boolean) =>
  fc
    .record({
      people: fc.integer({ min: 2, max: 24 }),
      groups: fc.integer({ min: 2, max: 6 }),
      length: fc.integer({ min: 4, max: 20 }),
      minGroupSize: fc.integer({ min: 1, max: 4 }),
    })
    .chain(({ people, groups, length, minGroupSize }) =>
      fc.record({
        membership: fc.array(fc.option(fc.integer({ min: 0, max: groups - 1 }), { nil: null, freq: 8 }), {
          minLength: people,
          maxLength: people,
        }),
        ties: fc.uniqueArray(
          fc.record({
            from: fc.integer({ min: 0, max: people - 1 }),
            to: fc.integer({ min: 0, max: people - 1 }),
            periods: fc.dictionary(
              fc.integer({ min: inside ? 0 : -3, max: inside ? length - 1 : length + 2 }).map(String),
              // 12: heavy enough that some pairs are charted even with periods lost outside the timeline.
              inside ? fc.constantFrom(1, 2, 3, 0.1, 7.25) : fc.constantFrom(0, 1, 2, 0.1, 7.25, 12),
              { maxKeys: length },
            ),
          }),
          { selector: (t) => `${t.from}>${t.to}`, maxLength: 120 },
        ),
        baseline: fc.integer({ min: 0, max: length }),
        recent: fc.subarray([...Array(length).keys()]),
        leaverDraws: fc.array(
          fc.record({ person: fc.integer({ min: 0, max: people - 1 }), left: fc.integer({ min: 0, max: length - 1 }) }),
          { maxLength: people },
        ),
        length: fc.constant(length),
        minGroupSize: fc.constant(minGroupSize),
      }),
    )
    .map((drawn): Case => {
      const ties: Tie[] = drawn.ties.map(({ from, to, periods }) =>
        tieWith(
          from,
          to,
          Object.entries(periods)
            .map(([p, w]) => [FIRST + Number(p), w] as [number, number])
            .sort((x, y) => x[0] - y[0]),
        ),
      );
      const people = drawn.membership.map((g, i) => ({
        id: `p${i}`,
        attributes: g === null ? {} : { team: `team ${String.fromCharCode(65 + g)}` },
      }));
      const data = {
        people: { people },
        interactions: { ties },
        config: { minGroupSize: drawn.minGroupSize },
      } as unknown as Dataset;
      const timeline = weeks(drawn.length);
      return {
        data,
        timeline,
        windows: { baseline: drawn.baseline, recent: drawn.recent },
        leaverDraws: drawn.leaverDraws,
      };
    });
