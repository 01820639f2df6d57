// Relationships (src/network/relationships.ts: the loader's period arrays read in a loop, an array of marks per
// period) against the plain form with a Map per period (test/perf/reference/relationships-plain.ts): every array the
// same, bit for bit, whether the ties' periods are the loader's views of shared arrays or plain Maps; with a pair's
// two ties sharing periods, weights of zero or less, blank channels, self-loops, directed and undirected.
import { describe, expect, it } from "vitest";
import { tiePeriods } from "../../src/load/tie-periods.js";
import type { Tie } from "../../src/model/types.js";
import { buildGraph } from "../../src/network/graph.js";
import { seededRandom } from "../../src/network/random.js";
import { relationships, type Relationships } from "../../src/network/relationships.js";
import { bits } from "../helpers/graphs.js";
import { propertyRuns } from "../helpers/size.js";
import { plainRelationships } from "./reference/relationships-plain.js";

const RUNS = propertyRuns(20, 300);
const CHANNELS = ["email", "1:1", "", " ", "phone", "Meeting "];

/** Random ties among n people: each pair at most once per direction, periods ascending from `base`. */
function randomTies(n: number, count: number, base: number, seed: number, views: boolean): Tie[] {
  const random = seededRandom(seed);
  const pick = (k: number) => Math.floor(random() * k);
  const seen = new Set<number>();
  const rows: { from: number; to: number; periods: [number, number][] }[] = [];
  for (let i = 0; i < count; i++) {
    const from = pick(n);
    const to = random() < 0.05 ? from : pick(n);
    if (seen.has(from * n + to)) continue;
    seen.add(from * n + to);
    const periods: [number, number][] = [];
    for (let p = base; p < base + 12; p++) if (random() < 0.4) periods.push([p, [0, -1, 1, 2.5][pick(4)]]);
    rows.push({ from, to, periods });
  }
  const start = new Int32Array(rows.length + 1);
  rows.forEach((r, t) => (start[t + 1] = start[t] + r.periods.length));
  const flat = rows.flatMap((r) => r.periods);
  const period = Int32Array.from(flat, ([p]) => p);
  const weight = Float64Array.from(flat, ([, w]) => w);
  const shared = tiePeriods({ start, period, weight });
  return rows.map((r, t) => {
    const channels: Record<string, number> = {};
    for (const c of CHANNELS) if (random() < 0.3) channels[c] = 1 + pick(5);
    return {
      from: r.from,
      to: r.to,
      weight: 1 + pick(9),
      rows: 1,
      first: random() < 0.1 ? null : 1e12 + pick(1e9),
      last: null,
      durationMinutes: pick(60),
      channels,
      periods: views ? shared[t] : new Map(r.periods),
    };
  });
}

function expectSame(fast: Relationships, plain: Relationships): void {
  expect(fast.count).toBe(plain.count);
  for (const key of Object.keys(plain) as (keyof Relationships)[]) {
    const [a, b] = [fast[key], plain[key]];
    if (typeof a === "number" || typeof b === "number") continue;
    expect(bits(new Float64Array(a)), key).toBe(bits(new Float64Array(b)));
  }
}

describe("relationships from the period arrays equal the plain Map form", () => {
  for (const views of [true, false]) {
    for (const directed of [true, false]) {
      it(`${views ? "loader's views" : "Maps"}, ${directed ? "directed" : "undirected"}`, () => {
        for (let run = 0; run < RUNS; run++) {
          const n = 5 + (run % 40);
          // Periods from 1970 on, and before it (negative period numbers).
          const ties = randomTies(n, 3 * n, run % 3 === 0 ? -20 : 2800, run + 1, views);
          const graph = buildGraph(
            n,
            ties.map((t) => t.from),
            ties.map((t) => t.to),
            directed,
          );
          expectSame(relationships(graph, ties), plainRelationships(graph, ties));
        }
      });
    }
  }

  it("ties without periods", () => {
    const ties = randomTies(10, 30, 0, 9, false).map((t) => ({ ...t, periods: new Map<number, number>() }));
    const graph = buildGraph(
      10,
      ties.map((t) => t.from),
      ties.map((t) => t.to),
      true,
    );
    expectSame(relationships(graph, ties), plainRelationships(graph, ties));
  });
});
