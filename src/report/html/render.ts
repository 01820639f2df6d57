// The HTML report: one self-contained file a programme board can open from an email. Inline CSS and SVG charts, a
// Content-Security-Policy that lets nothing load or run but its own sorting script, readable with scripts off,
// printable to A4. A pure function of the result and the charts already drawn from it.
import type { Report } from "../../result/types.js";
import { PRACTICE_ORDER, PRACTICES } from "../../result/practices.js";
import { formatNumber, plural } from "../format.js";
import { reportTables } from "../tables.js";
import { escapeHtml as e } from "./escape.js";
import { renderDataNotes, renderMethods, renderSuppressed } from "./notes.js";
import { SCRIPT, SCRIPT_HASH } from "./script.js";
import { practiceId, renderPractices, renderSummary, type HtmlChart } from "./sections.js";
import { STYLE } from "./style.js";

export interface HtmlOptions {
  /** Charts drawn from this report (renderCharts), each shown in its practice's section. */
  charts?: readonly HtmlChart[];
}

const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${SCRIPT_HASH}; base-uri 'none'; form-action 'none'`;

function contents(report: Report, charts: readonly HtmlChart[]): string {
  const present = new Set([...report.checks.map((c) => c.practice), ...charts.map((c) => c.practice)]);
  const practices = PRACTICE_ORDER.filter((p) => present.has(p)).map(
    (p) => `<li><a href="#${practiceId(p)}">${p}. ${e(PRACTICES[p])}</a></li>`,
  );
  const links = [
    `<li><a href="#summary">Summary</a></li>`,
    ...practices,
    `<li><a href="#methods">Methods</a></li>`,
    `<li><a href="#data">Data notes</a></li>`,
    `<li><a href="#suppressed">Hidden groups</a></li>`,
  ];
  return `<nav class="toc" aria-label="Contents"><h2 class="visually-hidden">Contents</h2><ol>${links.join("")}</ol></nav>`;
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const charts = options.charts ?? [];
  const inputs = report.inputs.files.filter((f) => f.kind !== "config").length;
  const title = "Relational health audit";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="relaudit ${e(report.tool.version)}">
<title>${title} · ${e(report.generatedAt.slice(0, 10))}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="top">
<h1>${title}</h1>
<p class="meta">Generated ${e(report.generatedAt)} by relaudit ${e(report.tool.version)} · ${plural(inputs, "input file")} · minimum group size ${formatNumber(report.minGroupSize)}</p>
${contents(report, charts)}
</header>
<main id="main" tabindex="-1">
${renderSummary(report)}
${renderPractices(report, reportTables(report), charts)}
${renderMethods(report)}
${renderDataNotes(report)}
${renderSuppressed(report)}
</main>
<footer><p>relaudit makes no network calls; this file loads nothing from anywhere else. Survey groups smaller than ${formatNumber(report.minGroupSize)} respondents are never shown.</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
