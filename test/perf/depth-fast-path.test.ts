// Depth per boundary (src/network/depth.ts: the pairs' lists cut from one array by a counting sort and put in order
// by a counting sort of their sizes, medians of typed arrays sorted as numbers) against the plain form with a list
// per pair in a Map, sorted with a comparator (test/perf/reference/depth-plain.ts): the same section, field for
// field; with people without a group, fractional channel weights (sums in list order), few and many groups.
import { describe, expect, it } from "vitest";
import type { Grouping } from "../../src/network/mixing.js";
import { depthByBoundary } from "../../src/network/depth.js";
import { seededRandom } from "../../src/network/random.js";
import type { Relationships } from "../../src/network/relationships.js";
import { propertyRuns } from "../helpers/size.js";
import { plainDepthByBoundary } from "./reference/depth-plain.js";

const RUNS = propertyRuns(30, 500);

function randomRelationships(n: number, count: number, seed: number): Relationships {
  const random = seededRandom(seed);
  const ints = () => Int32Array.from({ length: count }, () => Math.floor(random() * 6) - 1);
  // Thirds fill the 53 bits, so sums in another order would differ (a 32-bit draw times 10 adds exactly).
  const reals = () => Float64Array.from({ length: count }, () => (random() < 0.3 ? 0 : (random() * 10) / 3));
  const firstPeriod = ints();
  return {
    count,
    a: Int32Array.from({ length: count }, () => Math.floor(random() * n)),
    b: Int32Array.from({ length: count }, () => Math.floor(random() * n)),
    first: reals(),
    firstPeriod,
    lastPeriod: firstPeriod.map((p) => (p < 0 ? p : p + Math.floor(random() * 12))),
    periodsActive: Int32Array.from({ length: count }, () => Math.floor(random() * 9)),
    interactions: reals(),
    relational: reals(),
    transactional: reals(),
    withChannel: reals(),
    durationMinutes: reals(),
  };
}

function randomGrouping(n: number, groups: number, seed: number): Grouping {
  const random = seededRandom(seed);
  const group = Int32Array.from({ length: n }, () => (random() < 0.1 ? -1 : Math.floor(random() * groups)));
  const sizes = new Array<number>(groups).fill(0);
  for (const g of group) if (g >= 0) sizes[g]++;
  return { attribute: "unit", values: Array.from({ length: groups }, (_, g) => `g${g}`), group, sizes };
}

describe("depth per boundary equals the plain form", () => {
  it("random relationships and groupings", () => {
    for (let run = 0; run < RUNS; run++) {
      const n = 5 + (run % 60);
      const rel = randomRelationships(n, (run * 7) % 200, run + 1);
      // Few groups (long lists per pair, where the order of the sums shows) and many.
      const g = randomGrouping(n, run % 2 ? 2 + (run % 3) : 1 + (run % 25), run + 50);
      expect(depthByBoundary(rel, g, 2 + (run % 8), 10)).toStrictEqual(plainDepthByBoundary(rel, g, 2 + (run % 8), 10));
    }
  });
});
