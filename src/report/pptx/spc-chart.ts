// An SPC series as the groups of a native (editable) PowerPoint line chart: values, mean, dashed limits, a target,
// and one marker-only series per special-cause judgement, so a reader can restyle or re-plot it in PowerPoint.
// Only data is mapped here; deck.ts hands it to pptxgenjs.
import type { Series } from "../../result/signals.js";
import { INK, MUTED, OKABE_ITO, SPECIAL_CAUSE } from "../charts/theme.js";
import { POINT_READINGS } from "../charts/spc-readings.js";
import { clampTo, naturalRange } from "../charts/spc-layout.js";

interface NativeSeries {
  name: string;
  labels: string[];
  /** null is a gap (drawn as a gap: the chart's blanks are shown as gaps). */
  values: (number | null)[];
}

export interface NativeChartGroup {
  /** What the group holds, for tests and for the person reading the XML. */
  role: "values" | "mean" | "limits" | "target" | "special-cause";
  series: NativeSeries[];
  /** Hex colours without "#", one per series (pptxgenjs' format). */
  colours: string[];
  lineSize: number;
  dashed: boolean;
  marker: "circle" | "diamond" | "square" | "triangle" | "none";
  markerSize: number;
}

const hex = (colour: string) => colour.replace(/^#/, "").toUpperCase();

const SPECIAL_MARKERS = {
  concern: { colour: SPECIAL_CAUSE.concern, marker: "diamond" },
  improvement: { colour: SPECIAL_CAUSE.improvement, marker: "square" },
  neither: { colour: SPECIAL_CAUSE.neither, marker: "triangle" },
} as const;

export function spcChartGroups(series: Series): NativeChartGroup[] {
  const labels = series.points.map((p) => p.period);
  const column = (name: string, pick: (p: Series["points"][number]) => number | null): NativeSeries => ({
    name,
    labels,
    values: series.points.map(pick),
  });
  const hasLimits = series.points.some((p) => p.upperLimit !== null || p.lowerLimit !== null);
  const range = naturalRange(series.metric);
  const centre = series.chart === "run" && series.runs ? "Median" : "Mean";
  const median = series.runs?.median ?? null;
  const groups: NativeChartGroup[] = [
    {
      role: "values",
      series: [column(series.metric, (p) => p.value)],
      colours: [hex(SPECIAL_CAUSE.common)],
      lineSize: 1.75,
      dashed: false,
      marker: "circle",
      markerSize: 5,
    },
    {
      role: "mean",
      series: [column(centre, (p) => (p.mean === null ? null : centre === "Median" ? median : p.mean))],
      colours: [hex(INK)],
      lineSize: 1.5,
      dashed: false,
      marker: "none",
      markerSize: 2,
    },
  ];
  if (hasLimits) {
    groups.push({
      role: "limits",
      // Limits past what the metric can take are drawn at the bound, as in the SVG chart (the slide's evidence and
      // notes keep the calculated values).
      series: [
        column("Upper process limit", (p) => clampTo(range, p.upperLimit)),
        column("Lower process limit", (p) => clampTo(range, p.lowerLimit)),
      ],
      colours: [hex(MUTED), hex(MUTED)],
      lineSize: 1.25,
      dashed: true,
      marker: "none",
      markerSize: 2,
    });
  }
  if (series.target !== null) {
    const target = series.target;
    groups.push({
      role: "target",
      series: [column("Target", () => target)],
      colours: [hex(OKABE_ITO.vermillion)],
      lineSize: 1.25,
      dashed: true,
      marker: "none",
      markerSize: 2,
    });
  }
  for (const special of ["concern", "improvement", "neither"] as const) {
    if (!series.points.some((p) => p.special === special && p.value !== null)) continue;
    const style = SPECIAL_MARKERS[special];
    groups.push({
      role: "special-cause",
      series: [column(POINT_READINGS[special], (p) => (p.special === special ? p.value : null))],
      colours: [hex(style.colour)],
      // Markers only: the points sit on the value line, which carries the connection.
      lineSize: 0,
      dashed: false,
      marker: style.marker,
      markerSize: 8,
    });
  }
  return groups;
}
