// Group-to-group network map for one boundary: each group is a node sized by its people, each pair of groups
// with contact is a line as thick as the ties between them and, for directed data, coloured by how reciprocal
// the pair's ties are. Groups sit on a circle in the result's order, so the picture is the same every run.
import type { TopLevelSpec } from "vega-lite";
import type { BoundarySection, GroupLink } from "../../result/network.js";
import { formatChartNumber, wrapText } from "./labels.js";
import { BASE_CONFIG, INK, MUTED, OKABE_ITO } from "./theme.js";

export interface NetworkMapInput {
  boundary: BoundarySection;
  directed: boolean;
}

/** Beyond this many links a map is a hairball: draw the links with most ties and say so. */
export function linkLimit(groups: number): number {
  return Math.max(15, 2 * groups);
}

const LABEL_RADIUS = 1.12;
const ALT_GROUPS = 6;
const RADIAL_LABELS_FROM = 10;
/** Average width of an 11 px label character, in pixels. */
const LABEL_CHAR_PX = 6.2;
const UNIT = 190;
const X_SPAN = 1.7;
const Y_SPAN = 1.22;

/** Reciprocity classes for the line colour: a few named classes read better than a gradient. */
export const RECIPROCITY_CLASSES = [
  { upTo: 0.25, label: "mostly one-way (under 25%)", colour: OKABE_ITO.orange },
  { upTo: 0.5, label: "partly two-way (25–50%)", colour: OKABE_ITO.skyBlue },
  { upTo: Infinity, label: "mostly two-way (50% or more)", colour: OKABE_ITO.blue },
] as const;
type LabelAnchor = "left" | "right" | "above" | "below";

export function networkMapTitle({ boundary }: NetworkMapInput): string {
  return `Contact between ${boundary.attribute} groups`;
}

function drawnLinks(boundary: BoundarySection): GroupLink[] {
  // `links` is already ordered most ties first.
  return boundary.links.slice(0, linkLimit(boundary.groups.length));
}

function pairName(link: GroupLink): string {
  return `${link.groups[0]} ↔ ${link.groups[1]}`;
}

/** Every group with its people when there are few; the largest few otherwise (alt text must stay readable). */
function groupList(boundary: BoundarySection): string {
  const named = (groups: readonly { value: string; n: number }[]) =>
    groups.map((g) => `${g.value}, ${g.n} people`).join("; ");
  if (boundary.groups.length <= ALT_GROUPS) return named(boundary.groups);
  const largest = [...boundary.groups].sort((a, b) => b.n - a.n || a.value.localeCompare(b.value)).slice(0, ALT_GROUPS);
  return `largest: ${named(largest)}`;
}

export function networkMapAltText(input: NetworkMapInput): string {
  const { boundary, directed } = input;
  const links = drawnLinks(boundary);
  const parts = [
    `Network map of ${boundary.groups.length} ${boundary.attribute} groups (${groupList(boundary)})`,
    `${boundary.links.length} pairs of groups are in contact${links.length < boundary.links.length ? `, the ${links.length} with most ties drawn` : ""}`,
  ];
  const strongest = links.slice(0, 3).map((l) => `${pairName(l)} (${l.ties} ties)`);
  if (strongest.length) parts.push(`most ties: ${strongest.join(", ")}`);
  if (directed) {
    const oneWay = links
      .filter((l) => l.pairReciprocity !== null && l.pairReciprocity < RECIPROCITY_CLASSES[0].upTo)
      .map(pairName);
    if (oneWay.length)
      parts.push(`mostly one-way (under a quarter of pairs in contact both ways): ${oneWay.join(", ")}`);
  }
  if (boundary.eiIndex !== null) parts.push(`E-I index ${formatChartNumber(boundary.eiIndex)}`);
  return `${parts.join("; ")}.`;
}

type Place = { angle: number; x: number; y: number };

/** Groups on a unit circle, clockwise from the top. `angle` is also the screen direction (clockwise, y down). */
function circlePlaces(order: readonly string[]): Map<string, Place> {
  return new Map(
    order.map((group, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / order.length;
      return [group, { angle, x: Math.cos(angle), y: -Math.sin(angle) }];
    }),
  );
}

/** One node per placed group, with its label's position, anchor and rotation. */
function nodesOf(boundary: BoundarySection, place: Map<string, Place>, radial: boolean) {
  return boundary.groups
    .filter((g) => place.has(g.value))
    .map((g) => {
      const { angle, x, y } = place.get(g.value)!;
      const degrees = (angle * 180) / Math.PI;
      const anchor: LabelAnchor =
        radial || Math.abs(x) >= 0.15 ? (x >= 0 ? "left" : "right") : y > 0 ? "above" : "below";
      const rotate = radial ? (x >= 0 ? degrees : degrees + 180) : 0;
      return {
        group: g.value,
        people: g.n,
        x,
        y,
        lx: LABEL_RADIUS * x,
        ly: LABEL_RADIUS * y,
        anchor,
        rotate,
        label: `${g.value} (${g.n})`,
      };
    });
}
type MapNode = ReturnType<typeof nodesOf>[number];

/** One line per drawn link between placed groups, with its reciprocity class. */
function edgesOf(links: GroupLink[], place: Map<string, Place>) {
  return links
    .filter((l) => place.has(l.groups[0]) && place.has(l.groups[1]))
    .map((l) => {
      const a = place.get(l.groups[0])!;
      const b = place.get(l.groups[1])!;
      const reciprocity =
        l.pairReciprocity === null ? null : RECIPROCITY_CLASSES.find((c) => l.pairReciprocity! < c.upTo)!.label;
      return { pair: pairName(l), ties: l.ties, reciprocity, x: a.x, y: a.y, x2: b.x, y2: b.y };
    });
}

/**
 * Pixel size and axis-less scales. One data unit is UNIT pixels both ways, so the circle stays round. The spans
 * leave room for the labels inside the plot (Vega over-estimates rotated text that spills out, and would push the
 * legend onto it). Whole pixels first, then the domains from them, so rounding cannot squash the circle.
 */
function canvasOf(nodes: MapNode[], radial: boolean) {
  const longestLabel = Math.max(0, ...nodes.map((n) => n.label.length));
  const labelSpan = LABEL_RADIUS + (longestLabel * LABEL_CHAR_PX) / UNIT;
  const width = Math.round(2 * (radial ? labelSpan : X_SPAN) * UNIT);
  const height = Math.round(2 * (radial ? labelSpan : Y_SPAN) * UNIT);
  const xAxisless = { axis: null, scale: { domain: [-width / (2 * UNIT), width / (2 * UNIT)] } };
  const yAxisless = { axis: null, scale: { domain: [-height / (2 * UNIT), height / (2 * UNIT)] } };
  return { width, height, xAxisless, yAxisless };
}
type Canvas = ReturnType<typeof canvasOf>;

/** Labels sit outside the circle, aligned away from it so they never cross a node. */
function labelLayer(nodes: MapNode[], anchor: LabelAnchor, { xAxisless, yAxisless }: Canvas) {
  return {
    data: { values: nodes },
    transform: [{ filter: { field: "anchor", equal: anchor } }],
    name: `labels_${anchor}`,
    mark: {
      type: "text" as const,
      align: anchor === "left" || anchor === "right" ? anchor : ("center" as const),
      baseline: anchor === "above" ? ("bottom" as const) : anchor === "below" ? ("top" as const) : ("middle" as const),
      fontSize: 11,
      color: INK,
      limit: 400,
    },
    encoding: {
      x: { field: "lx", type: "quantitative" as const, ...xAxisless },
      y: { field: "ly", type: "quantitative" as const, ...yAxisless },
      text: { field: "label" },
      angle: { field: "rotate", type: "quantitative" as const, scale: null },
    },
  };
}

export function networkMapSpec(input: NetworkMapInput): TopLevelSpec {
  const { boundary, directed } = input;
  const order = boundary.mixing.groups.length ? boundary.mixing.groups : boundary.groups.map((g) => g.value);
  const place = circlePlaces(order);
  // Many groups: labels point outwards along the radius, the only way 30 names fit round a circle.
  const radial = order.length > RADIAL_LABELS_FROM;
  const nodes = nodesOf(boundary, place, radial);
  // The largest node may take three quarters of the arc between neighbours, so nodes never overlap.
  const spacing = (2 * Math.PI * UNIT) / Math.max(order.length, 1);
  const largestDiameter = Math.min(48, 0.75 * spacing);
  const largestArea = Math.round((Math.PI * largestDiameter * largestDiameter) / 4);
  const links = drawnLinks(boundary);
  const edges = edgesOf(links, place);
  const canvas = canvasOf(nodes, radial);
  const { width, height, xAxisless, yAxisless } = canvas;
  const subtitle = [
    `Node area: people in the group (number in brackets). Line width: ties between the groups${directed ? "; colour: how many of the cross-group pairs are in contact both ways" : ""}.`,
  ];
  if (links.length < boundary.links.length)
    subtitle.push(
      `The ${links.length} pairs with most ties of ${boundary.links.length} are drawn; the CSV mixing matrix has them all.`,
    );

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: BASE_CONFIG,
    title: { text: networkMapTitle(input), subtitle: subtitle.flatMap((line) => wrapText(line, 100)) },
    width,
    height,
    layer: [
      {
        data: { values: edges },
        name: "links",
        mark: { type: "rule", strokeCap: "round", opacity: 0.85 },
        encoding: {
          x: { field: "x", type: "quantitative", ...xAxisless },
          y: { field: "y", type: "quantitative", ...yAxisless },
          x2: { field: "x2" },
          y2: { field: "y2" },
          strokeWidth: {
            field: "ties",
            type: "quantitative",
            title: "Ties",
            scale: { range: [1, 14], zero: false },
            legend: { orient: "bottom" },
          },
          color: directed
            ? {
                field: "reciprocity",
                type: "ordinal",
                title: "Cross-group pairs in contact both ways",
                scale: {
                  domain: RECIPROCITY_CLASSES.map((c) => c.label),
                  range: RECIPROCITY_CLASSES.map((c) => c.colour),
                },
                legend: { orient: "bottom", direction: "vertical" },
              }
            : { value: MUTED },
        },
      },
      {
        data: { values: nodes },
        name: "groups",
        mark: { type: "circle", opacity: 1, stroke: "#FFFFFF", strokeWidth: 1.5, color: INK },
        encoding: {
          x: { field: "x", type: "quantitative", ...xAxisless },
          y: { field: "y", type: "quantitative", ...yAxisless },
          size: {
            field: "people",
            type: "quantitative",
            title: "People",
            scale: { range: [Math.min(60, largestArea / 4), largestArea], zero: true },
            legend: null,
          },
        },
      },
      labelLayer(nodes, "left", canvas),
      labelLayer(nodes, "right", canvas),
      labelLayer(nodes, "above", canvas),
      labelLayer(nodes, "below", canvas),
    ],
    resolve: { scale: { size: "independent", strokeWidth: "independent" } },
  } as TopLevelSpec;
}
