// The report's stylesheet, inlined: system fonts only (nothing to fetch), colours that meet WCAG 2.1 AA contrast
// (text ≥ 4.5:1, marks and focus rings ≥ 3:1 on white), and a print stylesheet for a clean A4 PDF from the browser.
export const STYLE = `
:root { --text: #1b1b1b; --muted: #4a4a4a; --rule: #c9c9c9; --soft: #f4f4f2; --link: #0b57d0; --focus: #0b57d0;
  --critical: #b3261e; --warning: #8a5300; --info: #1d5fa8; --pass: #1e7b34; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; overflow-wrap: break-word; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: 0.5rem; top: -3rem; background: #fff; padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { top: 0.5rem; }
header.top, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
header.top { padding-top: 1.5rem; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.25rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid var(--text); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p, li { max-width: 48rem; }
.meta, .muted, .caption { color: var(--muted); }
.meta { margin: 0 0 1rem; }
nav.toc ol { columns: 2 18rem; list-style: none; padding-left: 0; margin: 0.5rem 0 1.5rem; }
nav.toc li { margin: 0.15rem 0; }
section:focus { outline: none; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; list-style: none; padding: 0; margin: 0.75rem 0; }
.counts li { display: flex; align-items: baseline; gap: 0.35rem; }
.counts strong { font-size: 1.35rem; }
.mark { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 600; white-space: nowrap; }
.icon { flex: none; width: 1em; height: 1em; vertical-align: -0.125em; }
.mark-critical .mark-word, .mark-fail .mark-word, .mark-error .mark-word { color: var(--critical); }
.mark-warning .mark-word, .mark-warn .mark-word { color: var(--warning); }
.mark-info .mark-word { color: var(--info); }
.mark-pass .mark-word { color: var(--pass); }
.mark-not-applicable .mark-word { color: var(--muted); }
ol.headlines { list-style: none; padding: 0; }
ol.headlines li { display: grid; grid-template-columns: 7.5rem 1fr; gap: 0.75rem; padding: 0.5rem 0;
  border-bottom: 1px solid var(--rule); max-width: none; }
.check { border-left: 4px solid var(--rule); padding: 0.1rem 0 0.1rem 1rem; margin: 1.5rem 0; }
.check.status-fail, .check.status-error { border-left-color: var(--critical); }
.check.status-warn { border-left-color: var(--warning); }
.check.status-pass { border-left-color: var(--pass); }
.check h3 { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; margin-top: 0; }
.check-id { font: 0.85rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); }
ol.findings { list-style: none; padding: 0; margin: 0.75rem 0; }
ol.findings > li { padding: 0.75rem 1rem; margin: 0 0 0.75rem; background: var(--soft); border-radius: 4px; max-width: none; }
.finding-head { margin: 0 0 0.25rem; }
.subject { color: var(--muted); font-size: 0.95rem; }
ul.evidence { margin: 0.25rem 0; padding-left: 1.25rem; }
.questions { margin: 0.5rem 0 0; }
.questions ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
blockquote.note { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 3px solid var(--rule); color: var(--muted); }
figure { margin: 1.5rem 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
details { margin: 0.75rem 0; }
summary { cursor: pointer; font-weight: 600; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
/* A long file path or name in a cell breaks anywhere rather than pushing the table past the page (print: A4). */
td, th { overflow-wrap: anywhere; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num, th.num { text-align: right; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " \\2191"; }
th[aria-sort="descending"] button::after { content: " \\2193"; }
footer { margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); color: var(--muted); }
@media (max-width: 40rem) { ol.headlines li { grid-template-columns: 1fr; gap: 0.25rem; } }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  .skip, nav.toc, .no-print { display: none; }
  header.top, main, footer { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; }
  #summary h2, h2.keep { break-before: auto; }
  h2, h3, h4, summary { break-after: avoid; }
  ol.findings > li, .check > p, figure, tr { break-inside: avoid; }
  ol.findings > li { background: none; border: 1px solid var(--rule); }
  .scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  figure svg { max-height: 240mm; width: auto; }
}
`;
