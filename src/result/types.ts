// The one result. Every renderer (terminal, Markdown, JSON, ...) is a pure function of this object, and
// `schema/report.schema.json` describes it. Bump SCHEMA_VERSION on any breaking change to the JSON.
import type { NetworkSection } from "../network/section.js";
import type { SignalsSection } from "../signals/section.js";
import type { SurveySection } from "../survey/section.js";

export const SCHEMA_VERSION = "1.0.0";

/** The eight practices of ../shared/design/practices.md. */
export type Practice = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export type Severity = "info" | "warning" | "critical";
export type CheckStatus = "pass" | "warn" | "fail" | "not-applicable" | "error";

/** One number with what it needs to be read honestly: its n and, where it is an estimate, its uncertainty. */
export interface Evidence {
  label: string;
  value: number | string | null;
  n?: number;
  /** 95% interval unless `ciLevel` says otherwise. */
  ci?: [number, number];
  ciLevel?: number;
  unit?: string;
  /** What this number is compared with (a band, an expectation under chance, a previous wave). */
  reference?: number | string;
}

/** What a finding is about: relationships and groups, never people unless the check is person-level by design. */
export interface Subject {
  attribute?: string;
  groups?: string[];
  people?: string[];
  scale?: string;
  metric?: string;
}

export interface Finding {
  severity: Severity;
  subject: Subject;
  message: string;
  evidence: Evidence[];
  /** Questions about the relationship worth asking next (never about who is to blame). */
  questions: string[];
}

export interface CheckResult {
  id: string;
  practice: Practice;
  title: string;
  status: CheckStatus;
  /** The most severe finding's severity ("info" when there is none). */
  severity: Severity;
  summary: string;
  findings: Finding[];
  /** Headline numbers, shown whatever the status. */
  evidence: Evidence[];
  /** Why a check was not applicable, caveats about the data it used. */
  notes: string[];
  /** Set when status is "error": the check threw, and the run went on. */
  error?: string;
}

export interface InputFileSummary {
  kind: "people" | "interactions" | "survey" | "coordination" | "delivery" | "events" | "annotations" | "config";
  path: string;
  rows: number;
  encoding: string;
  delimiter: string;
  columns: string[];
  /** Earliest and latest date in the file (ISO 8601), when it has dates. */
  dateRange?: [string, string];
}

/** Rows of one file left out for one reason under --skip-invalid-rows: counted, with where the first few are. */
export interface SkippedRows {
  file: string;
  /** Why, without any cell value (values can be person ids or free text): "unknown person id", "invalid date in joined". */
  reason: string;
  rows: number;
  /** The first few (at most 20) by line and column, so they can be found; `relaudit validate` shows the values. */
  examples: { line: number; column?: string }[];
}

export interface InputsSummary {
  files: InputFileSummary[];
  warnings: string[];
  /** Present only with --skip-invalid-rows: every row left out, summarised per file and reason. */
  skipped?: SkippedRows[];
  boundaries: string[];
  directed: boolean;
  period: "week" | "month";
  timeZone: string;
  window: { since: string | null; until: string | null };
}

export interface CheckCounts {
  pass: number;
  warn: number;
  fail: number;
  notApplicable: number;
  error: number;
  findings: { info: number; warning: number; critical: number };
}

export interface Report {
  schemaVersion: string;
  tool: { name: "relaudit"; version: string };
  generatedAt: string;
  minGroupSize: number;
  inputs: InputsSummary;
  /** Counts computed once here so renderers never count. */
  summary: CheckCounts;
  checks: CheckResult[];
  // Sections filled by the survey, network and signals analyses when their inputs are present.
  survey: SurveySection | null;
  network: NetworkSection | null;
  signals: SignalsSection["signals"] | null;
  series: SignalsSection["series"] | null;
  /** Relational series against delivery metrics (practice 8). */
  leading: SignalsSection["leading"] | null;
  /** The periods the series cover, the annotations applied and notes about them. */
  timeline: Omit<SignalsSection, "signals" | "series" | "leading"> | null;
}
