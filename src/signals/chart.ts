// One series on the timeline → its SPC chart in the published shape, with config settings and annotations applied.
import type { Annotation } from "../model/types.js";
import type { Subject } from "../result/types.js";
import { concerns } from "./annotation-match.js";
import type {
  GroupMeasure,
  PairMeasure,
  Series,
  SeriesAnnotation,
  SeriesPoint,
  SeriesSource,
} from "../result/signals.js";
import { excludedPositions, labelAt, positionLabels, positionOf, type Timeline } from "./timeline.js";
import type { Direction, XmrChart, XmrPoint, XmrSettings } from "../result/spc.js";
import type { Cadence } from "../model/periods.js";
import { xmrChart } from "./spc/xmr.js";
import { mayMatter } from "./spc/xmr-screen.js";
import { RECENT } from "./episodes.js";

export interface SeriesSpec {
  source: SeriesSource;
  subject: Subject;
  /** Human label of the subject, used to match annotations ("Northgate Hospital ↔ County Social Care"). */
  label: string;
  direction: Direction;
  /** One value per timeline position; null = a gap. */
  values: (number | null)[];
  target?: number;
  baselinePoints?: number;
  /** Instants (from config `recalculateAt`). */
  recalculateAt?: number[];
  notes?: string[];
  /** The series' own timeline when it is charted at another cadence than the run's (a daily delivery metric). */
  timeline?: Timeline<Cadence>;
}

const ID_PREFIX: Record<PairMeasure | GroupMeasure, string> = {
  interactions: "interactions",
  "active ties": "active-ties",
  reciprocity: "reciprocity",
  "e-i index": "e-i",
  "active people": "active-people",
  "new cross-boundary ties": "new-cross-ties",
};

/** The series' id: stable across runs (the same source gives the same id), for charts, files and links. */
function seriesId(source: SeriesSource): string {
  switch (source.kind) {
    case "pair":
      return `${ID_PREFIX[source.measure]}:${source.attribute}:${source.groups.join("|")}`;
    case "group":
      return `${ID_PREFIX[source.measure]}:${source.attribute}:${source.group}`;
    case "delivery": {
      const label = deliveryLabel(source.groups);
      return `delivery:${source.metric}${label ? `:${label}` : ""}`;
    }
  }
}

/** A delivery series' groups in column order: "North Hospital, Ward 3". */
export const deliveryLabel = (groups: Record<string, string>) =>
  Object.keys(groups)
    .sort()
    .map((k) => groups[k])
    .join(", ");

/** What is measured: the pair or group measure, or the delivery metric's name. */
export const seriesMetric = (source: SeriesSource) => (source.kind === "delivery" ? source.metric : source.measure);

export interface ChartedSeries {
  series: Series;
  chart: XmrChart;
}

/**
 * Published whatever the detectors find: delivery metrics, every series of the first boundary, and any series with
 * a suggested rebase or a concern at its latest point. Any other series is published only when a signal names it.
 */
export function alwaysPublished(series: Series, firstBoundary: string | undefined): boolean {
  const latest = series.points.findLast((p) => p.value !== null && !p.excluded);
  return (
    series.source.kind === "delivery" ||
    series.subject.attribute === firstBoundary ||
    series.rebaseSuggestion !== null ||
    latest?.special === "concern"
  );
}

/**
 * Whether the scene must chart a series in full. Delivery and the first boundary are always published; a later
 * boundary's series is kept only with a current concern or a suggested rebase (the only ways it can be published; a
 * concern the only way a detector reads it). The screen (spc/xmr-screen.ts) tells most apart at a fraction of the
 * cost of a full chart and its published Series, when nothing but its values and settings shapes the chart (no
 * annotation naming it, no recalculation, the run's own cadence).
 */
export function needsChart(
  spec: SeriesSpec,
  timeline: Timeline,
  annotations: readonly Annotation[],
  settings: Partial<XmrSettings>,
  firstBoundary: string | undefined,
): boolean {
  if (spec.source.kind === "delivery" || spec.subject.attribute === firstBoundary) return true;
  if (spec.timeline || (spec.recalculateAt?.length ?? 0) > 0) return true;
  const metric = seriesMetric(spec.source);
  if (annotations.some((annotation) => concerns(annotation, metric, spec.label))) return true;
  return valuesMayMatter(spec.values, spec.direction, spec.baselinePoints, excludedPositions(timeline), settings);
}

/**
 * needsChart's last test, on the values alone: what decides for a later boundary's series when no annotation exists
 * (no recalculation and the run's own cadence are the callers' part). The scene asks it of a pair's series before
 * building their specs, so a quiet pair costs no objects; it passes the timeline's excluded positions, found once.
 * A typed array's NaN is a gap, as null is.
 */
export function valuesMayMatter(
  values: ArrayLike<number | null>,
  direction: Direction,
  baselinePoints: number | undefined,
  excluded: number[],
  settings: Partial<XmrSettings>,
): boolean {
  return mayMatter({ values, direction, baselinePoints, excluded }, settings, RECENT);
}

export function chartSeries(
  spec: SeriesSpec,
  runTimeline: Timeline,
  annotations: readonly Annotation[],
  settings: Partial<XmrSettings>,
): ChartedSeries {
  const timeline = spec.timeline ?? runTimeline;
  const recalculateAt = new Set<number>();
  if (spec.recalculateAt) for (const at of spec.recalculateAt) recalculateAt.add(positionOf(timeline, at));
  // Most series have no annotation: the loop over them is a function of its own, left out of this one's compile.
  const { baselinePoints, shown } =
    annotations.length > 0
      ? annotated(spec, timeline, annotations, recalculateAt)
      : { baselinePoints: spec.baselinePoints, shown: [] };
  const chart = xmrChart(
    {
      values: spec.values,
      direction: spec.direction,
      target: spec.target,
      baselinePoints,
      recalculateAt: [...recalculateAt],
      excluded: excludedPositions(timeline),
    },
    settings,
  );
  const notes = [...(spec.notes ?? [])];
  let gapCount = 0;
  for (let i = 0; i < spec.values.length; i++) if (spec.values[i] === null) gapCount++;
  if (gapCount > 0)
    notes.push(
      `${gapCount} missing value${gapCount === 1 ? "" : "s"}: gaps, never zeros, left out of limits and rules`,
    );
  const series: Series = {
    id: seriesId(spec.source),
    source: spec.source,
    metric: seriesMetric(spec.source),
    subject: spec.subject,
    ...(spec.timeline ? { cadence: spec.timeline.kind } : {}),
    direction: spec.direction,
    chart: chart.kind,
    points: publishedPoints(chart.points, timeline),
    variation: chart.variation,
    assurance: chart.assurance,
    target: chart.target,
    baselinePoints: baselinePoints ?? null,
    recalculations: [...recalculateAt]
      .sort((a, b) => a - b)
      .filter((i) => i > 0 && i < timeline.length)
      .map((i) => labelAt(timeline, i)),
    annotations: shown,
    runs: chart.runs,
    rebaseSuggestion: rebaseSuggestion(chart, timeline),
    notes: [...notes, ...chart.notes],
  };
  return { series, chart };
}

/**
 * The annotations that concern a series, as shown with it; a rebase within the timeline adds a recalculation (to
 * `recalculateAt`) and a baseline sets the baseline points (the usable points up to it).
 */
function annotated(
  spec: SeriesSpec,
  timeline: Timeline<Cadence>,
  annotations: readonly Annotation[],
  recalculateAt: Set<number>,
): { baselinePoints: number | undefined; shown: SeriesAnnotation[] } {
  let baselinePoints = spec.baselinePoints;
  const shown: SeriesAnnotation[] = [];
  for (const annotation of annotations) {
    if (!concerns(annotation, seriesMetric(spec.source), spec.label)) continue;
    const position = positionOf(timeline, annotation.at);
    const inRange = position >= 0 && position < timeline.length;
    shown.push({ period: labelAt(timeline, position), note: annotation.note, action: annotation.action });
    if (!inRange) continue;
    if (annotation.action === "rebase") recalculateAt.add(position);
    if (annotation.action === "baseline")
      baselinePoints = spec.values
        .slice(0, position + 1)
        .filter((v, i) => v !== null && !excludedPositions(timeline).includes(i)).length;
  }
  return { baselinePoints, shown };
}

/** The chart's points as published, each labelled with its period; an indexed loop, no callback per point. */
function publishedPoints(points: readonly XmrPoint[], timeline: Timeline<Cadence>): SeriesPoint[] {
  const labels = positionLabels(timeline);
  const published: SeriesPoint[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    published.push(publishedPoint(p, labels[p.index] ?? labelAt(timeline, p.index)));
  }
  return published;
}

/**
 * A chart's point as published; `excluded` set after the others (its place in the JSON) rather than spread in: a
 * spread made each of the ~30,000 points a run publishes through the runtime's slow copy (issue 15).
 */
function publishedPoint(p: XmrPoint, period: string): SeriesPoint {
  const point: SeriesPoint = {
    period,
    value: p.value,
    mean: p.mean,
    upperLimit: p.upperLimit,
    lowerLimit: p.lowerLimit,
    special: p.special,
    rules: p.rules,
  };
  if (p.excluded || p.value === null) point.excluded = true;
  return point;
}

/**
 * A sustained shift: the last 2 × runLength usable points all on one side of the limits in force, flagged by the
 * shift rule. The process has likely changed; whether to start new limits is a human decision (an annotation).
 */
function rebaseSuggestion(chart: XmrChart, timeline: Timeline<Cadence>): string | null {
  if (chart.kind !== "xmr") return null;
  // The run of usable points that ends the chart, each flagged by the shift rule and on the last one's side of the
  // mean, found in one walk back from the end. Most charts' last usable point has no shift, so the walk stops there
  // (~1,300 full charts at M). Usable excludes a partial last period, which no rule judges. One indexed loop: the
  // filter, slice and every calls with their callbacks it replaces were one of the larger compiles of a cold run
  // (issue 15). test/perf/signals-rebase.test.ts holds it to the plain form.
  const { points } = chart;
  let run = 0;
  let first = -1;
  let above = false;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p.value === null || p.excluded) continue;
    const onAbove = p.value > p.mean!;
    if (run === 0) above = onAbove;
    if (onAbove !== above || !p.rules.includes("shift")) break;
    run++;
    first = i;
  }
  if (run === 0 || run < chart.settings.runLength * 2) return null;
  const from = labelAt(timeline, points[first].index);
  return `the last ${run} points (from ${from}) sit ${above ? "above" : "below"} the mean in force: if the change is understood and meant to last, record a rebase from ${from} in annotations.csv`;
}
