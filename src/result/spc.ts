// Types of the SPC engine: XmR charts in the NHS "Making Data Count" style and Anhøj run charts.

/** Which way is better for a measure. "neither" means special causes are reported without a judgement. */
export type Direction = "higher" | "lower" | "neither";

/** The judgement on a point flagged by a special-cause rule (null: common cause, a gap, or no limits). */
export type Special = "improvement" | "concern" | "neither" | null;

/** The four Making Data Count special-cause rules. */
export type SpcRule = "beyond-limits" | "shift" | "trend" | "two-sigma";

/** Side of the centre a rule points to: "high" for above the mean or an increasing trend. */
export type Side = "high" | "low";

/** The MDC variation icon, read from the last point: the judgement and the side that triggered it. */
export type VariationIcon =
  | "common-cause"
  | "improvement-high"
  | "improvement-low"
  | "concern-high"
  | "concern-low"
  | "neither-high"
  | "neither-low";

/** The MDC assurance icon: where a target sits relative to the latest process limits. */
export type AssuranceIcon = "pass" | "fail" | "hit-or-miss";

export interface XmrSettings {
  /** Fewest points for limits and icons; with fewer the chart is a run chart (MDC: 13). */
  minPoints: number;
  /** Points in a shift or a trend (MDC SQL tool since 2024: 6; NHSRplotthedots: 7). */
  runLength: number;
  /** Drop moving ranges above 3.267 × their mean and recompute the mean once (the MDC Excel tool does not). */
  screenMovingRanges: boolean;
  /** Let points beyond a process limit count towards "two of three beyond two sigma" (the MDC Excel tool does not). */
  twoSigmaCountsBeyondLimits: boolean;
  /** Let shift and two-sigma windows span a recalculation (the Excel tool does; its SQL tool lets only trends). */
  rulesCrossRecalculations: boolean;
  /** Which judgement wins when one point is both (a trend turning): the Excel tool shows improvement. */
  conflict: "improvement" | "concern";
}

export interface XmrInput {
  /** One value per period, in order; null is a gap (never a zero). */
  values: (number | null)[];
  direction: Direction;
  target?: number;
  /** The first K points of the first segment fix its limits, which then extend to the rest of the segment. */
  baselinePoints?: number;
  /** Indices of points that start a new segment with its own mean and limits (a recalculation, a rebase). */
  recalculateAt?: number[];
  /** Indices shown but left out of limits and rules (partial first and last periods; MDC "ghosting"). */
  excluded?: number[];
}

export interface XmrPoint {
  index: number;
  value: number | null;
  /** Segment mean; present whenever the segment has a value, even on a run chart. */
  mean: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  upperTwoSigma: number | null;
  lowerTwoSigma: number | null;
  special: Special;
  /** The rules that flagged the point, whatever the final judgement. */
  rules: readonly SpcRule[];
  /** Side of the rules behind `special` (null when common cause). */
  side: Side | null;
  excluded: boolean;
}

export interface XmrSegment {
  start: number;
  /** Inclusive. */
  end: number;
  /** Points the limits were computed from (the baseline, or every usable point of the segment). */
  calculationPoints: number;
  mean: number | null;
  averageMovingRange: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  /** Moving ranges dropped by screening. */
  screenedMovingRanges: number;
}

/** Anhøj's run-chart rules as implemented by qicharts2 (`runs.analysis`). */
export interface RunsAnalysis {
  median: number;
  /** Points not on the median. */
  useful: number;
  longestRun: number;
  longestRunMax: number;
  /** Side of the longest run ("high" above the median); the later run when two tie. */
  longestRunSide: Side | null;
  crossings: number;
  crossingsMin: number;
  signal: boolean;
  /** Which test fired: an unusually long run, unusually few crossings, or both. */
  tests: ("longest-run" | "crossings")[];
}

export interface XmrChart {
  /** "xmr" when there are enough points for limits; otherwise "run" (no limits, no icons, no special causes). */
  kind: "xmr" | "run";
  direction: Direction;
  settings: Readonly<XmrSettings>;
  points: XmrPoint[];
  segments: XmrSegment[];
  /** Usable points: not a gap, not excluded. */
  usablePoints: number;
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
  target: number | null;
  runs: RunsAnalysis | null;
  notes: string[];
}
