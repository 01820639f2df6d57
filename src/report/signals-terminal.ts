// `relaudit signals` in the terminal: the headline, then each signal as the audit's terminal shows a finding
// (badge, message, where it applies, a few evidence lines and a question), fitted to the window. Computes nothing.
import { Chalk } from "chalk";
import type { SignalsReport } from "../result/signals-report.js";
import type { Severity } from "../result/types.js";
import { formatChance, formatEvidence, formatSubject } from "./format.js";
import { plural } from "../text/format.js";
import { sparkline, wrap, type TerminalOptions } from "./terminal.js";

const EVIDENCE_SHOWN = 3;
const QUESTIONS_SHOWN = 1;
const INDENT = "         ";

export function renderSignalsTerminal(report: SignalsReport, options: TerminalOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.min(options.width ?? 80, 100);
  const quiet = options.quiet ?? false;
  const badge: Record<Severity, string> = {
    critical: c.bold.red("CRITICAL"),
    warning: c.bold.yellow("WARNING "),
    info: c.cyan("INFO    "),
  };
  const s = report.summary;
  const out: string[] = [];
  if (!quiet) {
    out.push(c.bold(`relaudit signals — as of ${report.asOf}`));
    out.push(
      c.dim(`${report.firstPeriod ?? "?"} to ${report.lastPeriod ?? "?"} (${report.period}s, ${report.timeZone})`),
    );
    out.push("");
    const counts = [
      s.critical ? c.red.bold(`${s.critical} critical`) : c.green("no critical signals"),
      s.warning ? c.yellow(plural(s.warning, "warning")) : "no warnings",
      `${s.info} info`,
    ].join(" · ");
    out.push(counts);
    if (report.comparedWith)
      out.push(
        c.dim(
          `${s.new} new · ${s.continuing} continuing · ${s.escalated} escalated · ${s["de-escalated"]} de-escalated · ${s.resolved} resolved since ${report.comparedWith}`,
        ),
      );
    out.push("");
  }
  if (report.signals.length === 0) out.push("No breakdown signal.", "");
  const seriesById = new Map(report.series.map((x) => [x.id, x]));
  for (const signal of report.signals) {
    out.push(...wrap(`${badge[signal.severity]} ${signal.message} From ${signal.firstPeriod}.`, width, INDENT));
    const subject = formatSubject(signal.subject);
    const status = signal.status
      ? ` · ${signal.status}${signal.previousSeverity ? ` (was ${signal.previousSeverity})` : ""}`
      : "";
    const meta = `practice ${signal.practice} · ${signal.kind}${status}${subject ? ` · ${subject}` : ""}`;
    out.push(...wrap(meta, width - INDENT.length).map((l) => `${INDENT}${c.dim(l)}`));
    if (!quiet) {
      out.push(...wrap(`rule: ${signal.rule}`, width - INDENT.length, "  ").map((l) => `${INDENT}${l}`));
      if (signal.chance)
        out.push(
          ...wrap(`chance: ${formatChance(signal.chance)}`, width - INDENT.length, "  ").map((l) => `${INDENT}${l}`),
        );
      for (const e of signal.evidence.slice(0, EVIDENCE_SHOWN))
        out.push(...wrap(`• ${formatEvidence(e)}`, width - INDENT.length, "  ").map((l) => `${INDENT}${l}`));
      for (const q of signal.questions.slice(0, QUESTIONS_SHOWN))
        out.push(...wrap(`? ${q}`, width - INDENT.length, "  ").map((l) => `${INDENT}${c.italic(l)}`));
      const series = signal.series === undefined ? undefined : seriesById.get(signal.series);
      if (series)
        out.push(
          `${INDENT}${c.dim("trend")} ${sparkline(series.points.map((p) => p.value))} ${c.dim(`${series.points[0]?.period ?? ""}–${series.points.at(-1)?.period ?? ""}`)}`,
        );
    }
    out.push("");
  }
  if (!quiet) out.push(...renderContext(report, c, width));
  return `${out.join("\n").trimEnd()}\n`;
}

/** Leading indicators with something to say, suggested rebases, annotations and notes. */
function renderContext(report: SignalsReport, c: InstanceType<typeof Chalk>, width: number): string[] {
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push(c.bold(title));
    for (const line of lines) out.push(...wrap(`  ${line}`, width, "    "));
    out.push("");
  };
  section(
    "Relational series and delivery (lags 0–8, prewhitened)",
    report.leading.filter((l) => l.evidence !== "too little data").map((l) => l.message),
  );
  section(
    "Rebase suggestions (never applied automatically)",
    report.series
      .filter((x) => x.rebaseSuggestion)
      .map((x) => `${x.metric}, ${x.subject.groups?.join(" ↔ ") ?? ""}: ${x.rebaseSuggestion}`),
  );
  section(
    "Annotations",
    report.annotations.map((a) => `${a.period}: ${a.note}${a.action ? ` (${a.action})` : ""}`),
  );
  for (const note of report.notes) out.push(...wrap(`  note: ${note}`, width, "        ").map((l) => c.dim(l)));
  return out;
}
