// Reading a chart for a scheduled run: is there a special cause of concern now, since when, and how large is the
// change against the limits' baseline? A concern long past and recovered is history, not a signal.
import type { SpcRule, XmrChart, XmrPoint } from "../result/spc.js";

/** A signal is current when its episode reaches one of the last RECENT usable points. */
export const RECENT = 3;

export interface Episode {
  /** Chart indices of the first and last flagged points. */
  start: number;
  end: number;
  points: number;
  rules: SpcRule[];
}

const usablePoints = (chart: XmrChart) => chart.points.filter((p) => p.value !== null && !p.excluded);

/** The run of concern points (gaps and excluded points skipped) that reaches into the last RECENT usable points. */
export function currentConcern(chart: XmrChart): Episode | null {
  if (chart.kind !== "xmr") return null;
  const usable = usablePoints(chart);
  let last = -1;
  for (let k = usable.length - 1; k >= Math.max(0, usable.length - RECENT); k--)
    if (usable[k].special === "concern") {
      last = k;
      break;
    }
  if (last < 0) return null;
  let first = last;
  while (first > 0 && usable[first - 1].special === "concern") first--;
  const flagged = usable.slice(first, last + 1);
  const rules = (["beyond-limits", "shift", "trend", "two-sigma"] as const).filter((r) =>
    flagged.some((p) => p.rules.includes(r)),
  );
  return { start: usable[first].index, end: usable[last].index, points: flagged.length, rules };
}

/** Mean of the points that fixed the first limits (the baseline); null without one. */
export function baselineMean(chart: XmrChart): number | null {
  return chart.segments[0]?.mean ?? null;
}

/** Mean of the last `count` usable points. */
export function recentMean(chart: XmrChart, count = RECENT): number | null {
  const tail = usablePoints(chart).slice(-count);
  return tail.length === 0 ? null : tail.reduce((s, p) => s + p.value!, 0) / tail.length;
}

/** Mean of a plain series over positions [from, to). Nulls skipped. */
export function meanOver(values: ArrayLike<number | null>, from: number, to: number): number | null {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    const v = values[i];
    if (v !== null && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

export function describeRules(rules: readonly SpcRule[], chart: XmrChart): string {
  const words: Record<SpcRule, string> = {
    "beyond-limits": "a point beyond a process limit",
    shift: `a shift (${chart.settings.runLength}+ points on one side of the mean)`,
    trend: `a trend (${chart.settings.runLength}+ points each lower or higher than the last)`,
    "two-sigma": "two of three points beyond a two-sigma line",
  };
  return rules.map((r) => words[r]).join("; ");
}

/** d2 for moving ranges of two points: σ = mR̄ / 1.128. */
const D2 = 1.128;

/**
 * How far the mean of the last RECENT points sits from the mean in force, in standard errors of such a mean
 * (σ from the moving ranges, σ/√RECENT). Positive when the recent mean is lower. A recent mean beyond 3 standard
 * errors is itself outside the process limits for a RECENT-point average.
 */
export function recentFall(chart: XmrChart): number | null {
  const last = lastUsable(chart);
  const now = recentMean(chart);
  if (!last || now === null || last.mean === null || last.upperLimit === null) return null;
  const segment = chart.segments.find((s) => last.index >= s.start && last.index <= s.end);
  const sigma = (segment?.averageMovingRange ?? 0) / D2;
  if (sigma <= 0) return last.mean > now ? Infinity : 0;
  return (last.mean - now) / (sigma / Math.sqrt(Math.min(RECENT, chart.usablePoints)));
}

/**
 * When the change began: the split k that best fits "level before k, a straight line from k" (least squares), so a
 * step and a steady decline both get their start. Searched within the flagged episode: a shift flags every point
 * from the first one that happened to fall below the mean, which can be a few periods before the real change.
 */
export function estimateOnset(chart: XmrChart, episode: Episode): number {
  const usable = chart.points.filter((p) => p.value !== null && !p.excluded);
  const position = usable.findIndex((p) => p.index === episode.start);
  const from = Math.max(2, position);
  const to = Math.min(
    usable.length - 3,
    usable.findIndex((p) => p.index === episode.end),
  );
  let best = { k: position, sse: Infinity };
  for (let k = from; k <= to; k++) {
    const sse = levelSse(usable.slice(0, k).map((p) => p.value!)) + lineSse(usable.slice(k).map((p) => p.value!));
    if (sse < best.sse - 1e-12) best = { k, sse };
  }
  return usable[best.k]?.index ?? episode.start;
}

function levelSse(values: number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0);
}

function lineSse(values: number[]): number {
  const n = values.length;
  const mx = (n - 1) / 2;
  const my = values.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((v, i) => {
    sxy += (i - mx) * (v - my);
    sxx += (i - mx) ** 2;
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return values.reduce((s, v, i) => s + (v - (my + slope * (i - mx))) ** 2, 0);
}

const lastUsable = (chart: XmrChart): XmrPoint | null => usablePoints(chart).at(-1) ?? null;
