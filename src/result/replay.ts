// The replay of the scheduled run (`relaudit signals --replay FROM..TO`), as computed by src/signals/replay.ts.
import type { Signal } from "./signals.js";
import type { Severity } from "../model/severity.js";

export interface ReplayedSignal {
  id: string;
  kind: Signal["kind"];
  subject: Signal["subject"];
  /** The last period of data of the first run that reported it. */
  firstFired: string;
  lastFired: string;
  /** Runs that reported it (not necessarily consecutive). */
  runs: number;
  /** Separate stretches of consecutive runs: more than one means it resolved and came back. */
  episodes: number;
  /** Severity at the first run and at every change, by period. */
  severities: { period: string; severity: Severity }[];
  /** The first period without it after its last run; null when still current at the end. */
  resolved: string | null;
}

export interface ReplayedEvent {
  period: string;
  note: string;
  target: string | null;
  /** The earliest matching warning or critical signal that fired within the lead window (13 periods) before the event. */
  alarm: string | null;
  leadPeriods: number | null;
}

export interface ReplayResult {
  from: string;
  to: string;
  runs: number;
  signals: ReplayedSignal[];
  events: ReplayedEvent[];
  /** Warning or critical signals with no event in the 13 periods from their first run (when events exist). */
  alarmsWithoutEvent: string[];
}
