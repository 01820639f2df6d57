// Strong cross-boundary ties going dormant, judged against what chance gives each tie on its own history
// (docs/methods.md, "Dormant ties"): a tie with a baseline rate λ of periods with contact is silent for k periods
// with probability e^(−λk); the number of a group pair's ties silent by chance is Poisson-binomial; the pairs of
// every boundary looked at form one family (Holm). Leavers and people absent altogether are not dormancy.
import type { Dataset } from "../model/types.js";
import type { Severity } from "../result/types.js";
import { FAMILY_ALPHA, holm, poissonBinomialUpperTail, silenceProbability, silentPeriodRate } from "./null-models.js";
import type { BoundarySeries } from "./relational.js";
import type { DetectedSignal, SignalScene } from "./scene.js";
import { labelAt, type Timeline } from "./timeline.js";
import { DORMANT_PERIODS, type PairActivity } from "./pair-activity.js";
import { percent } from "../text/format.js";
import { formatP } from "../text/voice.js";
import { round } from "../util/round.js";

/** A tie is strong when it had contact in at least this share of the baseline periods. */
const STRONG_TIE_ACTIVITY = 0.5;
/** Silent ties a pair of groups needs before chance is even asked: one or two quiet ties is no pattern. */
const DORMANT_MIN_TIES = 3;
/** Share of a pair's strong ties gone quiet for a critical signal. */
const DORMANT_SHARE_CRITICAL = 0.5;

interface PairTally {
  boundary: BoundarySeries;
  ga: number;
  gb: number;
  probabilities: number[];
  /** Each watched tie's chance of its silence under its own baseline rate (q = e^(−λk)). */
  quiet: number[];
  /** The system's background rate of strong ties ending (without this pair). */
  hazard: number;
  silent: number;
  leavers: number;
  absent: number;
  firstSilent: number;
}

/** The ties dormancy watches, and the system's silence among them (see watchedTies). */
interface Watched {
  strong(k: number): boolean;
  why(k: number): "leaver" | "absent" | null;
  /** Tie k's chance of its silence under its own baseline rate (q = e^(−λk)). */
  quiet(k: number): number;
  /** Strong ties of people still here and in contact: how many, how many silent, how many chance alone would silence. */
  system: { ties: number; silent: number; expected: number };
}

/** Each run's watched ties, worked out once: the departures' null (tieEndingRate) and dormant ties both read them. */
const watchedByRun = new WeakMap<PairActivity, Watched>();

/**
 * Strong ties of people still here and still in contact with someone: the ties whose silence would be dormancy; and
 * each tie's chance of its silence under its own rate (`quiet`). Who has left is read once per person, and the
 * chance once per count of active baseline periods (the only input that varies): 80,000 pairs at M (issue 15).
 */
function watchedTies(data: Dataset, pairs: PairActivity): Watched {
  const cached = watchedByRun.get(pairs);
  if (cached) return cached;
  const people = data.people?.people ?? [];
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const left = Uint8Array.from(people, (person) => (person.left !== undefined && person.left <= endInstant ? 1 : 0));
  const periods = pairs.baselinePeriods;
  const chance = Float64Array.from({ length: periods + 1 }, (_, active) =>
    silenceProbability(silentPeriodRate(active, periods), DORMANT_PERIODS),
  );
  const strong = (k: number) => pairs.activeBaseline[k] >= STRONG_TIE_ACTIVITY * periods;
  const why = (k: number): "leaver" | "absent" | null =>
    left[pairs.a[k]] === 1 || left[pairs.b[k]] === 1
      ? "leaver"
      : !pairs.present[pairs.a[k]] || !pairs.present[pairs.b[k]]
        ? "absent"
        : null;
  const quiet = (k: number) => chance[pairs.activeBaseline[k]];
  const watched = { strong, why, quiet, system: systemSilence(pairs, strong, why, quiet) };
  watchedByRun.set(pairs, watched);
  return watched;
}

/**
 * The system's strong ties of people still here, how many are silent and how many chance alone would silence: a loop
 * over every pair of people (80,000 at M) in a function of its own (docs/architecture.md, "Long loops in code that
 * runs once"), its sums in locals until the loop ends. Summed into an object's fields, `expected` began as a small
 * integer and turned double at its first term: a map change that threw away the compiled loop (issue 15).
 */
function systemSilence(
  pairs: PairActivity,
  strong: Watched["strong"],
  why: Watched["why"],
  quiet: Watched["quiet"],
): Watched["system"] {
  let ties = 0;
  let silent = 0;
  let expected = 0;
  for (let k = 0; k < pairs.count; k++) {
    if (!strong(k) || why(k) !== null) continue;
    ties++;
    silent += pairs.silent[k];
    expected += quiet(k);
  }
  return { ties, silent, expected };
}

/**
 * The system's rate per period of strong ties ending in the ordinary course of work (the null of a departure: a link
 * is also lost when the ties that carried it end as ties end anyway). From every strong tie of people still here:
 * the share silent for the last DORMANT_PERIODS periods beyond what each tie's own rate explains, h = (S − E)/(m − E)
 * as for dormant ties, is the share that ended between the baseline and the recent window; spread over the periods
 * in which such an ending could fall, η = 1 − (1 − h)^(1/span). 0 when the timeline is too short to tell.
 */
function tieEndingRate(data: Dataset, pairs: PairActivity | null): number {
  if (!pairs) return 0;
  const { ties, silent, expected } = watchedTies(data, pairs).system;
  if (ties - expected <= 0) return 0;
  const h = Math.min(1, Math.max(0, (silent - expected) / (ties - expected)));
  const span = Math.max(1, pairs.recentStart - pairs.baselinePeriods);
  return 1 - (1 - h) ** (1 / span);
}

/** Cross-boundary strong ties per pair of reportable groups, for every boundary, with the system's totals. */
function tally(data: Dataset, boundaries: readonly BoundarySeries[], pairs: PairActivity): PairTally[] {
  const watched = watchedTies(data, pairs);
  const byPair = boundaries.map(() => new Map<number, PairTally>());
  tallyTies(watched, boundaries, pairs, byPair);
  const entries = byPair.flatMap((m) => [...m.values()]);
  for (const e of entries) withHazard(e, watched.system);
  return entries;
}

/**
 * Each strong tie into its pair of groups' tally, per boundary (keyed by the groups' numbers, ga × groups + gb, not a
 * string built per tie and boundary: the order of the entries does not matter, dormantTies sorts them). A loop over
 * every pair of people in a function of its own, nothing after it (docs/architecture.md, "Long loops in code that
 * runs once"): with the hazards' loop after it, it was compiled on the stack twice in a cold run at M (issue 15).
 */
function tallyTies(
  { strong, why, quiet }: Watched,
  boundaries: readonly BoundarySeries[],
  pairs: PairActivity,
  byPair: Map<number, PairTally>[],
): void {
  for (let k = 0; k < pairs.count; k++) {
    if (!strong(k)) continue;
    const reason = why(k);
    for (let b = 0; b < boundaries.length; b++) {
      const boundary = boundaries[b];
      const { index } = boundary;
      const x = index.of[pairs.a[k]];
      const y = index.of[pairs.b[k]];
      if (x < 0 || y < 0 || x === y || !index.reportable[x] || !index.reportable[y]) continue;
      const ga = Math.min(x, y);
      const gb = Math.max(x, y);
      const key = ga * index.names.length + gb;
      let entry = byPair[b].get(key);
      if (!entry) {
        entry = {
          boundary,
          ga,
          gb,
          probabilities: [],
          quiet: [],
          // Set by withHazard. NaN, a double, not 0: a field begun as a small integer and later set to a double
          // changes the entries' map, and the change threw away this loop's compiled code (issue 15).
          hazard: NaN,
          silent: 0,
          leavers: 0,
          absent: 0,
          firstSilent: Infinity,
        };
        byPair[b].set(key, entry);
      }
      const e = entry;
      if (reason !== null) {
        if (pairs.silent[k]) e[reason === "leaver" ? "leavers" : "absent"]++;
        continue;
      }
      e.quiet.push(quiet(k));
      if (pairs.silent[k]) {
        e.silent++;
        e.firstSilent = Math.min(e.firstSilent, pairs.firstSilent[k]);
      }
    }
  }
}

/**
 * Relationships also end in the ordinary course of work, and a holiday or a slow drift quietens every tie at once:
 * neither is this pair's breakdown. The system's silence beyond what each tie's rate explains, without the pair
 * judged, is a hazard h that any strong tie ends anyway: P(silent) = q + (1 − q)·h.
 */
function withHazard(e: PairTally, system: Watched["system"]): void {
  const q = e.quiet;
  const ties = system.ties - q.length;
  const silent = system.silent - e.silent;
  const expected = system.expected - q.reduce((sum, x) => sum + x, 0);
  const hazard = ties - expected > 0 ? Math.min(1, Math.max(0, (silent - expected) / (ties - expected))) : 0;
  e.hazard = hazard;
  e.probabilities = q.map((x) => x + (1 - x) * hazard);
}

/** The system's rate per period of strong ties ending anyway (see tieEndingRate), for the departures' null model. */
export function endingRateOf(scene: SignalScene): number {
  return scene.relational ? tieEndingRate(scene.data, scene.relational.pairs) : 0;
}

/** Strong ties gone quiet between groups: one family (Holm) over every pair of groups of every boundary. */
export function dormantTieSignals(scene: SignalScene): DetectedSignal[] {
  const relational = scene.relational;
  if (!relational) return [];
  const boundaries = relational.boundaries.map((b) => b.series);
  return dormantTies(scene.data, boundaries, relational.timeline, relational.pairs);
}

function dormantTies(
  data: Dataset,
  boundaries: readonly BoundarySeries[],
  timeline: Timeline,
  pairs: PairActivity | null,
): DetectedSignal[] {
  if (!pairs || boundaries.length === 0) return [];
  const tallies = tally(data, boundaries, pairs).sort(
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
