// Number and evidence formatting shared by the text renderers (formatting only: no computing).
import type { Evidence, Subject } from "../result/types.js";
import { formatNumber, formatValue } from "../text/format.js";

/** "0.41 (95% CI 0.30–0.52, n = 812)" */
export function formatEvidence(e: Evidence): string {
  const value = `${formatValue(e.value)}${e.unit ? ` ${e.unit}` : ""}`;
  const extras: string[] = [];
  if (e.ci)
    extras.push(`${Math.round((e.ciLevel ?? 0.95) * 100)}% CI ${formatNumber(e.ci[0])}–${formatNumber(e.ci[1])}`);
  if (e.n !== undefined) extras.push(`n = ${formatNumber(e.n)}`);
  if (e.reference !== undefined) extras.push(`vs ${formatValue(e.reference)}`);
  return `${e.label}: ${value}${extras.length ? ` (${extras.join(", ")})` : ""}`;
}

export function formatSubject(s: Subject): string {
  const parts: string[] = [];
  if (s.groups?.length) parts.push(s.groups.join(" ↔ "));
  if (s.attribute) parts.push(`by ${s.attribute}`);
  if (s.scale) parts.push(`scale ${s.scale}`);
  if (s.metric) parts.push(`metric ${s.metric}`);
  if (s.people?.length) parts.push(`people ${s.people.join(", ")}`);
  return parts.join(", ");
}
