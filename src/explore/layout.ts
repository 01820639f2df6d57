// A list row's columns: how wide the sparkline and the label are, and the labels fitted to them. Names (groups,
// pairs, series, people) are cut in the middle, so rows that start alike ("Harbour Voluntary Services ↔ …") keep
// the ends that tell them apart. Findings are sentences whose start says what they are about: they are cut at the
// end, unless two rows in view would then read the same, when those rows are cut in the middle instead.
import { shortenMiddle } from "../text/shorten.js";
import type { Row } from "./model.js";

/** Periods a sparkline shows: half a year of weeks, or the last 16 in a terminal under 100 columns (names first). */
export function sparkPeriods(width: number): number {
  return width >= 100 ? 26 : 16;
}

// Fixed widths (not flex margins, which Ink may shrink away): cursor, label, sparkline, value.
export function sparkWidthOf(row: Row, width: number): number {
  return row.spark ? Math.min(sparkPeriods(width), row.spark.values.length) + 1 : 0;
}

export function labelWidthOf(row: Row, width: number, valueWidth: number): number {
  return Math.max(8, width - 2 - sparkWidthOf(row, width) - valueWidth - 1);
}

/** A sentence to `width` characters, cut after a whole word where one ends close enough. */
function cutEnd(text: string, width: number): string {
  if (text.length <= width) return text;
  const room = text.slice(0, Math.max(0, width - 1));
  const space = room.lastIndexOf(" ");
  return `${(space >= width * 0.6 ? room.slice(0, space) : room).trimEnd()}…`;
}

/** The labels of the rows in view, each fitted to its column (names cut in the middle, sentences at the end). */
export function fitLabels(
  rows: readonly Row[],
  width: number,
  valueWidth: number,
  kind: "name" | "sentence",
): string[] {
  const widths = rows.map((r) => labelWidthOf(r, width, valueWidth));
  if (kind === "name") return rows.map((r, i) => shortenMiddle(r.label, widths[i]));
  const cut = rows.map((r, i) => cutEnd(r.label, widths[i]));
  const seen = new Map<string, number>();
  for (const text of cut) seen.set(text, (seen.get(text) ?? 0) + 1);
  return cut.map((text, i) => ((seen.get(text) ?? 0) > 1 ? shortenMiddle(rows[i].label, widths[i]) : text));
}
