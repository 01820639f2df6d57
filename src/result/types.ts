// The one result. Every renderer (terminal, Markdown, JSON, ...) is a pure function of this object, and
// `schema/report.schema.json` describes it. Bump SCHEMA_VERSION on any breaking change to the JSON.
import type { Evidence, Practice, Subject } from "./evidence.js";
import type { NetworkSection } from "./network.js";
export type { Evidence, Practice, Subject };
import type { SkippedRows } from "../model/problems.js";
export type { SkippedRows };
import type { SignalsSection } from "./signals.js";
import type { SurveySection } from "./survey.js";
import type { Detail, Truncation } from "./truncation.js";
export type { Detail, Truncation };

export const SCHEMA_VERSION = "1.3.0";

import type { Severity } from "../model/severity.js";
export type { Severity };
type CheckStatus = "pass" | "warn" | "fail" | "not-applicable" | "error";

/** One number with what it needs to be read honestly: its n and, where it is an estimate, its uncertainty. */

/** What a finding is about: relationships and groups, never people unless the check is person-level by design. */

export interface Finding {
  severity: Severity;
  subject: Subject;
  message: string;
  evidence: Evidence[];
  /** Questions about the relationship worth asking next (never about who is to blame). */
  questions: string[];
  /** Id of the SPC series (in `series`) the finding was read from, when it was read from one. */
  series?: string;
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
  /** "summary" unless asked for "full": which lists are cut is said by `truncated` beside them (since 1.3.0). */
  detail?: Detail;
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
  /** Default report only: `series` holds those a signal, a finding or the leading indicators read. */
  truncated?: { series?: Truncation };
}
