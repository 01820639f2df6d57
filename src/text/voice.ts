// One voice for numbers in sentences: p-values, intervals, shares, counts and metric names read the same in every
// renderer and every finding ("p < 0.001", "95% CI 0.03 to 8.96", "0.2%", "1,296", "delayed discharges").
// Formatting only: nothing is computed here.

/** Decimals for a number of this size: whole numbers for 100 and over, then 1, 2 or 3 as it gets smaller. */
export function decimalsFor(value: number): number {
  const abs = Math.abs(value);
  return abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
}

/** A number with thousands separators and the given decimals: 1296 → "1,296", 9.2308 (2) → "9.23". */
export function formatFixed(value: number, decimals: number): string {
  return value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A p-value as it follows "p =" or stands in a cell: "< 0.001", "0.004", "0.64". */
export function pValueText(p: number): string {
  if (p < 0.001) return "< 0.001";
  return p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}

/** "p < 0.001", "p = 0.036", "p = 0.64". */
export function formatP(p: number): string {
  const text = pValueText(p);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

/**
 * A share (0–1) as a percentage with the precision it needs: "14%", "0.2%", "< 0.1%", "99.6%". A share that is
 * not exactly 0 never reads "0%", one that is not exactly 1 never reads "100%".
 */
export function formatShare(share: number): string {
  if (share === 0 || share === 1) return `${share * 100}%`;
  const pct = share * 100;
  if (pct > 0 && pct < 0.1) return "< 0.1%";
  if (pct > 99.9 && pct < 100) return "> 99.9%";
  // Under 1% and just under 100% whole numbers would say "0%" or "100%": one decimal keeps them honest.
  const needsDecimal = Math.abs(pct) < 1 || (pct > 99 && pct < 100);
  return `${needsDecimal ? pct.toFixed(1) : String(Math.round(pct))}%`;
}

/** An interval: "95% CI 0.03 to 8.96", both ends to the same decimals, "to" so signs stay readable. */
export function formatInterval(ci: readonly [number, number], level = 0.95, format?: (x: number) => string): string {
  const digits = Math.max(decimalsFor(Math.max(Math.abs(ci[0]), Math.abs(ci[1]))), 0);
  const show =
    format ?? ((x: number) => formatFixed(x, Number.isInteger(x) && Number.isInteger(ci[0] + ci[1]) ? 0 : digits));
  return `${Math.round(level * 100)}% CI ${show(ci[0])} to ${show(ci[1])}`;
}

/** A metric, column or dimension id as words: "delayed_discharges" → "delayed discharges", "sharedGoals" → "shared goals". */
export function metricWords(id: string): string {
  return id
    .replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/_+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A value read against band limits: to 2 decimals, or more when 2 would round it onto a limit it is not on
 * (4.004 reads "4.004", not "4.00", beside "moderate ≤ 4"), so the number never seems to contradict its band.
 */
export function againstBands(value: number, limits: readonly number[]): string {
  for (let decimals = 2; decimals < 6; decimals++) {
    const shown = Number(value.toFixed(decimals));
    if (!limits.some((limit) => shown === limit && value !== limit)) return value.toFixed(decimals);
  }
  return String(value);
}

/** The first letter in upper case, for an id that starts a sentence: "delayed discharges" → "Delayed discharges". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
