// Breakdown signal read from person-to-person ties, reported only for groups (never naming anyone): the departure
// of a person who carried the contact between two groups, when no one else has picked the link up.
import type { Dataset } from "../model/types.js";
import type { Severity } from "../result/types.js";
import type { BoundarySeries } from "./relational.js";
import { carriedContact, tiesByPerson, type TieSource } from "./carried-contact.js";
import type { DetectedSignal, SignalScene } from "./scene.js";
import { endingRateOf } from "./people-links.js";
import { labelAt, positionOf, wholePositions, type Timeline } from "./timeline.js";
import { percent, plural } from "../text/format.js";
import { formatShare } from "../text/voice.js";
import { round } from "../util/round.js";
import { poissonLowerTail } from "../stats/distributions.js";
import { controlFamily } from "./null-models.js";

/** Periods before a departure used to measure the link the leaver carried. */
const DEPARTURE_LOOKBACK = 8;
/** Share of a pair's contact carried by the leaver for a warning, and for a critical signal. */
const CARRIED_SHARE_WARNING = 0.5;
const CARRIED_SHARE_CRITICAL = 0.8;
/** The link must have mattered (contact per period before the departure) and been lost (contact since, as a share of before). */
const DEPARTURE_MIN_VOLUME = 5;
const DEPARTURE_LINK_LOST = 0.25;
/** At most this many other person-to-person ties may still link the groups (more: the link does not rest on one person). */
const DEPARTURE_MAX_REMAINING = 1;
/** Periods of history before the departure needed to judge what the leaver carried. */
const DEPARTURE_MIN_HISTORY = 4;
/** Whole periods since the departure needed before it is judged: whether the link was lost must beat chance. */
const DEPARTURE_JUDGED_AFTER = 1;

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

/** What the signal says about one departure, once it is judged a breakdown. */
interface Departure {
  a: string;
  b: string;
  from: string;
  share: number;
  remaining: number;
  /** Contact between the groups in each whole period looked back, and in all whole periods since. */
  window: number[];
  afterSum: number;
  periodsSince: number;
  /** The fewest of the leaver's ties that held half the contact carried: all must end for the link to go by chance. */
  keyTies: number;
  /** The system's rate per period of strong ties ending anyway (tieEndingRate in people-links.ts). */
  endingRate: number;
}

/** The fewest ties (largest first) that held at least half the contact a leaver carried. */
function keyTies(byPartner: ReadonlyMap<number, number>, carried: number): number {
  let held = 0;
  let count = 0;
  for (const weight of [...byPartner.values()].sort((x, y) => y - x)) {
    held += weight;
    count++;
    if (held >= carried / 2) break;
  }
  return Math.max(1, count);
}

/** Variance over mean of per-period counts, at least 1 (quasi-Poisson dispersion). */
function overDispersion(values: readonly number[]): number {
  if (values.length < 2) return 1;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean <= 0) return 1;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.max(1, variance / mean);
}

/** The departure as a signal, judged against its null: the departure cost nothing, contact goes on at its rate. */
function departureSignal(attribute: string, kind: Timeline["kind"], d: Departure): DetectedSignal {
  const { a, b, from, share, remaining } = d;
  const severity: Severity = share >= CARRIED_SHARE_CRITICAL || remaining === 0 ? "critical" : "warning";
  const lookedBack = d.window.length;
  const periods = plural(lookedBack, kind);
  const beforeRate = d.window.reduce((s, v) => s + v, 0) / lookedBack;
  // Weekly contact is over-dispersed (leave, rotas, fortnightly meetings): the Poisson count is scaled by the
  // window's own dispersion φ (quasi-Poisson).
  const expected = beforeRate * d.periodsSince;
  const dispersion = overDispersion(d.window);
  // Under the null the departure cost nothing: a successor carries the leaver's ties on. The link is still lost if
  // the ties holding half its contact end anyway (each by the leaving period's end or since, at the system's rate),
  // or else if contact since is low by chance. P = e + (1 − e)·P(count), e = (1 − (1 − η)^(t + 1))^k.
  const ended = (1 - (1 - d.endingRate) ** (d.periodsSince + 1)) ** d.keyTies;
  const p = ended + (1 - ended) * poissonLowerTail(d.afterSum / dispersion, expected / dispersion);
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
      { label: `contact per ${kind} before`, value: round(beforeRate, 1), n: lookedBack },
      {
        label: `contact per ${kind} since`,
        value: round(d.afterSum / d.periodsSince, 1),
        n: d.periodsSince,
        reference: round(beforeRate, 1),
      },
    ],
    questions: [
      `Who in ${a} now holds the relationships with ${b} that this colleague held?`,
      `Which pieces of joint work between ${a} and ${b} depended on that link, and where do they stand now?`,
      `How could the link between ${a} and ${b} rest on more than one person in future?`,
    ],
    chance: {
      observed: d.afterSum,
      expected: round(expected, 3),
      p,
      adjusted: p,
      family: 1,
      correction: "holm",
      model: `the link lost only if the ${d.keyTies === 1 ? "tie" : `${d.keyTies} ties`} holding half its contact ended as ties end anyway (${formatShare(d.endingRate)} a period, chance ${formatShare(ended)}), or contact since is a low quasi-Poisson count at the rate before (dispersion ${round(dispersion, 1)}, ${plural(d.periodsSince, "period")} since)`,
    },
  };
}

/** Departures that took a cross-group link with them, on every boundary (each boundary's departures one family). */
export function keyPersonDepartureSignals(scene: SignalScene): DetectedSignal[] {
  const relational = scene.relational;
  if (!relational) return [];
  const endingRate = endingRateOf(scene);
  const { timeline, contact } = relational;
  const source = { timeline, contact, byPerson: tiesByPerson(contact, scene.data.people?.people.length ?? 0) };
  return relational.boundaries.flatMap((b) => keyPersonDepartures(scene.data, b.series, source, endingRate));
}

/** `endingRate`: the system's rate per period of strong ties ending anyway (0 when unknown). */
function keyPersonDepartures(
  data: Dataset,
  boundary: BoundarySeries,
  source: TieSource,
  endingRate: number,
): DetectedSignal[] {
  const { index } = boundary;
  const { timeline } = source;
  const leavers = leaversToJudge(data, index, timeline);
  if (leavers.size === 0) return [];
  const peopleCount = data.people?.people.length ?? 0;
  const contact = carriedContact(data.interactions?.ties ?? [], peopleCount, index, leavers, source, {
    periods: DEPARTURE_LOOKBACK,
    enough: DEPARTURE_MAX_REMAINING + 1,
  });
  const signals: DetectedSignal[] = [];
  for (const [key, weight] of [...contact.carried].sort(([x], [y]) => x.localeCompare(y))) {
    const [leaver, other] = key.split(",").map(Number);
    const gL = index.of[leaver];
    if (!index.reportable[other]) continue;
    const left = leavers.get(leaver)!;
    const interactions = boundary.pairs.interactionsOf(gL, other);
    if (!interactions) continue;
    const window = wholePositions(timeline, left - DEPARTURE_LOOKBACK, left);
    const total = window.reduce((s, p) => s + interactions[p], 0);
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
    // The leaving period still holds contact from before the departure: "since" starts with the next one. Worked
    // out only for the links that pass the gates above (most carried contact does not).
    const after = wholePositions(timeline, left + 1, timeline.length);
    // Until a whole period has passed, nobody can tell a lost link from one already picked up: no signal yet.
    if (after.length < DEPARTURE_JUDGED_AFTER) continue;
    const afterSum = after.reduce((s, p) => s + interactions[p], 0);
    // A link someone else has picked up is not a breakdown (it stays visible in the network section).
    if (afterSum / after.length > DEPARTURE_LINK_LOST * beforeRate) continue;
    signals.push(
      departureSignal(index.attribute, timeline.kind, {
        a: index.names[gL],
        b: index.names[other],
        from: labelAt(timeline, left),
        share,
        remaining,
        window: window.map((p) => interactions[p]),
        afterSum,
        periodsSince: after.length,
        keyTies: keyTies(contact.partners.get(key)!, weight),
        endingRate,
      }),
    );
  }
  // One family (Holm): every departure and group it linked to that was looked at; a link that merely dipped after a
  // departure is not lost.
  return controlFamily(signals, contact.carried.size);
}
