// Terminal renderer: headline first, findings by severity and practice, fits 80 columns, plain without colour.
import { Chalk, type ChalkInstance } from "chalk";
import type { CheckResult, Finding, Report, Severity } from "../result/types.js";
import { PRACTICE_ORDER, PRACTICES } from "../result/practices.js";
import { formatEvidence, formatSubject } from "./format.js";
import { plural } from "../text/format.js";
import type { DisplayTable } from "./display-table.js";
import { reportTables } from "./tables.js";
import { bySeverity } from "../model/severity.js";
import { delimiterName } from "../text/format.js";

export interface TerminalOptions {
  color: boolean;
  quiet?: boolean;
  width?: number;
}

/** Wraps text to `width`, indenting continuation lines. */
const visibleLength = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "").length;

export function wrap(text: string, width: number, indent = ""): string[] {
  // Tokens keep the whitespace before them, so alignment inside a line survives.
  const tokens = text.match(/\s*\S+/g) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    if (line.trim() && visibleLength(line) + visibleLength(token) > width) {
      lines.push(line);
      line = indent + token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line);
  return lines;
}

/** Evidence lines and questions shown per finding in the terminal; the rest is in the Markdown/JSON report. */
const EVIDENCE_SHOWN = 3;
const QUESTIONS_SHOWN = 1;
const NOTES_SHOWN = 6;
const SPARK = "▁▂▃▄▅▆▇█";

/** A sparkline of a series' values (gaps as spaces): formatting of numbers already in the result. */
export function sparkline(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return "";
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values
    .map((v) =>
      v === null ? " " : SPARK[max === min ? 3 : Math.round(((v - min) / (max - min)) * (SPARK.length - 1))],
    )
    .join("");
}

export function renderTerminal(report: Report, options: TerminalOptions): string {
  const c: ChalkInstance = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.min(options.width ?? 80, 100);
  const quiet = options.quiet ?? false;
  const badge: Record<Severity, string> = {
    critical: c.bold.red("CRITICAL"),
    warning: c.bold.yellow("WARNING "),
    info: c.cyan("INFO    "),
  };
  const out: string[] = [];
  const s = report.summary;
  const findings = report.checks
    .flatMap((check) => check.findings.map((f) => ({ check, f })))
    .sort((a, b) => bySeverity(a.f.severity, b.f.severity) || a.check.practice - b.check.practice);
  const seriesById = new Map((report.series ?? []).map((x) => [x.id, x]));

  if (!quiet) {
    out.push(c.bold("relaudit — relational health audit"));
    out.push(c.dim(`${report.generatedAt} · relaudit ${report.tool.version} · min group size ${report.minGroupSize}`));
    out.push("");
    const headline = [
      s.findings.critical
        ? c.red.bold(plural(s.findings.critical, "critical finding"))
        : c.green("no critical findings"),
      s.findings.warning ? c.yellow(plural(s.findings.warning, "warning")) : "no warnings",
      plural(s.findings.info, "note"),
    ].join(" · ");
    out.push(headline);
    out.push(
      c.dim(
        `${plural(s.pass + s.warn + s.fail, "check")} ran · ${s.notApplicable} not applicable${s.error ? ` · ${c.red(`${s.error} failed to run`)}` : ""}`,
      ),
    );
    out.push("", ...renderPracticeOverview(report, c), "");
  }

  for (const { check, f } of findings.filter(({ f }) => f.severity !== "info")) {
    out.push(...renderFinding(check, f, badge[f.severity], c, width, quiet));
    const series = f.series === undefined ? undefined : seriesById.get(f.series);
    if (series)
      out.push(
        `         ${c.dim("trend")} ${sparkline(series.points.map((p) => p.value))} ${c.dim(`${series.points[0]?.period ?? ""}–${series.points.at(-1)?.period ?? ""}`)}`,
        "",
      );
  }
  const errors = report.checks.filter((check) => check.status === "error");
  for (const check of errors)
    out.push(...wrap(`${c.red("ERROR   ")} ${check.title}: ${check.error ?? ""}`, width, "         "), "");

  if (!quiet) {
    const notes = findings.filter(({ f }) => f.severity === "info");
    if (notes.length > 0) {
      out.push(c.bold("Notes"));
      for (const { f } of notes.slice(0, NOTES_SHOWN))
        out.push(...wrap(`  ${badge.info} ${f.message}`, width, "           "));
      if (notes.length > NOTES_SHOWN)
        out.push(c.dim(`  …and ${notes.length - NOTES_SHOWN} more in the Markdown or JSON report`));
      out.push("");
    }
    for (const t of reportTables(report).filter((t) => t.terminal)) out.push(...renderTextTable(t, c, width), "");
    out.push(c.bold("Checks"));
    for (const check of report.checks) out.push(...renderCheckLine(check, c, width));
    out.push("");
    out.push(c.bold("Inputs"));
    for (const f of report.inputs.files) {
      if (f.kind === "config") {
        out.push(`  config        ${f.path}`);
        continue;
      }
      const detail = [plural(f.rows, "row"), f.encoding, delimiterName(f.delimiter), f.dateRange?.join("–")]
        .filter(Boolean)
        .join(", ");
      out.push(...wrap(`  ${f.kind.padEnd(13)} ${f.path} (${detail})`, width, "                "));
    }
    out.push(
      ...wrap(
        `  boundaries    ${report.inputs.boundaries.join(", ") || "none"}; ${report.inputs.directed ? "directed" : "undirected"} ties; ${report.inputs.period}s in ${report.inputs.timeZone}`,
        width,
        "                ",
      ),
    );
    for (const w of report.inputs.warnings) out.push(...wrap(`  note: ${w}`, width, "        ").map((l) => c.dim(l)));
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** One line per practice: how many checks spoke to it and the worst of their findings. */
function renderPracticeOverview(report: Report, c: ChalkInstance): string[] {
  const lines = [c.bold("Practices")];
  for (const practice of PRACTICE_ORDER) {
    const checks = report.checks.filter((check) => check.practice === practice && check.status !== "not-applicable");
    const critical = checks.reduce((n, check) => n + check.findings.filter((f) => f.severity === "critical").length, 0);
    const warning = checks.reduce((n, check) => n + check.findings.filter((f) => f.severity === "warning").length, 0);
    const state =
      checks.length === 0
        ? c.dim("no evidence")
        : critical
          ? c.red(`${critical} critical`) + (warning ? c.yellow(` · ${warning} warning${warning > 1 ? "s" : ""}`) : "")
          : warning
            ? c.yellow(`${warning} warning${warning > 1 ? "s" : ""}`)
            : c.green("ok");
    const name = `${practice}. ${PRACTICES[practice]}`;
    lines.push(`  ${name.length > 48 ? `${name.slice(0, 47)}…` : name.padEnd(48)} ${state}`);
  }
  return lines;
}

function renderFinding(
  check: CheckResult,
  f: Finding,
  badge: string,
  c: ChalkInstance,
  width: number,
  quiet: boolean,
): string[] {
  const subject = formatSubject(f.subject);
  const lines = wrap(`${badge} ${f.message}`, width, "         ");
  const meta = `practice ${check.practice} · ${check.id}${subject ? ` · ${subject}` : ""}`;
  lines.push(...wrap(meta, width - 9).map((l) => `         ${c.dim(l)}`));
  if (!quiet) {
    for (const e of f.evidence.slice(0, EVIDENCE_SHOWN))
      lines.push(...wrap(`• ${formatEvidence(e)}`, width - 9, "  ").map((l) => `         ${l}`));
    for (const q of f.questions.slice(0, QUESTIONS_SHOWN))
      lines.push(...wrap(`? ${q}`, width - 9, "  ").map((l) => `         ${c.italic(l)}`));
  }
  lines.push("");
  return lines;
}

const STATUS_MARK: Record<CheckResult["status"], (c: ChalkInstance) => string> = {
  pass: (c) => c.green("✓"),
  warn: (c) => c.yellow("!"),
  fail: (c) => c.red("✗"),
  "not-applicable": (c) => c.dim("–"),
  error: (c) => c.red("E"),
};

function renderCheckLine(check: CheckResult, c: ChalkInstance, width: number): string[] {
  const mark = STATUS_MARK[check.status](c);
  const text = `${check.title} — ${check.summary}`;
  const headline =
    check.status === "pass" && check.evidence.length
      ? ` [${check.evidence.slice(0, 2).map(formatEvidence).join("; ")}]`
      : "";
  return wrap(`  ${mark} ${c.dim(`P${check.practice}`)} ${text}${headline}`, width, "       ").map((l) =>
    check.status === "not-applicable" ? c.dim(l) : l,
  );
}

/** An aligned text table that fits `width`: the widest text column gives way, with an ellipsis. */
function renderTextTable(t: DisplayTable, c: ChalkInstance, width: number): string[] {
  const widths = t.headings.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? "").length)));
  const gap = 2;
  const indent = 2;
  while (widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1) + indent > width) {
    const textColumns = widths.map((w, i) => (t.numeric[i] ? -1 : w));
    const widest = textColumns.indexOf(Math.max(...textColumns));
    if (widest < 0 || widths[widest] <= 8) break;
    widths[widest]--;
  }
  const fit = (text: string, i: number) => {
    const cell = text.length > widths[i] ? `${text.slice(0, widths[i] - 1)}…` : text;
    return t.numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
  };
  const line = (cells: string[]) => " ".repeat(indent) + cells.map(fit).join(" ".repeat(gap)).trimEnd();
  const lines = [c.bold(t.title)];
  if (t.caption) lines.push(...wrap(t.caption, width - 2, "  ").map((l) => `  ${c.dim(l)}`));
  lines.push(c.dim(line(t.headings)), ...t.rows.map(line));
  return lines;
}
