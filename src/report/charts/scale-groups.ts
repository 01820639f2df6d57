// Scale scores by group: for each group of one boundary, the mean score with its 95% interval in each wave
// (colour and shape tell the waves apart), the scale's bands as reference lines, and the respondents behind each
// estimate. Groups suppressed in every wave share one line ("6 groups suppressed") — they carry no number in the
// result, so none can be drawn; a group suppressed in one wave keeps its row and says so for that wave. A boundary
// with many groups draws the groups the findings name and the largest; the rest are one "other N groups" line
// with no score: merging scores would publish a new figure, which with the ones shown could give away a
// suppressed group's.
import type { TopLevelSpec } from "vega-lite";
import type { ScaleResult } from "../../result/survey.js";
import { formatChartNumber, wrapText } from "./labels.js";
import { groupsToShow, MANY_GROUPS, otherGroupsName } from "./many-groups.js";
import { plural } from "../../text/format.js";
import { BASE_CONFIG, INK, MUTED, OKABE_ITO } from "./theme.js";

export interface ScaleGroupsInput {
  scale: ScaleResult;
  /** The boundary whose groups are shown (one chart per scale and boundary keeps each chart a readable size). */
  attribute: string;
  minGroupSize: number;
  /** The survey's waves in order (empty without waves). */
  waves: readonly string[];
  /** Groups the findings name, most severe first: drawn first when the boundary has many groups. */
  focus?: readonly string[];
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

/** Which groups get a row: every group with a score in some wave, or the readable selection of many. */
function rowPlan(input: ScaleGroupsInput) {
  const groups = groupsOf(input);
  const values = [...new Set(groups.map((g) => g.value))];
  // Size: the most respondents the group has in any wave it is shown in; one pass (the team boundary of a
  // 10,000-person system has hundreds of groups, and a search per group was quadratic).
  const size = new Map<string, number>();
  for (const g of groups) if (!g.suppressed) size.set(g.value, Math.max(size.get(g.value) ?? -Infinity, g.n));
  const scored = values.filter((v) => size.has(v));
  const suppressed = values.length - scored.length;
  if (values.length <= MANY_GROUPS) return { drawn: new Set(scored), merged: 0, suppressed };
  const drawn = groupsToShow(
    scored.map((value) => ({ value, size: size.get(value)! })),
    input.focus ?? [],
  );
  return { drawn, merged: scored.length - drawn.size, suppressed };
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
  const { drawn, merged } = rowPlan(input);
  if (merged) parts.push(`${drawn.size} groups drawn, ${merged} more in the report's tables`);
  return `${parts.join("; ")}.`;
}

/** One row per drawn group and wave: its mean and interval, or "suppressed" for a wave it has too few in. */
function drawnRows(input: ScaleGroupsInput, plan: ReturnType<typeof rowPlan>): Row[] {
  return groupsOf(input)
    .filter((g) => plan.drawn.has(g.value))
    .map((g) => {
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
}

/** One line each for the groups not drawn and the groups suppressed in every wave: words, never a number. */
function collapsedLines(plan: ReturnType<typeof rowPlan>, minGroupSize: number) {
  return [
    ...(plan.merged ? [{ row: otherGroupsName(plan.merged), label: "in the report's tables" }] : []),
    ...(plan.suppressed
      ? [{ row: `${plural(plan.suppressed, "group")} suppressed`, label: `fewer than ${minGroupSize} respondents` }]
      : []),
  ];
}

export function scaleGroupsSpec(input: ScaleGroupsInput): TopLevelSpec {
  const { scale, minGroupSize, waves } = input;
  const plan = rowPlan(input);
  const rows = drawnRows(input, plan);
  const lines = collapsedLines(plan, minGroupSize);
  const waveDomain = waves.length ? [...waves] : [NO_WAVE];
  if (rows.some((r) => r.wave === NO_WAVE) && !waveDomain.includes(NO_WAVE)) waveDomain.push(NO_WAVE);
  // One line of text per group and wave, at the right edge: "n = 23" or "suppressed".
  const notes = [
    ...rows.map((r) => ({ ...r, text: `${waves.length > 1 ? `${r.wave}: ` : ""}${r.label}` })),
    ...lines.map((l) => ({ ...l, wave: waveDomain[0], mean: null, low: null, high: null, text: l.label })),
  ];
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
    ...(plan.merged
      ? [
          `${plan.drawn.size + plan.merged} groups with a score: the ${plan.drawn.size} the findings name or with most respondents are drawn.`,
        ]
      : []),
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
