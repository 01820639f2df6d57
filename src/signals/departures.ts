// Breakdown signal read from person-to-person ties, reported only for groups (never naming anyone): the departure
// of a person who carried the contact between two groups, when no one else has picked the link up.
import type { Dataset, Tie } from "../model/types.js";
import type { Severity } from "../result/types.js";
import type { BoundarySeries } from "./relational.js";
import type { DetectedSignal, SignalScene } from "./scene.js";
import { labelAt, positionOf, wholePositions, type Timeline } from "./timeline.js";
import { percent } from "../text/format.js";
import { plural } from "../text/format.js";
import { round } from "../util/round.js";

/** Periods before a departure used to measure the link the leaver carried. */
const DEPARTURE_LOOKBACK = 8;
/** Share of a pair's contact carried by the leaver for a warning, and for a critical signal. */
const CARRIED_SHARE_WARNING = 0.5;
const CARRIED_SHARE_CRITICAL = 0.8;
/** The link must have mattered (contact per period before the departure) and been lost (contact since, as a share of before). */
const DEPARTURE_MIN_VOLUME = 5;
const DEPARTURE_LINK_LOST = 0.5;
/** At most this many other person-to-person ties may still link the groups (more: the link does not rest on one person). */
const DEPARTURE_MAX_REMAINING = 1;
/** Periods of history before the departure needed to judge what the leaver carried. */
const DEPARTURE_MIN_HISTORY = 4;

/** People who left inside the timeline, with enough history before, from a reportable group: person → position left. */
function leaversToJudge(data: Dataset, index: BoundarySeries["index"], timeline: Timeline): Map<number, number> {
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const leavers = new Map<number, number>();
  (data.people?.people ?? []).forEach((person, i) => {
    if (person.left === undefined || person.left > endInstant) return;
    const position = positionOf(timeline, person.left);
    if (
      position >= DEPARTURE_MIN_HISTORY &&
      position < timeline.length &&
      index.of[i] >= 0 &&
      index.reportable[index.of[i]]
    )
      leavers.set(i, position);
  });
  return leavers;
}

/** Contact each leaver carried to each other group before leaving, and how many other ties linked the two groups. */
interface CarriedContact {
  /** "leaver,other group" → the leaver's contact with that group in the look-back window. */
  carried: Map<string, number>;
  /** Other distinct pairs of people linking the leaver's group and the other group (counted up to the cap). */
  remaining: (leaver: number, other: number) => number;
}

/**
 * Cross-group contact in the look-back window: through each leaver, and by everyone else, per pair of groups.
 * A tie concerns only the leavers of its two groups. Other ties are counted only up to the number that settles
 * whether the link rested on one person (DEPARTURE_MAX_REMAINING + 1 distinct pairs of people). Slots are
 * (leaver's ordinal × groups + other group), in flat arrays: a tie is looked at for every leaver of its groups.
 */
function carriedContact(
  ties: readonly Tie[],
  peopleCount: number,
  index: BoundarySeries["index"],
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
  const enough = DEPARTURE_MAX_REMAINING + 1;
  const slots = leaverIds.length * groupCount;
  const carriedBy = new Float64Array(slots).fill(NaN);
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
          if (p >= left - DEPARTURE_LOOKBACK && p < left) weight += w;
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
        if (carries) carriedBy[slot] = Number.isNaN(carriedBy[slot]) ? weight : carriedBy[slot] + weight;
        else if (!othersPairs.subarray(slot * enough, slot * enough + othersCount[slot]).includes(pair))
          othersPairs[slot * enough + othersCount[slot]++] = pair;
      }
    }
  }
  const carried = new Map<string, number>();
  carriedBy.forEach((weight, slot) => {
    if (!Number.isNaN(weight)) carried.set(`${leaverIds[Math.floor(slot / groupCount)]},${slot % groupCount}`, weight);
  });
  return { carried, remaining: (leaver, other) => othersCount[leaverIds.indexOf(leaver) * groupCount + other] };
}

/** What the signal says about one departure, once it is judged a breakdown. */
interface Departure {
  a: string;
  b: string;
  from: string;
  share: number;
  remaining: number;
  lookedBack: number;
  beforeRate: number;
  afterRate: number | null;
  periodsSince: number;
}

function departureSignal(attribute: string, kind: Timeline["kind"], d: Departure): DetectedSignal {
  const { a, b, from, share, remaining } = d;
  const periods = plural(d.lookedBack, kind);
  const severity: Severity = share >= CARRIED_SHARE_CRITICAL || remaining === 0 ? "critical" : "warning";
  return {
    id: `key-person-departure:${attribute}:${a}|${b}:${from}`,
    kind: "key-person-departure",
    severity,
    subject: { attribute, groups: [a, b] },
    firstPeriod: from,
    rule: `a person who left in ${from} carried ${percent(share)} of the contact between ${a} and ${b} in the ${periods} before (≥ ${percent(CARRIED_SHARE_WARNING)})`,
    // Both halves speak of the same window, the periods before the departure, and say so: over the whole data other
    // ties may exist (the key-person check counts those), which is not a contradiction.
    message: `A colleague in ${a} who left in ${from} carried ${percent(share)} of the contact between ${a} and ${b} in the ${periods} before; ${remaining === 0 ? "in that time no other person-to-person tie linked the two groups" : `in that time ${remaining} other person-to-person tie${remaining === 1 ? "" : "s"} linked them`}.`,
    evidence: [
      {
        label: `share of the pair's contact carried, ${periods} before leaving`,
        value: share,
        kind: "share",
      },
      { label: `other ties linking the groups in those ${kind}s`, value: remaining },
      { label: `contact per ${kind} before`, value: round(d.beforeRate, 1), n: d.lookedBack },
      {
        label: `contact per ${kind} since`,
        value: d.afterRate === null ? null : round(d.afterRate, 1),
        n: d.periodsSince,
        reference: round(d.beforeRate, 1),
      },
    ],
    questions: [
      `Who in ${a} now holds the relationships with ${b} that this colleague held?`,
      `Which pieces of joint work between ${a} and ${b} depended on that link, and where do they stand now?`,
      `How could the link between ${a} and ${b} rest on more than one person in future?`,
    ],
  };
}

/** Departures that took a cross-group link with them, on every boundary. */
export const keyPersonDepartureSignals = (scene: SignalScene): DetectedSignal[] =>
  scene.relational?.boundaries.flatMap((b) => keyPersonDepartures(scene.data, b.series, scene.relational!.timeline)) ??
  [];

function keyPersonDepartures(data: Dataset, boundary: BoundarySeries, timeline: Timeline): DetectedSignal[] {
  const { index } = boundary;
  const leavers = leaversToJudge(data, index, timeline);
  if (leavers.size === 0) return [];
  const peopleCount = data.people?.people.length ?? 0;
  const contact = carriedContact(data.interactions?.ties ?? [], peopleCount, index, leavers, timeline);
  const signals: DetectedSignal[] = [];
  for (const [key, weight] of [...contact.carried].sort(([x], [y]) => x.localeCompare(y))) {
    const [leaver, other] = key.split(",").map(Number);
    const gL = index.of[leaver];
    if (!index.reportable[other]) continue;
    const left = leavers.get(leaver)!;
    const pair = boundary.pairs.get(gL < other ? `${gL},${other}` : `${other},${gL}`);
    if (!pair) continue;
    const window = wholePositions(timeline, left - DEPARTURE_LOOKBACK, left);
    // The leaving period still holds contact from before the departure: "since" starts with the next one.
    const after = wholePositions(timeline, left + 1, timeline.length);
    const total = window.reduce((s, p) => s + pair.interactions[p], 0);
    if (total <= 0 || window.length === 0) continue;
    const share = weight / total;
    if (
      share < CARRIED_SHARE_WARNING ||
      total / window.length < DEPARTURE_MIN_VOLUME ||
      window.length < DEPARTURE_MIN_HISTORY
    )
      continue;
    const remaining = contact.remaining(leaver, other);
    if (remaining > DEPARTURE_MAX_REMAINING) continue;
    const beforeRate = total / window.length;
    const afterRate = after.length > 0 ? after.reduce((s, p) => s + pair.interactions[p], 0) / after.length : null;
    // A link someone else has picked up is not a breakdown (it stays visible in the network section).
    if (afterRate !== null && afterRate > DEPARTURE_LINK_LOST * beforeRate) continue;
    signals.push(
      departureSignal(index.attribute, timeline.kind, {
        a: index.names[gL],
        b: index.names[other],
        from: labelAt(timeline, left),
        share,
        remaining,
        lookedBack: window.length,
        beforeRate,
        afterRate,
        periodsSince: after.length,
      }),
    );
  }
  return signals;
}
