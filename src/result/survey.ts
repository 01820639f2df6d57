// The survey section of the result. Every value here has already passed src/survey/privacy.ts: a suppressed
// entry carries no statistic at all (no n, mean, sd, CI, α or item value), only `suppressed: true`, so no
// renderer or check can leak it. This shape is part of the JSON interface (issue 3): extend, never rename.
import type { RcDimension } from "../model/coordination.js";

export type Band = "low" | "middle" | "high";

/** A group, wave or cell hidden because it (or a remainder that would reveal it) has fewer than minGroupSize people. */
interface Hidden {
  suppressed: true;
}

export interface Estimate {
  suppressed: false;
  n: number;
  mean: number;
  /** Sample standard deviation of person scores; null when n < 2. */
  sd: number | null;
  /** 95% t-interval for the mean; null when n < 2. */
  ci: [number, number] | null;
  /** Share (0–1) of answered item responses in the top two boxes after reverse keying. */
  favourable: number;
  /** Where the mean falls in the scale's bands; null when the scale has none. */
  band: Band | null;
}

export interface ItemResult {
  id: string;
  reversed: boolean;
  n: number;
  /** Mean after reverse keying, as psych reports it. */
  mean: number;
  sd: number | null;
  favourable: number;
  /** Item–rest correlation (psych r.drop); null when the item was excluded (no variance). */
  rDrop: number | null;
  alphaIfDeleted: number | null;
}

/** An item whose item–rest correlation is negative: probably keyed the wrong way. */
interface KeyingProblem {
  item: string;
  rDrop: number;
  /** Whether the configuration reverses it now (the fix is to flip this). */
  reversed: boolean;
}

export type GroupResult = { attribute: string; value: string; wave?: string } & (Hidden | Estimate);

export type WaveResult = { wave: string } & (Hidden | (Estimate & { alpha: number | null }));

export interface Comparison {
  suppressed: false;
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  /** mean2 − mean1 (later minus earlier). */
  difference: number;
  /** Welch 95% CI of the difference. */
  ci: [number, number];
  t: number;
  df: number;
  p: number;
  /** Hedges' g (pooled SD, small-sample corrected) with its 95% CI. */
  hedgesG: number;
  hedgesGCi: [number, number];
  /** Mann–Whitney U (of the later wave) with normal approximation, tie and continuity correction. */
  mannWhitney: { u: number; z: number; p: number };
  /** True when some respondent ids answered both waves: the independent-samples tests are then approximate. */
  repeatedRespondents: boolean;
}

export type WaveChange = {
  /** null for the whole scale. */
  attribute: string | null;
  value: string | null;
  from: string;
  to: string;
} & (Hidden | Comparison | { suppressed: false; insufficient: true });

export interface ScaleBands {
  low?: number;
  high?: number;
}

export interface ScaleHeadline extends Omit<Estimate, "band"> {
  alpha: number | null;
  alphaStandardised: number | null;
  averageR: number | null;
  items: ItemResult[];
  keying: KeyingProblem[];
}

export type ScaleResult = {
  id: string;
  label: string;
  preset: string | null;
  /** Practice 6 (relational leadership) when the scale is marked or named as a leadership scale, else 1. */
  practice: 1 | 6;
  min: number;
  max: number;
  bands: ScaleBands | null;
  minAnswered: number;
  /** The wave the headline describes (the latest), null when the survey has no waves. */
  wave: string | null;
  /** Warnings about the scale's measurement (low α, small n, out-of-range answers, missing columns). */
  warnings: string[];
  waves: WaveResult[];
  groups: GroupResult[];
  changes: WaveChange[];
} & (Hidden | ScaleHeadline);

interface RcDimensionValue {
  dimension: RcDimension;
  /** null when fewer than minGroupSize raters answered this dimension in the cell. */
  mean: number | null;
}

export interface RcEstimate {
  suppressed: false;
  n: number;
  /** RC index: mean over raters of each rater's mean of the answered dimensions. */
  index: number;
  sd: number | null;
  ci: [number, number] | null;
  band: "weak" | "moderate" | "strong";
  /** Mean of frequent, timely, accurate, problem-solving communication; null when no rater answered them. */
  communication: number | null;
  /** Mean of shared goals, shared knowledge, mutual respect. */
  relationship: number | null;
  dimensions: RcDimensionValue[];
}

export type RcCell = { raterGroup: string; ratedGroup: string; within: boolean } & (Hidden | RcEstimate);

export type RcAggregate = { suppressed: true } | { suppressed: false; n: number; ratings: number; index: number };

export interface RcAsymmetry {
  groupA: string;
  groupB: string;
  /** How A rates B, and how B rates A. */
  aRatesB: number;
  bRatesA: number;
  nA: number;
  nB: number;
  /** aRatesB − bRatesA with Welch's 95% CI. */
  difference: number;
  ci: [number, number];
  p: number;
  hedgesG: number;
  /** |difference| ≥ the configured threshold and the CI excludes 0. */
  flagged: boolean;
}

export interface CoordinationResult {
  raterAttribute: string;
  /** The wave analysed (the latest), null without waves. */
  wave: string | null;
  source: "wide" | "long";
  min: number;
  max: number;
  bands: { weak: number; strong: number; note: string };
  asymmetryThreshold: number;
  groups: string[];
  cells: RcCell[];
  /** All ratings of a group by raters in the same group, and all between-group ratings, pooled by rating. */
  within: RcAggregate;
  between: RcAggregate;
  /** How each group is rated by the other groups (between-group ratings only). */
  received: ({ group: string } & RcAggregate)[];
  asymmetries: RcAsymmetry[];
  warnings: string[];
}

export type ParticipationGroup = {
  attribute: string;
  value: string;
  /** Current people with this value in people.csv (leavers excluded); null without a people file. */
  headcount: number | null;
} & (Hidden | { suppressed: false; responses: number; rate: number | null });

export interface SurveySection {
  /** Rows in the survey file. */
  responses: number;
  waves: string[];
  /** The wave the headline figures describe (the latest), null without waves. */
  currentWave: string | null;
  minGroupSize: number;
  /** Group columns analysed (the boundaries found in the survey). */
  attributes: string[];
  /** Responses per group in the current wave, with headcounts from people.csv when it gives them. */
  participation: ParticipationGroup[];
  scales: ScaleResult[];
  coordination: CoordinationResult | null;
  notes: string[];
}
