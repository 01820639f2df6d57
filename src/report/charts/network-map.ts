// Group-to-group network map for one boundary: each group is a node sized by its people, each pair of groups
// with contact is a line as thick as the ties between them and, for directed data, coloured by how reciprocal
// the pair's ties are. Groups sit on a circle in the result's order, so the picture is the same every run.
import type { TopLevelSpec } from "vega-lite";
import { linkLimit, type BoundarySection } from "../../result/network.js";
import { shortenName } from "../../text/shorten.js";
import { formatChartNumber, wrapText } from "./labels.js";
import { linksInView, mapView, otherLinksCut, type MapGroup, type MapLink, type MapView } from "./many-groups.js";
import { BASE_CONFIG, INK, MUTED, OKABE_ITO } from "./theme.js";

export interface NetworkMapInput {
  boundary: BoundarySection;
  directed: boolean;
  /** Groups the findings name, most severe first: a boundary with many groups draws these first (many-groups.ts). */
  focus?: readonly string[];
  /** The view drawn, when the caller has it: one chart plan draws it four times (page, slide, alt text, notes). */
  view?: MapView;
}

const viewOf = (input: NetworkMapInput): MapView => input.view ?? mapView(input.boundary, input.focus);

const ALT_GROUPS = 6;
const RADIAL_LABELS_FROM = 10;
/**
 * Pixels per data unit (the circle's radius), label size and the average width of a label character. A slide is
 * seen smaller than a page: its circle is smaller against larger labels, and long names are cut in the middle.
 */
const GEOMETRY = {
  page: { unit: 190, labelRadius: 1.12, fontSize: 11, charPx: 6.2, nameChars: Infinity },
  // Labels start further out on a slide: its nodes are larger against its smaller circle.
  slide: { unit: 105, labelRadius: 1.22, fontSize: 14, charPx: 7.9, nameChars: 20 },
} as const;
type Geometry = (typeof GEOMETRY)[keyof typeof GEOMETRY];
const X_SPAN = 1.7;
const Y_SPAN = 1.22;
/** The chart's padding (BASE_CONFIG) and the room for the legends at the right of a slide picture, in pixels. */
const PADDING = 16;
const LEGEND_PX = 440;
/** A slide's legends are read from further away. */
const SLIDE_CONFIG = { ...BASE_CONFIG, legend: { ...BASE_CONFIG.legend, labelFontSize: 14, titleFontSize: 15 } };

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

function drawnLinks(view: MapView): MapLink[] {
  // `links` is already ordered most ties first.
  return view.links.slice(0, linkLimit(view.groups.length));
}

function pairName(link: MapLink): string {
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
  const view = viewOf(input);
  const links = drawnLinks(view);
  const parts = [
    `Network map of ${boundary.groups.length} ${boundary.attribute} groups (${groupList(boundary)})`,
    ...(view.mergedGroups
      ? [
          `${view.groups.length - 1} drawn (those the findings name and the largest), the other ${view.mergedGroups} merged into one node`,
          ...(view.otherLinksDrawn ? [] : [otherLinksCut(boundary)]),
        ]
      : []),
    `${boundary.truncated?.links?.total ?? boundary.links.length} pairs of groups are in contact${links.length < linksInView(view, boundary) ? `, the ${links.length} with most ties drawn` : ""}`,
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
function nodesOf(groups: readonly MapGroup[], place: Map<string, Place>, radial: boolean, geometry: Geometry) {
  return groups
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
        lx: geometry.labelRadius * x,
        ly: geometry.labelRadius * y,
        anchor,
        rotate,
        merged: g.merged,
        label: `${shortenName(g.value, geometry.nameChars)} (${g.n})`,
      };
    });
}
type MapNode = ReturnType<typeof nodesOf>[number];

/** One line per drawn link between placed groups, with its reciprocity class. */
function edgesOf(links: MapLink[], place: Map<string, Place>, merged: ReadonlySet<string>) {
  return links
    .filter((l) => place.has(l.groups[0]) && place.has(l.groups[1]))
    .map((l) => {
      const a = place.get(l.groups[0])!;
      const b = place.get(l.groups[1])!;
      const reciprocity =
        l.pairReciprocity === null ? null : RECIPROCITY_CLASSES.find((c) => l.pairReciprocity! < c.upTo)!.label;
      const toMerged = merged.has(l.groups[0]) || merged.has(l.groups[1]);
      return { pair: pairName(l), ties: l.ties, reciprocity, toMerged, x: a.x, y: a.y, x2: b.x, y2: b.y };
    });
}

/**
 * Pixel size and axis-less scales. One data unit is `unit` pixels both ways, so the circle stays round. The spans
 * leave room for the labels inside the plot (Vega over-estimates rotated text that spills out, and would push the
 * legend onto it). Whole pixels first, then the domains from them, so rounding cannot squash the circle.
 */
function canvasOf(nodes: MapNode[], radial: boolean, slide: boolean, { unit: UNIT, charPx, labelRadius }: Geometry) {
  const longestLabel = Math.max(0, ...nodes.map((n) => n.label.length));
  const labelSpan = labelRadius + (longestLabel * charPx) / UNIT;
  // A slide counts the labels' overhang in (a page lets Vega widen its padding for them).
  const circleWidth = Math.round(2 * (radial ? labelSpan : slide ? Math.max(X_SPAN, labelSpan) : X_SPAN) * UNIT);
  const circleHeight = Math.round(2 * (radial ? labelSpan : Y_SPAN) * UNIT);
  // A slide is 16:9 with the legends inside the plot at the right of the circle: the plot widens (or, for a
  // small circle, grows taller) until plot and padding make 16:9.
  const width = slide
    ? Math.max(circleWidth + LEGEND_PX, Math.round(((circleHeight + 2 * PADDING) * 16) / 9 - 2 * PADDING))
    : circleWidth;
  const height = slide ? Math.round(((width + 2 * PADDING) * 9) / 16 - 2 * PADDING) : circleHeight;
  // Circle and legends centred together on a slide.
  const offset = slide ? Math.max(0, (width - circleWidth - LEGEND_PX) / 2) : 0;
  const left = -(circleWidth / 2 + offset) / UNIT;
  const xAxisless = { axis: null, scale: { domain: [left, left + width / UNIT] } };
  const yAxisless = { axis: null, scale: { domain: [-height / (2 * UNIT), height / (2 * UNIT)] } };
  /** Where a slide's legends go: at the right of the circle, from the top. */
  const legendX = offset + circleWidth + 24;
  return { width, height, xAxisless, yAxisless, legendX, fontSize: GEOMETRY[slide ? "slide" : "page"].fontSize };
}
type Canvas = ReturnType<typeof canvasOf>;

/** Labels sit outside the circle, aligned away from it so they never cross a node. */
function labelLayer(nodes: MapNode[], anchor: LabelAnchor, { xAxisless, yAxisless, fontSize }: Canvas) {
  return {
    data: { values: nodes },
    transform: [{ filter: { field: "anchor", equal: anchor } }],
    name: `labels_${anchor}`,
    mark: {
      type: "text" as const,
      align: anchor === "left" || anchor === "right" ? anchor : ("center" as const),
      baseline: anchor === "above" ? ("bottom" as const) : anchor === "below" ? ("top" as const) : ("middle" as const),
      fontSize,
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

/** The notes under a map's title: how to read it, which links are drawn, which groups merged. */
export function networkMapNotes(input: NetworkMapInput): string[] {
  const view = viewOf(input);
  const links = drawnLinks(view);
  const notes = [
    `Node area: people in the group (number in brackets). Line width: ties between the groups${input.directed ? "; colour: how many of the cross-group pairs are in contact both ways" : ""}.`,
  ];
  if (view.mergedGroups)
    notes.push(
      `${input.boundary.groups.length} groups: the ${view.groups.length - 1} the findings name or with most people are drawn; the grey ring stands for the other ${view.mergedGroups} (their people in brackets).`,
    );
  if (!view.otherLinksDrawn) notes.push(`${otherLinksCut(input.boundary)}.`);
  if (links.length < linksInView(view, input.boundary))
    notes.push(
      `The ${links.length} pairs with most ties of ${linksInView(view, input.boundary)} are drawn; the CSV mixing matrix has them all.`,
    );
  return notes;
}

/** The lines between groups, as thick as their ties and, for directed data, coloured by reciprocity class. */
function linkLayer(edges: ReturnType<typeof edgesOf>, directed: boolean, slide: boolean, canvas: Canvas) {
  // A page has its legends below; a slide, inside the plot at the right of the circle (ties below reciprocity).
  const legend = (row: number) =>
    slide
      ? { orient: "none" as const, legendX: canvas.legendX, legendY: 24 + row * 130 }
      : { orient: "bottom" as const };
  const { xAxisless, yAxisless } = canvas;
  return {
    data: { values: edges },
    name: "links",
    mark: { type: "rule" as const, strokeCap: "round" as const, opacity: 0.85 },
    encoding: {
      // Links to the merged groups are fainter: many groups' contact, not one group's.
      ...(edges.some((e) => e.toMerged)
        ? { opacity: { condition: { test: "datum.toMerged", value: 0.3 }, value: 0.85 } }
        : {}),
      x: { field: "x", type: "quantitative" as const, ...xAxisless },
      y: { field: "y", type: "quantitative" as const, ...yAxisless },
      x2: { field: "x2" },
      y2: { field: "y2" },
      strokeWidth: {
        field: "ties",
        type: "quantitative" as const,
        title: "Ties",
        scale: { range: [1, 14], zero: false },
        // A slide keeps the ties legend to a few sizes, so it stays within the plot.
        legend: { ...legend(directed ? 1 : 0), ...(slide ? { tickCount: 4 } : {}) },
      },
      color: directed
        ? {
            field: "reciprocity",
            type: "ordinal" as const,
            title: "Cross-group pairs in contact both ways",
            scale: {
              domain: RECIPROCITY_CLASSES.map((c) => c.label),
              range: RECIPROCITY_CLASSES.map((c) => c.colour),
            },
            legend: { ...legend(0), direction: "vertical" as const },
          }
        : { value: MUTED },
    },
  };
}

/**
 * The map as a page chart (title and notes above, legends below) or, with `variant: "slide"`, a 16:9 picture for
 * the deck: no title (the slide has one and shows the notes), legends at the right, the circle at the left.
 */
export function networkMapSpec(input: NetworkMapInput, variant: "page" | "slide" = "page"): TopLevelSpec {
  const { directed } = input;
  const view = viewOf(input);
  const order = view.groups.map((g) => g.value);
  const place = circlePlaces(order);
  // Many groups: labels point outwards along the radius, the only way 30 names fit round a circle.
  const radial = order.length > RADIAL_LABELS_FROM;
  const slide = variant === "slide";
  const geometry = GEOMETRY[variant];
  const nodes = nodesOf(view.groups, place, radial, geometry);
  // The largest node may take three quarters of the arc between neighbours, so nodes never overlap.
  const spacing = (2 * Math.PI * geometry.unit) / Math.max(order.length, 1);
  const largestDiameter = Math.min(48, 0.75 * spacing);
  const largestArea = Math.round((Math.PI * largestDiameter * largestDiameter) / 4);
  const edges = edgesOf(drawnLinks(view), place, new Set(view.groups.filter((g) => g.merged).map((g) => g.value)));
  const canvas = canvasOf(nodes, radial, slide, geometry);
  const { xAxisless, yAxisless } = canvas;
  const position = {
    x: { field: "x", type: "quantitative" as const, ...xAxisless },
    y: { field: "y", type: "quantitative" as const, ...yAxisless },
  };
  const notes = networkMapNotes(input).flatMap((line) => wrapText(line, 100));

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    config: slide ? SLIDE_CONFIG : BASE_CONFIG,
    ...(slide ? {} : { title: { text: networkMapTitle(input), subtitle: notes } }),
    width: canvas.width,
    height: canvas.height,
    layer: [
      linkLayer(edges, directed, slide, canvas),
      {
        data: { values: nodes.filter((n) => !n.merged) },
        name: "groups",
        mark: { type: "circle", opacity: 1, stroke: "#FFFFFF", strokeWidth: 1.5, color: INK },
        encoding: {
          ...position,
          size: {
            field: "people",
            type: "quantitative",
            title: "People",
            scale: { range: [Math.min(60, largestArea / 4), largestArea], zero: true },
            legend: null,
          },
        },
      },
      // The merged groups: a grey ring of the largest node's size, not sized by its people (which would dwarf the
      // groups drawn), so it never reads as one big group.
      ...(view.mergedGroups
        ? [
            {
              data: { values: nodes.filter((n) => n.merged) },
              name: "merged_groups",
              mark: {
                type: "circle",
                size: largestArea,
                filled: false,
                stroke: MUTED,
                strokeWidth: 2,
                strokeDash: [3, 2],
              },
              encoding: position,
            },
          ]
        : []),
      labelLayer(nodes, "left", canvas),
      labelLayer(nodes, "right", canvas),
      labelLayer(nodes, "above", canvas),
      labelLayer(nodes, "below", canvas),
    ],
    resolve: { scale: { size: "independent", strokeWidth: "independent" } },
  } as TopLevelSpec;
}
