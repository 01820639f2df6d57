// Builds the signals report (src/result/signals-report.ts): each signal marked new, continuing or resolved against a
// previous run.
import type { Severity } from "../result/types.js";
import { SIGNALS_SCHEMA_VERSION, type SignalsReport } from "../result/signals-report.js";
import type { Signal, SignalsSection } from "./section.js";

export interface BuildOptions {
  version: string;
  asOf: string;
  previous?: { path: string; signals: Signal[] } | null;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/**
 * Marks each signal new (no signal with its id before), continuing (there before, not resolved) or, for a
 * previous signal that is gone, resolved. Signals already resolved last time are not carried again.
 */
export function compareWithPrevious(current: readonly Signal[], previous: readonly Signal[]): Signal[] {
  const before = new Map(previous.filter((s) => s.status !== "resolved").map((s) => [s.id, s]));
  const now = current.map((s): Signal => ({ ...s, status: before.has(s.id) ? "continuing" : "new" }));
  const ids = new Set(current.map((s) => s.id));
  const resolved = [...before.values()]
    .filter((s) => !ids.has(s.id))
    .map((s): Signal => ({ ...s, status: "resolved" }));
  return [...now, ...resolved.sort((a, b) => a.id.localeCompare(b.id))];
}

export function buildSignalsReport(section: SignalsSection, options: BuildOptions): SignalsReport {
  const signals = options.previous ? compareWithPrevious(section.signals, options.previous.signals) : section.signals;
  const current = signals.filter((s) => s.status !== "resolved");
  const count = (severity: Severity) => current.filter((s) => s.severity === severity).length;
  return {
    schemaVersion: SIGNALS_SCHEMA_VERSION,
    kind: "relaudit-signals",
    tool: { name: "relaudit", version: options.version },
    asOf: options.asOf,
    period: section.period,
    timeZone: section.timeZone,
    firstPeriod: section.firstPeriod,
    lastPeriod: section.lastPeriod,
    comparedWith: options.previous?.path ?? null,
    summary: {
      critical: count("critical"),
      warning: count("warning"),
      info: count("info"),
      new: signals.filter((s) => s.status === "new").length,
      continuing: signals.filter((s) => s.status === "continuing").length,
      resolved: signals.filter((s) => s.status === "resolved").length,
    },
    signals,
    series: section.series,
    leading: section.leading,
    annotations: section.annotations,
    notes: section.notes,
  };
}

/** Exit 1 when a current (not resolved) signal is at least this severe. */
export function failsAt(report: SignalsReport, threshold: Severity): boolean {
  return report.signals.some((s) => s.status !== "resolved" && SEVERITY_RANK[s.severity] >= SEVERITY_RANK[threshold]);
}

/** Signals from a previous signals report or audit report (both carry `signals[]` with ids). */
export function previousSignals(json: unknown): Signal[] | null {
  if (typeof json !== "object" || json === null || !Array.isArray((json as { signals?: unknown }).signals)) return null;
  const list = (json as { signals: unknown[] }).signals;
  return list.every(
    (s) =>
      typeof s === "object" &&
      s !== null &&
      typeof (s as Signal).id === "string" &&
      typeof (s as Signal).kind === "string",
  )
    ? (list as Signal[])
    : null;
}
