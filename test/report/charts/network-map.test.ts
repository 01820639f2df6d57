// Group network map: groups on a circle (clockwise from the top, in the result's order) sized by people, links as
// thick as their ties and coloured by reciprocity class; big boundaries draw only their strongest links and say so.
import { describe, expect, it } from "vitest";
import { linkLimit, type BoundarySection } from "../../../src/result/network.js";
import {
  networkMapAltText,
  networkMapSpec,
  networkMapTitle,
  RECIPROCITY_CLASSES,
  type NetworkMapInput,
} from "../../../src/report/charts/network-map.js";
import { renderSvg } from "../../../src/report/charts/render.js";
import { MUTED, OKABE_ITO } from "../../../src/report/charts/theme.js";
import { boundary } from "./fixtures.js";
import { marks, parseSvg, texts, translation } from "./svg.js";

async function draw(input: NetworkMapInput) {
  const { svg, warnings } = await renderSvg(networkMapSpec(input), networkMapTitle(input), networkMapAltText(input));
  expect(warnings).toEqual([]);
  return parseSvg(svg);
}

/** Radius of a Vega circle symbol path "M r,0 A r,r,…". */
const radius = (d: string) => Number(/^M([\d.]+),0A/.exec(d)![1]);

describe("group network map", () => {
  it("places the four groups clockwise from the top on one circle, sized by people", async () => {
    const root = await draw({ boundary: boundary(), directed: true });
    const nodes = marks(root, "groups");
    expect(nodes).toHaveLength(4);
    const [acute, community, primary, social] = nodes.map(translation);
    const centre: [number, number] = [(acute[0] + primary[0]) / 2, (acute[1] + primary[1]) / 2];
    expect(acute[0]).toBeCloseTo(primary[0], 6);
    expect(acute[1]).toBeLessThan(primary[1]);
    expect(community[1]).toBeCloseTo(social[1], 6);
    expect(community[0]).toBeGreaterThan(social[0]);
    const r = (p: [number, number]) => Math.hypot(p[0] - centre[0], p[1] - centre[1]);
    for (const p of [community, primary, social]) expect(r(p)).toBeCloseTo(r(acute), 6);
    // People: Acute 40 > Social 30 > Community 20 > Primary 10.
    const [ra, rc, rp, rs] = nodes.map((n) => radius(n.attrs.d));
    expect(ra).toBeGreaterThan(rs);
    expect(rs).toBeGreaterThan(rc);
    expect(rc).toBeGreaterThan(rp);
    expect(texts(root)).toEqual(
      expect.arrayContaining(["Acute (40)", "Community (20)", "Primary (10)", "Social (30)"]),
    );
  });

  it("draws each link from group to group, thicker with more ties, coloured by reciprocity class", async () => {
    const root = await draw({ boundary: boundary(), directed: true });
    const nodes = marks(root, "groups").map(translation);
    const links = marks(root, "links");
    expect(links).toHaveLength(3);
    const ends = links.map((l) => {
      const [x, y] = translation(l);
      return [x, y, x + Number(l.attrs.x2), y + Number(l.attrs.y2)];
    });
    // Every link starts at Acute and ends at Community, Primary and Social in turn.
    ends.forEach(([x, y, x2, y2], i) => {
      expect(x).toBeCloseTo(nodes[0][0], 6);
      expect(y).toBeCloseTo(nodes[0][1], 6);
      expect(x2).toBeCloseTo(nodes[i + 1][0], 6);
      expect(y2).toBeCloseTo(nodes[i + 1][1], 6);
    });
    const widths = links.map((l) => Number(l.attrs["stroke-width"]));
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBeGreaterThan(widths[2]);
    // Reciprocity 0.1, 0.3, 0.8 → under 25%, 25–50%, 50% or more.
    expect(links.map((l) => l.attrs.stroke)).toEqual([OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.blue]);
    expect(texts(root)).toEqual(expect.arrayContaining(RECIPROCITY_CLASSES.map((c) => c.label)));
  });

  it("draws undirected links in one colour, with no reciprocity legend", async () => {
    const undirected = { ...boundary(), links: boundary().links.map((l) => ({ ...l, pairReciprocity: null })) };
    const root = await draw({ boundary: undirected, directed: false });
    expect(new Set(marks(root, "links").map((l) => l.attrs.stroke))).toEqual(new Set([MUTED]));
    expect(texts(root)).not.toContain(RECIPROCITY_CLASSES[0].label);
  });

  it("draws only the links with most ties when there are many, and says so", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Team ${String.fromCharCode(65 + i)}`);
    const pairs = names.flatMap((a, i) => names.slice(i + 1).map((b) => [a, b] as [string, string])).slice(0, 40);
    const big: BoundarySection = {
      ...boundary(),
      groups: names.map((value, i) => ({ ...boundary().groups[0], value, n: 5 + i })),
      mixing: { groups: names, ties: [], interactions: [] },
      links: pairs.map((groups, i) => ({ ...boundary().links[0], groups, ties: 100 - i })),
    };
    expect(linkLimit(12)).toBe(24);
    const root = await draw({ boundary: big, directed: true });
    expect(marks(root, "links")).toHaveLength(24);
    expect(texts(root).join(" ")).toContain("The 24 pairs with most ties of 40 are drawn");
    // Twelve groups: labels turn to point outwards.
    const labels = [...marks(root, "labels_left"), ...marks(root, "labels_right")];
    expect(labels).toHaveLength(12);
    expect(labels.some((l) => /rotate\((?!0\))/.test(l.attrs.transform))).toBe(true);
  });

  it("describes groups, the strongest links and the one-way ones in the alt text", () => {
    const alt = networkMapAltText({ boundary: boundary(), directed: true });
    expect(alt).toContain(
      "Network map of 4 organisation groups (Acute, 40 people; Community, 20 people; Primary, 10 people; Social, 30 people)",
    );
    expect(alt).toContain("most ties: Acute ↔ Community (18 ties), Acute ↔ Primary (9 ties), Acute ↔ Social (3 ties)");
    expect(alt).toContain("mostly one-way (under a quarter of pairs in contact both ways): Acute ↔ Community");
    expect(alt).toContain("E-I index -0.25");
  });
});
