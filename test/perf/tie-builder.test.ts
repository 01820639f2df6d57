// TieBuilder keeps ties in flat records (and in hashed cells past its dense limit). Whatever the rows — new channels
// and periods arriving in any order (forcing the records to be laid out again), zero and negative-zero weights,
// rows without timestamps, a dense limit reached part-way — its ties must equal a plain reference built with
// objects and Maps: the same numbers to the last bit, channels in order of first appearance in the file, periods
// ascending.
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../helpers/size.js";
import fc from "fast-check";
import { TieBuilder } from "../../src/load/tie-builder.js";

const RUNS = propertyRuns(100, 400);

interface Row {
  from: number;
  to: number;
  weight: number;
  duration: number;
  channel: string;
  at: number | null;
}

const WEEK = 7 * 86_400_000;
const periodOf = (at: number) => Math.floor(at / WEEK);

/** What the builder must give: row-order sums, channels by first appearance in the file, periods ascending. */
function reference(rows: Row[]) {
  const channelOrder = [...new Set(rows.map((r) => r.channel))];
  const ties = new Map<
    string,
    {
      from: number;
      to: number;
      weight: number;
      rows: number;
      first: number | null;
      last: number | null;
      durationMinutes: number;
      channels: Map<string, number>;
      periods: Map<number, number>;
    }
  >();
  for (const r of rows) {
    const key = `${r.from},${r.to}`;
    let tie = ties.get(key);
    if (!tie)
      ties.set(
        key,
        (tie = {
          from: r.from,
          to: r.to,
          weight: 0,
          rows: 0,
          first: null,
          last: null,
          durationMinutes: 0,
          channels: new Map(),
          periods: new Map(),
        }),
      );
    tie.weight += r.weight;
    tie.rows++;
    tie.durationMinutes += r.duration;
    tie.channels.set(r.channel, (tie.channels.get(r.channel) ?? 0) + r.weight);
    if (r.at !== null) {
      if (tie.first === null || r.at < tie.first) tie.first = r.at;
      if (tie.last === null || r.at > tie.last) tie.last = r.at;
      const p = periodOf(r.at);
      tie.periods.set(p, (tie.periods.get(p) ?? 0) + r.weight);
    }
  }
  return [...ties.values()].map((t) => ({
    ...t,
    channels: channelOrder.filter((c) => t.channels.has(c)).map((c) => [c, t.channels.get(c)!]),
    periods: [...t.periods].sort((a, b) => a[0] - b[0]),
  }));
}

function built(rows: Row[], denseLimit?: number) {
  const builder = new TieBuilder(denseLimit);
  for (const r of rows)
    builder.add(r.from, r.to, r.weight, r.duration, r.channel, r.at, r.at === null ? null : periodOf(r.at));
  return builder.ties().map((t) => ({ ...t, channels: Object.entries(t.channels), periods: [...t.periods] }));
}

/** Numbers compared bit for bit (toEqual would take −0 for +0). */
const bits = (value: unknown) =>
  JSON.stringify(value, (_, v) => (typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : v));

const row: fc.Arbitrary<Row> = fc.record({
  from: fc.integer({ min: 0, max: 6 }),
  to: fc.integer({ min: 0, max: 6 }),
  weight: fc.oneof(fc.constantFrom(0, -0, 1, 1, 2, 0.1, 0.7, 3.25), fc.double({ min: 0, max: 1e6, noNaN: true })),
  duration: fc.constantFrom(0, 15, 30, 0.5),
  // Up to 20 channels: more than the records' first channel columns.
  channel: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("email", "meeting", "", "1:1") },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 19 }).map((i) => `c${i}`) },
  ),
  // Periods over a wide span, in any order: the period columns grow both ways.
  at: fc.option(
    fc
      .integer({ min: 2800, max: 2960 })
      .chain((week) => fc.integer({ min: 0, max: WEEK - 1 }).map((ms) => week * WEEK + ms)),
    { freq: 5 },
  ),
});

describe("TieBuilder", () => {
  // Records start with room for 1,024 ties and period blocks hold 1,024 ties: limits of 14, 24 and 40 values per
  // record make the builder turn sparse part-way, with channel cells already in the records and period cells in blocks.
  it("equals the plain reference, dense and past a small dense limit", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 300 }),
        fc.constantFrom(undefined, 1024 * 14, 1024 * 24, 1024 * 40),
        (rows, limit) => {
          expect(bits(built(rows, limit))).toBe(bits(reference(rows)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  // Over 1,024 ties the records are laid out again for more ties, and each period gains blocks of cells.
  it("equals the plain reference past the records' first 1,024 ties", () => {
    const many = row.chain((r) =>
      fc
        .record({ from: fc.integer({ min: 0, max: 59 }), to: fc.integer({ min: 0, max: 59 }) })
        .map((p) => ({ ...r, ...p })),
    );
    fc.assert(
      fc.property(
        fc.array(many, { minLength: 1500, maxLength: 2500 }),
        fc.constantFrom(undefined, 2048 * 24, 4096 * 40),
        (rows, limit) => {
          expect(bits(built(rows, limit))).toBe(bits(reference(rows)));
        },
      ),
      // Shrinking thousands of rows would take minutes: the first counterexample is reported as found.
      { numRuns: propertyRuns(3, 20), endOnFailure: true },
    );
  });

  it("records a channel and a period for a row of weight 0 (hand-worked)", () => {
    const ties = built([{ from: 0, to: 1, weight: 0, duration: 0, channel: "email", at: 2900 * WEEK }]);
    expect(ties).toEqual([
      {
        from: 0,
        to: 1,
        weight: 0,
        rows: 1,
        first: 2900 * WEEK,
        last: 2900 * WEEK,
        durationMinutes: 0,
        channels: [["email", 0]],
        periods: [[2900, 0]],
      },
    ]);
    expect(Object.is(ties[0].periods[0][1], 0)).toBe(true);
  });
});
