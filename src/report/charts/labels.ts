// Words and file names for charts, from the result's own labels (formatting only: nothing is computed here).
import type { Subject } from "../../result/types.js";

/** "County Social Care ↔ Northgate Hospital", "team Discharge Hub", or the metric when there is no group. */
export function subjectLabel(subject: Subject): string {
  if (subject.groups?.length) return subject.groups.join(" ↔ ");
  return subject.scale ?? subject.metric ?? "the whole system";
}

/** Sentence case for a metric name from the data: "delayed_discharges" → "Delayed discharges". */
export function metricLabel(metric: string): string {
  const words = metric.replace(/[_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A file-name stem safe on every file system: lower-case ASCII letters, digits and single hyphens. */
export function slug(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Long names are cut at a word boundary, so a stem never ends mid-word.
  const cut =
    ascii.length <= 80 ? ascii : ascii.slice(0, ascii.lastIndexOf("-", 80) > 40 ? ascii.lastIndexOf("-", 80) : 80);
  return cut.replace(/-+$/, "") || "chart";
}

/** Makes each stem unique in order of appearance ("a", "a-2", "a-3"), so file names are stable across runs. */
export function uniqueStems(stems: readonly string[]): string[] {
  const used = new Set<string>();
  return stems.map((stem) => {
    let candidate = stem;
    for (let k = 2; used.has(candidate); k++) candidate = `${stem}-${k}`;
    used.add(candidate);
    return candidate;
  });
}

export function formatChartNumber(value: number): string {
  const abs = Math.abs(value);
  return value.toFixed(Number.isInteger(value) ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/**
 * Breaks text into lines of at most `maxChars` characters at spaces. Vega titles never wrap by themselves, and a
 * long subtitle would otherwise widen the whole chart.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
