// Number and evidence formatting shared by the text renderers (formatting only: no computing).
import type { Evidence, Subject } from "../result/types.js";
import { formatNumber, formatValue } from "../text/format.js";
import { formatInterval, formatShare, metricWords, pValueText } from "../text/voice.js";

export { formatChance, formatNumber, plural } from "../text/format.js";

/** "0.41 (95% CI 0.30 to 0.52, n = 812)"; shares as percentages, p-values as "< 0.001". */
export function formatEvidence(e: Evidence): string {
  const show = e.kind === "share" ? formatShare : e.kind === "p-value" ? pValueText : formatNumber;
  const shown = (x: number | string | null) => (typeof x === "number" ? show(x) : formatValue(x));
  const value = `${shown(e.value)}${e.unit ? ` ${e.unit}` : ""}`;
  const extras: string[] = [];
  if (e.ci) extras.push(formatInterval(e.ci, e.ciLevel ?? 0.95, e.kind === "share" ? formatShare : undefined));
  if (e.n !== undefined) extras.push(`n = ${formatNumber(e.n)}`);
  if (e.reference !== undefined) extras.push(`vs ${shown(e.reference)}`);
  return `${e.label}: ${value}${extras.length ? ` (${extras.join(", ")})` : ""}`;
}

export function formatSubject(s: Subject): string {
  const parts: string[] = [];
  if (s.groups?.length) parts.push(s.groups.join(" ↔ "));
  if (s.attribute) parts.push(`by ${s.attribute}`);
  if (s.scale) parts.push(`scale ${metricWords(s.scale)}`);
  if (s.metric) parts.push(`metric ${metricWords(s.metric)}`);
  if (s.people?.length) parts.push(`people ${s.people.join(", ")}`);
  return parts.join(", ");
}
