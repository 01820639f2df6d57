// Relationships: the ties of a pair of people in either direction, merged, with their history — when contact started,
// how many periods it was active, on which channels — for depth, durability and forum analyses.
import type { Tie } from "../model/types.js";
import { channelKind } from "./channels.js";
import type { Graph } from "./graph.js";

export interface Relationships {
  count: number;
  /** The pair (a < b). */
  a: Int32Array;
  b: Int32Array;
  /** First contact (epoch ms), NaN when unknown. */
  first: Float64Array;
  /** First and last period with contact; −1 when the ties carry no periods. */
  firstPeriod: Int32Array;
  lastPeriod: Int32Array;
  periodsActive: Int32Array;
  interactions: Float64Array;
  relational: Float64Array;
  transactional: Float64Array;
  /** Interactions whose channel is known (non-blank). */
  withChannel: Float64Array;
  durationMinutes: Float64Array;
}

/**
 * One relationship per edge of the graph's undirected skeleton (pairs u < v in row order), so pairs are found by a
 * binary search in a sorted row rather than by hashing or sorting a million ties.
 */
export function relationships(graph: Graph, ties: Tie[]): Relationships {
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
  const marks = periodMarks(ties);
  const kinds = new Map<string, ReturnType<typeof channelKind> | "blank">();
  // A period with weight is counted once per relationship: its two directed ties may both have it.
  let id = -1;
  const take = (weight: number, period: number) => {
    if (weight <= 0) return;
    if (marks.last[period - marks.first] === id) return;
    marks.last[period - marks.first] = id;
    r.periodsActive[id]++;
    if (r.firstPeriod[id] < 0 || period < r.firstPeriod[id]) r.firstPeriod[id] = period;
    if (period > r.lastPeriod[id]) r.lastPeriod[id] = period;
  };
  for (const t of order) {
    const tie = ties[t];
    id = relOf[t];
    if (tie.first !== null && !(tie.first >= r.first[id])) r.first[id] = tie.first;
    // A loader's view reads its range of the shared period arrays in a loop (take is inlined there); any other
    // Map goes through forEach, one call per period.
    const range = tie.periods.range;
    if (range) for (let i = range.first; i < range.end; i++) take(range.weight[i], range.period[i]);
    else tie.periods.forEach(take);
    r.interactions[id] += tie.weight;
    r.durationMinutes[id] += tie.durationMinutes;
    for (const channel in tie.channels) {
      let kind = kinds.get(channel);
      if (kind === undefined) kinds.set(channel, (kind = channel.trim() === "" ? "blank" : channelKind(channel)));
      if (kind === "blank") continue;
      const weight = tie.channels[channel];
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

/**
 * Per period, from the first period of any tie to the last, the last relationship that counted it (−1: none yet).
 * Periods are small whole numbers (weeks or months since 1970), so an array replaces a Map lookup per period.
 */
function periodMarks(ties: Tie[]): { first: number; last: Int32Array } {
  let first = Infinity;
  let last = -Infinity;
  const see = (_weight: number, period: number) => {
    if (period < first) first = period;
    if (period > last) last = period;
  };
  for (const tie of ties) {
    const range = tie.periods.range;
    if (range) {
      // Periods ascend within a tie's range.
      if (range.end > range.first) see(0, range.period[range.first]);
      if (range.end > range.first) see(0, range.period[range.end - 1]);
    } else tie.periods.forEach(see);
  }
  return { first, last: new Int32Array(last >= first ? last - first + 1 : 0).fill(-1) };
}
