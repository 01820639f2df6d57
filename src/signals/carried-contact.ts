// Cross-group contact in the look-back window before each departure: through each leaver, and by everyone else, per
// pair of groups (departures.ts judges it). The plain form of this loop is kept as the reference
// (test/perf/reference/signals-plain.ts): it looks at every cross-group tie for each leaver of its groups. This one
// gives the same numbers from each leaver's own ties (the contact it carried, summed in tie order as there), and
// counts the other ties of a pair of groups only when departures asks, for the few departures that carried enough to
// matter: on the three boundaries of a 10,000-person system the plain loop made millions of visits (issue 15).
import type { Tie } from "../model/types.js";
import type { GroupIndex, TieContact } from "./relational.js";
import type { Timeline } from "./timeline.js";

/** Contact each leaver carried to each other group before leaving, and how many other ties linked the two groups. */
export interface CarriedContact {
  /** "leaver,other group" → the leaver's contact with that group in the look-back window. */
  carried: Map<string, number>;
  /** "leaver,other group" → that contact per person the leaver had it with (both directions of a tie together). */
  partners: Map<string, Map<number, number>>;
  /** Other distinct pairs of people linking the leaver's group and the other group (counted up to the cap). */
  remaining: (leaver: number, other: number) => number;
}

export interface LookBack {
  /** Periods before a departure that are looked at. */
  periods: number;
  /** Other pairs of people are counted up to this many: enough to settle that the link did not rest on one person. */
  enough: number;
}

/** Each person's ties in tie order (CSR: person p's are ties[start[p]] … ties[start[p + 1] − 1]). */
export interface PersonTies {
  start: Int32Array;
  ties: Int32Array;
}

/** What a departure's window is read from: the ties, their contact, and each person's ties (once per run). */
export interface TieSource {
  timeline: Timeline;
  contact: TieContact;
  byPerson: PersonTies;
}

interface Ties extends TieSource {
  ties: readonly Tie[];
  peopleCount: number;
}

/**
 * A leaver's contact with each other group in its look-back window, from its own ties; the other ties linking its
 * group and another, counted when asked (only from the smaller group's side, and only up to `enough`).
 */
export function carriedContact(
  ties: readonly Tie[],
  peopleCount: number,
  index: GroupIndex,
  leavers: ReadonlyMap<number, number>,
  { timeline, contact, byPerson }: TieSource,
  { periods: lookBack, enough }: LookBack,
): CarriedContact {
  const groupCount = index.names.length;
  const source: Ties = { ties, peopleCount, timeline, contact, byPerson };
  const leaverIds = [...leavers.keys()];
  // Keyed by slot (leaver ordinal × groups + group): a few thousand slots of M's 231,957 are ever set, so a Map
  // rather than a dense array filled with NaN and scanned whole (1.86 MB written once, issue 15).
  const carriedBy = new Map<number, number>();
  const partnersBy = new Map<number, Map<number, number>>();
  leaverIds.forEach((leaver, ordinal) => {
    const left = leavers.get(leaver)!;
    const group = index.of[leaver];
    if (group < 0) return;
    const { start, ties: own } = source.byPerson;
    for (let i = start[leaver]; i < start[leaver + 1]; i++) {
      const t = own[i];
      const partner = contact.from[t] === leaver ? contact.to[t] : contact.from[t];
      const other = index.of[partner];
      if (other < 0 || other === group) continue;
      const weight = lookBackSum(source, t, left - lookBack, left);
      if (weight <= 0) continue;
      const slot = ordinal * groupCount + other;
      const before = carriedBy.get(slot);
      carriedBy.set(slot, before === undefined ? weight : before + weight);
      let byPartner = partnersBy.get(slot);
      if (!byPartner) partnersBy.set(slot, (byPartner = new Map<number, number>()));
      byPartner.set(partner, (byPartner.get(partner) ?? 0) + weight);
    }
  });
  const carried = new Map<string, number>();
  const partners = new Map<string, Map<number, number>>();
  const keyOf = (slot: number) => `${leaverIds[Math.floor(slot / groupCount)]},${slot % groupCount}`;
  // In slot order, as the dense array was read.
  for (const slot of [...carriedBy.keys()].sort((x, y) => x - y)) carried.set(keyOf(slot), carriedBy.get(slot)!);
  partnersBy.forEach((byPartner, slot) => partners.set(keyOf(slot), byPartner));
  let members: ReturnType<typeof membersByGroup> | null = null;
  return {
    carried,
    partners,
    remaining: (leaver, other) => {
      members ??= membersByGroup(index.of, groupCount);
      const left = leavers.get(leaver)!;
      return othersLinking(source, index.of, members, leaver, other, [left - lookBack, left], enough);
    },
  };
}

/**
 * Distinct pairs of people, other than the leaver's, with contact in the window [from, to) on a tie between the
 * leaver's group and `other`, up to `enough`. Each such tie has one end in each group, so it is met exactly once
 * among the ties of the smaller group's members.
 */
function othersLinking(
  source: Ties,
  groupOf: Int32Array,
  members: { order: Int32Array; begin: Int32Array },
  leaver: number,
  other: number,
  [from, to]: [number, number],
  enough: number,
): number {
  const group = groupOf[leaver];
  if (group < 0 || other === group) return 0;
  const { contact, byPerson, peopleCount } = source;
  const size = (g: number) => members.begin[g + 1] - members.begin[g];
  const [near, far] = size(group) <= size(other) ? [group, other] : [other, group];
  const seen: number[] = [];
  for (let m = members.begin[near]; m < members.begin[near + 1]; m++) {
    const person = members.order[m];
    for (let i = byPerson.start[person]; i < byPerson.start[person + 1]; i++) {
      const t = byPerson.ties[i];
      const a = contact.from[t];
      const b = contact.to[t];
      if (a === leaver || b === leaver || groupOf[a === person ? b : a] !== far) continue;
      const pair = Math.min(a, b) * peopleCount + Math.max(a, b);
      if (seen.includes(pair) || lookBackSum(source, t, from, to) <= 0) continue;
      seen.push(pair);
      if (seen.length === enough) return enough;
    }
  }
  return seen.length;
}

/** Each person's ties in tie order; a tie to oneself listed once. */
export function tiesByPerson({ from, to }: TieContact, peopleCount: number): PersonTies {
  const start = new Int32Array(peopleCount + 1);
  for (let t = 0; t < from.length; t++) {
    start[from[t] + 1]++;
    if (to[t] !== from[t]) start[to[t] + 1]++;
  }
  for (let p = 0; p < peopleCount; p++) start[p + 1] += start[p];
  const next = start.slice(0, peopleCount);
  const ties = new Int32Array(start[peopleCount]);
  for (let t = 0; t < from.length; t++) {
    ties[next[from[t]]++] = t;
    if (to[t] !== from[t]) ties[next[to[t]]++] = t;
  }
  return { start, ties };
}

/** People by group (CSR: group g's are order[begin[g]] … order[begin[g + 1] − 1]); people without a group left out. */
function membersByGroup(groupOf: Int32Array, groupCount: number): { order: Int32Array; begin: Int32Array } {
  const begin = new Int32Array(groupCount + 1);
  for (let person = 0; person < groupOf.length; person++) if (groupOf[person] >= 0) begin[groupOf[person] + 1]++;
  for (let g = 0; g < groupCount; g++) begin[g + 1] += begin[g];
  const next = begin.slice(0, groupCount);
  const order = new Int32Array(begin[groupCount]);
  for (let person = 0; person < groupOf.length; person++)
    if (groupOf[person] >= 0) order[next[groupOf[person]]++] = person;
  return { order, begin };
}

/**
 * Tie t's weight in periods [from, to) of the timeline, in the period Map's order. From the contact arrays when they
 * hold every period of every tie (tieContact left nothing out), else from the tie's Map, as the plain path does.
 */
function lookBackSum({ ties, timeline, contact }: Ties, t: number, from: number, to: number): number {
  let weight = 0;
  if (contact.complete) {
    for (let e = contact.start[t]; e < contact.start[t + 1]; e++) {
      const p = contact.position[e];
      if (p >= from && p < to) weight += contact.weight[e];
    }
    return weight;
  }
  ties[t].periods.forEach((w, period) => {
    const p = period - timeline.first;
    if (p >= from && p < to) weight += w;
  });
  return weight;
}
