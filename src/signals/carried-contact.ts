// Cross-group contact in the look-back window before each departure: through each leaver, and by everyone else, per
// pair of groups (departures.ts judges it). The plain form of this loop is kept as the reference
// (test/perf/reference/signals-plain.ts); this one gives the same numbers without a closure, an array or a
// Map per tie: on the organisation boundary of a 10,000-person system a tie is looked at for each of ~100 leavers
// of its groups.
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

/** Pairs of groups above which the settled pairs are not tracked (4 MB): every leaver of a tie's groups is looked at. */
const MAX_GROUP_PAIRS = 1 << 20;

export interface LookBack {
  /** Periods before a departure that are looked at. */
  periods: number;
  /** Other pairs of people are counted up to this many: enough to settle that the link did not rest on one person. */
  enough: number;
}

/**
 * A tie concerns only the leavers of its two groups. Other ties are counted only up to `enough` distinct pairs of
 * people. Slots are (leaver's ordinal × groups + other group), in flat arrays.
 */
export function carriedContact(
  ties: readonly Tie[],
  peopleCount: number,
  index: GroupIndex,
  leavers: ReadonlyMap<number, number>,
  { timeline, contact }: { timeline: Timeline; contact: TieContact },
  { periods: lookBack, enough }: LookBack,
): CarriedContact {
  const groupCount = index.names.length;
  const leaverIds = [...leavers.keys()];
  const byGroup = leaversByGroup(leaverIds, index.of, groupCount);
  const leftOf = Int32Array.from(leaverIds, (leaver) => leavers.get(leaver)!);
  const slots = leaverIds.length * groupCount;
  const carriedBy = new Float64Array(slots).fill(NaN);
  const partnersBy = new Map<number, Map<number, number>>();
  const othersCount = new Uint8Array(slots);
  const othersPairs = new Float64Array(slots * enough);
  // The tie's contact in the look-back window, summed once per tie and departure period (many leavers share one).
  const windowTie = new Int32Array(timeline.length).fill(-1);
  const windowWeight = new Float64Array(timeline.length);
  const inWindow = (t: number, left: number): number => {
    if (windowTie[left] !== t) {
      windowTie[left] = t;
      windowWeight[left] = lookBackSum(ties[t], t, left - lookBack, left, timeline, contact);
    }
    return windowWeight[left];
  };
  // Per pair of groups (leaver's, other): leavers whose count of other ties is not yet settled. Once none is left,
  // a tie between the two groups concerns only a leaver it carries, if any (for at most MAX_GROUP_PAIRS pairs).
  const open = groupCount * groupCount <= MAX_GROUP_PAIRS ? new Int32Array(groupCount * groupCount) : null;
  if (open)
    for (let g = 0; g < groupCount; g++)
      open.fill(byGroup.start[g + 1] - byGroup.start[g], g * groupCount, (g + 1) * groupCount);
  // A tie's people from the contact's typed copies, as in the loop below: not from the Tie objects again.
  const visit = (t: number, ordinal: number, other: number, pair: number): void => {
    const leaver = leaverIds[ordinal];
    const slot = ordinal * groupCount + other;
    const from = contact.from[t];
    const to = contact.to[t];
    const carries = from === leaver || to === leaver;
    if (!carries && othersCount[slot] >= enough) return;
    const weight = inWindow(t, leftOf[ordinal]);
    if (weight <= 0) return;
    if (carries) {
      carriedBy[slot] = Number.isNaN(carriedBy[slot]) ? weight : carriedBy[slot] + weight;
      const partner = from === leaver ? to : from;
      let byPartner = partnersBy.get(slot);
      if (!byPartner) partnersBy.set(slot, (byPartner = new Map<number, number>()));
      byPartner.set(partner, (byPartner.get(partner) ?? 0) + weight);
    } else if (!seen(othersPairs, slot * enough, othersCount[slot], pair)) {
      othersPairs[slot * enough + othersCount[slot]++] = pair;
      if (open && othersCount[slot] === enough) open[index.of[leaver] * groupCount + other]--;
    }
  };
  const ordinalOf = new Int32Array(peopleCount).fill(-1);
  leaverIds.forEach((leaver, ordinal) => (ordinalOf[leaver] = ordinal));
  for (let t = 0; t < ties.length; t++) {
    const from = contact.from[t];
    const to = contact.to[t];
    const gFrom = index.of[from];
    const gTo = index.of[to];
    if (gFrom < 0 || gTo < 0 || gFrom === gTo) continue;
    if (byGroup.start[gFrom] === byGroup.start[gFrom + 1] && byGroup.start[gTo] === byGroup.start[gTo + 1]) continue;
    const pair = Math.min(from, to) * peopleCount + Math.max(from, to);
    // Each leaver of the two groups has slots of its own, so the order of the leavers within a tie does not matter.
    for (let side = 0; side < 2; side++) {
      const gL = side === 0 ? gFrom : gTo;
      const other = side === 0 ? gTo : gFrom;
      if (open && open[gL * groupCount + other] === 0) {
        // Only the tie's own person on this side can be a leaver of gL that it concerns.
        const ordinal = ordinalOf[side === 0 ? from : to];
        if (ordinal >= 0) visit(t, ordinal, other, pair);
        continue;
      }
      for (let i = byGroup.start[gL]; i < byGroup.start[gL + 1]; i++) visit(t, byGroup.ordinals[i], other, pair);
    }
  }
  const carried = new Map<string, number>();
  const partners = new Map<string, Map<number, number>>();
  const keyOf = (slot: number) => `${leaverIds[Math.floor(slot / groupCount)]},${slot % groupCount}`;
  carriedBy.forEach((weight, slot) => {
    if (!Number.isNaN(weight)) carried.set(keyOf(slot), weight);
  });
  partnersBy.forEach((byPartner, slot) => partners.set(keyOf(slot), byPartner));
  return {
    carried,
    partners,
    remaining: (leaver, other) => othersCount[leaverIds.indexOf(leaver) * groupCount + other],
  };
}

/** The leavers' ordinals by group (CSR: group g's are ordinals[start[g]] … ordinals[start[g + 1] − 1], ascending). */
function leaversByGroup(leaverIds: number[], groupOf: Int32Array, groupCount: number) {
  const start = new Int32Array(groupCount + 1);
  for (const leaver of leaverIds) start[groupOf[leaver] + 1]++;
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const ordinals = new Int32Array(leaverIds.length);
  const next = start.slice(0, groupCount);
  leaverIds.forEach((leaver, ordinal) => (ordinals[next[groupOf[leaver]]++] = ordinal));
  return { start, ordinals };
}

/** Whether `pair` is among the `count` pairs recorded from `at`. */
function seen(pairs: Float64Array, at: number, count: number, pair: number): boolean {
  for (let i = at; i < at + count; i++) if (pairs[i] === pair) return true;
  return false;
}

/**
 * Tie t's weight in periods [from, to) of the timeline, in the period Map's order. From the contact arrays when they
 * hold every period of every tie (tieContact left nothing out), else from the tie's Map, as the plain path does.
 */
function lookBackSum(tie: Tie, t: number, from: number, to: number, timeline: Timeline, contact: TieContact): number {
  let weight = 0;
  if (contact.complete) {
    for (let e = contact.start[t]; e < contact.start[t + 1]; e++) {
      const p = contact.position[e];
      if (p >= from && p < to) weight += contact.weight[e];
    }
    return weight;
  }
  tie.periods.forEach((w, period) => {
    const p = period - timeline.first;
    if (p >= from && p < to) weight += w;
  });
  return weight;
}
