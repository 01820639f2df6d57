// XmR (individuals) charts with the NHS England "Making Data Count" rules.
// Limits: mean ± 2.66 · mean moving range (2.66 = 3 / d2, d2 = 1.128 for n = 2); two-sigma lines at 2/3 of that.
// Reference: MDC "SPC Charts XmR Testing" (Single Chart Tool v5.0); see docs/methods.md#signals.
import { runsAnalysis } from "./runs.js";
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

export const SIGMA_FACTOR = 2.66;
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
  const n = input.values.length;
  // A byte per position rather than a Set: the same membership for the positions a chart has.
  const excluded = new Uint8Array(n);
  for (const i of input.excluded ?? []) if (i >= 0 && i < n) excluded[i] = 1;
  const usableIndices: number[] = [];
  for (let i = 0; i < n; i++) {
    const value = input.values[i];
    if (value !== null && Number.isFinite(value) && excluded[i] === 0) usableIndices.push(i);
  }
  const notes: string[] = [];

  const segments = buildSegments(input, usableIndices, options, notes);
  const segmentOf = new Int32Array(n);
  segments.forEach((s, k) => segmentOf.fill(k, s.start, s.end + 1));

  const kind = usableIndices.length >= options.minPoints ? "xmr" : "run";
  if (kind === "run" && usableIndices.length > 0)
    notes.push(
      `${usableIndices.length} usable point${usableIndices.length === 1 ? "" : "s"}: limits need ${options.minPoints}, so this is a run chart`,
    );

  const points: XmrPoint[] = input.values.map((value, index) => {
    const segment = segments[segmentOf[index]];
    const withLimits = kind === "xmr" && segment.upperLimit !== null;
    const halfWidth = withLimits ? (segment.upperLimit! - segment.mean!) * (2 / 3) : null;
    return {
      index,
      value: value !== null && Number.isFinite(value) ? value : null,
      mean: segment.mean,
      upperLimit: withLimits ? segment.upperLimit : null,
      lowerLimit: withLimits ? segment.lowerLimit : null,
      upperTwoSigma: halfWidth !== null ? segment.mean! + halfWidth : null,
      lowerTwoSigma: halfWidth !== null ? segment.mean! - halfWidth : null,
      special: null,
      rules: ruleList(0),
      side: null,
      excluded: excluded[index] === 1,
    };
  });

  if (kind === "xmr") judge(points, usableIndices, segmentOf, input.direction, options);

  const last = usableIndices.length > 0 ? points[usableIndices[usableIndices.length - 1]] : null;
  const variation = kind === "xmr" && last ? variationIcon(last) : null;
  const target = input.target ?? null;
  let assurance: AssuranceIcon | null = null;
  if (target !== null && kind === "xmr" && last && last.upperLimit !== null) {
    if (input.direction === "neither") notes.push("a target has no assurance icon when neither direction is better");
    else assurance = assuranceIcon(target, last.lowerLimit!, last.upperLimit, input.direction);
  }
  const runs = kind === "run" ? runsAnalysis(usableIndices.map((i) => input.values[i]!)) : null;
  return {
    kind,
    direction: input.direction,
    settings: options,
    points,
    segments,
    usablePoints: usableIndices.length,
    variation,
    assurance,
    target,
    runs,
    notes,
  };
}

function buildSegments(
  input: XmrInput,
  usableIndices: number[],
  options: Readonly<XmrSettings>,
  notes: string[],
): XmrSegment[] {
  const n = input.values.length;
  const starts = [...new Set((input.recalculateAt ?? []).filter((i) => Number.isInteger(i) && i > 0 && i < n))].sort(
    (a, b) => a - b,
  );
  const bounds = [0, ...starts, n];
  const segments: XmrSegment[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k];
    const end = bounds[k + 1] - 1;
    let members = usableIndices.filter((i) => i >= start && i <= end);
    if (k === 0 && input.baselinePoints !== undefined) {
      if (input.baselinePoints > members.length)
        notes.push(`baseline of ${input.baselinePoints} points asked for, ${members.length} available: all were used`);
      members = members.slice(0, input.baselinePoints);
    }
    segments.push(
      segmentLimits(
        start,
        end,
        members.map((i) => input.values[i]!),
        options,
      ),
    );
  }
  return segments;
}

/** Mean and limits from the calculation points (in order; gaps already skipped, so a moving range spans a gap). */
function segmentLimits(
  start: number,
  end: number,
  values: number[],
  options: Pick<XmrSettings, "screenMovingRanges">,
): XmrSegment {
  const segment: XmrSegment = {
    start,
    end,
    calculationPoints: values.length,
    mean: null,
    averageMovingRange: null,
    upperLimit: null,
    lowerLimit: null,
    screenedMovingRanges: 0,
  };
  if (values.length === 0) return segment;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  segment.mean = mean;
  if (values.length < 2) return segment;
  let ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]));
  let average = ranges.reduce((a, b) => a + b, 0) / ranges.length;
  if (options.screenMovingRanges) {
    const kept = ranges.filter((r) => r <= MOVING_RANGE_LIMIT * average);
    segment.screenedMovingRanges = ranges.length - kept.length;
    ranges = kept;
    average = ranges.reduce((a, b) => a + b, 0) / ranges.length;
  }
  segment.averageMovingRange = average;
  segment.upperLimit = mean + SIGMA_FACTOR * average;
  segment.lowerLimit = mean - SIGMA_FACTOR * average;
  return segment;
}

/** The rules as bits, in the order a point lists them. */
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
const ruleList = (mask: number) => RULE_LISTS[mask];
export const BEYOND_LIMITS = 1;
export const SHIFT = 2;
export const TREND = 4;
export const TWO_SIGMA = 8;
/** A point's side of the mean or of its limits: none, high or low. */
export const HIGH = 1;
export const LOW = 2;

/**
 * Apply the four rules over the usable points (consecutive in the series once gaps are skipped), then judge. Each
 * point's rules on each side are a bit mask, and its sides of the mean and of the limits are worked out once: a
 * system charts thousands of series (issue 15). test/perf/xmr-fast-path.test.ts holds it to the plain form with a
 * Set per point and side (test/perf/reference/xmr-plain.ts).
 */
function judge(
  points: XmrPoint[],
  order: number[],
  segmentOf: Int32Array,
  direction: XmrInput["direction"],
  options: Readonly<XmrSettings>,
): void {
  const n = points.length;
  const high = new Uint8Array(n);
  const low = new Uint8Array(n);
  const flag = (i: number, side: number, rule: number) => {
    if (side === HIGH) high[i] |= rule;
    else low[i] |= rule;
  };
  const ofMean = new Uint8Array(n);
  const ofLimits = new Uint8Array(n);
  // Indexed loops over `order`, not for…of: an iterator result per point while the code is still interpreted, in a
  // run's first charts (issue 15).
  for (let o = 0; o < order.length; o++) {
    const i = order[o];
    const { value, mean, upperLimit, lowerLimit } = points[i];
    if (mean !== null && value! !== mean) ofMean[i] = value! > mean ? HIGH : LOW;
    if (upperLimit !== null) ofLimits[i] = value! > upperLimit ? HIGH : value! < lowerLimit! ? LOW : 0;
  }
  const beyondTwoSigma = (i: number, side: number): boolean => {
    const p = points[i];
    if (p.upperTwoSigma === null) return false;
    const beyond = side === HIGH ? p.value! > p.upperTwoSigma : p.value! < p.lowerTwoSigma!;
    return beyond && (options.twoSigmaCountsBeyondLimits || ofLimits[i] === 0);
  };

  for (let o = 0; o < order.length; o++)
    if (ofLimits[order[o]] !== 0) flag(order[o], ofLimits[order[o]], BEYOND_LIMITS);

  const runLength = options.runLength;
  for (let s = 0; s + runLength <= order.length; s++) {
    const first = order[s];
    const last = order[s + runLength - 1];
    const side = ofMean[first];
    let sameSide = side !== 0;
    let rising = true;
    let falling = true;
    for (let k = 1; k < runLength; k++) {
      const i = order[s + k];
      const before = points[order[s + k - 1]].value!;
      if (ofMean[i] !== side) sameSide = false;
      if (!(points[i].value! > before)) rising = false;
      if (!(points[i].value! < before)) falling = false;
    }
    if (sameSide && (options.rulesCrossRecalculations || segmentOf[first] === segmentOf[last]))
      for (let k = 0; k < runLength; k++) flag(order[s + k], side, SHIFT);
    // A trend ignores the mean and limits, so it may always cross a recalculation.
    if (rising || falling) for (let k = 0; k < runLength; k++) flag(order[s + k], rising ? HIGH : LOW, TREND);
  }

  for (let s = 0; s + 3 <= order.length; s++) {
    const side = ofMean[order[s]];
    if (side === 0 || ofMean[order[s + 1]] !== side || ofMean[order[s + 2]] !== side) continue;
    if (!options.rulesCrossRecalculations && segmentOf[order[s]] !== segmentOf[order[s + 2]]) continue;
    let beyond = 0;
    for (let k = 0; k < 3; k++) if (beyondTwoSigma(order[s + k], side)) beyond++;
    if (beyond >= 2)
      for (let k = 0; k < 3; k++) if (beyondTwoSigma(order[s + k], side)) flag(order[s + k], side, TWO_SIGMA);
  }

  const improvementSide: Side = direction === "lower" ? "low" : "high";
  const concernSide: Side = improvementSide === "high" ? "low" : "high";
  for (let o = 0; o < order.length; o++) {
    const i = order[o];
    const point = points[i];
    const rules = high[i] | low[i];
    // A point without a rule keeps the empty list it was made with.
    if (rules === 0) continue;
    point.rules = ruleList(rules);
    if (direction === "neither") {
      point.special = "neither";
      point.side = high[i] !== 0 ? "high" : "low";
      continue;
    }
    const improving = (improvementSide === "high" ? high[i] : low[i]) !== 0;
    const concerning = (concernSide === "high" ? high[i] : low[i]) !== 0;
    const special: Special = improving && concerning ? options.conflict : improving ? "improvement" : "concern";
    point.special = special;
    point.side = special === "improvement" ? improvementSide : concernSide;
  }
}

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
