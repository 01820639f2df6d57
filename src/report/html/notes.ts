// The end of the HTML report: how the figures were made, what was read, and which groups are hidden. Only facts
// already in the result are shown; a hidden group is named, never counted or scored.
import type { Report } from "../../result/types.js";
import { formatNumber, plural } from "../format.js";
import { escapeHtml as e } from "./escape.js";

const list = (items: readonly string[]) =>
  items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : "";

export function renderMethods(report: Report): string {
  const i = report.inputs;
  const items = [
    `Every figure carries the number of people, ties or responses behind it (n); intervals are 95% unless stated.`,
    `Survey results for groups of fewer than ${formatNumber(report.minGroupSize)} respondents are never shown, nor any figure from which one could be worked out.`,
    `Boundaries: ${i.boundaries.length ? i.boundaries.map(e).join(", ") : "none"}; interactions treated as ${i.directed ? "directed" : "mutual (undirected)"}; periods are ISO ${i.period === "week" ? "weeks" : "months"} in ${e(i.timeZone)}.`,
  ];
  if (i.window.since || i.window.until)
    items.push(`Time window: ${e(i.window.since ?? "start")} to ${e(i.window.until ?? "end")}.`);
  const t = report.timeline;
  if (t?.firstPeriod && t.lastPeriod) {
    const partial = [t.partialFirst ? "the first" : "", t.partialLast ? "the last" : ""].filter(Boolean).join(" and ");
    items.push(
      `Series run from ${e(t.firstPeriod)} to ${e(t.lastPeriod)}${partial ? ` (${partial} period only partly covered by the data)` : ""}. Signals use statistical process control: each rule has a known false-alarm rate on a stable process, and each finding names the rule that fired.`,
    );
  }
  if (report.network)
    items.push(
      `Betweenness (who sits between groups) is ${report.network.betweennessMethod === "exact" ? "computed exactly" : "estimated from a sample of people"}.`,
    );
  const notes = [...(report.survey?.notes ?? []), ...(report.network?.notes ?? []), ...(t?.notes ?? [])];
  return `<section id="methods" aria-labelledby="methods-title" tabindex="-1"><h2 id="methods-title">Methods</h2>
${list(items)}${notes.length ? `<h3>Notes on the analyses</h3>${list(notes.map(e))}` : ""}
<p>Each method, with its references, is described in docs/methods.md of the relaudit distribution.</p></section>`;
}

export function renderDataNotes(report: Report): string {
  const i = report.inputs;
  const rows = i.files.map(
    (f) =>
      `<tr><td>${e(f.kind)}</td><td>${e(f.path)}</td><td class="num">${formatNumber(f.rows)}</td><td>${e(f.encoding)}</td><td>${f.delimiter === "\t" ? "tab" : e(f.delimiter)}</td><td>${f.dateRange ? `${e(f.dateRange[0])} to ${e(f.dateRange[1])}` : ""}</td></tr>`,
  );
  const skipped = (i.skipped ?? []).map((s) => `${e(s.file)}: ${plural(s.rows, "row")} left out (${e(s.reason)})`);
  return `<section id="data" aria-labelledby="data-title" tabindex="-1"><h2 id="data-title">Data notes</h2>
<div class="scroll" role="region" aria-label="Input files" tabindex="0"><table><thead><tr><th scope="col">input</th><th scope="col">file</th><th scope="col" class="num">rows</th><th scope="col">encoding</th><th scope="col">delimiter</th><th scope="col">dates</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table></div>
${i.warnings.length || skipped.length ? `<h3>Warnings about the inputs</h3>${list([...i.warnings.map(e), ...skipped])}` : ""}</section>`;
}

/** Every group whose survey figures are hidden, by boundary, in the order the survey section lists them. */
function hiddenGroups(report: Report): Map<string, Set<string>> {
  const byAttribute = new Map<string, Set<string>>();
  const add = (attribute: string, group: string) => {
    if (!byAttribute.has(attribute)) byAttribute.set(attribute, new Set());
    byAttribute.get(attribute)!.add(group);
  };
  const survey = report.survey;
  if (!survey) return byAttribute;
  for (const p of survey.participation) if (p.suppressed) add(p.attribute, p.value);
  for (const scale of survey.scales)
    for (const g of scale.groups)
      if (g.suppressed && (g.wave ?? null) === survey.currentWave) add(g.attribute, g.value);
  return byAttribute;
}

export function renderSuppressed(report: Report): string {
  const hidden = hiddenGroups(report);
  const cells = report.survey?.coordination?.cells.filter((c) => c.suppressed) ?? [];
  const k = formatNumber(report.minGroupSize);
  const items = [...hidden].map(
    ([attribute, groups]) => `<strong>${e(attribute)}</strong>: ${[...groups].map(e).join(", ")}`,
  );
  if (cells.length)
    items.push(
      `relational coordination: ${cells.map((c) => `${e(c.raterGroup)} rating ${e(c.ratedGroup)}`).join(", ")}`,
    );
  const body = items.length
    ? `<p>The survey results of these groups are hidden: each had fewer than ${k} respondents, or showing it would let a reader work out such a group's answers.</p>${list(items)}`
    : `<p>No survey group is hidden: every group shown has at least ${k} respondents.</p>`;
  return `<section id="suppressed" aria-labelledby="suppressed-title" tabindex="-1"><h2 id="suppressed-title">Hidden groups</h2>${report.survey ? body : "<p>No survey was read.</p>"}</section>`;
}
