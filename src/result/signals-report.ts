// The signals report: what `relaudit signals` prints and writes for a scheduled run. A versioned JSON interface
// (like the audit report), with each signal marked new, continuing or resolved against a previous run.
import type { Severity } from "./types.js";
import type { LeadingIndicator, Series, Signal, SignalsSection } from "./signals.js";

export const SIGNALS_SCHEMA_VERSION = "1.2.0";

export interface SignalsReport {
  schemaVersion: string;
  kind: "relaudit-signals";
  tool: { name: "relaudit"; version: string };
  /** The day the report describes: data up to the end of the day before (ISO date). */
  asOf: string;
  period: SignalsSection["period"];
  timeZone: string;
  firstPeriod: string | null;
  lastPeriod: string | null;
  /** Whether statuses were set against a previous report (`--previous`). */
  comparedWith: string | null;
  summary: { [S in Severity]: number } & {
    new: number;
    continuing: number;
    escalated: number;
    "de-escalated": number;
    resolved: number;
  };
  /** Current signals, then those resolved since the previous run (with status "resolved"). */
  signals: Signal[];
  series: Series[];
  leading: LeadingIndicator[];
  annotations: SignalsSection["annotations"];
  notes: string[];
}
