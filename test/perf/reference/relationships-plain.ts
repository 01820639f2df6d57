// Relationships as computed before issue 15's network session (src/network/relationships.ts at c5ad7d9): each tie's
// periods iterated as a Map's entries, a Map from period to the last relationship that counted it. The fast path
// (the loader's period arrays read in a loop, an array of marks per period) must give the same arrays, bit for bit.
import type { Tie } from "../../../src/model/types.js";
import { channelKind } from "../../../src/network/channels.js";
import type { Graph } from "../../../src/network/graph.js";
import type { Relationships } from "../../../src/network/relationships.js";

/**
 * One relationship per edge of the graph's undirected skeleton (pairs u < v in row order), so pairs are found by a
 * binary search in a sorted row rather than by hashing or sorting a million ties.
 */
export function plainRelationships(graph: Graph, ties: Tie[]): Relationships {
  const { start, nbr } = graph.all;
  // Relationship id of each skeleton entry with u < v, in row order.
  const idOf = new Int32Array(nbr.length).fill(-1);
  let count = 0;
  for (let u = 0; u < graph.n; u++) for (let e = start[u]; e < start[u + 1]; e++) if (nbr[e] > u) idOf[e] = count++;
  const r: Relationships = {
    count,
    a: new Int32Array(count),
    b: new Int32Array(count),
    first: new Float64Array(count).fill(NaN),
    firstPeriod: new Int32Array(count).fill(-1),
    lastPeriod: new Int32Array(count).fill(-1),
    periodsActive: new Int32Array(count),
    interactions: new Float64Array(count),
    relational: new Float64Array(count),
    transactional: new Float64Array(count),
    withChannel: new Float64Array(count),
    durationMinutes: new Float64Array(count),
  };
  for (let u = 0; u < graph.n; u++) {
    for (let e = start[u]; e < start[u + 1]; e++) {
      if (idOf[e] >= 0) {
        r.a[idOf[e]] = u;
        r.b[idOf[e]] = nbr[e];
      }
    }
  }
  // Each tie's relationship, then tie indices bucketed by relationship (counting sort), so a pair's two directed
  // ties are read one after the other and a period they share is counted once.
  const relOf = new Int32Array(ties.length).fill(-1);
  const bucket = new Int32Array(count + 1);
  ties.forEach((tie, t) => {
    if (tie.from === tie.to) return;
    relOf[t] = idOf[findInRow(start, nbr, Math.min(tie.from, tie.to), Math.max(tie.from, tie.to))];
    bucket[relOf[t] + 1]++;
  });
  for (let i = 0; i < count; i++) bucket[i + 1] += bucket[i];
  const order = new Int32Array(bucket[count]);
  const fill = bucket.slice(0, count);
  relOf.forEach((id, t) => {
    if (id >= 0) order[fill[id]++] = t;
  });
  // Period → the last relationship that counted it.
  const counted = new Map<number, number>();
  const kinds = new Map<string, ReturnType<typeof channelKind>>();
  for (const t of order) {
    const tie = ties[t];
    const id = relOf[t];
    if (tie.first !== null && !(tie.first >= r.first[id])) r.first[id] = tie.first;
    for (const [period, weight] of tie.periods) {
      if (weight <= 0) continue;
      if (counted.get(period) === id) continue;
      counted.set(period, id);
      r.periodsActive[id]++;
      if (r.firstPeriod[id] < 0 || period < r.firstPeriod[id]) r.firstPeriod[id] = period;
      if (period > r.lastPeriod[id]) r.lastPeriod[id] = period;
    }
    r.interactions[id] += tie.weight;
    r.durationMinutes[id] += tie.durationMinutes;
    for (const channel in tie.channels) {
      if (channel.trim() === "") continue;
      const weight = tie.channels[channel];
      let kind = kinds.get(channel);
      if (kind === undefined) kinds.set(channel, (kind = channelKind(channel)));
      r.withChannel[id] += weight;
      if (kind === "relational") r.relational[id] += weight;
      else if (kind === "transactional") r.transactional[id] += weight;
    }
  }
  return r;
}

function findInRow(start: Int32Array, nbr: Int32Array, u: number, v: number): number {
  let lo = start[u];
  let hi = start[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nbr[mid] === v) return mid;
    if (nbr[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new RangeError(`no tie between ${u} and ${v} in the graph`);
}
