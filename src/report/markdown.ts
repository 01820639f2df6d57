// Markdown renderer (GitHub-flavoured), for board papers and pull requests: summary first, then each practice,
// then data notes. Every user-supplied string is escaped: names and labels must not become links, HTML or columns.
import type { CheckResult, Finding, Report } from "../result/types.js";
import { PRACTICE_ORDER, PRACTICES } from "../result/practices.js";
import { formatEvidence, formatSubject } from "./format.js";
import { formatNumber, plural } from "../text/format.js";
import type { DisplayTable } from "./display-table.js";
import { reportTables } from "./tables.js";
import { headlineFindings } from "./headlines.js";
import type { ChartLink } from "./charts/link.js";
import { delimiterName } from "../text/format.js";

/**
 * The one Markdown escaping (GitHub-flavoured), for prose, list items, headings and table cells alike: a name or
 * label can never become a link, an image, HTML, an entity, a table column or a block of its own (a heading, a list
 * or a quote, which matter where text starts a line or a list item).
 */
export function md(text: string): string {
  return (
    text
      .replace(/\\/g, "\\\\")
      .replace(/([`*_[\]|~])/g, "\\$1")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // GitHub turns bare URLs, www. names and e-mail addresses into links; an escaped ":", "." or "@" keeps them text.
      .replace(/:\/\//g, "\\://")
      .replace(/\b(www)\./gi, "$1\\.")
      .replace(/@/g, "\\@")
      .replace(/\r?\n/g, " ")
      // At the start: "# x" would be a heading, "- x", "+ x" and "1. x" a list ("-0.25" stays as it is).
      .replace(/^(\s*)(#{1,6}|[+-])(?=\s|$)/, "$1\\$2")
      .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
  );
}

const STATUS_LABEL: Record<CheckResult["status"], string> = {
  pass: "✅ pass",
  warn: "⚠️ warning",
  fail: "❌ critical",
  "not-applicable": "➖ not applicable",
  error: "💥 error",
};

function table(headings: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headings), line(headings.map(() => "---")), ...rows.map(line)].join("\n");
}

function renderFinding(f: Finding): string[] {
  const subject = formatSubject(f.subject);
  const lines = [`- **${f.severity}**${subject ? ` — ${md(subject)}` : ""}: ${md(f.message)}`];
  for (const e of f.evidence) lines.push(`  - ${md(formatEvidence(e))}`);
  if (f.questions.length) lines.push(`  - Questions to ask: ${f.questions.map(md).join(" ")}`);
  return lines;
}

function renderCheck(c: CheckResult, quiet: boolean): string[] {
  const lines = [`#### ${md(c.title)} — ${STATUS_LABEL[c.status]}`, "", `${md(c.summary)} <sub>(${md(c.id)})</sub>`];
  if (c.error) lines.push("", `Error: ${md(c.error)}`);
  if (!quiet && c.evidence.length) lines.push("", ...c.evidence.map((e) => `- ${md(formatEvidence(e))}`));
  if (c.findings.length) lines.push("", ...c.findings.flatMap(renderFinding));
  if (!quiet && c.notes.length) lines.push("", ...c.notes.map((n) => `> ${md(n)}`));
  return [...lines, ""];
}

function renderTable(t: DisplayTable): string[] {
  const lines = [`#### ${md(t.title)}`, ""];
  if (t.caption) lines.push(`_${md(t.caption)}_`, "");
  const head = `| ${t.headings.map(md).join(" | ")} |`;
  const rule = `| ${t.numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`;
  lines.push(head, rule, ...t.rows.map((r) => `| ${r.map(md).join(" | ")} |`), "");
  return lines;
}

function renderChart(c: ChartLink): string[] {
  return [`**${md(c.title)}**`, "", `![${md(c.alt)}](${encodeURI(c.path)})`, ""];
}

export interface MarkdownOptions {
  quiet?: boolean;
  /** Chart files written beside the report, linked from their practice's section. */
  charts?: readonly ChartLink[];
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const quiet = options.quiet ?? false;
  const charts = options.charts ?? [];
  const s = report.summary;
  const out: string[] = [];
  out.push("# Relational health audit", "");
  out.push(
    `Generated ${md(report.generatedAt)} by relaudit ${md(report.tool.version)} · ${plural(report.inputs.files.filter((f) => f.kind !== "config").length, "input file")} · minimum group size ${report.minGroupSize}`,
    "",
  );
  out.push("## Summary", "");
  out.push(
    table(
      ["critical", "warnings", "information", "checks passed", "not applicable", "errors"],
      [
        [s.findings.critical, s.findings.warning, s.findings.info, s.pass, s.notApplicable, s.error].map((n) =>
          formatNumber(n),
        ),
      ],
    ),
    "",
  );
  const headline = headlineFindings(report).map(({ check, finding }) => ({ c: check, f: finding }));
  if (headline.length) {
    out.push("**Headline findings**", "");
    for (const { c, f } of headline.slice(0, 10))
      out.push(`- ${f.severity === "critical" ? "❌" : "⚠️"} ${md(f.message)} _(practice ${c.practice})_`);
    if (headline.length > 10) out.push(`- …and ${headline.length - 10} more below`);
    out.push("");
  } else out.push("No warning or critical findings.", "");

  const tables = quiet ? [] : reportTables(report);
  for (const practice of PRACTICE_ORDER) {
    const checks = report.checks.filter((c) => c.practice === practice && (!quiet || c.findings.length > 0));
    const practiceTables = tables.filter((t) => t.practice === practice);
    const practiceCharts = charts.filter((c) => c.practice === practice);
    if (checks.length === 0 && practiceTables.length === 0 && practiceCharts.length === 0) continue;
    out.push(`## ${practice}. ${PRACTICES[practice]}`, "");
    for (const c of checks) out.push(...renderCheck(c, quiet));
    for (const t of practiceTables) out.push(...renderTable(t));
    for (const c of practiceCharts) out.push(...renderChart(c));
  }

  if (!quiet) {
    out.push("## Data notes", "");
    out.push(
      table(
        ["input", "file", "rows", "encoding", "delimiter", "dates"],
        report.inputs.files.map((f) => [
          f.kind,
          md(f.path),
          formatNumber(f.rows),
          f.encoding,
          md(delimiterName(f.delimiter)),
          f.dateRange ? f.dateRange.join(" – ") : "",
        ]),
      ),
      "",
    );
    const i = report.inputs;
    out.push(
      `- Boundaries: ${i.boundaries.length ? i.boundaries.map(md).join(", ") : "none"}; interactions treated as ${i.directed ? "directed" : "mutual (undirected)"}; periods: ISO ${i.period === "week" ? "weeks" : "months"} in ${md(i.timeZone)}.`,
    );
    if (i.window.since || i.window.until)
      out.push(`- Time window: ${i.window.since ?? "start"} to ${i.window.until ?? "end"}.`);
    out.push(`- Survey results for groups of fewer than ${report.minGroupSize} respondents are never shown.`);
    for (const w of i.warnings) out.push(`- ${md(w)}`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
