// The markers of an SPC chart: dotted rules at recalculations, annotations and where each signal's episode starts,
// with their words above the plot, stacked so that none runs into another or into the limit labels.
import type { Series, Signal } from "../../result/signals.js";
import { placeMarkers } from "./spc-layout.js";
import { MUTED, OKABE_ITO } from "./theme.js";

interface Marker {
  period: string;
  label: string;
  kind: "annotation" | "recalculation" | "signal";
}

export function markersOf(series: Series, signals: readonly Signal[], periods: string[], width: number) {
  const markers: Marker[] = [
    ...series.recalculations.map((p) => ({ period: p, label: "new limits", kind: "recalculation" as const })),
    ...series.annotations.map((a) => ({ period: a.period, label: a.note, kind: "annotation" as const })),
    ...signals.map((s) => ({ period: s.firstPeriod, label: `${s.severity} signal starts`, kind: "signal" as const })),
  ].filter((m) => periods.includes(m.period));
  const placed = placeMarkers(
    markers.map((m) => ({ index: periods.indexOf(m.period), label: m.label })),
    periods.length,
    width,
  );
  return markers.map((m, k) => ({ ...m, ...placed[k] }));
}

const MARKER_COLOUR = { annotation: MUTED, recalculation: MUTED, signal: OKABE_ITO.vermillion };

export function markerLayers(markers: ReturnType<typeof markersOf>, periods: string[]) {
  if (markers.length === 0) return [];
  const x = { field: "period", type: "ordinal" as const, sort: periods };
  const color = {
    field: "kind",
    type: "nominal" as const,
    scale: { domain: Object.keys(MARKER_COLOUR), range: Object.values(MARKER_COLOUR) },
    legend: null,
  };
  // Above the plot, stacked in rows so no two overlap; those in the right half end at their rule, clear of the
  // limit labels in the right margin.
  const labels = (align: "left" | "right", name: string) => {
    const values = markers.filter((m) => m.align === align);
    if (values.length === 0) return [];
    return [
      {
        data: { values },
        name,
        mark: {
          type: "text" as const,
          align,
          baseline: "bottom" as const,
          dx: align === "left" ? -2 : 2,
          fontSize: 10,
        },
        encoding: { x, y: { field: "y", type: "quantitative" as const, scale: null }, text: { field: "label" }, color },
      },
    ];
  };
  return [
    {
      data: { values: markers },
      name: "marker_rules",
      mark: { type: "rule" as const, strokeDash: [2, 3], strokeWidth: 1.2 },
      encoding: { x, color },
    },
    ...labels("left", "marker_labels"),
    ...labels("right", "marker_labels_end"),
  ];
}
