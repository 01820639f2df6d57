// Number and evidence formatting shared by the text renderers (formatting only: no computing).
import type { Evidence, Subject } from "../result/types.js";

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString("en-GB");
  const abs = Math.abs(value);
  return value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

export function formatValue(value: number | string | null): string {
  if (value === null) return "—";
  return typeof value === "number" ? formatNumber(value) : value;
}

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

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : pluralWord}`;
}
