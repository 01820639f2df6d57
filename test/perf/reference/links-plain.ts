// Links between groups as computed before issue 15's network session (src/network/links.ts at c5ad7d9): a Map of
// carriers per link, ranked by sorting all of them. The fast path (every link's tie ends in one array, bucketed by a
// counting sort, the top carriers kept while reading the runs) must give the same links, counts and carriers.
import type { Tie } from "../../../src/model/types.js";
import { forEachTie, hasTie, type Graph } from "../../../src/network/graph.js";
import type { Grouping } from "../../../src/network/mixing.js";

interface LinkCounts {
  a: number;
  b: number;
  ties: number;
  /** Directed: arcs a → b and b → a. */
  arcsAB: number;
  arcsBA: number;
  interactionsAB: number;
  interactionsBA: number;
  /** Arcs whose reverse exists (directed); 0 when undirected. */
  reciprocated: number;
  /** Person index → ties of this link the person is an end of. */
  carriers: Map<number, number>;
}

/** Group pairs (a < b) with at least one tie, most ties first, then by group order. */
export function plainGroupLinks(graph: Graph, ties: Tie[], grouping: Grouping): LinkCounts[] {
  const { group } = grouping;
  const G = grouping.values.length;
  const links = new Map<number, LinkCounts>();
  const link = (x: number, y: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = a * G + b;
    let found = links.get(key);
    if (!found) {
      found = {
        a,
        b,
        ties: 0,
        arcsAB: 0,
        arcsBA: 0,
        interactionsAB: 0,
        interactionsBA: 0,
        reciprocated: 0,
        carriers: new Map(),
      };
      links.set(key, found);
    }
    return found;
  };
  forEachTie(graph, (u, v) => {
    const gu = group[u];
    const gv = group[v];
    if (gu < 0 || gv < 0 || gu === gv) return;
    const l = link(gu, gv);
    l.ties++;
    if (gu === l.a) l.arcsAB++;
    else l.arcsBA++;
    if (graph.directed && hasTie(graph, v, u)) l.reciprocated++;
    l.carriers.set(u, (l.carriers.get(u) ?? 0) + 1);
    l.carriers.set(v, (l.carriers.get(v) ?? 0) + 1);
  });
  for (const tie of ties) {
    const gu = group[tie.from];
    const gv = group[tie.to];
    if (tie.from === tie.to || gu < 0 || gv < 0 || gu === gv) continue;
    const l = link(gu, gv);
    if (gu === l.a) l.interactionsAB += tie.weight;
    else l.interactionsBA += tie.weight;
  }
  return [...links.values()].sort((x, y) => y.ties - x.ties || x.a - y.a || x.b - y.b);
}

/** Carriers ranked by ties carried (then by person index, for a stable order). */
export function plainRankCarriers(link: LinkCounts, limit: number): [number, number][] {
  return [...link.carriers.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit);
}
