// The boundary series and the departures' carried contact as they were computed before issue 15's fast paths
// (src/signals/pair-series.ts, carried-contact.ts): a typed array per pair of groups and measure, a Map of people per
// pair filled while the series are summed, and the look-back window read from each tie's period Map with a closure
// per tie. The fast paths must give the same numbers to the last bit, in the same order.
import type { Tie } from "../../../src/model/types.js";
import type { CarriedContact } from "../../../src/signals/carried-contact.js";
import type { GroupIndex, GroupSeries, TieContact, Windows } from "../../../src/signals/relational.js";
import type { Timeline } from "../../../src/signals/timeline.js";

/** The look-back and the cap departures.ts passes. */
export const LOOKBACK = 8;
export const ENOUGH = 2;

interface PlainPairSeries {
  a: number;
  b: number;
  interactions: Float64Array;
  forward: Float64Array;
  backward: Float64Array;
  activeTies: Float64Array;
  people: Map<number, PersonPairContact>;
}

interface PersonPairContact {
  forwardBefore: number;
  forwardRecent: number;
  backwardBefore: number;
  backwardRecent: number;
}

export interface PlainBoundarySeries {
  index: GroupIndex;
  active: Uint8Array;
  pairs: Map<string, PlainPairSeries>;
  groups: GroupSeries[];
}

/** What boundarySeries read of the Dataset. */
export interface PlainData {
  interactions: { ties: Tie[] };
  people: { people: unknown[] };
}

export function plainBoundarySeries(
  data: PlainData,
  index: GroupIndex,
  contact: TieContact,
  timeline: Timeline,
  windows: Windows,
): PlainBoundarySeries {
  const T = timeline.length;
  const inRecent = new Uint8Array(T);
  for (const p of windows.recent) inRecent[p] = 1;
  const ties = data.interactions?.ties ?? [];
  const pairs = new Map<string, PlainPairSeries>();
  const byNumber = new Map<number, PlainPairSeries>();
  const groups: GroupSeries[] = index.names.map((_, group) => ({
    group,
    external: new Float64Array(T),
    internal: new Float64Array(T),
    activePeople: new Float64Array(T),
    newCrossTies: new Float64Array(T),
  }));
  const peopleCount = data.people?.people.length ?? 0;
  const { start, position, weight } = contact;

  for (let t = 0; t < ties.length; t++) {
    const from = start[t];
    const to = start[t + 1];
    if (from === to) continue;
    const tie = ties[t];
    const ga = index.of[tie.from];
    const gb = index.of[tie.to];
    if (ga < 0 || gb < 0) continue;
    if (ga === gb) {
      const internal = groups[ga].internal;
      for (let k = from; k < to; k++) internal[position[k]] += weight[k];
      continue;
    }
    const a = Math.min(ga, gb);
    const forward = ga === a;
    const pair = pairOf(pairs, byNumber, a, Math.max(ga, gb), index.names.length, T);
    const [externalA, externalB] = [groups[ga].external, groups[gb].external];
    const direction = forward ? pair.forward : pair.backward;
    // Looked up once per tie, when first needed.
    let people: PersonPairContact | undefined;
    let first = T;
    for (let k = from; k < to; k++) {
      const p = position[k];
      if (p < first) first = p;
      const w = weight[k];
      externalA[p] += w;
      externalB[p] += w;
      pair.interactions[p] += w;
      direction[p] += w;
      pair.activeTies[p] += 1;
      if (p < windows.baseline || inRecent[p] === 1) {
        people ??= personPair(pair, Math.min(tie.from, tie.to) * peopleCount + Math.max(tie.from, tie.to));
        if (p < windows.baseline) people[forward ? "forwardBefore" : "backwardBefore"] += w;
        else people[forward ? "forwardRecent" : "backwardRecent"] += w;
      }
    }
    groups[ga].newCrossTies[first] += 1;
    groups[gb].newCrossTies[first] += 1;
  }
  for (let person = 0; person < peopleCount; person++) {
    const g = index.of[person];
    if (g < 0) continue;
    const activePeople = groups[g].activePeople;
    for (let p = 0; p < T; p++) if (contact.active[person * T + p]) activePeople[p] += 1;
  }
  return { index, active: contact.active, pairs, groups };
}

function personPair(pair: PlainPairSeries, key: number): PersonPairContact {
  let contact = pair.people.get(key);
  if (!contact)
    pair.people.set(key, (contact = { forwardBefore: 0, forwardRecent: 0, backwardBefore: 0, backwardRecent: 0 }));
  return contact;
}

/** The series of groups a < b, created on first use; found by number (a × groups + b) without building its key. */
function pairOf(
  pairs: Map<string, PlainPairSeries>,
  byNumber: Map<number, PlainPairSeries>,
  a: number,
  b: number,
  groups: number,
  T: number,
): PlainPairSeries {
  let pair = byNumber.get(a * groups + b);
  if (!pair) {
    pair = {
      a,
      b,
      interactions: new Float64Array(T),
      forward: new Float64Array(T),
      backward: new Float64Array(T),
      activeTies: new Float64Array(T),
      people: new Map(),
    };
    pairs.set(`${a},${b}`, pair);
    byNumber.set(a * groups + b, pair);
  }
  return pair;
}

export function plainCarriedContact(
  ties: readonly Tie[],
  peopleCount: number,
  index: GroupIndex,
  leavers: Map<number, number>,
  timeline: Timeline,
): CarriedContact {
  const groupCount = index.names.length;
  const leaverIds = [...leavers.keys()];
  const leaversOf = new Map<number, { ordinal: number; leaver: number; left: number }[]>();
  leaverIds.forEach((leaver, ordinal) => {
    const g = index.of[leaver];
    leaversOf.set(g, [...(leaversOf.get(g) ?? []), { ordinal, leaver, left: leavers.get(leaver)! }]);
  });
  const enough = ENOUGH;
  const slots = leaverIds.length * groupCount;
  const carriedBy = new Float64Array(slots).fill(NaN);
  const partnersBy = new Map<number, Map<number, number>>();
  const othersCount = new Uint8Array(slots);
  const othersPairs = new Float64Array(slots * enough);
  const windowWeight = new Float64Array(timeline.length);
  for (const tie of ties) {
    const gFrom = index.of[tie.from];
    const gTo = index.of[tie.to];
    if (gFrom < 0 || gTo < 0 || gFrom === gTo) continue;
    if (!leaversOf.has(gFrom) && !leaversOf.has(gTo)) continue;
    // The tie's contact in the look-back window, summed once per departure period (many leavers share one).
    windowWeight.fill(NaN);
    const inWindow = (left: number): number => {
      if (Number.isNaN(windowWeight[left])) {
        let weight = 0;
        tie.periods.forEach((w, period) => {
          const p = period - timeline.first;
          if (p >= left - LOOKBACK && p < left) weight += w;
        });
        windowWeight[left] = weight;
      }
      return windowWeight[left];
    };
    const pair = Math.min(tie.from, tie.to) * peopleCount + Math.max(tie.from, tie.to);
    for (const gL of [gFrom, gTo]) {
      const other = gL === gFrom ? gTo : gFrom;
      for (const { ordinal, leaver, left } of leaversOf.get(gL) ?? []) {
        const slot = ordinal * groupCount + other;
        const carries = tie.from === leaver || tie.to === leaver;
        if (!carries && othersCount[slot] >= enough) continue;
        const weight = inWindow(left);
        if (weight <= 0) continue;
        if (carries) {
          carriedBy[slot] = Number.isNaN(carriedBy[slot]) ? weight : carriedBy[slot] + weight;
          const partner = tie.from === leaver ? tie.to : tie.from;
          const byPartner = partnersBy.get(slot) ?? new Map<number, number>();
          byPartner.set(partner, (byPartner.get(partner) ?? 0) + weight);
          partnersBy.set(slot, byPartner);
        } else if (!othersPairs.subarray(slot * enough, slot * enough + othersCount[slot]).includes(pair))
          othersPairs[slot * enough + othersCount[slot]++] = pair;
      }
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
