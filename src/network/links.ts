// What runs between each pair of groups: ties and interactions each way, reciprocity within the link, and who
// carries it (the people at the ends of its ties), ranked — the key-person list for that relationship.
import type { Tie } from "../model/types.js";
import { forEachTie, hasTie, type Graph } from "./graph.js";
import type { Grouping } from "./mixing.js";
import { countingBuckets } from "../util/counting-order.js";

export interface LinkCounts {
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
  /** People at the ends of this link's ties. */
  carrierCount: number;
  /** [person index, ties of this link the person is an end of], most ties first (then by person index), at most `listed`. */
  carriers: [number, number][];
}

/** Group pairs (a < b) with at least one tie, most ties first, then by group order; each with its top `listed` carriers. */
export function groupLinks(graph: Graph, ties: Tie[], grouping: Grouping, listed: number): LinkCounts[] {
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
        carrierCount: 0,
        carriers: [],
      };
      links.set(key, found);
    }
    return found;
  };
  // Both ends of every tie between groups, with its link's number (the order links were first met), for the carriers.
  const numbers = new Map<LinkCounts, number>();
  const endLink = new Int32Array(2 * graph.m);
  const endPerson = new Int32Array(2 * graph.m);
  let ends = 0;
  forEachTie(graph, (u, v) => {
    const gu = group[u];
    const gv = group[v];
    if (gu < 0 || gv < 0 || gu === gv) return;
    const l = link(gu, gv);
    l.ties++;
    if (gu === l.a) l.arcsAB++;
    else l.arcsBA++;
    if (graph.directed && hasTie(graph, v, u)) l.reciprocated++;
    let number = numbers.get(l);
    if (number === undefined) numbers.set(l, (number = numbers.size));
    endLink[ends] = endLink[ends + 1] = number;
    endPerson[ends++] = u;
    endPerson[ends++] = v;
  });
  rankEnds([...numbers.keys()], endLink.subarray(0, ends), endPerson.subarray(0, ends), listed);
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

/**
 * Each link's carriers from the ends of its ties: the ends bucketed by link (a counting sort), each bucket sorted
 * by person so a person's ends are a run, and the `listed` longest runs kept (ties by person index). Where a Map
 * per link counted them, ~48,000 Maps at the team boundary of a 10,000-person system; the ranking is a total order,
 * so the list is the same.
 */
function rankEnds(numbered: LinkCounts[], endLink: Int32Array, endPerson: Int32Array, listed: number): void {
  const L = numbered.length;
  const { order, begin } = countingBuckets(endLink, L);
  const people = order.map((e) => endPerson[e]);
  for (let l = 0; l < L; l++) {
    const ends = people.subarray(begin[l], begin[l + 1]).sort();
    const top: [number, number][] = [];
    let count = 0;
    for (let e = 0; e < ends.length;) {
      let run = e + 1;
      while (run < ends.length && ends[run] === ends[e]) run++;
      count++;
      insertRanked(top, ends[e], run - e, listed);
      e = run;
    }
    numbered[l].carrierCount = count;
    numbered[l].carriers = top;
  }
}

/** Inserts [person, ties] into a list ranked by ties (most first), then by person, keeping at most `listed`. */
function insertRanked(top: [number, number][], person: number, ties: number, listed: number): void {
  let at = top.length;
  while (at > 0 && (top[at - 1][1] < ties || (top[at - 1][1] === ties && top[at - 1][0] > person))) at--;
  if (at >= listed) return;
  top.splice(at, 0, [person, ties]);
  if (top.length > listed) top.pop();
}
