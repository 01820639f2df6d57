// RC heatmap: a cell per rater × rated pair coloured by band, the index and n written in it, own-group cells
// outlined, and a suppressed cell grey with no number at all.
import { describe, expect, it } from "vitest";
import { heatmapAltText, heatmapSpec, heatmapTitle, RC_BAND_COLOURS } from "../../../src/report/charts/heatmap.js";
import { renderSvg } from "../../../src/report/charts/render.js";
import { coordination } from "./fixtures.js";
import { drawnRight, marks, parseSvg, texts, translation } from "./svg.js";

async function draw() {
  const rc = coordination();
  const { svg, warnings } = await renderSvg(heatmapSpec(rc, 5), heatmapTitle(rc), heatmapAltText(rc, 5));
  expect(warnings).toEqual([]);
  return parseSvg(svg);
}

/** Centre of a rect path "M x,y h w v h h -w Z". */
function centre(d: string): [number, number] {
  const m = /^M([-\d.]+),([-\d.]+)h([-\d.]+)v([-\d.]+)/.exec(d);
  if (!m) throw new Error(`not a rect path: ${d}`);
  return [Number(m[1]) + Number(m[3]) / 2, Number(m[2]) + Number(m[4]) / 2];
}

describe("RC heatmap", () => {
  it("draws nine cells coloured by band, the suppressed one grey", async () => {
    const root = await draw();
    const cells = marks(root, "cells");
    expect(cells).toHaveLength(9);
    const fills = cells.map((c) => c.attrs.fill);
    // Hand count from the fixture: 3 strong, 3 moderate, 2 weak, 1 suppressed.
    const count = (colour: string) => fills.filter((f) => f === colour).length;
    expect([
      count(RC_BAND_COLOURS.strong),
      count(RC_BAND_COLOURS.moderate),
      count(RC_BAND_COLOURS.weak),
      count(RC_BAND_COLOURS.suppressed),
    ]).toEqual([3, 3, 2, 1]);
    expect(marks(root, "own_group_outline")).toHaveLength(3);
  });

  it("writes index and n in each shown cell, and only a dash and 'n < 5' in the suppressed one", async () => {
    const root = await draw();
    const labels = marks(root, "index_labels").map((t) => t.text);
    expect(labels.sort()).toEqual(["3.10", "3.45", "3.50", "3.60", "3.80", "4.05", "4.20", "4.40", "—"]);
    expect(marks(root, "n_labels").map((t) => t.text)).toContain("n < 5");
    // The dash sits in the grey cell (row County, column Harbour).
    const grey = marks(root, "cells").find((c) => c.attrs.fill === RC_BAND_COLOURS.suppressed)!;
    const dash = marks(root, "index_labels").find((t) => t.text === "—")!;
    const [cx] = centre(grey.attrs.d);
    expect(translation(dash)[0]).toBeCloseTo(cx, 6);
  });

  it("labels both axes with the groups and names the bands as a convention", async () => {
    const root = await draw();
    const words = texts(root);
    for (const g of ["County", "Harbour", "Northgate"]) expect(words.filter((w) => w === g)).toHaveLength(2);
    expect(words).toEqual(
      expect.arrayContaining([
        "Rated group (organisation)",
        "Rater group (organisation)",
        "RC band",
        "weak",
        "moderate",
        "strong",
        "suppressed",
      ]),
    );
    expect(words.join(" ")).toContain("research convention, not an official standard");
  });

  it("names the weak ratings and the suppressed cell in the alt text", () => {
    const alt = heatmapAltText(coordination(), 5);
    expect(alt).toContain("3 cells strong, 3 moderate, 2 weak");
    expect(alt).toContain("weak: County rating Northgate, Harbour rating Northgate");
    expect(alt).toContain("1 cell suppressed (fewer than 5 raters)");
  });
});

describe("RC heatmap numbers beside their bands", () => {
  it("shows 4.004 (strong, above 4) as 4.004, not 4.00 under 'moderate ≤ 4'", async () => {
    const rc = coordination();
    const cells = rc.cells.map((c) =>
      c.suppressed || c.raterGroup !== "County" || c.ratedGroup !== "Northgate"
        ? c
        : { ...c, index: 4.004, band: "strong" as const },
    );
    const spec = { ...rc, cells };
    const { svg } = await renderSvg(heatmapSpec(spec, 5), heatmapTitle(spec), heatmapAltText(spec, 5));
    const labels = marks(parseSvg(svg), "index_labels").map((e) => e.text);
    expect(labels).toContain("4.004");
    expect(labels).not.toContain("4.00");
  });

  it("is as wide as what it draws: no empty right margin (issue 16)", async () => {
    const root = await draw();
    const width = Number(root.attrs.width);
    const right = drawnRight(root);
    expect(right).toBeGreaterThan(0);
    expect(right).toBeLessThanOrEqual(width + 1);
    expect(width - right).toBeLessThan(60);
  });
});
