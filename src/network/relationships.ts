// Relationships: the ties of a pair of people in either direction, merged, with their history — when contact started,
// how many periods it was active, on which channels — for depth, durability and forum analyses.
import type { Tie } from "../model/types.js";
import { channelKind } from "./channels.js";

export interface Relationships {
  count: number;
  /** The pair (a < b). */
  a: Int32Array;
  b: Int32Array;
  /** First contact (epoch ms), NaN when unknown. */
  first: Float64Array;
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

export function relationships(ties: Tie[]): Relationships {
  // Pairs are found by sorting tie indices on (smaller, larger) person index: no per-pair objects.
  const order = Int32Array.from({ length: ties.length }, (_, i) => i).filter((i) => ties[i].from !== ties[i].to);
  const lo = (i: number) => Math.min(ties[i].from, ties[i].to);
  const hi = (i: number) => Math.max(ties[i].from, ties[i].to);
  order.sort((x, y) => lo(x) - lo(y) || hi(x) - hi(y));
  let count = 0;
  for (let k = 0; k < order.length; k++) if (k === 0 || lo(order[k]) !== lo(order[k - 1]) || hi(order[k]) !== hi(order[k - 1])) count++;
  const r: Relationships = {
    count,
    a: new Int32Array(count),
    b: new Int32Array(count),
    first: new Float64Array(count).fill(NaN),
    firstPeriod: new Int32Array(count),
    lastPeriod: new Int32Array(count),
    periodsActive: new Int32Array(count),
    interactions: new Float64Array(count),
    relational: new Float64Array(count),
    transactional: new Float64Array(count),
    withChannel: new Float64Array(count),
    durationMinutes: new Float64Array(count),
  };
  let p = -1;
  let periods = new Set<number>();
  const close = () => {
    if (p < 0) return;
    r.periodsActive[p] = periods.size;
    let min = Infinity;
    let max = -Infinity;
    for (const x of periods) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    r.firstPeriod[p] = periods.size ? min : -1;
    r.lastPeriod[p] = periods.size ? max : -1;
  };
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const tie = ties[i];
    if (k === 0 || lo(i) !== lo(order[k - 1]) || hi(i) !== hi(order[k - 1])) {
      close();
      p++;
      r.a[p] = lo(i);
      r.b[p] = hi(i);
      periods = new Set();
    }
    if (tie.first !== null && !(tie.first >= r.first[p])) r.first[p] = tie.first;
    for (const [period, weight] of tie.periods) if (weight > 0) periods.add(period);
    r.interactions[p] += tie.weight;
    r.durationMinutes[p] += tie.durationMinutes;
    for (const [channel, weight] of Object.entries(tie.channels)) {
      if (channel.trim() === "") continue;
      r.withChannel[p] += weight;
      const kind = channelKind(channel);
      if (kind === "relational") r.relational[p] += weight;
      else if (kind === "transactional") r.transactional[p] += weight;
    }
  }
  close();
  return r;
}
