// The body of the HTML report: the executive summary, then one section per practice with its checks, findings,
// charts and tables. Strings from the result are escaped once, here, with escapeHtml; markup comes from literals.
import type { CheckResult, Finding, Practice, Report } from "../../result/types.js";
import { PRACTICE_ORDER, PRACTICES } from "../../result/practices.js";
import { formatEvidence, formatNumber, formatSubject, plural } from "../format.js";
import { headlineFindings } from "../headlines.js";
import type { DisplayTable } from "../display-table.js";
import { escapeHtml as e } from "./escape.js";
import { icon, mark, type Mark } from "./icons.js";

/** A chart drawn for the report (the SVG the chart files hold), placed in its practice's section. */
export interface HtmlChart {
  stem: string;
  practice: Practice;
  title: string;
  svg: string;
}

/** How many findings the executive summary lists before pointing to the practice sections. */
const SUMMARY_FINDINGS = 8;

const findingId = (check: CheckResult, index: number) => `finding-${check.id}-${index + 1}`;
export const practiceId = (practice: Practice) => `practice-${practice}`;

/** The first sentence of a finding: what happened, without the rule and the dates that follow it. */
export function firstSentence(message: string): string {
  const match = /^(.+?[.!?])\s+(?=[A-Z(])/.exec(message);
  return match ? match[1] : message;
}

export function renderSummary(report: Report): string {
  const s = report.summary;
  const counts: [number, string, Mark][] = [
    [s.findings.critical, "critical", "critical"],
    [s.findings.warning, "warnings", "warning"],
    [s.findings.info, "for information", "info"],
    [s.pass, "checks passed", "pass"],
  ];
  if (s.notApplicable) counts.push([s.notApplicable, "not applicable", "not-applicable"]);
  if (s.error) counts.push([s.error, "checks failed to run", "error"]);
  const headlines = headlineFindings(report);
  const shown = headlines.slice(0, SUMMARY_FINDINGS);
  const items = shown.map(
    ({ check, finding, index }) =>
      `<li>${mark(finding.severity)}<span>${e(firstSentence(finding.message))} <a href="#${findingId(check, index)}">Details<span class="visually-hidden"> of this finding</span></a> <span class="muted">(practice ${check.practice}: ${e(PRACTICES[check.practice])})</span></span></li>`,
  );
  const rest = headlines.length - shown.length;
  const more =
    rest > 0
      ? `<p>…and ${plural(rest, "more finding")} (${formatNumber(headlines.slice(SUMMARY_FINDINGS).filter((h) => h.finding.severity === "critical").length)} critical) in the practice sections below.</p>`
      : "";
  const list = headlines.length
    ? `<h3 id="headlines-title">What needs attention</h3><ol class="headlines" aria-labelledby="headlines-title">${items.join("")}</ol>${more}`
    : "<p>No warning or critical findings.</p>";
  return `<section id="summary" aria-labelledby="summary-title" tabindex="-1"><h2 id="summary-title">Summary</h2>
<ul class="counts">${counts.map(([n, label, kind]) => `<li>${icon(kind)}<strong>${formatNumber(n)}</strong> ${label}</li>`).join("")}</ul>
${list}</section>`;
}

function renderFinding(check: CheckResult, finding: Finding, index: number): string {
  const subject = formatSubject(finding.subject);
  const evidence = finding.evidence.length
    ? `<ul class="evidence">${finding.evidence.map((x) => `<li>${e(formatEvidence(x))}</li>`).join("")}</ul>`
    : "";
  const questions = finding.questions.length
    ? `<div class="questions"><strong>Questions to ask</strong><ul>${finding.questions.map((q) => `<li>${e(q)}</li>`).join("")}</ul></div>`
    : "";
  return `<li id="${findingId(check, index)}"><p class="finding-head">${mark(finding.severity)} ${subject ? `<span class="subject">${e(subject)}</span>` : ""}</p>
<p>${e(finding.message)}</p>${evidence}${questions}</li>`;
}

function renderCheck(check: CheckResult): string {
  const parts = [
    `<div class="check status-${check.status}" id="check-${e(check.id)}">`,
    `<h3>${e(check.title)} ${mark(check.status)}</h3>`,
    `<p>${e(check.summary)} <span class="check-id">${e(check.id)}</span></p>`,
  ];
  if (check.error) parts.push(`<p><strong>Error:</strong> ${e(check.error)}</p>`);
  if (check.evidence.length)
    parts.push(`<ul class="evidence">${check.evidence.map((x) => `<li>${e(formatEvidence(x))}</li>`).join("")}</ul>`);
  if (check.findings.length)
    parts.push(`<ol class="findings">${check.findings.map((f, i) => renderFinding(check, f, i)).join("")}</ol>`);
  for (const note of check.notes) parts.push(`<blockquote class="note"><p>${e(note)}</p></blockquote>`);
  parts.push("</div>");
  return parts.join("\n");
}

function renderTable(t: DisplayTable): string {
  const cls = (i: number) => (t.numeric[i] ? ' class="num"' : "");
  const head = t.headings.map((h, i) => `<th scope="col"${cls(i)}>${e(h)}</th>`).join("");
  const rows = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${e(c)}</td>`).join("")}</tr>`).join("\n");
  const caption = t.caption ? `<p class="caption">${e(t.caption)}</p>` : "";
  return `<details id="table-${e(t.id)}"><summary>Table: ${e(t.title)} (${plural(t.rows.length, "row")})</summary>${caption}
<div class="scroll" role="region" aria-label="${e(t.title)}" tabindex="0"><table class="sortable"><thead><tr>${head}</tr></thead>
<tbody>${rows}</tbody></table></div></details>`;
}

/**
 * A chart's SVG for inlining: the root keeps its role="img", name and description; the ARIA roles Vega gives each
 * mark are dropped, since an image's inner parts are presentational and would each need a name of their own.
 */
function inlineSvg(svg: string): string {
  const root = svg.indexOf(">", svg.indexOf("<svg")) + 1;
  return svg.slice(0, root) + svg.slice(root).replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, "");
}

function renderChart(chart: HtmlChart): string {
  // The SVG draws its own title and carries its name and description; a caption would only repeat them.
  return `<figure id="chart-${e(chart.stem)}">${inlineSvg(chart.svg)}</figure>`;
}

export function renderPractices(report: Report, tables: readonly DisplayTable[], charts: readonly HtmlChart[]): string {
  const sections: string[] = [];
  for (const practice of PRACTICE_ORDER) {
    const checks = report.checks.filter((c) => c.practice === practice);
    const practiceTables = tables.filter((t) => t.practice === practice);
    const practiceCharts = charts.filter((c) => c.practice === practice);
    if (checks.length + practiceTables.length + practiceCharts.length === 0) continue;
    const id = practiceId(practice);
    sections.push(
      `<section id="${id}" aria-labelledby="${id}-title" tabindex="-1"><h2 id="${id}-title">${practice}. ${e(PRACTICES[practice])}</h2>
${checks.map(renderCheck).join("\n")}
${practiceCharts.map(renderChart).join("\n")}
${practiceTables.length ? `<h3>Tables</h3>${practiceTables.map(renderTable).join("\n")}` : ""}
</section>`,
    );
  }
  return sections.join("\n");
}
