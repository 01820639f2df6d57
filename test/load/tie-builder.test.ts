// TieBuilder.merge (interactions on two threads): the ties built from the rows before a cut, merged with those built
// from the rows after it, must equal the ties built from all the rows — with either side dense or past a small dense
// limit, so the merge meets records, period blocks and sparse cells on both sides. Whole weights and durations only:
// the merge adds sums once per cell, exact only then (the caller's check, exactSums in interactions.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TieBuilder } from "../../src/load/tie-builder.js";
import { propertyRuns } from "../helpers/size.js";

const RUNS = propertyRuns(100, 400);
const PEOPLE = 7;
const WEEK = 7 * 86_400_000;
const periodOf = (at: number) => Math.floor(at / WEEK);

const row = fc.record({
  from: fc.integer({ min: 0, max: PEOPLE - 1 }),
  to: fc.integer({ min: 0, max: PEOPLE - 1 }),
  weight: fc.constantFrom(0, 1, 2, 15),
  duration: fc.constantFrom(0, 15, 30),
  // Up to 8 channels: more than the records' first channel columns, new ones after the cut too.
  channel: fc.oneof(
    fc.constantFrom("email", "", "1:1"),
    fc.integer({ min: 0, max: 7 }).map((i) => `c${i}`),
  ),
  at: fc.option(fc.integer({ min: 2800 * WEEK, max: 2960 * WEEK }), { freq: 5 }),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function builder(rows: Row[], denseLimit?: number) {
  const b = new TieBuilder(denseLimit);
  for (const r of rows)
    b.add(r.from, r.to, r.weight, r.duration, r.channel, r.at, r.at === null ? null : periodOf(r.at));
  return b;
}

const shown = (b: TieBuilder) =>
  b.ties().map((t) => ({ ...t, channels: Object.entries(t.channels), periods: [...t.periods] }));

// 1 turns a builder sparse at its first row; 1024 × 14 part-way through a few hundred rows.
const limit = fc.constantFrom(undefined, 1, 1024 * 14);

describe("TieBuilder.merge", () => {
  it("two halves merged equal the whole, dense or sparse on either side", () => {
    const person = Int32Array.from({ length: PEOPLE }, (_, i) => i);
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 300 }),
        fc.nat(),
        limit,
        limit,
        (rows, at, before, after) => {
          const cut = at % (rows.length + 1);
          const merged = builder(rows.slice(0, cut), before);
          merged.merge(builder(rows.slice(cut), after).part(), person);
          expect(shown(merged)).toEqual(shown(builder(rows)));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
