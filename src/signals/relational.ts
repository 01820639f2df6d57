// Relational time series from the collapsed ties: per pair of groups on each boundary (interactions, active ties,
// contact each way) and per group (external and internal contact, active people, new
// cross-boundary ties). The ties' per-period weights are read from their Maps once (tieContact) for every boundary;
// a week without contact is a zero, not a gap.
import type { Dataset } from "../model/types.js";
import type { Timeline } from "./timeline.js";
import { numberPairs, PairTable, type PairSeries } from "./pair-series.js";

export interface GroupIndex {
  attribute: string;
  /** Group names, sorted. */
  names: string[];
  /** Person index → group index, −1 when the person has no value for the attribute. */
  of: Int32Array;
  sizes: number[];
  /** Groups with at least minGroupSize people: the only ones reported. */
  reportable: boolean[];
}

/** The periods a change is measured between: the baseline [0, baseline) and the recent positions. */
export interface Windows {
  baseline: number;
  recent: readonly number[];
}

export interface GroupSeries {
  group: number;
  external: Float64Array;
  internal: Float64Array;
  activePeople: Float64Array;
  newCrossTies: Float64Array;
}

export interface BoundarySeries {
  index: GroupIndex;
  /** Person × period (row-major, `person * length + position`): 1 when the person had any contact. */
  active: Uint8Array;
  /** Every pair of groups in contact, numbered in tie order; a PairSeries view of each charted one on demand. */
  pairs: PairTable;
  groups: GroupSeries[];
}

export function groupIndex(data: Dataset, attribute: string): GroupIndex | null {
  const people = data.people;
  if (!people) return null;
  const values = people.people.map((p) => p.attributes[attribute]);
  const names = [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  if (names.length < 2) return null;
  const position = new Map(names.map((n, i) => [n, i]));
  const of = new Int32Array(values.map((v) => (v === undefined ? -1 : position.get(v)!)));
  const sizes = groupSizes(of, names);
  const minGroupSize = data.config.minGroupSize;
  return { attribute, names, of, sizes, reportable: sizes.map((s) => s >= minGroupSize) };
}

/**
 * People per group: a loop over every person in a function of its own, nothing after it (docs/architecture.md, "Long
 * loops in code that runs once"): in groupIndex, the config read after it had no type feedback when the loop was
 * compiled on the stack, and threw the compiled code away on each boundary of a cold run (issue 15).
 */
function groupSizes(of: Int32Array, names: readonly string[]): number[] {
  const sizes = names.map(() => 0);
  for (let person = 0; person < of.length; person++) if (of[person] >= 0) sizes[of[person]]++;
  return sizes;
}

/**
 * Each tie's contact by timeline position, read from its period Map once for every boundary: the positions of tie t
 * with weight are position[start[t]] … position[start[t + 1] − 1], in the Map's (ascending) order.
 */
export interface TieContact {
  /** Each tie's people. */
  from: Int32Array;
  to: Int32Array;
  start: Int32Array;
  position: Int32Array;
  /** Read only: when every tie's range is kept whole (see tieContact), the loader's own weights. */
  weight: Float64Array;
  /** Person × period (row-major, `person * length + position`): 1 when the person had any contact. */
  active: Uint8Array;
  /** Every period of every tie is in the timeline with a positive weight: nothing was left out. */
  complete: boolean;
}

export function tieContact(data: Dataset, timeline: Timeline): TieContact {
  const T = timeline.length;
  const ties = data.interactions?.ties ?? [];
  const n = ties.length;
  const active = new Uint8Array((data.people?.people.length ?? 0) * T);
  const start = new Int32Array(n + 1);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  // One read of each tie's fields and range. A loader's ranges all lie in one pair of shared arrays: only their
  // bounds are kept, so the range objects the getter makes die young instead of 127,595 of them surviving the
  // collections that fall during this loop (issue 15).
  const shared = n > 0 ? ties[0].periods.range : undefined;
  const first = new Int32Array(n);
  const end = new Int32Array(n).fill(-1);
  let entries = 0;
  // Whether the ranges follow each other in the shared arrays in tie order (one loader's ties, as it made them).
  let tiled = shared !== undefined;
  for (let t = 0; t < n; t++) {
    const tie = ties[t];
    from[t] = tie.from;
    to[t] = tie.to;
    const range = tie.periods.range;
    if (range && range.period === shared?.period && range.weight === shared.weight) {
      first[t] = range.first;
      end[t] = range.end;
      if (t > 0 && range.first !== end[t - 1]) tiled = false;
      entries += range.end - range.first;
    } else {
      entries += tie.periods.size;
      tiled = false;
    }
  }
  const origin = timeline.first;
  const periods = shared?.period ?? new Int32Array(0);
  const weights = shared?.weight ?? new Float64Array(0);
  const base = n > 0 ? first[0] : 0;
  // Tiled, with every entry kept, the contact's weights are the loader's as they stand: a view instead of a copy
  // (6.6 MB at M, written once, a page fault per 4 KB, issue 15).
  const direct = tiled && keepsEvery(periods, weights, base, base + entries, origin, T);
  const position = new Int32Array(entries);
  const weight = direct ? weights.subarray(base, base + entries) : new Float64Array(entries);
  let k = 0;
  let a = 0;
  let b = 0;
  const take = (w: number, period: number) => {
    const p = period - origin;
    if (p < 0 || p >= T || !(w > 0)) return;
    position[k] = p;
    weight[k++] = w;
    active[a + p] = 1;
    active[b + p] = 1;
  };
  for (let t = 0; t < n; t++) {
    start[t] = k;
    a = from[t] * T;
    b = to[t] * T;
    // A range in the shared arrays is read straight from them, in a loop of its own so it stays monomorphic; any
    // other Map goes through forEach, one call per period.
    if (end[t] < 0) {
      ties[t].periods.forEach(take);
      continue;
    }
    for (let i = first[t]; i < end[t]; i++) {
      const p = periods[i] - origin;
      // Read directly, every entry is kept (keepsEvery): its weight is not read again, a boxed number per read
      // while this loop is still interpreted.
      if (!direct) {
        const w = weights[i];
        if (p < 0 || p >= T || !(w > 0)) continue;
        weight[k] = w;
      }
      position[k++] = p;
      active[a + p] = 1;
      active[b + p] = 1;
    }
  }
  start[n] = k;
  return { from, to, start, position, weight, active, complete: k === entries };
}

/** Every entry in [from, to) of the shared arrays lies in the timeline with a positive weight: tieContact keeps all. */
function keepsEvery(periods: Int32Array, weights: Float64Array, from: number, to: number, origin: number, T: number) {
  for (let i = from; i < to; i++) {
    const p = periods[i] - origin;
    if (p < 0 || p >= T || !(weights[i] > 0)) return false;
  }
  return true;
}

export function boundarySeries(
  data: Dataset,
  index: GroupIndex,
  contact: TieContact,
  timeline: Timeline,
  windows: Windows,
): BoundarySeries {
  const T = timeline.length;
  const inRecent = new Uint8Array(T);
  for (const p of windows.recent) inRecent[p] = 1;
  const peopleCount = data.people?.people.length ?? 0;
  const { from, to, start, position, weight } = contact;
  const source = {
    from,
    to,
    peopleCount,
    groupOf: index.of,
    start,
    position,
    weight,
    baseline: windows.baseline,
    inRecent,
  };
  const numbered = numberPairs(source, index.names.length);
  const sums = sumContact(contact, index.of, T, index.names.length);
  const pairs = new PairTable(numbered, T, index.reportable, source);
  const groups = index.names.map((_, group): GroupSeries => {
    const row = (values: Float64Array) => values.slice(group * T, (group + 1) * T);
    return {
      group,
      external: row(sums.external),
      internal: row(sums.internal),
      activePeople: row(sums.activePeople),
      newCrossTies: row(sums.newCrossTies),
    };
  });
  return { index, active: contact.active, pairs, groups };
}

/**
 * Every tie's contact added to its groups' series (`group × length + position`), tie by tie in order; then each
 * group's active people. Typed arrays only, so the loop stays monomorphic. The pairs' series are summed by their
 * PairTable.
 */
function sumContact(contact: TieContact, groupOf: Int32Array, T: number, G: number) {
  const { active } = contact;
  const external = new Float64Array(G * T);
  const internal = new Float64Array(G * T);
  const activePeople = new Float64Array(G * T);
  const newCrossTies = new Float64Array(G * T);
  sumTies(contact, groupOf, T, { external, internal, newCrossTies });
  sumActivePeople(active, groupOf, T, activePeople);
  return { external, internal, activePeople, newCrossTies };
}

/**
 * sumContact's two loops (over every tie, then every person), each in a function of its own with nothing after it
 * (docs/architecture.md, "Long loops in code that runs once"): in one function the second loop had no type feedback
 * when the first was compiled on the stack, and threw the compiled code away on each boundary of a cold run (issue 15).
 */
function sumTies(
  { from: tieFrom, to: tieTo, start, position, weight }: TieContact,
  groupOf: Int32Array,
  T: number,
  { external, internal, newCrossTies }: Record<"external" | "internal" | "newCrossTies", Float64Array>,
): void {
  for (let t = 0; t < tieFrom.length; t++) {
    const from = start[t];
    const to = start[t + 1];
    if (from === to) continue;
    const ga = groupOf[tieFrom[t]];
    const gb = groupOf[tieTo[t]];
    if (ga < 0 || gb < 0) continue;
    const rowA = ga * T;
    if (ga === gb) {
      for (let k = from; k < to; k++) internal[rowA + position[k]] += weight[k];
      continue;
    }
    const rowB = gb * T;
    let first = T;
    for (let k = from; k < to; k++) {
      const p = position[k];
      if (p < first) first = p;
      const w = weight[k];
      external[rowA + p] += w;
      external[rowB + p] += w;
    }
    newCrossTies[rowA + first] += 1;
    newCrossTies[rowB + first] += 1;
  }
}

/** Each group's active people per period, from the people's activity (see sumTies). */
function sumActivePeople(active: Uint8Array, groupOf: Int32Array, T: number, activePeople: Float64Array): void {
  for (let person = 0; person < groupOf.length; person++) {
    const g = groupOf[person];
    if (g < 0) continue;
    for (let p = 0; p < T; p++) if (active[person * T + p]) activePeople[g * T + p] += 1;
  }
}

/**
 * A row of sums as a series' values; positions before `gapsBefore` are gaps. A loop rather than Array.from, which
 * walks a typed array through its iterator: an object per value until the code is optimised, for the ~4,000 series
 * a run of M charts (issue 15).
 */
export function seriesValues(row: Float64Array, gapsBefore = 0): (number | null)[] {
  const values = new Array<number | null>(row.length);
  for (let p = 0; p < row.length; p++) values[p] = p < gapsBefore ? null : row[p];
  return values;
}

/** E-I index per period: (E − I)/(E + I); null in a period without contact. */
export function eiSeries(group: GroupSeries): (number | null)[] {
  const { external, internal } = group;
  const values = new Array<number | null>(external.length);
  for (let p = 0; p < external.length; p++) {
    const total = external[p] + internal[p];
    values[p] = total > 0 ? (external[p] - internal[p]) / total : null;
  }
  return values;
}

/**
 * Reciprocity of the contact between two groups in a period: 2·min(a→b, b→a) / (a→b + b→a), 1 when each side
 * writes as much as it receives, 0 when contact runs one way only; null in a period without contact. Measured on
 * volumes rather than on ties answered within the same week, which is too sparse to chart week by week.
 */
export function reciprocitySeries(pair: PairSeries): (number | null)[] {
  const { interactions, forward, backward } = pair;
  const values = new Array<number | null>(interactions.length);
  for (let p = 0; p < interactions.length; p++) values[p] = reciprocityOf(interactions[p], forward[p], backward[p]);
  return values;
}

/** One period's reciprocity: twice the smaller direction's contact over the total; null without contact. */
export const reciprocityOf = (total: number, forward: number, backward: number): number | null =>
  total > 0 ? (2 * Math.min(forward, backward)) / total : null;

/**
 * How concentrated a fall in contact is: the share of the gross loss (per-period rate before minus after, summed
 * over the pairs of people whose contact fell) due to the single largest one. Near 1: one relationship ended (a
 * matter for dormant ties or a departure); low: contact fell broadly between the groups.
 */
export function lossConcentration(
  pair: PairSeries,
  windows: Windows,
  direction: "both" | "forward" | "backward",
): { top: number; contributors: number } {
  const before = Math.max(1, windows.baseline);
  const after = Math.max(1, windows.recent.length);
  let total = 0;
  let top = 0;
  let contributors = 0;
  for (const c of pair.people().values()) {
    const was = (direction !== "backward" ? c.forwardBefore : 0) + (direction !== "forward" ? c.backwardBefore : 0);
    const now = (direction !== "backward" ? c.forwardRecent : 0) + (direction !== "forward" ? c.backwardRecent : 0);
    const loss = was / before - now / after;
    if (loss <= 0) continue;
    total += loss;
    top = Math.max(top, loss);
    contributors++;
  }
  return { top: total > 0 ? top / total : 0, contributors };
}
