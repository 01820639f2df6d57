// Which charts a report gets, in a stable order, with file names, titles and alt text: a pure function of the
// result. Rendering (render.ts) and writing files (the CLI) come after.
import type { TopLevelSpec } from "vega-lite";
import type { Practice, Report } from "../../result/types.js";
import type { Signal } from "../../result/signals.js";
import { heatmapAltText, heatmapSpec, heatmapTitle } from "./heatmap.js";
import { slug, uniqueStems } from "./labels.js";
import { focusGroups, mapView } from "./many-groups.js";
import { networkMapAltText, networkMapNotes, networkMapSpec, networkMapTitle } from "./network-map.js";
import { scaleGroupsAltText, scaleGroupsSpec, scaleGroupsTitle } from "./scale-groups.js";
import { spcAltText, spcSpec, spcTitle } from "./spc.js";

type ChartKind = "spc" | "rc-heatmap" | "network-map" | "scale-groups";

export interface ChartPlan {
  kind: ChartKind;
  /** File name without extension, unique within the report: safe ASCII, stable across runs. */
  stem: string;
  practice: Practice;
  title: string;
  alt: string;
  spec: TopLevelSpec;
  /** What the chart is about, for the views that pick charts (the slide deck picks the SPC chart of a signal). */
  about: { series?: string; attribute?: string; scale?: string };
  /** A 16:9 variant for the slide deck, with the notes the slide shows under its title (the picture has none). */
  slide?: { spec: TopLevelSpec; caption: string };
}

/** The folder, relative to the report, that charts are written to and linked from. */
export const CHARTS_DIR = "charts";

function spcCharts(report: Report): Omit<ChartPlan, "stem">[] {
  if (!report.signals || !report.series) return [];
  const bySeries = new Map<string, Signal[]>();
  // Signals come most severe first, so the first chart is the most urgent one.
  for (const signal of report.signals) {
    if (!signal.series) continue;
    bySeries.set(signal.series, [...(bySeries.get(signal.series) ?? []), signal]);
  }
  const series = new Map(report.series.map((s) => [s.id, s]));
  return [...bySeries].flatMap(([id, signals]) => {
    const s = series.get(id);
    if (!s) return [];
    const input = { series: s, signals, period: report.inputs.period };
    return [
      {
        kind: "spc" as const,
        practice: signals[0].practice,
        title: spcTitle(s),
        alt: spcAltText(input),
        spec: spcSpec(input),
        about: { series: id },
      },
    ];
  });
}

function heatmapCharts(report: Report): Omit<ChartPlan, "stem">[] {
  const rc = report.survey?.coordination;
  if (!rc || rc.cells.length === 0) return [];
  return [
    {
      kind: "rc-heatmap",
      practice: 1,
      title: heatmapTitle(rc),
      alt: heatmapAltText(rc, report.minGroupSize),
      spec: heatmapSpec(rc, report.minGroupSize),
      about: { attribute: rc.raterAttribute },
    },
  ];
}

function networkCharts(report: Report): Omit<ChartPlan, "stem">[] {
  const network = report.network;
  if (!network) return [];
  return network.boundaries
    .filter((b) => b.groups.length >= 2)
    .map((boundary) => {
      const focus = focusGroups(report, boundary.attribute);
      const input = { boundary, directed: network.directed, focus, view: mapView(boundary, focus) };
      return {
        kind: "network-map" as const,
        practice: 3 as const,
        title: networkMapTitle(input),
        alt: networkMapAltText(input),
        spec: networkMapSpec(input),
        about: { attribute: boundary.attribute },
        slide: { spec: networkMapSpec(input, "slide"), caption: networkMapNotes(input).join(" ") },
      };
    });
}

function scaleCharts(report: Report): Omit<ChartPlan, "stem">[] {
  const survey = report.survey;
  if (!survey) return [];
  return survey.scales.flatMap((scale) =>
    survey.attributes
      // A chart of nothing but "suppressed" rows says nothing the text does not.
      .filter((attribute) => scale.groups.some((g) => g.attribute === attribute && !g.suppressed))
      .map((attribute) => {
        const input = {
          scale,
          attribute,
          minGroupSize: report.minGroupSize,
          waves: survey.waves,
          focus: focusGroups(report, attribute, scale.id),
        };
        return {
          kind: "scale-groups" as const,
          practice: scale.practice,
          title: scaleGroupsTitle(input),
          alt: scaleGroupsAltText(input),
          spec: scaleGroupsSpec(input),
          about: { scale: scale.id, attribute },
        };
      }),
  );
}

function stemOf(chart: Omit<ChartPlan, "stem">): string {
  switch (chart.kind) {
    case "spc":
      return `spc-${slug(chart.about.series ?? "")}`;
    case "rc-heatmap":
      return "rc-heatmap";
    case "network-map":
      return `network-${slug(chart.about.attribute ?? "")}`;
    case "scale-groups":
      return `scale-${slug(chart.about.scale ?? "")}-by-${slug(chart.about.attribute ?? "")}`;
  }
}

export function planCharts(report: Report): ChartPlan[] {
  const charts = [...scaleCharts(report), ...heatmapCharts(report), ...networkCharts(report), ...spcCharts(report)];
  const stems = uniqueStems(charts.map(stemOf));
  return charts.map((chart, i) => ({ ...chart, stem: stems[i] }));
}
