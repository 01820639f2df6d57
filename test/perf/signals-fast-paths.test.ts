// The signals' fast paths against the plain ones they replaced (test/perf/reference/signals-plain.ts): the boundary
// series summed into flat arrays per pair of groups (contact each way and active ties only for the pairs charted),
// with the people of a pair summed when asked, against a typed array per pair and a Map filled on the way; and the
// departures' carried contact read from each leaver's own ties, the other ties of a pair of groups counted when
// asked, against every cross-group tie visited for each leaver of its groups with a closure and the period Map per
// tie. Same pairs, same numbers to the last bit, same order of people, of each leaver's partners and of carried
// slots. Tie contact's fast paths: test/perf/signals-tie-contact.test.ts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Dataset, Tie } from "../../src/model/types.js";
import { carriedContact, tiesByPerson } from "../../src/signals/carried-contact.js";
import { meanOver } from "../../src/signals/episodes.js";
import { MIN_PAIR_VOLUME, numberPairs } from "../../src/signals/pair-series.js";
import { boundarySeries, groupIndex, tieContact } from "../../src/signals/relational.js";
import { propertyRuns } from "../helpers/size.js";
import { tieWith } from "../helpers/ties.js";
import { ENOUGH, LOOKBACK, plainBoundarySeries, plainCarriedContact } from "./reference/signals-plain.js";
import { expectDeepEqual } from "../helpers/deep-equal.js";
import { type Case, FIRST, system, weeks } from "../helpers/signals-fast-path-system.js";

const RUNS = propertyRuns(150, 1_000);

/** Pairs of groups seen charted and not charted over a property's runs: both kinds must be met by each property. */
const pairsSeen = { charted: 0, notCharted: 0 };

function expectBothKindsSeen(): void {
  expect(pairsSeen.charted).toBeGreaterThan(0);
  expect(pairsSeen.notCharted).toBeGreaterThan(0);
  pairsSeen.charted = pairsSeen.notCharted = 0;
}

function throwsNotCharted(read: () => unknown): boolean {
  try {
    read();
    return false;
  } catch (error) {
    return /is not charted/.test(String(error));
  }
}

function checkBoundarySeries({ data, timeline, windows }: Case): void {
  const index = groupIndex(data, "team");
  if (!index) return;
  const contact = tieContact(data, timeline);
  const plain = plainBoundarySeries(data as never, index, contact, timeline, windows);
  const fast = boundarySeries(data, index, contact, timeline, windows);
  const groups = index.names.length;
  expect(fast.groups).toEqual(plain.groups);
  expect(fast.pairs.count).toBe(plain.pairs.size);
  // Numbered in order of first contact, tie by tie, as the plain path added them to its Map.
  expect(Array.from({ length: fast.pairs.count }, (_, k) => `${fast.pairs.a[k]},${fast.pairs.b[k]}`)).toEqual([
    ...plain.pairs.keys(),
  ]);
  const sorted = [...plain.pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  expect(Array.from(fast.pairs.ordered(), (k) => [fast.pairs.a[k], fast.pairs.b[k]])).toEqual(
    sorted.map((p) => [p.a, p.b]),
  );
  // Every pair's interactions, row and (when charted) other sums and people, compared in one assertion: an expect()
  // per pair and measure was most of this file's assertion CPU.
  const actual = [];
  const expected = [];
  const seriesOfUncharted: string[] = [];
  let rows = 0;
  for (let k = 0; k < fast.pairs.count; k++) {
    const want = plain.pairs.get(`${fast.pairs.a[k]},${fast.pairs.b[k]}`)!;
    // Charted: both groups reportable and busy enough in the baseline (the pairs chartPairs charts), numbered in
    // pair order; only those have their other series summed.
    const charted =
      index.reportable[want.a] &&
      index.reportable[want.b] &&
      (meanOver(want.interactions, 0, windows.baseline) ?? 0) >= MIN_PAIR_VOLUME;
    pairsSeen[charted ? "charted" : "notCharted"]++;
    const pair = `${want.a},${want.b}`;
    const got = charted ? fast.pairs.series(k) : null;
    if (!charted && !throwsNotCharted(() => fast.pairs.series(k))) seriesOfUncharted.push(`${want.a},${want.b}`);
    actual.push({
      pair,
      row: fast.pairs.row[k],
      interactions: Array.from(fast.pairs.interactionsOf(want.b, want.a)!),
      ...(got ? { ...sums(got), people: [...got.people().entries()] } : {}),
    });
    expected.push({
      pair,
      row: charted ? rows++ : -1,
      interactions: Array.from(want.interactions),
      ...(charted ? { ...sums(want), people: [...want.people.entries()] } : {}),
    });
  }
  expectDeepEqual(actual, expected, "pairs");
  // An uncharted pair has no other series: asking for them is refused, never an empty view read as "quiet".
  expect(seriesOfUncharted).toEqual([]);
  expect(fast.pairs.forward.length).toBe(rows * timeline.length);
  // Groups never in contact have no interactions to find.
  const foundWithoutContact: string[] = [];
  for (let a = 0; a < groups; a++)
    for (let b = a + 1; b < groups; b++)
      if (!plain.pairs.has(`${a},${b}`) && fast.pairs.interactionsOf(a, b)) foundWithoutContact.push(`${a},${b}`);
  expect(foundWithoutContact).toEqual([]);
}

type Sums = Record<"interactions" | "forward" | "backward" | "activeTies", ArrayLike<number>>;
/** A pair's measures as plain arrays, whichever array type holds them. */
const sums = (series: Sums) => ({
  interactions: Array.from(series.interactions),
  forward: Array.from(series.forward),
  backward: Array.from(series.backward),
  activeTies: Array.from(series.activeTies),
});

function checkCarriedContact({ data, timeline, leaverDraws }: Case): void {
  const index = groupIndex(data, "team");
  if (!index) return;
  // Leavers as departures.ts picks them: people of a group, each with the position they left at.
  const leavers = new Map<number, number>();
  for (const { person, left } of leaverDraws) if (index.of[person] >= 0) leavers.set(person, left);
  const ties = data.interactions!.ties;
  const people = data.people!.people.length;
  const plain = plainCarriedContact(ties, people, index, leavers, timeline);
  const contact = tieContact(data, timeline);
  const fast = carriedContact(
    ties,
    people,
    index,
    leavers,
    { timeline, contact, byPerson: tiesByPerson(contact, people) },
    { periods: LOOKBACK, enough: ENOUGH },
  );
  expect([...fast.carried]).toEqual([...plain.carried]);
  // Departures looks a leaver's partners up by key: the order of the keys is no part of the result, each one's
  // partners' order is (in tie order).
  const entries = (partners: Map<string, Map<number, number>>) =>
    [...partners].sort(([x], [y]) => (x < y ? -1 : 1)).map(([key, m]) => [key, [...m]]);
  expect(entries(fast.partners)).toEqual(entries(plain.partners));
  const remaining = (of: (leaver: number, group: number) => unknown) =>
    [...leavers.keys()].map((leaver) => index.names.map((_, g) => of(leaver, g)));
  expectDeepEqual(
    remaining((leaver, g) => fast.remaining(leaver, g)),
    remaining((leaver, g) => plain.remaining(leaver, g)),
    "remaining",
  );
}

describe("signals fast paths equal the plain ones", () => {
  it("pairs of groups numbered through the hash equal those numbered in the dense table", () => {
    fc.assert(
      fc.property(system(false), ({ data, timeline, windows }) => {
        const index = groupIndex(data, "team");
        if (!index) return;
        const contact = tieContact(data, timeline);
        const source = {
          ...contact,
          peopleCount: data.people!.people.length,
          groupOf: index.of,
          baseline: windows.baseline,
          inRecent: new Uint8Array(timeline.length),
        };
        const numbered = (denseCells?: number) => {
          const { count, a, b, tiePair } = numberPairs(source, index.names.length, denseCells);
          return { count, a: Array.from(a.subarray(0, count)), b: Array.from(b.subarray(0, count)), tiePair };
        };
        expectDeepEqual(numbered(0), numbered(), "numbered pairs");
      }),
      { numRuns: RUNS },
    );
  });

  it("boundary series: every pair's sums, people and order (periods inside the timeline)", () => {
    fc.assert(fc.property(system(true), checkBoundarySeries), { numRuns: RUNS });
    expectBothKindsSeen();
  });

  it("boundary series: with periods outside the timeline and zero weights", () => {
    fc.assert(fc.property(system(false), checkBoundarySeries), { numRuns: RUNS });
    expectBothKindsSeen();
  });

  it("carried contact from the contact arrays (every period in the timeline)", () => {
    fc.assert(
      fc.property(system(true), (c) => {
        expect(tieContact(c.data, c.timeline).complete).toBe(true);
        checkCarriedContact(c);
      }),
      { numRuns: RUNS },
    );
  });

  it("carried contact from the period Maps when the contact arrays left periods out", () => {
    fc.assert(fc.property(system(false), checkCarriedContact), { numRuns: RUNS });
  });

  it("carried contact with many leavers in two groups, the first leavers' own ties last", () => {
    const people = Array.from({ length: 40 }, (_, i) => ({ id: `p${i}`, attributes: { team: i % 2 ? "B" : "A" } }));
    const ties: Tie[] = [];
    // The first leavers' own ties come last: carried contact must not depend on the order the ties arrive in.
    for (let i = 39; i >= 0; i--)
      for (let j = 1; j < 40; j += 3)
        if ((i + j) % 2 === 1)
          ties.push(
            tieWith(
              i,
              j,
              [...Array(12).keys()].filter((p) => (i * j + p) % 3 !== 0).map((p) => [FIRST + p, 1 + p]),
            ),
          );
    const data = { people: { people }, interactions: { ties }, config: { minGroupSize: 1 } } as unknown as Dataset;
    const timeline = weeks(12);
    const leaverDraws = people.map((_, person) => ({ person, left: 4 + (person % 8) }));
    checkCarriedContact({ data, timeline, windows: { baseline: 6, recent: [8, 9, 10, 11] }, leaverDraws });
  });

  it("boundary series: a pair at exactly MIN_PAIR_VOLUME a period is charted, one just below is not", () => {
    const people = ["A", "B", "C"].map((team, i) => ({ id: `p${i}`, attributes: { team } }));
    const weekly = (weight: number) => [...Array(8).keys()].map((p): [number, number] => [FIRST + p, weight]);
    const ties = [tieWith(0, 1, weekly(MIN_PAIR_VOLUME)), tieWith(2, 0, weekly(MIN_PAIR_VOLUME - 0.01))];
    const data = { people: { people }, interactions: { ties }, config: { minGroupSize: 1 } } as unknown as Dataset;
    const timeline = weeks(8);
    const c: Case = { data, timeline, windows: { baseline: 4, recent: [6, 7] }, leaverDraws: [] };
    checkBoundarySeries(c);
    const index = groupIndex(data, "team")!;
    expect(Array.from(boundarySeries(data, index, tieContact(data, timeline), timeline, c.windows).pairs.row)).toEqual([
      0, -1,
    ]);
  });
});
