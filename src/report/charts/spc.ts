// SPC chart of one series, NHS "Making Data Count" style: the values as a grey line, the mean and the process
// limits in force at each point (stepping at recalculations), special-cause points coloured and shaped by their
// judgement, ghosted points for partial periods and gaps, and rules marking annotations, recalculations and
// where each signal's episode starts. Everything drawn is read from the series; nothing is recomputed.
import type { TopLevelSpec } from "vega-lite";
import type { Series } from "../../result/signals.js";
import type { Signal } from "../../result/signals.js";
import type { VariationIcon } from "../../result/spc.js";
import { formatChartNumber, metricLabel, subjectLabel, wrapText } from "./labels.js";
import { withChance } from "../../text/format.js";
import { clampTo, naturalRange, spreadLabels, yDomain } from "./spc-layout.js";
import { markerLayers, markersOf } from "./spc-markers.js";
import { POINT_READINGS, READING_STYLE, readingOf, type Reading } from "./spc-readings.js";
import { BASE_CONFIG, INK, MUTED, OKABE_ITO } from "./theme.js";

const VARIATION_WORDS: Record<VariationIcon, string> = {
  "common-cause": "the latest point shows common-cause variation only",
  "improvement-high": "the latest point shows special-cause improvement (high)",
  "improvement-low": "the latest point shows special-cause improvement (low)",
  "concern-high": "the latest point shows special-cause concern (high)",
  "concern-low": "the latest point shows special-cause concern (low)",
  "neither-high": "the latest point shows special-cause variation (high), neither better nor worse",
  "neither-low": "the latest point shows special-cause variation (low), neither better nor worse",
};

/** Characters of 12 px subtitle text that fit the 680 px plot. */
const SUBTITLE_CHARS = 105;

const DIRECTION_WORDS = {
  higher: "higher is better",
  lower: "lower is better",
  neither: "no direction is better",
} as const;

export interface SpcChartInput {
  series: Series;
  /** The signals read from this series (their episode starts are marked). */
  signals: readonly Signal[];
  period: "week" | "month";
}

interface PointRow {
  i: number;
  period: string;
  value: number | null;
  mean: number | null;
  upper: number | null;
  lower: number | null;
  reading: string;
  segment: number;
}

export function spcTitle(series: Series): string {
  const attribute = series.subject.attribute && series.subject.groups?.length ? ` (${series.subject.attribute})` : "";
  return `${metricLabel(series.metric)}: ${subjectLabel(series.subject)}${attribute}`;
}

/** The limits in force at the last point that has them (what the subtitle and the alt text quote). */
function latestLimits(series: Series) {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const p = series.points[i];
    if (p.mean !== null) return { mean: p.mean, upper: p.upperLimit, lower: p.lowerLimit };
  }
  return null;
}

function limitsPhrase(series: Series): string {
  const latest = latestLimits(series);
  if (!latest) return "no mean yet";
  const centre =
    series.chart === "run" && series.runs
      ? `median ${formatChartNumber(series.runs.median)}`
      : `mean ${formatChartNumber(latest.mean)}`;
  if (latest.upper === null || latest.lower === null) return centre;
  return `${centre}, process limits ${formatChartNumber(latest.lower)} to ${formatChartNumber(latest.upper)}`;
}

export function spcAltText({ series, signals, period }: SpcChartInput): string {
  const first = series.points[0]?.period;
  const last = series.points.at(-1)?.period;
  const kind = series.chart === "xmr" ? "XmR chart" : "run chart";
  const parts = [
    `${kind} of ${metricLabel(series.metric).toLowerCase()} for ${subjectLabel(series.subject)}, ${series.points.length} ${period === "week" ? "weeks" : "months"}${first ? ` from ${first} to ${last}` : ""} (${DIRECTION_WORDS[series.direction]})`,
    limitsPhrase(series),
  ];
  if (series.variation) parts.push(VARIATION_WORDS[series.variation]);
  for (const s of signals) parts.push(`signal from ${s.firstPeriod}: ${withChance(s.rule, s.chance)}`);
  return `${parts.join("; ")}.`;
}

const WIDTH = 680;
const HEIGHT = 280;

function pointRows(series: Series): PointRow[] {
  const recalculations = new Set(series.recalculations);
  const range = naturalRange(series.metric);
  // Limits past what the metric can take are drawn at the bound; the calculated value is in the label and subtitle.
  let segment = 0;
  return series.points.map((p, i) => {
    if (i > 0 && recalculations.has(p.period)) segment++;
    return {
      i,
      period: p.period,
      value: p.value,
      mean: p.mean,
      upper: clampTo(range, p.upperLimit),
      lower: clampTo(range, p.lowerLimit),
      reading: POINT_READINGS[readingOf(p)],
      segment,
    };
  });
}

/** "upper limit 18.5", or "lower limit at 0 (calculated -0.08)" when the line is drawn at the metric's bound. */
function limitLabel(name: string, drawn: number, calculated: number): string {
  return drawn === calculated
    ? `${name} ${formatChartNumber(drawn)}`
    : `${name} at ${formatChartNumber(drawn)} (calculated ${formatChartNumber(calculated)})`;
}

/** Labels for the centre line and the limits in force at the end of the last segment, in the right margin. */
function limitLabels(series: Series, rows: PointRow[], centre: PointRow[], domain: [number, number]) {
  const ends = centre.filter(
    (r, i) =>
      r.mean !== null && (i === rows.length - 1 || rows[i + 1].segment !== r.segment || rows[i + 1].mean === null),
  );
  const end = ends.at(-1);
  if (!end) return [];
  const point = series.points[end.i];
  const labels = [
    { y: end.mean!, label: `${series.chart === "run" ? "median" : "mean"} ${formatChartNumber(end.mean!)}` },
  ];
  if (end.upper !== null && point.upperLimit !== null)
    labels.push({ y: end.upper, label: limitLabel("upper limit", end.upper, point.upperLimit) });
  if (end.lower !== null && point.lowerLimit !== null)
    labels.push({ y: end.lower, label: limitLabel("lower limit", end.lower, point.lowerLimit) });
  const ys = spreadLabels(
    labels.map((l) => l.y),
    domain,
    HEIGHT,
  );
  const last = rows.at(-1)!.period;
  return labels.map((l, k) => ({ ...l, period: last, labelY: ys[k] }));
}

function subtitleOf(series: Series, signals: readonly Signal[]): string[] {
  const subtitle = [
    `${series.chart === "xmr" ? "XmR chart" : "Run chart (too few points for limits)"} · ${DIRECTION_WORDS[series.direction]} · ${limitsPhrase(series)}`,
    ...signals.map(
      (s) =>
        `${s.severity === "critical" ? "Critical" : s.severity === "warning" ? "Warning" : "Note"}: ${withChance(s.rule, s.chance)}`,
    ),
  ];
  if (series.rebaseSuggestion) subtitle.push(`Suggested rebase: ${series.rebaseSuggestion}`);
  return subtitle.flatMap((line) => wrapText(line, SUBTITLE_CHARS));
}

function pointsLayer(rows: PointRow[]) {
  // Gaps draw nothing (the line breaks), so only readings of drawn points go in the legend.
  const present = (Object.keys(POINT_READINGS) as Reading[]).filter((k) =>
    rows.some((r) => r.value !== null && r.reading === POINT_READINGS[k]),
  );
  const domain = present.map((k) => POINT_READINGS[k]);
  return {
    name: "points",
    mark: { type: "point", filled: true, size: 70, opacity: 1, stroke: "#FFFFFF", strokeWidth: 0.8 },
    encoding: {
      y: { field: "value", type: "quantitative" },
      color: {
        field: "reading",
        type: "nominal",
        title: null,
        scale: { domain, range: present.map((k) => READING_STYLE[k].colour) },
      },
      shape: {
        field: "reading",
        type: "nominal",
        title: null,
        scale: { domain, range: present.map((k) => READING_STYLE[k].shape) },
      },
    },
  };
}

function lineLayer(name: string, field: string, mark: Record<string, unknown>) {
  return {
    name,
    mark: { type: "line" as const, ...mark },
    encoding: { y: { field, type: "quantitative" as const }, detail: { field: "segment" } },
  };
}

export function spcSpec(input: SpcChartInput): TopLevelSpec {
  const { series, signals, period } = input;
  const rows = pointRows(series);
  const periods = rows.map((r) => r.period);
  // A run chart's centre is the median (Anhøj); without run analysis the segment mean is what the series carries.
  const median = series.chart === "run" ? series.runs?.median : undefined;
  const centreRows = median === undefined ? rows : rows.map((r) => ({ ...r, mean: r.mean === null ? null : median }));
  const drawnValues = centreRows
    .flatMap((r) => [r.value, r.mean, r.upper, r.lower])
    .concat(series.target)
    .filter((v): v is number => v !== null);
  const domain = yDomain(drawnValues.length ? drawnValues : [0], naturalRange(series.metric));
  const x = {
    field: "period",
    type: "ordinal" as const,
    sort: periods,
    title: period === "week" ? "ISO week" : "Month",
    axis: { labelAngle: -45, labelOverlap: "greedy" as const, grid: false },
  };
  const dashed = { color: MUTED, strokeWidth: 1.2, strokeDash: [6, 4] };
  // Layers are named so their marks carry stable class names ("points_marks", "mean_marks"…) that tests and
  // anyone styling the SVG can find.
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: BASE_CONFIG,
    title: { text: spcTitle(series), subtitle: subtitleOf(series, signals) },
    width: WIDTH,
    height: HEIGHT,
    data: { values: centreRows },
    encoding: { x },
    // Marker colours and point readings are separate scales (only the readings get a legend).
    resolve: { scale: { color: "independent", shape: "independent" } },
    layer: [
      ...markerLayers(markersOf(series, signals, periods, WIDTH), periods),
      {
        name: "mean",
        mark: { type: "line", color: INK, strokeWidth: 1.5 },
        encoding: {
          y: {
            field: "mean",
            type: "quantitative",
            title: metricLabel(series.metric),
            scale: { domain, nice: false, zero: false },
          },
          detail: { field: "segment" },
        },
      },
      // A run chart has no limits: their layers are left out rather than drawn from nothing.
      ...(rows.some((r) => r.upper !== null) ? [lineLayer("upper_limit", "upper", dashed)] : []),
      ...(rows.some((r) => r.lower !== null) ? [lineLayer("lower_limit", "lower", dashed)] : []),
      ...(series.target !== null
        ? [
            {
              data: { values: [{ target: series.target, label: `target ${formatChartNumber(series.target)}` }] },
              name: "target",
              mark: { type: "rule" as const, color: OKABE_ITO.vermillion, strokeDash: [2, 2], strokeWidth: 1.5 },
              encoding: { y: { field: "target", type: "quantitative" as const } },
            },
          ]
        : []),
      {
        name: "values",
        mark: { type: "line", color: "#9AA3AC", strokeWidth: 1.5 },
        encoding: { y: { field: "value", type: "quantitative" } },
      },
      pointsLayer(rows),
      {
        // In the right margin, beside the lines' ends: never over a point, nudged apart when lines are close.
        data: { values: limitLabels(series, rows, centreRows, domain) },
        name: "limit_labels",
        // Half a step past the last point is the plot edge; the labels start beyond it.
        mark: {
          type: "text",
          align: "left",
          baseline: "middle",
          dx: WIDTH / periods.length / 2 + 6,
          fontSize: 10,
          color: MUTED,
        },
        encoding: {
          x: { field: "period", type: "ordinal", sort: periods },
          y: { field: "labelY", type: "quantitative" },
          text: { field: "label" },
        },
      },
    ],
  } as TopLevelSpec;
}
