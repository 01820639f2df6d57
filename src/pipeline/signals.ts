// `relaudit signals`: the one pipeline with the SIGNALS_ONLY selection, then a projection of its Report for a
// scheduled run (schema/report.schema.json, $defs/signalsReport): the signals, each marked new, continuing or
// resolved against a previous run, with the series, leading indicators and timeline they come from.
import { InputError } from "../model/problems.js";
import { datasetAsOf } from "../load/as-of.js";
import { loadInputs } from "../load/inputs.js";
import { isoDate } from "../load/values.js";
import type { Dataset } from "../model/types.js";
import { SIGNALS_SCHEMA_VERSION, type SignalsReport } from "../result/signals-report.js";
import type { Report, Severity } from "../result/types.js";
import type { Signal } from "../result/signals.js";
import { severityAtLeast } from "../model/severity.js";
import { PSEUDONYMISED_NOTE } from "../privacy/pseudonymise.js";
import { analyse, SIGNALS_ONLY, type AuditOptions } from "./audit.js";

const DAY_MS = 86_400_000;

export interface SignalsRun {
  report: Report;
  /** The day the report describes (ISO date): --as-of, or the morning after the last dated input. */
  asOf: string;
}

/** Loads the inputs as a run on `asOf` (when given) would have seen them, and runs the signals selection. */
export async function runSignalsPipeline(options: AuditOptions, asOf: number | undefined): Promise<SignalsRun> {
  options.onPhase?.("reading inputs");
  const read = await loadInputs({ ...options, until: asOf !== undefined ? isoDate(asOf - DAY_MS) : options.until });
  // Every input cut at the as-of day, not only the interactions the loader left out: a run on that day saw no more.
  const loaded =
    asOf === undefined ? read : { ...read, dataset: datasetAsOf(read.dataset, asOf, { interactions: false }) };
  const report = analyse(loaded, options, SIGNALS_ONLY);
  if (!report.timeline)
    throw new InputError({
      message: "nothing to analyse over time",
      expected: "dated interactions, delivery.csv or a survey with waves",
      hint: "see docs/inputs.md",
    });
  return { report, asOf: isoDate(asOf ?? endOfData(loaded.dataset)) };
}

/** The morning after the last dated input: a scheduled run's natural "as of". */
function endOfData(data: Dataset): number {
  if (data.window.until !== null) return data.window.until;
  const last = Math.max(data.interactions?.last ?? -Infinity, ...(data.delivery ?? []).map((r) => r.at));
  return Number.isFinite(last) ? (Math.floor(last / DAY_MS) + 1) * DAY_MS : 0;
}

export interface ProjectionOptions {
  asOf: string;
  /** `name`: how the previous report is named in this one (by its own as-of date when it has one). */
  previous?: { name: string; signals: Signal[] } | null;
}

/** The signals projection of a Report from the signals selection (or a full audit: the same sections). */
export function projectSignals(report: Report, options: ProjectionOptions): SignalsReport {
  const timeline = report.timeline!;
  const own = report.signals ?? [];
  const signals = options.previous ? compareWithPrevious(own, options.previous.signals) : own;
  const current = signals.filter((s) => s.status !== "resolved");
  const count = (severity: Severity) => current.filter((s) => s.severity === severity).length;
  return {
    schemaVersion: SIGNALS_SCHEMA_VERSION,
    kind: "relaudit-signals",
    tool: report.tool,
    asOf: options.asOf,
    period: timeline.period,
    timeZone: timeline.timeZone,
    firstPeriod: timeline.firstPeriod,
    lastPeriod: timeline.lastPeriod,
    comparedWith: options.previous?.name ?? null,
    summary: {
      critical: count("critical"),
      warning: count("warning"),
      info: count("info"),
      new: signals.filter((s) => s.status === "new").length,
      continuing: signals.filter((s) => s.status === "continuing").length,
      escalated: signals.filter((s) => s.status === "escalated").length,
      "de-escalated": signals.filter((s) => s.status === "de-escalated").length,
      resolved: signals.filter((s) => s.status === "resolved").length,
    },
    signals,
    series: report.series ?? [],
    leading: report.leading ?? [],
    annotations: timeline.annotations,
    // A pseudonymised Report says so among its input warnings; the projection keeps the words with its notes.
    notes: [...timeline.notes, ...report.inputs.warnings.filter((w) => w === PSEUDONYMISED_NOTE)],
  };
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/**
 * Marks each signal against the previous run: new, continuing (same severity), escalated or de-escalated (its
 * severity changed; the previous one is kept in `previousSeverity`), or, for a previous signal that is gone,
 * resolved. A signal that was there before keeps the first period it had then: an episode does not restart because
 * a later run estimates its onset differently. Signals already resolved last time are not carried again.
 */
export function compareWithPrevious(current: readonly Signal[], previous: readonly Signal[]): Signal[] {
  const before = new Map(previous.filter((s) => s.status !== "resolved").map((s) => [s.id, s]));
  const now = current.map((s): Signal => {
    const was = before.get(s.id);
    if (!was) return { ...s, status: "new" };
    const change = SEVERITY_RANK[s.severity] - SEVERITY_RANK[was.severity];
    const status = change > 0 ? "escalated" : change < 0 ? "de-escalated" : "continuing";
    const firstPeriod = was.firstPeriod < s.firstPeriod ? was.firstPeriod : s.firstPeriod;
    return { ...s, firstPeriod, status, ...(change !== 0 ? { previousSeverity: was.severity } : {}) };
  });
  const ids = new Set(current.map((s) => s.id));
  const resolved = [...before.values()]
    .filter((s) => !ids.has(s.id))
    .map((s): Signal => ({ ...s, status: "resolved" }));
  return [...now, ...resolved.sort((a, b) => a.id.localeCompare(b.id))];
}

/** Exit 1 when a current (not resolved) signal is at least this severe. */
export function failsAt(report: SignalsReport, threshold: Severity): boolean {
  return report.signals.some((s) => s.status !== "resolved" && severityAtLeast(s.severity, threshold));
}
