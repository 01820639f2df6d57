// SPC chart of one series, NHS "Making Data Count" style: the values as a grey line, the mean and the process
// limits in force at each point (stepping at recalculations), special-cause points coloured and shaped by their
// judgement, ghosted points for partial periods and gaps, and rules marking annotations, recalculations and
// where each signal's episode starts. Everything drawn is read from the series; nothing is recomputed.
import type { TopLevelSpec } from "vega-lite";
import type { Series } from "../../result/signals.js";
import type { Signal } from "../../result/signals.js";
import type { VariationIcon } from "../../result/spc.js";
import { formatChartNumber, metricLabel, subjectLabel, wrapText } from "./labels.js";
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

interface Marker {
  period: string;
  label: string;
  kind: "annotation" | "recalculation" | "signal";
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
  for (const s of signals) parts.push(`signal from ${s.firstPeriod}: ${s.rule}`);
  return `${parts.join("; ")}.`;
}

/** One row per point, with its reading and the segment of limits it belongs to (limits recalculated start one). */
function pointRows(series: SpcChartInput["series"]): PointRow[] {
  const recalculations = new Set(series.recalculations);
  let segment = 0;
  return series.points.map((p, i) => {
    if (i > 0 && recalculations.has(p.period)) segment++;
    return {
      i,
      period: p.period,
      value: p.value,
      mean: p.mean,
      upper: p.upperLimit,
      lower: p.lowerLimit,
      reading: POINT_READINGS[readingOf(p)],
      segment,
    };
  });
}

/** Recalculations, annotations and signal starts that fall on a charted period. */
function markersOf(series: SpcChartInput["series"], signals: SpcChartInput["signals"], periods: string[]): Marker[] {
  return [
    ...series.recalculations.map((p) => ({ period: p, label: "new limits", kind: "recalculation" as const })),
    ...series.annotations.map((a) => ({ period: a.period, label: a.note, kind: "annotation" as const })),
    ...signals.map((s) => ({ period: s.firstPeriod, label: `${s.severity} signal starts`, kind: "signal" as const })),
  ].filter((m) => periods.includes(m.period));
}

/** Labels for the centre line and limits of the last segment, at its right end. */
function limitLabelsOf(series: SpcChartInput["series"], rows: PointRow[], centreRows: PointRow[]) {
  const segmentEnds = centreRows.filter(
    (r, i) =>
      r.mean !== null && (i === rows.length - 1 || rows[i + 1].segment !== r.segment || rows[i + 1].mean === null),
  );
  const lastSegmentEnd = segmentEnds.at(-1);
  const centreName = series.chart === "run" ? "median" : "mean";
  return lastSegmentEnd
    ? [
        {
          period: lastSegmentEnd.period,
          y: lastSegmentEnd.mean,
          label: `${centreName} ${formatChartNumber(lastSegmentEnd.mean!)}`,
        },
        ...(lastSegmentEnd.upper !== null
          ? [
              {
                period: lastSegmentEnd.period,
                y: lastSegmentEnd.upper,
                label: `upper limit ${formatChartNumber(lastSegmentEnd.upper)}`,
              },
            ]
          : []),
        ...(lastSegmentEnd.lower !== null
          ? [
              {
                period: lastSegmentEnd.period,
                y: lastSegmentEnd.lower,
                label: `lower limit ${formatChartNumber(lastSegmentEnd.lower)}`,
              },
            ]
          : []),
      ]
    : [];
}

/** Chart kind, direction and limits, then each signal's rule and any suggested rebase. */
function subtitleOf(series: SpcChartInput["series"], signals: SpcChartInput["signals"]): string[] {
  const subtitle = [
    `${series.chart === "xmr" ? "XmR chart" : "Run chart (too few points for limits)"} · ${DIRECTION_WORDS[series.direction]} · ${limitsPhrase(series)}`,
    ...signals.map(
      (s) => `${s.severity === "critical" ? "Critical" : s.severity === "warning" ? "Warning" : "Note"}: ${s.rule}`,
    ),
  ];
  if (series.rebaseSuggestion) subtitle.push(`Suggested rebase: ${series.rebaseSuggestion}`);

  return subtitle;
}

const MARKER_COLOUR = { annotation: MUTED, recalculation: MUTED, signal: OKABE_ITO.vermillion };

/** Dashed rules at the markers' periods, each labelled above the plot. */
function markerLayers(markers: Marker[], periods: string[]) {
  if (markers.length === 0) return [];
  const color = {
    field: "kind",
    type: "nominal" as const,
    scale: { domain: Object.keys(MARKER_COLOUR), range: Object.values(MARKER_COLOUR) },
    legend: null,
  };
  return [
    {
      data: { values: markers },
      name: "marker_rules",
      mark: { type: "rule" as const, strokeDash: [2, 3], strokeWidth: 1.2 },
      encoding: { x: { field: "period", type: "ordinal" as const, sort: periods }, color },
    },
    {
      data: { values: markers },
      // Above the plot, clear of the limit lines and their labels.
      name: "marker_labels",
      mark: {
        type: "text" as const,
        align: "left" as const,
        baseline: "bottom" as const,
        dx: -2,
        dy: -3,
        fontSize: 10,
        limit: 200,
      },
      encoding: {
        x: { field: "period", type: "ordinal" as const, sort: periods },
        y: { value: 0 },
        text: { field: "label" },
        color,
      },
    },
  ];
}

/** The process limits and the target, each only when the series has one. */
function limitLayers(series: SpcChartInput["series"], rows: PointRow[]) {
  return [
    // A run chart has no limits: their layers are left out rather than drawn from nothing.
    ...(rows.some((r) => r.upper !== null)
      ? [
          {
            name: "upper_limit",
            mark: { type: "line" as const, color: MUTED, strokeWidth: 1.2, strokeDash: [6, 4] },
            encoding: { y: { field: "upper", type: "quantitative" as const }, detail: { field: "segment" } },
          },
        ]
      : []),
    ...(rows.some((r) => r.lower !== null)
      ? [
          {
            name: "lower_limit",
            mark: { type: "line" as const, color: MUTED, strokeWidth: 1.2, strokeDash: [6, 4] },
            encoding: { y: { field: "lower", type: "quantitative" as const }, detail: { field: "segment" } },
          },
        ]
      : []),
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
  ];
}

export function spcSpec(input: SpcChartInput): TopLevelSpec {
  const { series, signals, period } = input;
  const rows = pointRows(series);
  const periods = rows.map((r) => r.period);
  // Gaps draw nothing (the line breaks), so only readings of drawn points go in the legend.
  const present = (Object.keys(POINT_READINGS) as Reading[]).filter((k) =>
    rows.some((r) => r.value !== null && r.reading === POINT_READINGS[k]),
  );
  const markers = markersOf(series, signals, periods);
  // A run chart's centre is the median (Anhøj); without run analysis the segment mean is what the series carries.
  const median = series.chart === "run" ? series.runs?.median : undefined;
  const centreRows = median === undefined ? rows : rows.map((r) => ({ ...r, mean: r.mean === null ? null : median }));
  const limitLabels = limitLabelsOf(series, rows, centreRows);
  const x = {
    field: "period",
    type: "ordinal" as const,
    sort: periods,
    title: period === "week" ? "ISO week" : "Month",
    axis: { labelAngle: -45, labelOverlap: "greedy" as const, grid: false },
  };
  const yTitle = metricLabel(series.metric);
  const subtitle = subtitleOf(series, signals);
  // Layers are named so their marks carry stable class names ("points_marks", "mean_marks"…) that tests and
  // anyone styling the SVG can find.
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: BASE_CONFIG,
    title: { text: spcTitle(series), subtitle: subtitle.flatMap((line) => wrapText(line, SUBTITLE_CHARS)) },
    width: 680,
    height: 280,
    data: { values: centreRows },
    encoding: { x },
    // Marker colours and point readings are separate scales (only the readings get a legend).
    resolve: { scale: { color: "independent", shape: "independent" } },
    layer: [
      ...markerLayers(markers, periods),
      {
        name: "mean",
        mark: { type: "line", color: INK, strokeWidth: 1.5 },
        encoding: {
          y: { field: "mean", type: "quantitative", title: yTitle, scale: { zero: false } },
          detail: { field: "segment" },
        },
      },
      ...limitLayers(series, rows),
      {
        name: "values",
        mark: { type: "line", color: "#9AA3AC", strokeWidth: 1.5 },
        encoding: { y: { field: "value", type: "quantitative" } },
      },
      {
        name: "points",
        mark: { type: "point", filled: true, size: 70, opacity: 1, stroke: "#FFFFFF", strokeWidth: 0.8 },
        encoding: {
          y: { field: "value", type: "quantitative" },
          color: {
            field: "reading",
            type: "nominal",
            title: null,
            scale: {
              domain: present.map((k) => POINT_READINGS[k]),
              range: present.map((k) => READING_STYLE[k].colour),
            },
          },
          shape: {
            field: "reading",
            type: "nominal",
            title: null,
            scale: { domain: present.map((k) => POINT_READINGS[k]), range: present.map((k) => READING_STYLE[k].shape) },
          },
        },
      },
      {
        data: { values: limitLabels },
        name: "limit_labels",
        mark: { type: "text", align: "right", baseline: "bottom", dy: -3, fontSize: 10, color: MUTED },
        encoding: {
          x: { field: "period", type: "ordinal", sort: periods },
          y: { field: "y", type: "quantitative" },
          text: { field: "label" },
        },
      },
    ],
  } as TopLevelSpec;
}
