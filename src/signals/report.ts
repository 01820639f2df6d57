// The signals report: what `relaudit signals` prints and writes for a scheduled run. A versioned JSON interface
// (like the audit report), with each signal marked new, continuing or resolved against a previous run.
import type { Severity } from "../result/types.js";
import type { LeadingIndicator, Series, Signal, SignalsSection } from "./section.js";

export const SIGNALS_SCHEMA_VERSION = "1.0.0";

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
  summary: { critical: number; warning: number; info: number; new: number; continuing: number; resolved: number };
  /** Current signals, then those resolved since the previous run (with status "resolved"). */
  signals: Signal[];
  series: Series[];
  leading: LeadingIndicator[];
  annotations: SignalsSection["annotations"];
  notes: string[];
}

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

export function renderSignalsJson(report: SignalsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Markdown, readable as plain text in a terminal or a CI log. Computes nothing: it only lays out the report. */
export function renderSignalsMarkdown(report: SignalsReport): string {
  const lines: string[] = [];
  const s = report.summary;
  lines.push(`# relaudit signals — as of ${report.asOf}`, "");
  lines.push(
    `${report.firstPeriod ?? "?"} to ${report.lastPeriod ?? "?"} (${report.period}s, ${report.timeZone}). ` +
      `${s.critical} critical, ${s.warning} warning, ${s.info} info` +
      (report.comparedWith
        ? `; ${s.new} new, ${s.continuing} continuing, ${s.resolved} resolved since ${report.comparedWith}.`
        : "."),
    "",
  );
  if (report.signals.length === 0) lines.push("No breakdown signal.", "");
  for (const signal of report.signals) {
    const status = signal.status ? ` · ${signal.status}` : "";
    const groups = signal.subject.groups?.join(" ↔ ") ?? signal.subject.scale ?? signal.subject.metric ?? "";
    lines.push(
      `## ${signal.severity.toUpperCase()} · ${signal.kind}${status} · ${groups}${signal.subject.attribute ? ` (${signal.subject.attribute})` : ""}`,
      "",
    );
    lines.push(`${signal.message} From ${signal.firstPeriod}. Practice ${signal.practice}.`, "");
    lines.push(`Rule: ${signal.rule}`, "");
    for (const e of signal.evidence)
      lines.push(
        `- ${e.label}: ${e.value ?? "—"}${e.unit ? ` ${e.unit}` : ""}${e.n !== undefined ? ` (n = ${e.n})` : ""}${e.ci ? ` [${e.ci[0]}, ${e.ci[1]}]` : ""}${e.reference !== undefined ? ` (reference ${e.reference})` : ""}`,
      );
    if (signal.questions.length > 0)
      lines.push("", "Questions worth asking:", ...signal.questions.map((q) => `- ${q}`));
    lines.push("");
  }
  const leads = report.leading.filter((l) => l.evidence !== "too little data");
  if (leads.length > 0) {
    lines.push("## Relational series and delivery (lags 0–8, prewhitened)", "");
    for (const l of leads) lines.push(`- ${l.message}`);
    lines.push("");
  }
  const suggestions = report.series.filter((x) => x.rebaseSuggestion);
  if (suggestions.length > 0) {
    lines.push("## Rebase suggestions (never applied automatically)", "");
    for (const x of suggestions)
      lines.push(`- ${x.metric}, ${x.subject.groups?.join(" ↔ ") ?? ""}: ${x.rebaseSuggestion}`);
    lines.push("");
  }
  if (report.annotations.length > 0) {
    lines.push("## Annotations", "");
    for (const a of report.annotations) lines.push(`- ${a.period}: ${a.note}${a.action ? ` (${a.action})` : ""}`);
    lines.push("");
  }
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return `${lines.join("\n").trimEnd()}\n`;
}
