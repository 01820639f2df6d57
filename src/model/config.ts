// The configuration's shape (relaudit.config.json after validation) and its defaults. Parsing and validation live in
// src/load/config.ts; analyses read these types only.
import type { Cadence, PeriodKind } from "./periods.js";
import type { RcDimension } from "./coordination.js";
import { dict } from "./dict.js";

export type DateFormat = "iso" | "dd/mm/yyyy" | "mm/dd/yyyy";

export interface ScaleConfig {
  /** A named preset (e.g. "edmondson-psychological-safety"); explicit keys override the preset's. */
  preset?: string;
  label?: string;
  items: string[];
  reverse: string[];
  min: number;
  max: number;
  /** Optional interpretation bands, e.g. {"low": 3.5, "high": 5}: scores below `low` are low, at or above `high` high. */
  bands?: { low?: number; high?: number };
  /** Label → number for this scale's items (case- and whitespace-insensitive), over the global `answerLabels`. */
  answerLabels?: Record<string, number>;
  /** Minimum share of items answered for a person score (default 0.5). */
  minAnswered?: number;
  /** A relational leadership scale (practice 6); when absent, inferred from "leadership" in the id or label. */
  leadership?: boolean;
}

/** Relational coordination: who rates (a survey group column) and, for a wide export, which column rates whom on what. */
export interface CoordinationConfig {
  raterAttribute: string;
  min?: number;
  max?: number;
  /** Wide export: column → the group it rates and the RC dimension it measures. */
  columns?: Record<string, { rated: string; dimension: RcDimension }>;
  /** Band limits (a research convention): weak < weak ≤ moderate ≤ strong < strong. Default 3.5 and 4.0. */
  bands?: { weak?: number; strong?: number };
  /** Difference in scale points from which A→B vs B→A is called asymmetric (default 0.5). */
  asymmetryThreshold?: number;
  /** Label → number for the RC columns, over the global `answerLabels`. */
  answerLabels?: Record<string, number>;
  /** Per-dimension label maps, for items whose answers are not monotone (e.g. "too often" on the frequency item). */
  dimensionLabels?: Partial<Record<RcDimension, Record<string, number>>>;
}

interface MetricConfig {
  better: "higher" | "lower" | "neither";
  /** The metric's cadence; detected from its dates when absent. */
  period?: Cadence;
  /**
   * How its values combine into a longer period (several values in one of its periods, and the relational period of
   * the leading indicator): the mean for rates and averages (the default), the sum for counts.
   */
  aggregate?: "mean" | "sum";
  target?: number;
  baselinePoints?: number;
  /** Instants of the days new limits start (ISO dates in the config file, dated by the loader). */
  recalculateAt?: number[];
}

export interface Config {
  /** Absolute path of the config file, or null for defaults. Relative paths in the config resolve against its folder. */
  source: string | null;
  boundaries?: string[];
  minGroupSize: number;
  dateFormat: DateFormat;
  timeZone: string;
  period?: PeriodKind;
  undirected?: boolean;
  answerLabels: Record<string, number>;
  scales: Record<string, ScaleConfig>;
  /** Relational coordination mapping (see docs/inputs.md). */
  coordination?: CoordinationConfig;
  metrics: Record<string, MetricConfig>;
  /** SPC rules: points in a row for a shift or a trend (default 6, Making Data Count; 7 as in NHSRplotthedots). */
  spc?: { runLength?: 6 | 7 };
  /** Input file paths (resolved against the config's folder). */
  files: Partial<Record<InputKind, string>>;
}

export type InputKind = "people" | "interactions" | "survey" | "coordination" | "delivery" | "events" | "annotations";
export const INPUT_KINDS: readonly InputKind[] = [
  "people",
  "interactions",
  "survey",
  "coordination",
  "delivery",
  "events",
  "annotations",
];

export const DEFAULT_CONFIG: Config = {
  source: null,
  minGroupSize: 5,
  dateFormat: "iso",
  timeZone: "UTC",
  // No prototype: a label or metric named "constructor" must not find Object's (model/dict.ts).
  answerLabels: dict<number>(),
  scales: dict<ScaleConfig>(),
  metrics: dict<MetricConfig>(),
  files: {},
};
