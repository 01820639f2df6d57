// Strong cross-boundary ties going dormant, judged against what chance gives each tie on its own history
// (docs/methods.md, "Dormant ties"): a tie with a baseline rate λ of periods with contact is silent for k periods
// with probability e^(−λk); the number of a group pair's ties silent by chance is Poisson-binomial; the pairs of
// every boundary looked at form one family (Holm). Leavers and people absent altogether are not dormancy.
import type { Dataset } from "../model/types.js";
import type { Severity } from "../result/types.js";
import { FAMILY_ALPHA, holm, poissonBinomialUpperTail, silenceProbability, silentPeriodRate } from "./null-models.js";
import type { BoundarySeries } from "./relational.js";
import type { DetectedSignal, SignalScene } from "./scene.js";
import { labelAt, wholePositions, type Timeline } from "./timeline.js";
import { PairIndex } from "../util/pair-index.js";
import { percent } from "../text/format.js";
import { formatP } from "../text/voice.js";
import { round } from "../util/round.js";

/** A tie is strong when it had contact in at least this share of the baseline periods. */
const STRONG_TIE_ACTIVITY = 0.5;
/** Periods without any contact for a strong tie to count as dormant. */
const DORMANT_PERIODS = 4;
/** Silent ties a pair of groups needs before chance is even asked: one or two quiet ties is no pattern. */
const DORMANT_MIN_TIES = 3;
/** Share of a pair's strong ties gone quiet for a critical signal. */
const DORMANT_SHARE_CRITICAL = 0.5;

/**
 * Each pair of people who had contact (both directions together), summarised once for every boundary: periods
 * with contact in the baseline, contact volume in the baseline and in the last DORMANT_PERIODS whole periods,
 * whether it has been silent there and since when, and which people had any contact at all there.
 */
interface PairActivity {
  count: number;
  a: Int32Array;
  b: Int32Array;
  baselinePeriods: number;
  activeBaseline: Uint16Array;
  weightBaseline: Float64Array;
  weightRecent: Float64Array;
  /** No contact in any of the last DORMANT_PERIODS whole periods. */
  silent: Uint8Array;
  /** For silent pairs: the position after their last contact. */
  firstSilent: Int32Array;
  /** Per person: some contact with anyone in the last DORMANT_PERIODS whole periods. */
  present: Uint8Array;
}

function pairActivity(data: Dataset, timeline: Timeline, baselinePoints: number): PairActivity | null {
  const baseline = wholePositions(timeline, 0, baselinePoints);
  const recent = wholePositions(timeline, 0, timeline.length).slice(-DORMANT_PERIODS);
  if (baseline.length < DORMANT_PERIODS || recent.length < DORMANT_PERIODS || recent[0] <= baseline.at(-1)!)
    return null;
  const ties = data.interactions?.ties ?? [];
  const T = timeline.length;
  const inBaseline = new Uint8Array(T);
  const inRecent = new Uint8Array(T);
  for (const p of baseline) inBaseline[p] = 1;
  for (const p of recent) inRecent[p] = 1;
  // The two directions of a pair share its slot; a period has contact when either has weight in it.
  const numbers = new PairIndex();
  const a = new Int32Array(ties.length);
  const b = new Int32Array(ties.length);
  const active = new Uint8Array(ties.length * T);
  const weightBaseline = new Float64Array(ties.length);
  const weightRecent = new Float64Array(ties.length);
  const lastActive = new Int32Array(ties.length).fill(-1);
  for (const tie of ties) {
    const lo = Math.min(tie.from, tie.to);
    const hi = Math.max(tie.from, tie.to);
    const k = numbers.numberOf(lo, hi);
    a[k] = lo;
    b[k] = hi;
    for (const [period, w] of tie.periods) {
      const p = period - timeline.first;
      if (p < 0 || p >= T || !(w > 0)) continue;
      active[k * T + p] = 1;
      lastActive[k] = Math.max(lastActive[k], p);
      if (inBaseline[p]) weightBaseline[k] += w;
      if (inRecent[p]) weightRecent[k] += w;
    }
  }
  const count = numbers.size;
  const activeBaseline = new Uint16Array(count);
  const silent = new Uint8Array(count);
  const present = new Uint8Array(data.people?.people.length ?? 0);
  for (let k = 0; k < count; k++) {
    for (const p of baseline) activeBaseline[k] += active[k * T + p];
    silent[k] = weightRecent[k] > 0 ? 0 : 1;
    if (!silent[k]) present[a[k]] = present[b[k]] = 1;
  }
  return {
    count,
    a: a.slice(0, count),
    b: b.slice(0, count),
    baselinePeriods: baseline.length,
    activeBaseline,
    weightBaseline: weightBaseline.slice(0, count),
    weightRecent: weightRecent.slice(0, count),
    silent,
    // The position after the last contact: for a silent tie, where its silence began.
    firstSilent: lastActive.slice(0, count).map((p) => p + 1),
    present,
  };
}

interface PairTally {
  boundary: BoundarySeries;
  ga: number;
  gb: number;
  probabilities: number[];
  lambdas: number[];
  /** The system's background rate of strong ties ending (without this pair). */
  hazard: number;
  silent: number;
  leavers: number;
  absent: number;
  firstSilent: number;
}

/** Strong ties of people still here and still in contact with someone: the ties whose silence would be dormancy. */
function watchedTies(data: Dataset, pairs: PairActivity) {
  const people = data.people?.people ?? [];
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const hasLeft = (person: number) => people[person]?.left !== undefined && people[person].left! <= endInstant;
  const strong = (k: number) => pairs.activeBaseline[k] >= STRONG_TIE_ACTIVITY * pairs.baselinePeriods;
  const why = (k: number): "leaver" | "absent" | null =>
    hasLeft(pairs.a[k]) || hasLeft(pairs.b[k])
      ? "leaver"
      : !pairs.present[pairs.a[k]] || !pairs.present[pairs.b[k]]
        ? "absent"
        : null;
  return { strong, why };
}

/**
 * The system's rate per period of strong ties ending in the ordinary course of work (the null of a departure: a link
 * is also lost when the ties that carried it end as ties end anyway). From every strong tie of people still here:
 * the share silent for the last DORMANT_PERIODS periods beyond what each tie's own rate explains, h = (S − E)/(m − E)
 * as for dormant ties, is the share that ended between the baseline and the recent window; spread over the periods
 * in which such an ending could fall, η = 1 − (1 − h)^(1/span). 0 when the timeline is too short to tell.
 */
function tieEndingRate(data: Dataset, pairs: PairActivity | null, timeline: Timeline): number {
  if (!pairs) return 0;
  const { strong, why } = watchedTies(data, pairs);
  let ties = 0;
  let silent = 0;
  let expected = 0;
  for (let k = 0; k < pairs.count; k++) {
    if (!strong(k) || why(k) !== null) continue;
    ties++;
    silent += pairs.silent[k];
    expected += silenceProbability(silentPeriodRate(pairs.activeBaseline[k], pairs.baselinePeriods), DORMANT_PERIODS);
  }
  if (ties - expected <= 0) return 0;
  const h = Math.min(1, Math.max(0, (silent - expected) / (ties - expected)));
  const recentStart = wholePositions(timeline, 0, timeline.length).slice(-DORMANT_PERIODS)[0];
  const span = Math.max(1, recentStart - pairs.baselinePeriods);
  return 1 - (1 - h) ** (1 / span);
}

/** Cross-boundary strong ties per pair of reportable groups, for every boundary, with the system's totals. */
function tally(data: Dataset, boundaries: readonly BoundarySeries[], pairs: PairActivity, k0: number) {
  const { strong, why } = watchedTies(data, pairs);
  const system = { ties: 0, silent: 0, expected: 0 };
  const byPair = new Map<string, PairTally>();
  for (let k = 0; k < pairs.count; k++) {
    if (!strong(k)) continue;
    const reason = why(k);
    const lambda = silentPeriodRate(pairs.activeBaseline[k], pairs.baselinePeriods);
    if (reason === null) {
      system.ties++;
      system.silent += pairs.silent[k];
      system.expected += silenceProbability(lambda, k0);
    }
    for (const boundary of boundaries) {
      const { index } = boundary;
      const [x, y] = [index.of[pairs.a[k]], index.of[pairs.b[k]]];
      if (x < 0 || y < 0 || x === y || !index.reportable[x] || !index.reportable[y]) continue;
      const [ga, gb] = x < y ? [x, y] : [y, x];
      const key = `${index.attribute}\u0000${ga},${gb}`;
      let entry = byPair.get(key);
      if (!entry) {
        entry = {
          ...{ boundary, ga, gb, probabilities: [], lambdas: [], hazard: 0, silent: 0, leavers: 0, absent: 0 },
          firstSilent: Infinity,
        };
        byPair.set(key, entry);
      }
      const e = entry;
      if (reason !== null) {
        if (pairs.silent[k]) e[reason === "leaver" ? "leavers" : "absent"]++;
        continue;
      }
      e.lambdas.push(lambda);
      if (pairs.silent[k]) {
        e.silent++;
        e.firstSilent = Math.min(e.firstSilent, pairs.firstSilent[k]);
      }
    }
  }
  // Relationships also end in the ordinary course of work, and a holiday or a slow drift quietens every tie at
  // once: neither is this pair's breakdown. The system's silence beyond what each tie's rate explains, without the
  // pair judged, is a hazard h that any strong tie ends anyway: P(silent) = q + (1 − q)·h.
  for (const e of byPair.values()) {
    const q = e.lambdas.map((lambda) => silenceProbability(lambda, k0));
    const ties = system.ties - q.length;
    const silent = system.silent - e.silent;
    const expected = system.expected - q.reduce((sum, x) => sum + x, 0);
    const hazard = ties - expected > 0 ? Math.min(1, Math.max(0, (silent - expected) / (ties - expected))) : 0;
    e.hazard = hazard;
    e.probabilities = q.map((x) => x + (1 - x) * hazard);
  }
  return [...byPair.values()];
}

/** Each scene's tie activity, summarised once for the dormant ties and the departures' null. */
const activities = new WeakMap<SignalScene, PairActivity | null>();
function activityOf(scene: SignalScene): PairActivity | null {
  const relational = scene.relational;
  if (!relational) return null;
  if (!activities.has(scene))
    activities.set(scene, pairActivity(scene.data, relational.timeline, relational.baselinePoints));
  return activities.get(scene)!;
}

/** The system's rate per period of strong ties ending anyway (see tieEndingRate), for the departures' null model. */
export function endingRateOf(scene: SignalScene): number {
  return scene.relational ? tieEndingRate(scene.data, activityOf(scene), scene.relational.timeline) : 0;
}

/** Strong ties gone quiet between groups: one family (Holm) over every pair of groups of every boundary. */
export function dormantTieSignals(scene: SignalScene): DetectedSignal[] {
  const relational = scene.relational;
  if (!relational) return [];
  const boundaries = relational.boundaries.map((b) => b.series);
  return dormantTies(scene.data, boundaries, relational.timeline, relational.baselinePoints, activityOf(scene));
}

function dormantTies(
  data: Dataset,
  boundaries: readonly BoundarySeries[],
  timeline: Timeline,
  baselinePoints: number,
  pairs = pairActivity(data, timeline, baselinePoints),
): DetectedSignal[] {
  if (!pairs || boundaries.length === 0) return [];
  const tallies = tally(data, boundaries, pairs, DORMANT_PERIODS).sort(
    (x, y) => x.boundary.index.attribute.localeCompare(y.boundary.index.attribute) || x.ga - y.ga || x.gb - y.gb,
  );
  const family = tallies.filter((t) => t.probabilities.length > 0);
  const pValues = family.map((t) => poissonBinomialUpperTail(t.silent, t.probabilities));
  const adjusted = holm(pValues);
  const signals: DetectedSignal[] = [];
  family.forEach((entry, i) => {
    if (entry.silent < DORMANT_MIN_TIES || adjusted[i] >= FAMILY_ALPHA) return;
    signals.push(dormantSignal(entry, timeline, pValues[i], adjusted[i], family.length));
  });
  return signals;
}

function dormantSignal(
  entry: PairTally,
  timeline: Timeline,
  p: number,
  adjusted: number,
  tested: number,
): DetectedSignal {
  const { index } = entry.boundary;
  const [a, b] = [index.names[entry.ga], index.names[entry.gb]];
  const strong = entry.probabilities.length;
  const share = entry.silent / strong;
  const expected = entry.probabilities.reduce((s, x) => s + x, 0);
  const severity: Severity = share >= DORMANT_SHARE_CRITICAL ? "critical" : "warning";
  const from = labelAt(timeline, entry.firstSilent);
  const explained = [
    ...(entry.leavers > 0 ? [`${entry.leavers} more ended because someone left`] : []),
    ...(entry.absent > 0 ? [`${entry.absent} more are quiet because someone had no contact at all`] : []),
  ];
  return {
    id: `dormant-ties:${index.attribute}:${a}|${b}`,
    kind: "dormant-ties",
    severity,
    subject: { attribute: index.attribute, groups: [a, b], metric: "strong ties" },
    firstPeriod: from,
    rule: `${entry.silent} of ${strong} strong ties (contact in ≥ ${percent(STRONG_TIE_ACTIVITY)} of baseline periods) without contact for the last ${DORMANT_PERIODS} periods, where chance expects ${round(expected, 1)} (each tie's own baseline rate, and ${percent(entry.hazard)} of strong ties ending elsewhere in the system) (Poisson-binomial ${formatP(p)}; Holm-adjusted over ${tested} pairs of groups, ${formatP(adjusted)} < ${FAMILY_ALPHA})`,
    message: `${entry.silent} of the ${strong} strong person-to-person ties between ${a} and ${b} have gone quiet${explained.length > 0 ? ` (and ${explained.join("; ")})` : ""}.`,
    evidence: [
      { label: "strong cross-boundary ties of people still in contact", value: strong },
      { label: `silent for ${DORMANT_PERIODS} periods`, value: entry.silent, n: strong, unit: "ties" },
      { label: "expected silent by chance (each tie's own baseline rate)", value: round(expected, 2), n: strong },
      { label: "strong ties ending elsewhere in the system, beyond chance", value: round(entry.hazard, 3) },
      { label: "share gone quiet", value: share, kind: "share" },
      { label: "ended by a departure", value: entry.leavers, unit: "ties" },
      { label: "quiet because someone had no contact at all (leave, absence)", value: entry.absent, unit: "ties" },
    ],
    chance: {
      observed: entry.silent,
      expected: round(expected, 3),
      p,
      adjusted,
      family: tested,
      correction: "holm",
      model:
        "Poisson-binomial: each strong tie silent with probability q + (1 − q)·h, q = e^(−λk) at its own baseline rate, h the system's rate of ties ending",
    },
    questions: [
      `What used to bring people in ${a} and ${b} together regularly, and is it still happening?`,
      `Has the work that joined ${a} and ${b} moved elsewhere, or has it stalled since ${from}?`,
      `Who in each group could pick up the relationships that have gone quiet?`,
    ],
  };
}
