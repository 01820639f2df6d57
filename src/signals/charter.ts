// How the scene charts its series: each in full when it may be published or read, the rest judged and counted.
import type { Dataset } from "../model/types.js";
import type { Series } from "../result/signals.js";
import type { XmrSettings } from "../result/spc.js";
import {
  alwaysPublished,
  chartSeries,
  needsChart,
  valuesMayMatter,
  type ChartedSeries,
  type SeriesSpec,
} from "./chart.js";
import { currentConcern } from "./episodes.js";
import { excludedPositions, type Timeline } from "./timeline.js";

/**
 * How the scene charts: `chart` charts a series in full when it may be published or read (counting it either way);
 * for a pair of groups, `screens` says when the value screen alone decides (a later boundary, no annotations), so
 * chartPairs asks `pairMayMatter` of its series before building any spec and `counted` counts those it leaves out.
 */
export interface Charter {
  chart: (spec: SeriesSpec) => ChartedSeries | null;
  screens: (attribute: string) => boolean;
  /** The value screen of a pair's series (all three are charted with direction "higher"). */
  pairMayMatter: (values: ArrayLike<number | null>, baselinePoints: number) => boolean;
  counted: (series: number) => void;
}

/** The scene's Charter, with the series it kept that may be published (in charting order) and its count of charted. */
export interface SceneCharter extends Charter {
  series: Series[];
  charted: () => number;
}

export function sceneCharter(data: Dataset, timeline: Timeline, settings: Partial<XmrSettings>): SceneCharter {
  const annotations = data.annotations ?? [];
  const firstBoundary = data.boundaries[0];
  // Once per run, not once per pair screened (~640,000 series at XL).
  const excluded = excludedPositions(timeline);
  const series: Series[] = [];
  let charted = 0;
  return {
    series,
    charted: () => charted,
    chart: (spec: SeriesSpec): ChartedSeries | null => {
      charted++;
      if (!needsChart(spec, timeline, annotations, settings, firstBoundary)) return null; // neither published nor read
      const chart = chartSeries(spec, timeline, annotations, settings);
      if (alwaysPublished(chart.series, firstBoundary) || currentConcern(chart.chart) !== null)
        series.push(chart.series);
      return chart;
    },
    screens: (attribute) => attribute !== firstBoundary && annotations.length === 0,
    pairMayMatter: (values, baselinePoints) => valuesMayMatter(values, "higher", baselinePoints, excluded, settings),
    counted: (n) => void (charted += n),
  };
}
