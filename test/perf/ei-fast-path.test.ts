// E-I with its permutation test (src/network/mixing.ts: ties as rows by their first end, counted per row) against
// the plain form that adds each tie to its group's cell (test/perf/reference/ei-plain.ts): the same counts, the
// same random draws, intervals and p-values, to the last bit; directed and undirected, with people without a group,
// one group or many, and networks large enough to get fewer than 999 permutations.
import { describe, expect, it } from "vitest";
import { eiIndex, type Grouping } from "../../src/network/mixing.js";
import { seededRandom } from "../../src/network/random.js";
import { bits, GRAPH_SHAPES, randomGraph } from "../helpers/graphs.js";
import { propertyRuns } from "../helpers/size.js";
import { plainEiIndex } from "./reference/ei-plain.js";

const RUNS = propertyRuns(2, 20);

/** Groups 0 … groups − 1 at random, a share of people without one (−1). */
function randomGrouping(n: number, groups: number, unknownShare: number, seed: number): Grouping {
  const random = seededRandom(seed);
  const group = Int32Array.from({ length: n }, () => (random() < unknownShare ? -1 : Math.floor(random() * groups)));
  const sizes = new Array<number>(groups).fill(0);
  for (const g of group) if (g >= 0) sizes[g]++;
  return { attribute: "unit", values: Array.from({ length: groups }, (_, g) => `g${g}`), group, sizes };
}

function expectSame(fast: ReturnType<typeof eiIndex>, plain: ReturnType<typeof plainEiIndex>): void {
  const { person, ...rest } = fast;
  const { person: plainPerson, ...plainRest } = plain;
  expect(rest).toStrictEqual(plainRest);
  expect(bits(person)).toBe(bits(plainPerson));
}

const GROUPINGS = [
  [1, 0],
  [3, 0],
  [3, 0.2],
  [40, 0.05],
] as const;

describe("E-I counted per row equals the plain count per tie", () => {
  for (const [n, arcs, directed] of GRAPH_SHAPES) {
    it(`${n} people, ${arcs} ${directed ? "arcs" : "edges"}`, () => {
      for (let run = 0; run < RUNS; run++) {
        const graph = randomGraph(n, arcs, 10 + run, { directed });
        for (const [groups, unknownShare] of GROUPINGS) {
          const g = randomGrouping(n, groups, unknownShare, 100 * run + groups);
          expectSame(eiIndex(graph, g, run + 1), plainEiIndex(graph, g, run + 1));
        }
      }
    });
  }

  // More than 30,030 ties between people with a group: fewer than 999 permutations (one grouping: ~0.3 s each).
  for (const directed of [true, false]) {
    it(`3,000 people, 40,000 ${directed ? "arcs" : "edges"}`, () => {
      const graph = randomGraph(3000, 40_000, 5, { directed, hubShare: 0.02 });
      const g = randomGrouping(3000, 3, 0.05, 7);
      const fast = eiIndex(graph, g, 2);
      expect(fast.permutations).toBeLessThan(999);
      expectSame(fast, plainEiIndex(graph, g, 2));
    });
  }

  it("a network without ties between people with a group", () => {
    const graph = randomGraph(50, 80, 3);
    const g = randomGrouping(50, 2, 1, 1);
    expectSame(eiIndex(graph, g), plainEiIndex(graph, g));
  });
});
