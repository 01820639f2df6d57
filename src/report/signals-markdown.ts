// `relaudit signals` in Markdown, readable as plain text in a terminal or a CI log. Computes nothing: it only lays
// out the signals projection, with the audit report's evidence formatting and escaping (report/markdown.ts): every
// string from the data, and every signal read back from --previous, goes through md().
import type { SignalsReport } from "../result/signals-report.js";
import { formatChance, formatEvidence } from "./format.js";
import { md } from "./markdown.js";

export function renderSignalsMarkdown(report: SignalsReport): string {
  const lines: string[] = [];
  const s = report.summary;
  lines.push(`# relaudit signals — as of ${md(report.asOf)}`, "");
  lines.push(
    `${md(report.firstPeriod ?? "?")} to ${md(report.lastPeriod ?? "?")} (${report.period}s, ${md(report.timeZone)}). ` +
      `${s.critical} critical, ${s.warning} warning, ${s.info} info` +
      (report.comparedWith
        ? `; ${s.new} new, ${s.continuing} continuing, ${s.escalated} escalated, ${s["de-escalated"]} de-escalated, ${s.resolved} resolved since ${md(report.comparedWith)}.`
        : "."),
    "",
  );
  if (report.signals.length === 0) lines.push("No breakdown signal.", "");
  for (const signal of report.signals) {
    const status = signal.status
      ? ` · ${md(signal.status)}${signal.previousSeverity ? ` (was ${md(signal.previousSeverity)})` : ""}`
      : "";
    const groups = signal.subject.groups?.join(" ↔ ") ?? signal.subject.scale ?? signal.subject.metric ?? "";
    const attribute = signal.subject.attribute ? ` (${signal.subject.attribute})` : "";
    lines.push(`## ${md(signal.severity.toUpperCase())} · ${md(signal.kind)}${status} · ${md(groups + attribute)}`, "");
    lines.push(`${md(signal.message)} From ${md(signal.firstPeriod)}. Practice ${signal.practice}.`, "");
    lines.push(`Rule: ${md(signal.rule)}`, "");
    if (signal.chance) lines.push(`Chance: ${md(formatChance(signal.chance))}`, "");
    for (const e of signal.evidence) lines.push(`- ${md(formatEvidence(e))}`);
    if (signal.questions.length > 0)
      lines.push("", "Questions worth asking:", ...signal.questions.map((q) => `- ${md(q)}`));
    lines.push("");
  }
  const leads = report.leading.filter((l) => l.evidence !== "too little data");
  if (leads.length > 0) {
    lines.push("## Relational series and delivery (lags 0–8, prewhitened)", "");
    for (const l of leads) lines.push(`- ${md(l.message)}`);
    lines.push("");
  }
  const suggestions = report.series.filter((x) => x.rebaseSuggestion);
  if (suggestions.length > 0) {
    lines.push("## Rebase suggestions (never applied automatically)", "");
    for (const x of suggestions)
      lines.push(`- ${md(`${x.metric}, ${x.subject.groups?.join(" ↔ ") ?? ""}: ${x.rebaseSuggestion}`)}`);
    lines.push("");
  }
  if (report.annotations.length > 0) {
    lines.push("## Annotations", "");
    for (const a of report.annotations)
      lines.push(`- ${md(a.period)}: ${md(a.note)}${a.action ? ` (${md(a.action)})` : ""}`);
    lines.push("");
  }
  for (const note of report.notes) lines.push(`Note: ${md(note)}`);
  return `${lines.join("\n").trimEnd()}\n`;
}
