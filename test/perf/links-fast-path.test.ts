// Links between groups (src/network/links.ts: every link's tie ends in one array, bucketed by a counting sort, the
// top carriers kept while reading each link's runs) against the plain form with a Map of carriers per link
// (test/perf/reference/links-plain.ts): the same links in the same order, the same counts, the same carriers and
// carrier counts; directed and undirected, with people without a group, many carriers tied on ties carried.
import { describe, expect, it } from "vitest";
import type { Tie } from "../../src/model/types.js";
import { buildGraph } from "../../src/network/graph.js";
import { groupLinks } from "../../src/network/links.js";
import type { Grouping } from "../../src/network/mixing.js";
import { seededRandom } from "../../src/network/random.js";
import { propertyRuns } from "../helpers/size.js";
import { plainGroupLinks, plainRankCarriers } from "./reference/links-plain.js";

const RUNS = propertyRuns(30, 500);

function randomCase(run: number, directed: boolean) {
  const random = seededRandom(run + 1);
  const n = 4 + (run % 50);
  const G = 1 + (run % 7);
  const group = Int32Array.from({ length: n }, () => (random() < 0.1 ? -1 : Math.floor(random() * G)));
  const sizes = new Array<number>(G).fill(0);
  for (const g of group) if (g >= 0) sizes[g]++;
  const grouping: Grouping = { attribute: "unit", values: Array.from({ length: G }, (_, g) => `g${g}`), group, sizes };
  const ties: Tie[] = Array.from({ length: 3 * n }, () => {
    const from = Math.floor(random() * n);
    return {
      from,
      to: random() < 0.05 ? from : Math.floor(random() * n),
      weight: 1 + Math.floor(random() * 5),
      rows: 1,
      first: null,
      last: null,
      durationMinutes: 0,
      channels: {},
      periods: new Map(),
    };
  });
  const graph = buildGraph(
    n,
    ties.map((t) => t.from),
    ties.map((t) => t.to),
    directed,
  );
  return { graph, ties, grouping };
}

describe("links between groups equal the plain form", () => {
  for (const directed of [true, false]) {
    it(directed ? "directed" : "undirected", () => {
      for (let run = 0; run < RUNS; run++) {
        const { graph, ties, grouping } = randomCase(run, directed);
        const listed = 1 + (run % 6);
        const plain = plainGroupLinks(graph, ties, grouping).map(({ carriers, ...counts }, i, all) => ({
          ...counts,
          carrierCount: carriers.size,
          carriers: plainRankCarriers(all[i], listed),
        }));
        expect(groupLinks(graph, ties, grouping, listed)).toStrictEqual(plain);
      }
    });
  }
});
