// Sparklines for the terminal: one block character per period, scaled between the series' lowest and highest
// value; a gap (no value) is a space, never a zero.
const BLOCKS = "▁▂▃▄▅▆▇█";

export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return " ".repeat(values.length);
  const low = Math.min(...present);
  const high = Math.max(...present);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return " ";
      // A flat series sits mid-height: no change is not "all at the bottom".
      if (high === low) return BLOCKS[3];
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor(((v - low) / (high - low)) * BLOCKS.length))];
    })
    .join("");
}

/** The last `width` values, so a long series fits its column. */
export function lastValues<T>(values: readonly T[], width: number): T[] {
  return values.slice(Math.max(0, values.length - width));
}
