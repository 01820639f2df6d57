// The signals section of the result: breakdown signals, the SPC series behind them, and the leading-indicator
// analysis. Computed once by analyseSignals (src/signals/analyse.ts); renderers only read it.
import type { Cadence, PeriodKind } from "../model/periods.js";
import type { Severity } from "../model/severity.js";
import type { Evidence, Practice, Subject } from "./evidence.js";
import type { AssuranceIcon, Direction, RunsAnalysis, Special, SpcRule, VariationIcon } from "./spc.js";

/** Each kind has one line in the registry, src/signals/kinds.ts (its detector, practice and check). */
export type SignalKind =
  | "falling-contact"
  | "dormant-ties"
  | "reciprocity-collapse"
  | "fragmentation"
  | "key-person-departure"
  | "survey-drop"
  | "perception-gap";

export interface Signal {
  /** Stable across runs (kind + subject), so a scheduled run can tell new, continuing and resolved signals apart. */
  id: string;
  kind: SignalKind;
  severity: Severity;
  practice: Practice;
  subject: Subject;
  /** First period of the episode: `YYYY-Www` or `YYYY-MM`. */
  firstPeriod: string;
  /** The SPC rule or the test that fired, in words ("shift: 7 points below the baseline mean"). */
  rule: string;
  message: string;
  evidence: Evidence[];
  questions: string[];
  /** What chance alone would give for this observation, and the correction for everything looked at. */
  chance?: SignalChance;
  /** Id of the series the signal was read from, when there is one. */
  series?: string;
  /** Set by `relaudit signals --previous`. */
  status?: SignalStatus;
  /** With a status: the severity in the previous report (escalated and de-escalated signals say from what). */
  previousSeverity?: Severity;
}

/**
 * The null model's verdict (docs/methods.md, "Null models of the signals"): the observed value, what chance alone
 * would give (an expected count, or the value in force), the probability of at least this much under the null, and
 * that probability adjusted for the whole family of tests of this kind the run looked at.
 */
export interface SignalChance {
  observed: number;
  expected: number;
  p: number;
  adjusted: number;
  /** Tests of this kind the run looked at (pairs of groups, series, departures, groups compared). */
  family: number;
  correction: "holm";
  /** The null model, in words. */
  model: string;
}

/**
 * Against the previous run: new (no signal with its id before), continuing (same severity), escalated (more severe:
 * warning → critical), de-escalated (less severe), resolved (there before, gone now).
 */
type SignalStatus = "new" | "continuing" | "escalated" | "de-escalated" | "resolved";

export interface SeriesPoint {
  period: string;
  value: number | null;
  mean: number | null;
  upperLimit: number | null;
  lowerLimit: number | null;
  special: Special;
  /** Every rule that flagged the point. */
  rules: readonly SpcRule[];
  /** A partial first or last period, or a gap: shown, left out of limits and rules. */
  excluded?: boolean;
}

export interface SeriesAnnotation {
  period: string;
  note: string;
  action: "rebase" | "baseline" | null;
}

/** What a pair of groups is charted on. */
export type PairMeasure = "interactions" | "active ties" | "reciprocity";
/** What one group is charted on. */
export type GroupMeasure = "e-i index" | "active people" | "new cross-boundary ties";

/** Where a series comes from: read this, never the id. */
export type SeriesSource =
  | { kind: "pair"; measure: PairMeasure; attribute: string; groups: [string, string] }
  | { kind: "group"; measure: GroupMeasure; attribute: string; group: string }
  | { kind: "delivery"; metric: string; groups: Record<string, string> };

export interface Series {
  /** Stable across runs, built from the source (seriesId in signals/chart.ts). */
  id: string;
  source: SeriesSource;
  /** What is measured: "interactions", "reciprocity", "e-i index", a delivery metric's name, ... */
  metric: string;
  subject: Subject;
  /** A delivery metric charted at its own cadence (day, week or month) when that is not the run's period. */
  cadence?: Cadence;
  direction: Direction;
  /** "xmr" with limits, "run" (too few points: Anhøj rules instead). */
  chart: "xmr" | "run";
  points: SeriesPoint[];
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
  target: number | null;
  /** Points that fixed the first limits, when a baseline was used. */
  baselinePoints: number | null;
  /** Periods where new limits start (from config `recalculateAt` and `rebase` annotations). */
  recalculations: string[];
  annotations: SeriesAnnotation[];
  runs: RunsAnalysis | null;
  /** A sustained shift away from the limits in force: relaudit suggests a rebase here, and never applies it. */
  rebaseSuggestion: string | null;
  notes: string[];
}

/** Lagged correlation of a relational series with a delivery metric of the same group. */
export interface LeadingIndicator {
  metric: string;
  relational: string;
  subject: Subject;
  /** Points used at the best lag (after prewhitening). */
  n: number;
  /** Periods by which the relational series leads the delivery metric. */
  lag: number;
  /** Cross-correlation of the prewhitened series at that lag, with a 95% interval (Fisher z) Bonferroni-adjusted over the lags tried, as `p` is. */
  r: number;
  ci: [number, number];
  /** Two-sided p-value, Bonferroni-adjusted for the lags tried. */
  p: number;
  lagsTried: number;
  /** AR(1) coefficient of the relational series used to prewhiten both. */
  ar1: number;
  /** How a delivery metric at a finer cadence was brought to the relational period ("daily values summed to weeks …"). */
  aggregation?: string;
  evidence: "evidence" | "no evidence" | "too little data";
  message: string;
}

export interface SignalsSection {
  period: PeriodKind;
  timeZone: string;
  firstPeriod: string | null;
  lastPeriod: string | null;
  partialFirst: boolean;
  partialLast: boolean;
  signals: Signal[];
  /** The series worth publishing (see publishedSeries in analyse.ts); `seriesCharted` counts every series charted. */
  series: Series[];
  seriesCharted: number;
  leading: LeadingIndicator[];
  annotations: SeriesAnnotation[];
  notes: string[];
}
