// Breakdown signal read from person-to-person ties, reported only for groups (never naming anyone): strong
// cross-boundary ties going dormant (leavers separated from silence). Departures are in departures.ts.
import type { Dataset } from "../model/types.js";
import type { Severity } from "../result/types.js";
import type { BoundarySeries } from "./relational.js";
import type { DetectedSignal, SignalScene } from "./scene.js";
import { labelAt, wholePositions, type Timeline } from "./timeline.js";
import { binomialUpperTail } from "../stats/distributions.js";
import { PairIndex } from "../util/pair-index.js";
import { percent } from "../text/format.js";
import { formatP } from "../text/voice.js";

/** A tie is strong when it had contact in at least this share of the baseline periods. */
const STRONG_TIE_ACTIVITY = 0.5;
/** Periods without any contact for a strong tie to count as dormant. */
const DORMANT_PERIODS = 4;
/**
 * Silent dormant ties (not explained by a leaver) needed between two groups, and how improbable that many must be
 * given the share of all strong ties in the system that went quiet (binomial upper tail, Bonferroni over the pairs
 * of groups tested): ordinary churn ends some relationships everywhere.
 */
const DORMANT_MIN_TIES = 3;
const DORMANT_ALPHA = 0.05;
/** Share of a pair's strong ties gone quiet for a critical signal. */
const DORMANT_SHARE_CRITICAL = 0.5;

/**
 * Each pair of people who had contact (both directions together), summarised for the dormant-ties rule: whether
 * the tie was strong in the baseline, whether it has been silent in the recent periods, and since when. The same
 * for every boundary, so analyseSignals computes it once. Null when the timeline is too short for the rule.
 */
interface PairActivity {
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

function pairActivity(data: Dataset, timeline: Timeline, baselinePoints: number): PairActivity | null {
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

/** Strong ties gone quiet between groups, on every boundary (the ties' activity summarised once for all). */
export function dormantTieSignals(scene: SignalScene): DetectedSignal[] {
  const relational = scene.relational;
  if (!relational) return [];
  const pairs = pairActivity(scene.data, relational.timeline, relational.baselinePoints);
  return relational.boundaries.flatMap((b) =>
    dormantTies(scene.data, b.series, relational.timeline, relational.baselinePoints, pairs),
  );
}

function dormantTies(
  data: Dataset,
  boundary: BoundarySeries,
  timeline: Timeline,
  baselinePoints: number,
  pairs = pairActivity(data, timeline, baselinePoints),
): DetectedSignal[] {
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
  const signals: DetectedSignal[] = [];
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
      subject: { attribute: index.attribute, groups: [a, b], metric: "strong ties" },
      firstPeriod: from,
      rule: `${entry.silent} of ${entry.strong} strong ties (contact in ≥ ${percent(STRONG_TIE_ACTIVITY)} of baseline periods) without contact for the last ${DORMANT_PERIODS} periods, not explained by a leaver, against ${percent(background)} of strong ties system-wide (binomial ${formatP(p)}, ${tested} pairs of groups tested)`,
      message: `${entry.silent} of the ${entry.strong} strong person-to-person ties between ${a} and ${b} have gone quiet${entry.leavers > 0 ? ` (and ${entry.leavers} more ended because someone left)` : ""}.`,
      evidence: [
        { label: "strong cross-boundary ties", value: entry.strong },
        { label: `silent for ${DORMANT_PERIODS} periods`, value: entry.silent, n: entry.strong, unit: "ties" },
        { label: "share gone quiet", value: share, kind: "share", reference: background },
        {
          label: "binomial p, Bonferroni over pairs of groups",
          value: Math.min(1, p * tested),
          n: tested,
          kind: "p-value",
        },
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
