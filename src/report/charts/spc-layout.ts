// Where an SPC chart's lines and words go, so that it fits: limits beyond a metric's natural range are drawn at the
// bound (the calculated value stays in the label and the subtitle), the y axis spans what is drawn and no more,
// limit labels sit in the right margin nudged apart, and marker labels above the plot are stacked so that none
// runs into another. Pixel positions follow Vega-Lite's point scale (a step per period, half a step at each end)
// and an explicit y domain, so they are exact; text widths are estimated as Vega's SVG renderer estimates them.

/** The values a metric can take. Counts cannot fall below 0; shares and indices have both ends. */
export interface NaturalRange {
  min?: number;
  max?: number;
}

const RANGES: Record<string, NaturalRange> = {
  interactions: { min: 0 },
  "active ties": { min: 0 },
  "active people": { min: 0 },
  "new cross-boundary ties": { min: 0 },
  reciprocity: { min: 0, max: 1 },
  "e-i index": { min: -1, max: 1 },
};

/** The natural range of a relational metric; delivery metrics come from the data and keep their limits as they are. */
export const naturalRange = (metric: string): NaturalRange => RANGES[metric] ?? {};

/** A value (a limit; null when there is none) drawn at the bound of the metric's natural range when past it. */
export function clampTo(range: NaturalRange, value: number): number;
export function clampTo(range: NaturalRange, value: number | null): number | null;
export function clampTo(range: NaturalRange, value: number | null): number | null {
  return value === null ? null : Math.min(range.max ?? Infinity, Math.max(range.min ?? -Infinity, value));
}

/** The y domain: everything drawn, 5% to spare, never past the natural range. */
export function yDomain(values: readonly number[], range: NaturalRange): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(hi) * 0.1, 1);
  return [clampTo(range, lo - pad), clampTo(range, hi + pad)];
}

/** Minimum vertical distance between two limit labels, in pixels (10 px text). */
const LABEL_GAP = 12;

/**
 * Label heights for lines at `ys` (data units), moved apart by at least LABEL_GAP pixels and kept inside the plot;
 * returned in data units, in the order given.
 */
export function spreadLabels(ys: readonly number[], domain: [number, number], height: number): number[] {
  const [lo, hi] = domain;
  const toPixel = (y: number) => height * (1 - (y - lo) / (hi - lo));
  const order = ys.map((y, i) => ({ i, p: toPixel(y) })).sort((a, b) => a.p - b.p);
  for (let k = 1; k < order.length; k++) order[k].p = Math.max(order[k].p, order[k - 1].p + LABEL_GAP);
  // Pushed past the bottom: move the labels at the bottom back up, each only as far as it has to go.
  for (let k = order.length - 1; k >= 0; k--)
    order[k].p = Math.min(order[k].p, k === order.length - 1 ? height : order[k + 1].p - LABEL_GAP);
  const out = new Array<number>(ys.length);
  for (const o of order) out[o.i] = lo + (1 - o.p / height) * (hi - lo);
  return out;
}

/** Estimated width of 10 px text, as Vega's SVG renderer estimates it (no fonts are loaded). */
const textWidth = (text: string, fontSize = 10) => text.length * fontSize * 0.56;

export interface MarkerPlacement {
  /** Right-aligned markers (in the right half) end at their rule; the others start there. */
  align: "left" | "right";
  /** Pixels above the plot's top edge to the text's baseline (stacked rows). */
  y: number;
}

/** Rows for marker labels above the plot: a label goes up a row when it would overlap one already placed. */
export function placeMarkers(
  markers: readonly { index: number; label: string }[],
  periods: number,
  width: number,
): MarkerPlacement[] {
  const step = width / Math.max(periods, 1);
  const rows: [number, number][][] = [];
  return markers.map(({ index, label }) => {
    const x = step * (index + 0.5);
    const w = textWidth(label) + 4;
    const align = x > width / 2 ? "right" : "left";
    const box: [number, number] = align === "right" ? [x - w, x] : [x, x + w];
    let row = rows.findIndex((boxes) => boxes.every(([a, b]) => box[1] <= a || box[0] >= b));
    if (row < 0) row = rows.push([]) - 1;
    rows[row].push(box);
    return { align, y: -3 - row * LABEL_GAP };
  });
}
