// Relational coordination heatmap: rater group (rows) × rated group (columns). Each cell's colour is its RC band
// (the configured research-convention thresholds, labelled as such), its text the RC index and the number of
// raters; within-group cells (a group rating itself) are outlined, and suppressed cells are grey and say so,
// with no number at all.
import type { TopLevelSpec } from "vega-lite";
import type { CoordinationResult } from "../../result/survey.js";
import { BASE_CONFIG, INK, SUPPRESSED } from "./theme.js";
import { againstBands } from "../../text/voice.js";

const BAND_LABELS = { weak: "weak", moderate: "moderate", strong: "strong" } as const;
/**
 * Orange (weak) to blue (strong) through a light neutral: a diverging pair that survives colour-vision
 * deficiencies. Exported so the slide deck's native table colours its cells the same way.
 */
export const RC_BAND_COLOURS = {
  weak: "#F4A259",
  moderate: "#F3EFE0",
  strong: "#6BAED6",
  suppressed: SUPPRESSED,
} as const;

const SUPPRESSED_LABEL = "suppressed";

interface CellRow {
  rater: string;
  rated: string;
  within: boolean;
  band: string;
  label: string;
  detail: string;
}

export function heatmapTitle(rc: CoordinationResult): string {
  return `Relational coordination: how each ${rc.raterAttribute} rates the others`;
}

export function heatmapAltText(rc: CoordinationResult, minGroupSize: number): string {
  const shown = rc.cells.filter((c) => !c.suppressed);
  const parts = [
    `Heatmap of the relational coordination index (${rc.min}–${rc.max}) given by each rater group (rows) to each rated group (columns), ${rc.groups.length} groups${rc.wave ? `, wave ${rc.wave}` : ""}`,
    `bands: weak below ${rc.bands.weak}, strong above ${rc.bands.strong} (${rc.bands.note})`,
  ];
  const count = (band: string) => shown.filter((c) => !c.suppressed && c.band === band).length;
  parts.push(`${count("strong")} cells strong, ${count("moderate")} moderate, ${count("weak")} weak`);
  // Only the weak ratings are named: they are what a reader is looking for.
  const weak = shown.filter((c) => !c.suppressed && c.band === "weak");
  if (weak.length)
    parts.push(
      `weak: ${weak.map((c) => (c.within ? `${c.raterGroup} rating itself` : `${c.raterGroup} rating ${c.ratedGroup}`)).join(", ")}`,
    );
  const hidden = rc.cells.length - shown.length;
  if (hidden) parts.push(`${hidden} cell${hidden === 1 ? "" : "s"} suppressed (fewer than ${minGroupSize} raters)`);
  return `${parts.join("; ")}.`;
}

export function heatmapSpec(rc: CoordinationResult, minGroupSize: number): TopLevelSpec {
  const rows: CellRow[] = rc.cells.map((c) =>
    c.suppressed
      ? {
          rater: c.raterGroup,
          rated: c.ratedGroup,
          within: c.within,
          band: SUPPRESSED_LABEL,
          label: "—",
          detail: `n < ${minGroupSize}`,
        }
      : {
          rater: c.raterGroup,
          rated: c.ratedGroup,
          within: c.within,
          band: BAND_LABELS[c.band],
          // 4.004 is strong (above 4): shown as "4.004", not "4.00" beside "moderate ≤ 4".
          label: againstBands(c.index, [rc.bands.weak, rc.bands.strong]),
          detail: `n = ${c.n}`,
        },
  );
  const side = Math.max(56, Math.min(96, Math.floor(560 / Math.max(rc.groups.length, 1))));
  const bandDomain = ["weak", "moderate", "strong", SUPPRESSED_LABEL];
  const x = {
    field: "rated",
    type: "nominal" as const,
    sort: rc.groups,
    title: `Rated group (${rc.raterAttribute})`,
    axis: {
      orient: "top" as const,
      labelAngle: -30,
      labelAlign: "left" as const,
      labelLimit: 320,
      domain: false,
      ticks: false,
    },
  };
  const y = {
    field: "rater",
    type: "nominal" as const,
    sort: rc.groups,
    title: `Rater group (${rc.raterAttribute})`,
    axis: { labelLimit: 320, domain: false, ticks: false },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: BASE_CONFIG,
    title: {
      text: heatmapTitle(rc),
      subtitle: [
        `RC index ${rc.min}–${rc.max}${rc.wave ? `, wave ${rc.wave}` : ""}; n = raters. Outlined cells: a group rating itself.`,
        `Bands weak < ${rc.bands.weak} ≤ moderate ≤ ${rc.bands.strong} < strong — ${rc.bands.note}.`,
      ],
    },
    width: side * rc.groups.length,
    height: side * rc.groups.length,
    data: { values: rows },
    encoding: { x, y },
    layer: [
      {
        name: "cells",
        mark: { type: "rect", stroke: "#FFFFFF", strokeWidth: 2 },
        encoding: {
          color: {
            field: "band",
            type: "ordinal",
            title: "RC band",
            scale: {
              domain: bandDomain,
              range: [
                RC_BAND_COLOURS.weak,
                RC_BAND_COLOURS.moderate,
                RC_BAND_COLOURS.strong,
                RC_BAND_COLOURS.suppressed,
              ],
            },
            legend: { values: bandDomain },
          },
        },
      },
      {
        transform: [{ filter: "datum.within" }],
        name: "own_group_outline",
        mark: { type: "rect", fill: null, stroke: INK, strokeWidth: 2 },
      },
      {
        name: "index_labels",
        mark: { type: "text", fontSize: 14, fontWeight: "bold", dy: -7, color: INK },
        encoding: { text: { field: "label", type: "nominal" } },
      },
      {
        name: "n_labels",
        mark: { type: "text", fontSize: 10, dy: 9, color: INK },
        encoding: { text: { field: "detail", type: "nominal" } },
      },
    ],
  } as TopLevelSpec;
}
