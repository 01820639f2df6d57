// Scale scores by group: for each group of one boundary, the mean score with its 95% interval in each wave
// (colour and shape tell the waves apart), the scale's bands as reference lines, and the respondents behind each
// estimate. A suppressed group keeps its row and says "suppressed" — it carries no number in the result, so none
// can be drawn.
import type { TopLevelSpec } from "vega-lite";
import type { ScaleResult } from "../../result/survey.js";
import { formatChartNumber, wrapText } from "./labels.js";
import { BASE_CONFIG, INK, MUTED, OKABE_ITO } from "./theme.js";

export interface ScaleGroupsInput {
  scale: ScaleResult;
  /** The boundary whose groups are shown (one chart per scale and boundary keeps each chart a readable size). */
  attribute: string;
  minGroupSize: number;
  /** The survey's waves in order (empty without waves). */
  waves: readonly string[];
}

const WAVE_COLOURS = [
  OKABE_ITO.skyBlue,
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.purple,
];
const WAVE_SHAPES = ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross"];
const NO_WAVE = "all responses";

interface Row {
  row: string;
  wave: string;
  mean: number | null;
  low: number | null;
  high: number | null;
  label: string;
}

export function scaleGroupsTitle({ scale, attribute }: ScaleGroupsInput): string {
  return `${scale.label} by ${attribute}`;
}

function groupsOf({ scale, attribute }: ScaleGroupsInput) {
  return scale.groups.filter((g) => g.attribute === attribute);
}

function waveOf(wave: string | undefined): string {
  return wave ?? NO_WAVE;
}

export function scaleGroupsAltText(input: ScaleGroupsInput): string {
  const { scale, minGroupSize, attribute } = input;
  const current = groupsOf(input).filter((g) => (g.wave ?? null) === scale.wave);
  const shown = current.filter((g) => !g.suppressed);
  const parts = [
    `${scale.label}: mean score (${scale.min}–${scale.max}) with 95% interval for each ${attribute}${scale.wave ? `, latest wave ${scale.wave}` : ""}`,
  ];
  const ordered = [...shown].sort((a, b) => (a.suppressed || b.suppressed ? 0 : a.mean - b.mean));
  const lowest = ordered
    .slice(0, 3)
    .map((g) => (g.suppressed ? "" : `${g.value} ${formatChartNumber(g.mean)} (n = ${g.n})`));
  if (lowest.length) parts.push(`lowest: ${lowest.join(", ")}`);
  const hidden = current.length - shown.length;
  if (hidden)
    parts.push(`${hidden} group${hidden === 1 ? "" : "s"} suppressed (fewer than ${minGroupSize} respondents)`);
  return `${parts.join("; ")}.`;
}

export function scaleGroupsSpec(input: ScaleGroupsInput): TopLevelSpec {
  const { scale, minGroupSize, waves } = input;
  const rows: Row[] = groupsOf(input).map((g) => {
    const row = g.value;
    if (g.suppressed) return { row, wave: waveOf(g.wave), mean: null, low: null, high: null, label: "suppressed" };
    return {
      row,
      wave: waveOf(g.wave),
      mean: g.mean,
      low: g.ci?.[0] ?? null,
      high: g.ci?.[1] ?? null,
      label: `n = ${g.n}`,
    };
  });
  const waveDomain = waves.length ? [...waves] : [NO_WAVE];
  if (rows.some((r) => r.wave === NO_WAVE) && !waveDomain.includes(NO_WAVE)) waveDomain.push(NO_WAVE);
  // One line of text per group and wave, at the right edge: "n = 23" or "suppressed".
  const notes = rows.map((r) => ({ ...r, text: `${waves.length > 1 ? `${r.wave}: ` : ""}${r.label}` }));
  const bandLines = [scale.bands?.low, scale.bands?.high].filter((at): at is number => at !== undefined);
  const x = {
    type: "quantitative" as const,
    scale: { domain: [scale.min, scale.max], nice: false },
    title: `Mean score (${scale.min}–${scale.max}) with 95% interval`,
  };
  const waveColour = {
    field: "wave",
    type: "nominal" as const,
    title: "Wave",
    scale: { domain: waveDomain, range: WAVE_COLOURS.slice(0, waveDomain.length) },
  };
  const waveShape = {
    field: "wave",
    type: "nominal" as const,
    title: "Wave",
    scale: { domain: waveDomain, range: WAVE_SHAPES.slice(0, waveDomain.length) },
  };
  const y = {
    field: "row",
    type: "nominal" as const,
    title: input.attribute,
    sort: null,
    axis: { labelLimit: 320, grid: false, ticks: false },
  };
  // Every data layer places its marks by group row and wave; the band rules span the plot and need neither.
  const rowAndWave = {
    y,
    ...(waveDomain.length > 1
      ? { yOffset: { field: "wave", type: "nominal" as const, scale: { domain: waveDomain } } }
      : {}),
  };
  const rowHeight = 9 * Math.max(1, waveDomain.length) + 6;
  const subtitle = [
    `Each row is a group; ${waveDomain.length > 1 ? "each wave has its own colour and shape" : "the point is the mean"}. Groups with fewer than ${minGroupSize} respondents are suppressed and show no score.`,
    ...(bandLines.length
      ? [`Dotted lines: the scale's bands (${bandLines.map(formatChartNumber).join(" and ")}).`]
      : []),
  ];

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: BASE_CONFIG,
    title: { text: scaleGroupsTitle(input), subtitle: subtitle.flatMap((line) => wrapText(line, 95)) },
    data: { values: notes },
    width: 460,
    height: { step: rowHeight },
    layer: [
      ...bandLines.map((at, i) => ({
        data: { values: [{ at }] },
        name: `band_${i}`,
        mark: { type: "rule" as const, color: MUTED, strokeDash: [1, 3], strokeWidth: 1.2 },
        encoding: { x: { field: "at", ...x } },
      })),
      {
        name: "intervals",
        mark: { type: "rule", strokeWidth: 2.5 },
        encoding: { x: { field: "low", ...x }, x2: { field: "high" }, color: waveColour, ...rowAndWave },
      },
      {
        name: "means",
        mark: { type: "point", filled: true, size: 60, stroke: INK, strokeWidth: 0.6, opacity: 1 },
        encoding: { x: { field: "mean", ...x }, color: waveColour, shape: waveShape, ...rowAndWave },
      },
      {
        name: "counts",
        mark: { type: "text", align: "left", dx: 8, fontSize: 10, color: MUTED },
        encoding: { x: { datum: scale.max, ...x }, text: { field: "text" }, ...rowAndWave },
      },
    ],
  } as TopLevelSpec;
}
