// Breakdown signals read from person-to-person ties, reported only for groups (never naming anyone):
// strong cross-boundary ties going dormant (leavers separated from silence), and the departure of a person who
// carried a cross-group link.
import type { Dataset } from "../model/types.js";
import type { Severity } from "../result/types.js";
import type { BoundarySeries } from "./relational.js";
import type { Signal } from "./section.js";
import { excludedPositions, labelAt, positionOf, type Timeline } from "./timeline.js";
import { binomialUpperTail } from "../stats/distributions.js";
import { PairIndex } from "../util/pair-index.js";

/** A tie is strong when it had contact in at least this share of the baseline periods. */
export const STRONG_TIE_ACTIVITY = 0.5;
/** Periods without any contact for a strong tie to count as dormant. */
export const DORMANT_PERIODS = 4;
/**
 * Silent dormant ties (not explained by a leaver) needed between two groups, and how improbable that many must be
 * given the share of all strong ties in the system that went quiet (binomial upper tail, Bonferroni over the pairs
 * of groups tested): ordinary churn ends some relationships everywhere.
 */
export const DORMANT_MIN_TIES = 3;
export const DORMANT_ALPHA = 0.05;
/** Share of a pair's strong ties gone quiet for a critical signal. */
export const DORMANT_SHARE_CRITICAL = 0.5;
/** Periods before a departure used to measure the link the leaver carried. */
export const DEPARTURE_LOOKBACK = 8;
/** Share of a pair's contact carried by the leaver for a warning, and for a critical signal. */
export const CARRIED_SHARE_WARNING = 0.5;
export const CARRIED_SHARE_CRITICAL = 0.8;
/** The link must have mattered (contact per period before the departure) and been lost (contact since, as a share of before). */
export const DEPARTURE_MIN_VOLUME = 5;
export const DEPARTURE_LINK_LOST = 0.5;
/** At most this many other person-to-person ties may still link the groups (more: the link does not rest on one person). */
export const DEPARTURE_MAX_REMAINING = 1;
/** Periods of history before the departure needed to judge what the leaver carried. */
export const DEPARTURE_MIN_HISTORY = 4;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Each pair of people who had contact (both directions together), summarised for the dormant-ties rule: whether
 * the tie was strong in the baseline, whether it has been silent in the recent periods, and since when. The same
 * for every boundary, so analyseSignals computes it once. Null when the timeline is too short for the rule.
 */
export interface PairActivity {
  count: number;
  a: Int32Array;
  b: Int32Array;
  /** Contact in at least STRONG_TIE_ACTIVITY of the whole baseline periods. */
  strong: Uint8Array;
  /** No contact in any of the last DORMANT_PERIODS whole periods. */
  silent: Uint8Array;
  /** For silent pairs: the position after their last contact. */
  firstSilent: Int32Array;
}

export function pairActivity(data: Dataset, timeline: Timeline, baselinePoints: number): PairActivity | null {
  const baseline = wholePositions(timeline, 0, baselinePoints);
  const recent = wholePositions(timeline, 0, timeline.length).slice(-DORMANT_PERIODS);
  if (
    baseline.length < DORMANT_PERIODS ||
    recent.length < DORMANT_PERIODS ||
    recent[0] <= baseline[baseline.length - 1]
  )
    return null;
  const ties = data.interactions?.ties ?? [];
  const T = timeline.length;
  // Weights are never negative, so a period has contact exactly when some tie of the pair has weight in it.
  const numbers = new PairIndex();
  const a = new Int32Array(ties.length);
  const b = new Int32Array(ties.length);
  const active = new Uint8Array(ties.length * T);
  for (const tie of ties) {
    const lo = Math.min(tie.from, tie.to);
    const hi = Math.max(tie.from, tie.to);
    const k = numbers.numberOf(lo, hi);
    a[k] = lo;
    b[k] = hi;
    for (const [period, weight] of tie.periods) {
      const p = period - timeline.first;
      if (p >= 0 && p < T && weight > 0) active[k * T + p] = 1;
    }
  }
  const count = numbers.size;
  const strong = new Uint8Array(count);
  const silent = new Uint8Array(count);
  const firstSilent = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const row = k * T;
    let activeBaseline = 0;
    for (const p of baseline) activeBaseline += active[row + p];
    strong[k] = activeBaseline / baseline.length >= STRONG_TIE_ACTIVITY ? 1 : 0;
    silent[k] = recent.every((p) => active[row + p] === 0) ? 1 : 0;
    let lastActive = recent[0] - 1;
    while (lastActive >= 0 && active[row + lastActive] === 0) lastActive--;
    firstSilent[k] = lastActive + 1;
  }
  return { count, a: a.slice(0, count), b: b.slice(0, count), strong, silent, firstSilent };
}

/** Whole periods (partial first/last left out) in [from, to). */
function wholePositions(timeline: Timeline, from: number, to: number): number[] {
  const excluded = new Set(excludedPositions(timeline));
  const out: number[] = [];
  for (let p = Math.max(0, from); p < Math.min(timeline.length, to); p++) if (!excluded.has(p)) out.push(p);
  return out;
}

export function dormantTies(
  data: Dataset,
  boundary: BoundarySeries,
  timeline: Timeline,
  baselinePoints: number,
  pairs = pairActivity(data, timeline, baselinePoints),
): Signal[] {
  if (!pairs) return [];
  const people = data.people?.people ?? [];
  const { index } = boundary;
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const hasLeft = (person: number) => people[person]?.left !== undefined && people[person].left! <= endInstant;
  const byGroups = new Map<string, { strong: number; silent: number; leavers: number; firstSilent: number }>();
  let strongTies = 0;
  let silentTies = 0;
  for (let k = 0; k < pairs.count; k++) {
    if (!pairs.strong[k]) continue;
    const a = pairs.a[k];
    const b = pairs.b[k];
    const silent = pairs.silent[k] === 1;
    if (!hasLeft(a) && !hasLeft(b)) {
      strongTies++;
      if (silent) silentTies++;
    }
    const ga = index.of[a];
    const gb = index.of[b];
    if (ga < 0 || gb < 0 || ga === gb || !index.reportable[ga] || !index.reportable[gb]) continue;
    const key = ga < gb ? `${ga},${gb}` : `${gb},${ga}`;
    const entry = byGroups.get(key) ?? { strong: 0, silent: 0, leavers: 0, firstSilent: Infinity };
    entry.strong++;
    if (silent) {
      if (hasLeft(a) || hasLeft(b)) entry.leavers++;
      else {
        entry.silent++;
        entry.firstSilent = Math.min(entry.firstSilent, pairs.firstSilent[k]);
      }
    }
    byGroups.set(key, entry);
  }
  const signals: Signal[] = [];
  const background = strongTies > 0 ? silentTies / strongTies : 0;
  const tested = byGroups.size;
  for (const [key, entry] of [...byGroups].sort(([x], [y]) => x.localeCompare(y))) {
    const share = entry.silent / entry.strong;
    if (entry.silent < DORMANT_MIN_TIES) continue;
    const p = binomialUpperTail(entry.silent, entry.strong, background);
    if (p * tested >= DORMANT_ALPHA) continue;
    const [ga, gb] = key.split(",").map(Number);
    const [a, b] = [index.names[ga], index.names[gb]];
    const severity: Severity = share >= DORMANT_SHARE_CRITICAL ? "critical" : "warning";
    const from = labelAt(timeline, entry.firstSilent);
    signals.push({
      id: `dormant-ties:${index.attribute}:${a}|${b}`,
      kind: "dormant-ties",
      severity,
      practice: 5,
      subject: { attribute: index.attribute, groups: [a, b], metric: "strong ties" },
      firstPeriod: from,
      rule: `${entry.silent} of ${entry.strong} strong ties (contact in ≥ ${pct(STRONG_TIE_ACTIVITY)} of baseline periods) without contact for the last ${DORMANT_PERIODS} periods, not explained by a leaver, against ${pct(background)} of strong ties system-wide (binomial p = ${p.toPrecision(2)}, ${tested} pairs of groups tested)`,
      message: `${entry.silent} of the ${entry.strong} strong person-to-person ties between ${a} and ${b} have gone quiet${entry.leavers > 0 ? ` (and ${entry.leavers} more ended because someone left)` : ""}.`,
      evidence: [
        { label: "strong cross-boundary ties", value: entry.strong },
        { label: `silent for ${DORMANT_PERIODS} periods`, value: entry.silent, n: entry.strong, unit: "ties" },
        { label: "share gone quiet", value: round(share), reference: round(background) },
        { label: "binomial p, Bonferroni over pairs of groups", value: Math.min(1, p * tested), n: tested },
        { label: "ended by a departure", value: entry.leavers, n: entry.strong, unit: "ties" },
      ],
      questions: [
        `What used to bring people in ${a} and ${b} together regularly, and is it still happening?`,
        `Has the work that joined ${a} and ${b} moved elsewhere, or has it stalled since ${from}?`,
        `Who in each group could pick up the relationships that have gone quiet?`,
      ],
    });
  }
  return signals;
}

export function keyPersonDepartures(data: Dataset, boundary: BoundarySeries, timeline: Timeline): Signal[] {
  const people = data.people?.people ?? [];
  const ties = data.interactions?.ties ?? [];
  const { index } = boundary;
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const leavers = new Map<number, number>();
  people.forEach((person, i) => {
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
  if (leavers.size === 0) return [];
  // Cross-group contact in the look-back window: through each leaver, and by everyone else, per pair of groups.
  // A tie concerns only the leavers of its two groups. Other ties are counted only up to the number that settles
  // whether the link rested on one person (DEPARTURE_MAX_REMAINING + 1 distinct pairs of people). Slots are
  // (leaver's ordinal × groups + other group), in flat arrays: a tie is looked at for every leaver of its groups.
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
    const pair = Math.min(tie.from, tie.to) * people.length + Math.max(tie.from, tie.to);
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
  const signals: Signal[] = [];
  for (const [key, weight] of [...carried].sort(([x], [y]) => x.localeCompare(y))) {
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
    const remaining = othersCount[leaverIds.indexOf(leaver) * groupCount + other];
    if (remaining > DEPARTURE_MAX_REMAINING) continue;
    const severity: Severity = share >= CARRIED_SHARE_CRITICAL || remaining === 0 ? "critical" : "warning";
    const [a, b] = [index.names[gL], index.names[other]];
    const from = labelAt(timeline, left);
    const beforeRate = total / window.length;
    const afterRate = after.length > 0 ? after.reduce((s, p) => s + pair.interactions[p], 0) / after.length : null;
    // A link someone else has picked up is not a breakdown (it stays visible in the network section).
    if (afterRate !== null && afterRate > DEPARTURE_LINK_LOST * beforeRate) continue;
    signals.push({
      id: `key-person-departure:${index.attribute}:${a}|${b}:${from}`,
      kind: "key-person-departure",
      severity,
      practice: 5,
      subject: { attribute: index.attribute, groups: [a, b] },
      firstPeriod: from,
      rule: `a person who left in ${from} carried ${pct(share)} of the contact between ${a} and ${b} in the ${window.length} periods before (≥ ${pct(CARRIED_SHARE_WARNING)})`,
      message: `A colleague in ${a} who left in ${from} carried ${pct(share)} of the contact between ${a} and ${b}; ${remaining === 0 ? "no other person-to-person tie links the two groups" : `${remaining} other person-to-person tie${remaining === 1 ? "" : "s"} remain`}.`,
      evidence: [
        {
          label: "share of the pair's contact carried",
          value: round(share),
          n: window.length,
          unit: "periods looked back",
        },
        { label: "other ties linking the groups before the departure", value: remaining },
        { label: `contact per ${timeline.kind} before`, value: round(beforeRate, 1), n: window.length },
        {
          label: `contact per ${timeline.kind} since`,
          value: afterRate === null ? null : round(afterRate, 1),
          n: after.length,
          reference: round(beforeRate, 1),
        },
      ],
      questions: [
        `Who in ${a} now holds the relationships with ${b} that this colleague held?`,
        `Which pieces of joint work between ${a} and ${b} depended on that link, and where do they stand now?`,
        `How could the link between ${a} and ${b} rest on more than one person in future?`,
      ],
    });
  }
  return signals;
}
