// Scale scores by group: each shown estimate a point at its mean with its interval, per wave; groups suppressed in
// every wave share one line ("1 group suppressed") with no point, no interval and no n.
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../../src/report/charts/render.js";
import {
  scaleGroupsAltText,
  scaleGroupsSpec,
  scaleGroupsTitle,
  type ScaleGroupsInput,
} from "../../../src/report/charts/scale-groups.js";
import { scale } from "./fixtures.js";
import { marks, parseSvg, texts, translation } from "./svg.js";

const input: ScaleGroupsInput = {
  scale: scale(),
  attribute: "organisation",
  minGroupSize: 5,
  waves: ["2026-05", "2026-10"],
};

async function draw() {
  const { svg, warnings } = await renderSvg(scaleGroupsSpec(input), scaleGroupsTitle(input), scaleGroupsAltText(input));
  expect(warnings).toEqual([]);
  return parseSvg(svg);
}

describe("scale scores by group", () => {
  it("draws a point and an interval for each of the four shown estimates, none for the suppressed group", async () => {
    const root = await draw();
    const means = marks(root, "means");
    expect(means).toHaveLength(4);
    expect(marks(root, "intervals")).toHaveLength(4);
    // x maps the scale's range 1–5 onto the 460 px plot: x = (mean − 1) / 4 × 460.
    const xs = means.map((m) => translation(m)[0]);
    expect(xs[0]).toBeCloseTo(((3.5 - 1) / 4) * 460, 6);
    expect(xs[1]).toBeCloseTo(((3.25 - 1) / 4) * 460, 6);
    expect(xs[2]).toBeCloseTo(((4 - 1) / 4) * 460, 6);
    expect(xs[3]).toBeCloseTo(((4.5 - 1) / 4) * 460, 6);
    const [first] = marks(root, "intervals");
    const x2 = Number(first.attrs.x2);
    // County 2026-05: interval 3.2–3.8 → 253 to 322 px.
    expect(translation(first)[0]).toBeCloseTo(((3.2 - 1) / 4) * 460, 6);
    expect(translation(first)[0] + x2).toBeCloseTo(((3.8 - 1) / 4) * 460, 6);
  });

  it("collapses the group suppressed in every wave into one line, with no n and no score", async () => {
    const root = await draw();
    const counts = marks(root, "counts").map((t) => t.text);
    expect(counts).toEqual([
      "2026-05: n = 20",
      "2026-10: n = 18",
      "2026-05: n = 40",
      "2026-10: n = 42",
      "fewer than 5 respondents",
    ]);
    expect(texts(root)).toEqual(expect.arrayContaining(["County", "1 group suppressed", "Northgate"]));
    expect(texts(root)).not.toContain("Harbour");
    // Only this boundary's groups.
    expect(texts(root)).not.toContain("Ward 1");
  });

  it("tells the waves apart by colour and shape, and draws the bands", async () => {
    const root = await draw();
    const means = marks(root, "means");
    expect(means[0].attrs.fill).not.toBe(means[1].attrs.fill);
    expect(means[0].attrs.d.includes("A")).toBe(true);
    expect(means[1].attrs.d.includes("A")).toBe(false);
    expect(marks(root, "band_0")).toHaveLength(1);
    expect(translation(marks(root, "band_0")[0])[0]).toBeCloseTo(((3 - 1) / 4) * 460, 6);
    expect(translation(marks(root, "band_1")[0])[0]).toBeCloseTo(((4 - 1) / 4) * 460, 6);
  });

  it("gives the lowest groups and the suppressed count in the alt text", () => {
    expect(scaleGroupsAltText(input)).toBe(
      "Trust: mean score (1–5) with 95% interval for each organisation, latest wave 2026-10; lowest: County 3.25 (n = 18), Northgate 4.50 (n = 42); 1 group suppressed (fewer than 5 respondents).",
    );
  });
});
