// XmR (individuals) charts with the NHS England "Making Data Count" rules.
// Limits: mean ± 2.66 · mean moving range (2.66 = 3 / d2, d2 = 1.128 for n = 2); two-sigma lines at 2/3 of that.
// Reference: MDC "SPC Charts XmR Testing" (Single Chart Tool v5.0); see docs/methods.md#signals.
import { runsAnalysis } from "./runs.js";
import {
  gatherUsable,
  LINES,
  linesRoom,
  LOWER,
  LOWER_TWO_SIGMA,
  MEAN,
  ruleBits,
  UPPER,
  UPPER_TWO_SIGMA,
  work,
} from "./xmr-rules.js";
import {
  type AssuranceIcon,
  type Side,
  type Special,
  type SpcRule,
  type VariationIcon,
  type XmrChart,
  type XmrInput,
  type XmrPoint,
  type XmrSegment,
  type XmrSettings,
} from "../../result/spc.js";

/** Making Data Count's defaults. */
const MDC_SETTINGS: XmrSettings = {
  minPoints: 13,
  runLength: 6,
  screenMovingRanges: false,
  twoSigmaCountsBeyondLimits: false,
  rulesCrossRecalculations: true,
  conflict: "improvement",
};

const SIGMA_FACTOR = 2.66;
/** D4 for n = 2: a moving range above 3.267 × its mean is an outlier when screening. */
const MOVING_RANGE_LIMIT = 3.267;

/**
 * MDC_SETTINGS with the run's overrides, merged once per settings object rather than once per chart (~1,200 spreads
 * saved a run of M: 1,192 xmrChart calls, the screen's calls already merged once; each through the runtime's slow
 * copy while cold, issue 15). A run's settings object is never changed after it is made (the config is read once),
 * so the merge of its first use holds. Every chart made with one settings object shares the merge as its
 * `settings`: frozen, so a change through one chart throws instead of changing all.
 */
const merged = new WeakMap<Partial<XmrSettings>, Readonly<XmrSettings>>();
export function mergedSettings(settings: Partial<XmrSettings>): Readonly<XmrSettings> {
  let options = merged.get(settings);
  if (!options) merged.set(settings, (options = Object.freeze({ ...MDC_SETTINGS, ...settings })));
  return options;
}

export function xmrChart(input: XmrInput, settings: Partial<XmrSettings> = {}): XmrChart {
  const options = mergedSettings(settings);
  const m = gatherUsable(input.values, input.excluded);
  const notes: string[] = [];

  const segments = buildSegments(input, m, options, notes);
  const kind = m >= options.minPoints ? "xmr" : "run";
  if (kind === "run" && m > 0)
    notes.push(`${m} usable point${m === 1 ? "" : "s"}: limits need ${options.minPoints}, so this is a run chart`);
  if (kind === "xmr") ruleBits(m, options);
  const points = chartPoints(input, segments, kind === "xmr" ? m : null, options);

  const last = m > 0 ? points[work.index[m - 1]] : null;
  const variation = kind === "xmr" && last ? variationIcon(last) : null;
  const target = input.target ?? null;
  let assurance: AssuranceIcon | null = null;
  if (target !== null && kind === "xmr" && last && last.upperLimit !== null) {
    if (input.direction === "neither") notes.push("a target has no assurance icon when neither direction is better");
    else assurance = assuranceIcon(target, last.lowerLimit!, last.upperLimit, input.direction);
  }
  const runs = kind === "run" ? runsAnalysis(Array.from(work.values.subarray(0, m))) : null;
  return {
    kind,
    direction: input.direction,
    settings: options,
    points,
    segments,
    usablePoints: m,
    variation,
    assurance,
    target,
    runs,
    notes,
  };
}

/**
 * Each point, made once with its final fields (one shape, no later writes): its segment's mean, and on an XmR chart
 * its limits and two-sigma lines, the rules ruleBits found for its `judged` usable points and the judgement they make
 * (null: a run chart, with none).
 */
function chartPoints(
  input: XmrInput,
  segments: XmrSegment[],
  judged: number | null,
  options: Readonly<XmrSettings>,
): XmrPoint[] {
  const { excluded, index, high, low } = work;
  const direction = input.direction;
  const improvementSide: Side = direction === "lower" ? "low" : "high";
  const concernSide: Side = improvementSide === "high" ? "low" : "high";
  const points: XmrPoint[] = [];
  let s = 0;
  let k = 0;
  for (let i = 0; i < input.values.length; i++) {
    while (i > segments[s].end) s++;
    const segment = segments[s];
    const value = input.values[i];
    const withLimits = judged !== null && segment.upperLimit !== null;
    const halfWidth = withLimits ? twoSigmaHalfWidth(segment) : null;
    let rules = 0;
    let special: Special = null;
    let side: Side | null = null;
    if (judged !== null && k < judged && index[k] === i) {
      rules = high[k] | low[k];
      if (rules === 0) special = null;
      else if (direction === "neither") {
        special = "neither";
        side = high[k] !== 0 ? "high" : "low";
      } else {
        const improving = (improvementSide === "high" ? high[k] : low[k]) !== 0;
        const concerning = (concernSide === "high" ? high[k] : low[k]) !== 0;
        special = improving && concerning ? options.conflict : improving ? "improvement" : "concern";
        side = special === "improvement" ? improvementSide : concernSide;
      }
      k++;
    }
    points.push({
      index: i,
      value: value !== null && Number.isFinite(value) ? value : null,
      mean: segment.mean,
      upperLimit: withLimits ? segment.upperLimit : null,
      lowerLimit: withLimits ? segment.lowerLimit : null,
      upperTwoSigma: halfWidth !== null ? segment.mean! + halfWidth : null,
      lowerTwoSigma: halfWidth !== null ? segment.mean! - halfWidth : null,
      special,
      rules: RULE_LISTS[rules],
      side,
      excluded: excluded[i] === 1,
    });
  }
  return points;
}

/**
 * The segments (one, and one more from each recalculation) with their limits, from the m usable points gathered;
 * each usable point's segment into work.segment and each segment's lines into work.lines, for ruleBits.
 */
function buildSegments(input: XmrInput, m: number, options: Readonly<XmrSettings>, notes: string[]): XmrSegment[] {
  const n = input.values.length;
  const starts = input.recalculateAt?.length
    ? [...new Set(input.recalculateAt.filter((i) => Number.isInteger(i) && i > 0 && i < n))].sort((a, b) => a - b)
    : [];
  const lines = linesRoom(starts.length + 1);
  const segments: XmrSegment[] = [];
  let k = 0;
  for (let s = 0; s <= starts.length; s++) {
    const start = s === 0 ? 0 : starts[s - 1];
    const end = (s < starts.length ? starts[s] : n) - 1;
    const first = k;
    while (k < m && work.index[k] <= end) work.segment[k++] = s;
    let members = k - first;
    if (s === 0 && input.baselinePoints !== undefined) {
      if (input.baselinePoints > members)
        notes.push(`baseline of ${input.baselinePoints} points asked for, ${members} available: all were used`);
      members = sliceLength(members, input.baselinePoints);
    }
    const segment = segmentLimits(start, end, first, members, options);
    segments.push(segment);
    setLines(lines, s, segment);
  }
  return segments;
}

/** The length of `array.slice(0, end)` for an array of `length` (a negative end counts from the end, as slice's). */
export function sliceLength(length: number, end: number): number {
  const relative = Math.trunc(end) || 0;
  return relative < 0 ? Math.max(length + relative, 0) : Math.min(relative, length);
}

/** Two thirds of the way from the mean to the upper limit: the two-sigma lines' distance from the mean; null without limits. */
function twoSigmaHalfWidth(segment: XmrSegment): number | null {
  return segment.upperLimit === null ? null : (segment.upperLimit - segment.mean!) * (2 / 3);
}

/** Segment s's lines for ruleBits: NaN where the segment has none (no mean, or too few points for limits). */
export function setLines(lines: Float64Array, s: number, segment: XmrSegment): void {
  const at = s * LINES;
  lines[at + MEAN] = segment.mean ?? NaN;
  lines[at + UPPER] = segment.upperLimit ?? NaN;
  lines[at + LOWER] = segment.lowerLimit ?? NaN;
  // The points' two-sigma lines (chartPoints) come from the same helper, so the rules read the same doubles.
  const halfWidth = twoSigmaHalfWidth(segment) ?? NaN;
  lines[at + UPPER_TWO_SIGMA] = segment.mean! + halfWidth;
  lines[at + LOWER_TWO_SIGMA] = segment.mean! - halfWidth;
}

/**
 * Mean and limits from the `count` usable points gathered from `first` on (in order; gaps already skipped, so a moving
 * range spans a gap). Sums in loops, term by term in the order the arrays' reduce summed them (the same doubles).
 */
export function segmentLimits(
  start: number,
  end: number,
  first: number,
  count: number,
  options: Pick<XmrSettings, "screenMovingRanges">,
): XmrSegment {
  const segment: XmrSegment = {
    start,
    end,
    calculationPoints: count,
    mean: null,
    averageMovingRange: null,
    upperLimit: null,
    lowerLimit: null,
    screenedMovingRanges: 0,
  };
  if (count === 0) return segment;
  const values = work.values;
  let sum = 0;
  for (let k = first; k < first + count; k++) sum += values[k];
  const mean = sum / count;
  segment.mean = mean;
  if (count < 2) return segment;
  let ranges = 0;
  for (let k = first + 1; k < first + count; k++) ranges += Math.abs(values[k] - values[k - 1]);
  let average = ranges / (count - 1);
  if (options.screenMovingRanges) {
    let kept = 0;
    let keptSum = 0;
    for (let k = first + 1; k < first + count; k++) {
      const range = Math.abs(values[k] - values[k - 1]);
      if (!(range <= MOVING_RANGE_LIMIT * average)) continue;
      kept++;
      keptSum += range;
    }
    segment.screenedMovingRanges = count - 1 - kept;
    average = keptSum / kept;
  }
  segment.averageMovingRange = average;
  segment.upperLimit = mean + SIGMA_FACTOR * average;
  segment.lowerLimit = mean - SIGMA_FACTOR * average;
  return segment;
}

/** The rules, in the order a point lists them (bit b of a rule mask is RULES[b]). */
const RULES: readonly SpcRule[] = ["beyond-limits", "shift", "trend", "two-sigma"];

/**
 * Each set of rules (a bit mask) as the list a point carries, made once and frozen: shared by every point with that
 * set instead of a new array per point (~86,000 points charted at M; the published ones' arrays outlived
 * the signals phase and were copied by every collection in it, issue 15). Frozen, so a change to one point's list
 * throws instead of changing every point that shares it.
 */
const RULE_LISTS: readonly (readonly SpcRule[])[] = Array.from({ length: 1 << RULES.length }, (_, mask) =>
  Object.freeze(RULES.filter((_, bit) => (mask & (1 << bit)) !== 0)),
);

function variationIcon(last: XmrPoint): VariationIcon {
  if (last.special === null || last.side === null) return "common-cause";
  return `${last.special}-${last.side}`;
}

/** Blue pass / orange fail when the target lies outside the latest limits, grey hit-or-miss when within them. */
function assuranceIcon(target: number, lower: number, upper: number, direction: "higher" | "lower"): AssuranceIcon {
  if (target < lower) return direction === "higher" ? "pass" : "fail";
  if (target > upper) return direction === "higher" ? "fail" : "pass";
  return "hit-or-miss";
}
