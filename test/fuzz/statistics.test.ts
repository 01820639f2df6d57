// Invariants of the survey and network statistics, on random data: what must hold whatever the input.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cronbachAlpha } from "../../src/survey/reliability.js";
import { keyItems, personScores } from "../../src/survey/scoring.js";
import { analyseNetwork } from "../../src/network/analyse.js";
import type { Person, Tie } from "../../src/model/types.js";
import type { NetworkSection } from "../../src/result/network.js";
import { networkDataset } from "../network/networks.js";

const runs = Number(process.env.RELAUDIT_FUZZ_RUNS ?? 0) || undefined;
const close = (a: number | null, b: number | null, tolerance = 1e-9) =>
  a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)
    ? Object.is(a, b)
    : Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

/** Survey answers: k items × n respondents on min..max, some missing (NaN). */
const answersArbitrary = fc
  .record({
    k: fc.integer({ min: 2, max: 6 }),
    n: fc.integer({ min: 2, max: 40 }),
    min: fc.constantFrom(0, 1),
    span: fc.integer({ min: 1, max: 9 }),
  })
  .chain(({ k, n, min, span }) =>
    fc.record({
      min: fc.constant(min),
      max: fc.constant(min + span),
      columns: fc.array(
        fc.array(fc.option(fc.integer({ min, max: min + span }), { freq: 6, nil: null }), {
          minLength: n,
          maxLength: n,
        }),
        { minLength: k, maxLength: k },
      ),
    }),
  )
  .map(({ min, max, columns }) => ({
    min,
    max,
    columns: columns.map((c) => Float64Array.from(c, (x) => (x === null ? NaN : x))),
  }));

describe("survey statistics", () => {
  it("reverse keying twice gives back the answers", () => {
    fc.assert(
      fc.property(answersArbitrary, ({ min, max, columns }) => {
        const ids = columns.map((_, i) => `Q${i + 1}`);
        const answers = Object.fromEntries(ids.map((id, i) => [id, columns[i]]));
        const once = keyItems(answers, ids, ids, min, max);
        const twice = keyItems(Object.fromEntries(ids.map((id, i) => [id, once.columns[i]])), ids, ids, min, max);
        twice.columns.forEach((column, i) => expect([...column]).toEqual([...columns[i]]));
      }),
      { numRuns: runs },
    );
  });

  // Only for complete answers: with missing ones, psych's pairwise-complete covariance need not be positive
  // semi-definite and α can exceed 1 (e.g. a = NA…,0,2 and b = NA…,1,0,1 give std.alpha 1.101 in psych 2.2.9 too).
  it("Cronbach's α (raw and standardised) is never above 1 when every item is answered", () => {
    fc.assert(
      fc.property(answersArbitrary, ({ columns: withGaps }) => {
        const columns = withGaps.map((c) => c.map((x) => (Number.isNaN(x) ? 0 : x)));
        const rows = Array.from({ length: columns[0].length }, (_, r) => r);
        const { alpha, alphaStandardised } = cronbachAlpha(columns, rows);
        if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        if (alphaStandardised !== null) expect(alphaStandardised).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: runs },
    );
  });

  it("permuting respondents changes neither α nor anyone's score", () => {
    fc.assert(
      fc.property(
        answersArbitrary.chain((a) =>
          fc.record({
            a: fc.constant(a),
            order: fc.shuffledSubarray([...Array(a.columns[0].length).keys()], { minLength: a.columns[0].length }),
          }),
        ),
        ({ a, order }) => {
          const n = a.columns[0].length;
          const rows = [...Array(n).keys()];
          const shuffled = a.columns.map((c) => Float64Array.from(order, (r) => c[r]));
          const before = cronbachAlpha(a.columns, rows);
          const after = cronbachAlpha(shuffled, rows);
          expect(close(before.alpha, after.alpha)).toBe(true);
          expect(close(before.alphaStandardised, after.alphaStandardised)).toBe(true);
          const ids = a.columns.map((_, i) => `Q${i}`);
          const scores = personScores(
            keyItems(Object.fromEntries(ids.map((id, i) => [id, a.columns[i]])), ids, [ids[0]], a.min, a.max),
            n,
            0.5,
          );
          const shuffledScores = personScores(
            keyItems(Object.fromEntries(ids.map((id, i) => [id, shuffled[i]])), ids, [ids[0]], a.min, a.max),
            n,
            0.5,
          );
          order.forEach((r, i) =>
            expect(Object.is(shuffledScores[i], scores[r]) || close(shuffledScores[i], scores[r])).toBe(true),
          );
        },
      ),
      { numRuns: runs },
    );
  });
});

/** A random directed network: people in 2–4 groups (some without a group), ties between distinct people. */
const networkArbitrary = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc.record({
    groups: fc.array(
      fc.option(fc.constantFrom("Acute", "Community", "Social care", "Primary care"), { freq: 8, nil: null }),
      { minLength: n, maxLength: n },
    ),
    arcs: fc.uniqueArray(
      fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([a, b]) => a !== b),
      {
        maxLength: n * 4,
        selector: ([a, b]) => `${a}>${b}`,
      },
    ),
    undirected: fc.boolean(),
  }),
);

function build(groups: (string | null)[], arcs: [number, number][], ids: string[], order: number[]) {
  // order[i] = the original person placed at position i.
  const position = new Map(order.map((original, i) => [original, i]));
  const people: Person[] = order.map((original) => {
    const attributes: Record<string, string> = {};
    if (groups[original] !== null) attributes.team = groups[original];
    return { id: ids[original], attributes };
  });
  const ties: Tie[] = arcs.map(([a, b]) => ({
    from: position.get(a)!,
    to: position.get(b)!,
    weight: 1,
    rows: 1,
    first: null,
    last: null,
    durationMinutes: 0,
    channels: {},
    periods: new Map(),
  }));
  return { people, ties };
}

const personView = (s: NetworkSection, rename: (id: string) => string = (id) => id) =>
  Object.fromEntries(
    s.people.map((p) => [
      rename(p.id),
      {
        degree: p.degree,
        inDegree: p.inDegree,
        outDegree: p.outDegree,
        ei: p.eiIndex,
        betweenness: p.betweenness,
        constraint: p.constraint,
        brokerage: p.brokerage,
      },
    ]),
  );

describe("network statistics", () => {
  it("every E-I index is in [−1, 1], for the network, each group and each person", () => {
    fc.assert(
      fc.property(networkArbitrary, ({ groups, arcs, undirected }) => {
        const ids = groups.map((_, i) => `p${i}`);
        const { people, ties } = build(groups, arcs, ids, [...ids.keys()]);
        const section = analyseNetwork(networkDataset(people, ties, { undirected, boundaries: ["team"] }));
        const values = [
          ...(section?.boundaries ?? []).flatMap((b) => [
            b.eiIndex,
            b.expectedEiIndex,
            ...(b.permutationInterval ?? []),
            ...b.groups.flatMap((g) => [g.eiIndex, g.expectedEiIndex]),
          ]),
          ...(section?.people ?? []).map((p) => p.eiIndex.team ?? null),
        ];
        // One assertion per network, on the values out of range (NaN among them), not an expect() per value.
        expect(values.filter((v) => v !== null && v !== undefined && !(Math.abs(v) <= 1 + 1e-12))).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it("renaming people changes no metric; reordering them changes none of the exact ones", () => {
    fc.assert(
      fc.property(
        networkArbitrary.chain((net) =>
          fc.record({
            net: fc.constant(net),
            order: fc.shuffledSubarray([...net.groups.keys()], { minLength: net.groups.length }),
          }),
        ),
        ({ net, order }) => {
          const ids = net.groups.map((_, i) => `p${i}`);
          const renamed = net.groups.map((_, i) => `person-${(i * 7919) % 10007}`);
          const rename = (id: string) => renamed[ids.indexOf(id)];
          const identity = [...ids.keys()];
          const dataset = (names: string[], o: number[]) => {
            const { people, ties } = build(net.groups, net.arcs, names, o);
            return networkDataset(people, ties, { undirected: net.undirected, boundaries: ["team"] });
          };
          const original = analyseNetwork(dataset(ids, identity));
          const relabelled = analyseNetwork(dataset(renamed, identity));
          if (original === null || relabelled === null) return expect(relabelled).toBe(original);
          // Same order, new names: the whole section is the same once the names are mapped back.
          expect(JSON.stringify(relabelled)).toBe(
            JSON.stringify(original, (_key, value) =>
              typeof value === "string" && ids.includes(value) ? rename(value) : value,
            ),
          );

          // New order: per-person metrics, cut points and network-level figures are the same (up to rounding);
          // the E-I permutation interval is a seeded random draw over people's positions, so it may differ.
          const reordered = analyseNetwork(dataset(ids, order))!;
          const a = personView(original);
          const b = personView(reordered);
          for (const id of ids) {
            expect(b[id].degree).toBe(a[id].degree);
            expect(b[id].brokerage).toEqual(a[id].brokerage);
            expect(close(b[id].betweenness, a[id].betweenness)).toBe(true);
            expect(close(b[id].constraint, a[id].constraint)).toBe(true);
            expect(close(b[id].ei.team ?? null, a[id].ei.team ?? null)).toBe(true);
          }
          expect([...reordered.articulationPoints].sort()).toEqual([...original.articulationPoints].sort());
          const bridge = (pairs: [string, string][]) => pairs.map((p) => [...p].sort().join("–")).sort();
          expect(bridge(reordered.bridges)).toEqual(bridge(original.bridges));
          for (const key of ["density", "reciprocity", "pairReciprocity", "isolates", "components"] as const)
            expect(close(reordered[key], original[key])).toBe(true);
          expect(close(reordered.boundaries[0]?.eiIndex ?? null, original.boundaries[0]?.eiIndex ?? null)).toBe(true);
        },
      ),
      { numRuns: runs },
    );
  });
});
