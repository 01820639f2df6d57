// The XmR chart as it was computed before issue 15 (src/signals/spc/xmr.ts): the rules kept as a Set per point and
// side, windows sliced from the usable points, each point's side of the mean worked out per window. The fast path
// must give the same chart, field for field.
import { runsAnalysis } from "../../../src/signals/spc/runs.js";
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
} from "../../../src/result/spc.js";

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

export function plainXmrChart(input: XmrInput, settings: Partial<XmrSettings> = {}): XmrChart {
  const options: XmrSettings = { ...MDC_SETTINGS, ...settings };
  const n = input.values.length;
  const excluded = new Set(input.excluded ?? []);
  const usable = (i: number) => input.values[i] !== null && Number.isFinite(input.values[i]) && !excluded.has(i);
  const usableIndices = [...Array(n).keys()].filter(usable);
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
      rules: [],
      side: null,
      excluded: excluded.has(index),
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

function buildSegments(input: XmrInput, usableIndices: number[], options: XmrSettings, notes: string[]): XmrSegment[] {
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

interface Flags {
  high: Set<SpcRule>;
  low: Set<SpcRule>;
}

/** Apply the four rules over the usable points (consecutive in the series once gaps are skipped), then judge. */
function judge(
  points: XmrPoint[],
  order: number[],
  segmentOf: Int32Array,
  direction: XmrInput["direction"],
  options: XmrSettings,
): void {
  const flags = new Map<number, Flags>(order.map((i) => [i, { high: new Set(), low: new Set() }]));
  const flag = (i: number, side: Side, rule: SpcRule) => flags.get(i)![side].add(rule);
  const value = (i: number) => points[i].value!;
  const sameSegment = (window: number[]) => segmentOf[window[0]] === segmentOf[window[window.length - 1]];
  const sideOfMean = (i: number): Side | null => {
    const { mean } = points[i];
    if (mean === null || value(i) === mean) return null;
    return value(i) > mean ? "high" : "low";
  };
  const beyondLimit = (i: number): Side | null => {
    const p = points[i];
    if (p.upperLimit === null) return null;
    if (value(i) > p.upperLimit) return "high";
    if (value(i) < p.lowerLimit!) return "low";
    return null;
  };
  const beyondTwoSigma = (i: number, side: Side): boolean => {
    const p = points[i];
    if (p.upperTwoSigma === null) return false;
    const beyond = side === "high" ? value(i) > p.upperTwoSigma : value(i) < p.lowerTwoSigma!;
    return beyond && (options.twoSigmaCountsBeyondLimits || beyondLimit(i) === null);
  };

  for (const i of order) {
    const side = beyondLimit(i);
    if (side) flag(i, side, "beyond-limits");
  }

  const runLength = options.runLength;
  for (let s = 0; s + runLength <= order.length; s++) {
    const window = order.slice(s, s + runLength);
    const sides = window.map(sideOfMean);
    if (
      sides[0] !== null &&
      sides.every((x) => x === sides[0]) &&
      (options.rulesCrossRecalculations || sameSegment(window))
    )
      for (const i of window) flag(i, sides[0], "shift");
    // A trend ignores the mean and limits, so it may always cross a recalculation.
    const rising = window.every((i, k) => k === 0 || value(i) > value(window[k - 1]));
    const falling = window.every((i, k) => k === 0 || value(i) < value(window[k - 1]));
    if (rising || falling) for (const i of window) flag(i, rising ? "high" : "low", "trend");
  }

  for (let s = 0; s + 3 <= order.length; s++) {
    const window = order.slice(s, s + 3);
    const side = sideOfMean(window[0]);
    if (side === null || !window.every((i) => sideOfMean(i) === side)) continue;
    if (!options.rulesCrossRecalculations && !sameSegment(window)) continue;
    const beyond = window.filter((i) => beyondTwoSigma(i, side));
    if (beyond.length >= 2) for (const i of beyond) flag(i, side, "two-sigma");
  }

  const improvementSide: Side = direction === "lower" ? "low" : "high";
  const concernSide: Side = improvementSide === "high" ? "low" : "high";
  for (const i of order) {
    const { high, low } = flags.get(i)!;
    const point = points[i];
    point.rules = (["beyond-limits", "shift", "trend", "two-sigma"] as const).filter((r) => high.has(r) || low.has(r));
    if (high.size === 0 && low.size === 0) continue;
    if (direction === "neither") {
      point.special = "neither";
      point.side = high.size > 0 ? "high" : "low";
      continue;
    }
    const improving = flags.get(i)![improvementSide].size > 0;
    const concerning = flags.get(i)![concernSide].size > 0;
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
