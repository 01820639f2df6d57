// A display table (what every text renderer lays out) and the cell formats all tables share: one way to show a
// number, a count, a share, an interval, a p-value and a missing or suppressed value.
import type { Practice } from "../result/types.js";
import { formatNumber } from "../text/format.js";
import { MISSING, percent } from "../text/format.js";

export interface DisplayTable {
  id: string;
  practice: Practice;
  title: string;
  /** One line under the title: what the figures mean, caveats. */
  caption?: string;
  headings: string[];
  rows: string[][];
  /** Numeric columns are right-aligned. */
  numeric: boolean[];
  /** Shown in the 80-column terminal report (the rest only in Markdown and CSV). */
  terminal: boolean;
}

export const SUPPRESSED = "suppressed";
export const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? MISSING : x.toFixed(digits);
export const int = (x: number | null | undefined) => (x === null || x === undefined ? MISSING : formatNumber(x));
export const pct = percent;
export const ci = (c: [number, number] | null | undefined, digits = 2) =>
  c ? `${c[0].toFixed(digits)} to ${c[1].toFixed(digits)}` : MISSING;
export const pValue = (p: number) => (p < 0.001 ? "<0.001" : p.toFixed(3));

export function table(t: Omit<DisplayTable, "numeric"> & { numeric?: boolean[] }): DisplayTable {
  return { ...t, numeric: t.numeric ?? t.headings.map((_, i) => i > 0) };
}

export const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;
