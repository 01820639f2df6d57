// `relaudit signals` in Markdown, readable as plain text in a terminal or a CI log. Computes nothing: it only lays
// out the signals projection.
import type { SignalsReport } from "../result/signals-report.js";

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
