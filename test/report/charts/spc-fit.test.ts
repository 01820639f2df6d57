// SPC charts that fit (issue 16): limits past a metric's natural range are drawn at the bound with the calculated
// value in the label; no label sits over a point or over another label; the SVG is no wider than what it draws.
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../../src/report/charts/render.js";
import { spreadLabels, placeMarkers, yDomain } from "../../../src/report/charts/spc-layout.js";
import { spcAltText, spcSpec, spcTitle, type SpcChartInput } from "../../../src/report/charts/spc.js";
import type { Series } from "../../../src/result/signals.js";
import { shiftSeries, shiftSignal } from "./fixtures.js";
import { marks, parseSvg, translation, type SvgElement } from "./svg.js";

async function draw(input: SpcChartInput) {
  const { svg, warnings } = await renderSvg(spcSpec(input), spcTitle(input.series), spcAltText(input));
  expect(warnings).toEqual([]);
  return parseSvg(svg);
}

/** A count series whose calculated lower limit (-0.08) is below zero, as in the demo's Eastfield ↔ Harbour chart. */
function countSeries(): Series {
  const base = shiftSeries();
  return { ...base, points: base.points.map((p) => ({ ...p, lowerLimit: -0.08, upperLimit: 18.54 })), target: null };
}

/** A reciprocity series (0–1) whose calculated upper limit is 1.28. */
function reciprocitySeries(): Series {
  const base = shiftSeries();
  return {
    ...base,
    metric: "reciprocity",
    target: null,
    points: base.points.map((p, i) => ({
      ...p,
      value: p.value === null ? null : (p.value - 6) / 10,
      mean: 0.7,
      upperLimit: 1.28,
      lowerLimit: 0.12,
      special: i === base.points.length - 1 ? "concern" : null,
    })),
  };
}

/** Text boxes in the plot's coordinates: 10 px text, 0.57 em a character, as the chart is laid out. */
function box(e: SvgElement): [number, number, number, number] {
  const [x, y] = translation(e);
  const width = e.text.length * 10 * 0.57;
  const anchor = e.attrs["text-anchor"] ?? "start";
  const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
  return [left, y - 9, left + width, y + 2];
}
const overlaps = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe("SPC charts that fit", () => {
  it("draws a count's lower limit at 0, says the calculated value, and keeps the axis at 0", async () => {
    const series = countSeries();
    const spec = spcSpec({ series, signals: [], period: "week" }) as unknown as {
      data: { values: { lower: number }[] };
    };
    expect(spec.data.values.every((r) => r.lower === 0)).toBe(true);
    const root = await draw({ series, signals: [], period: "week" });
    const labels = marks(root, "limit_labels").map((e) => e.text);
    expect(labels).toContain("lower limit at 0 (calculated -0.08)");
    expect(labels).toContain("upper limit 18.5");
    const ticks = marks(root, "points").map((p) => translation(p)[1]);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(280);
  });

  it("draws reciprocity's upper limit at 1, never above the top of its range", async () => {
    const series = reciprocitySeries();
    const input = {
      series,
      signals: [{ ...shiftSignal(), severity: "warning" as const, firstPeriod: series.points.at(-1)!.period }],
      period: "week" as const,
    };
    const spec = spcSpec(input) as unknown as { data: { values: { upper: number }[] } };
    expect(spec.data.values.every((r) => r.upper === 1)).toBe(true);
    const root = await draw(input);
    expect(marks(root, "limit_labels").map((e) => e.text)).toContain("upper limit at 1 (calculated 1.28)");
  });

  it("puts no label over a point or over another label, the signal marker at the last week included", async () => {
    const series = reciprocitySeries();
    const last = series.points.at(-1)!.period;
    const root = await draw({
      series: {
        ...series,
        annotations: [{ period: series.points.at(-2)!.period, note: "new triage rota", action: null }],
      },
      signals: [{ ...shiftSignal(), firstPeriod: last }],
      period: "week",
    });
    const labels = [
      ...marks(root, "limit_labels"),
      ...marks(root, "marker_labels"),
      ...marks(root, "marker_labels_end"),
    ];
    expect(labels.length).toBeGreaterThanOrEqual(5);
    const boxes = labels.map(box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(overlaps(boxes[i], boxes[j]), `${labels[i].text} / ${labels[j].text}`).toBe(false);
    for (const p of marks(root, "points")) {
      const [x, y] = translation(p);
      for (const [k, b] of boxes.entries())
        expect(overlaps(b, [x - 4, y - 4, x + 4, y + 4]), `${labels[k].text} over a point`).toBe(false);
    }
  });

  it("is as wide as what it draws: no empty right margin", async () => {
    const root = await draw({ series: countSeries(), signals: [shiftSignal()], period: "week" });
    const width = Number(root.attrs.width);
    // Plot 680 + y axis + the longest limit label ("lower limit at 0 (calculated -0.08)", ~200 px) + padding.
    expect(width).toBeLessThan(680 + 80 + 220 + 32);
    const [rootX] = translation(root.children.find((c) => c.tag === "g")!);
    const rightmost = Math.max(...marks(root, "limit_labels").map((e) => box(e)[2] + rootX));
    expect(width - rightmost).toBeLessThan(60);
  });

  it("spreads labels of close lines apart and stacks marker labels that would overlap", () => {
    const ys = spreadLabels([0, 0.05, 10], [0, 10], 280);
    const px = ys.map((y) => 280 * (1 - y / 10));
    expect(Math.abs(px[0] - px[1])).toBeGreaterThanOrEqual(12);
    expect(ys[2]).toBeCloseTo(10);
    expect(yDomain([-0.08, 5], { min: 0 })[0]).toBe(0);
    const placed = placeMarkers(
      [
        { index: 18, label: "new triage rota" },
        { index: 19, label: "critical signal starts" },
      ],
      20,
      680,
    );
    expect(placed.map((p) => p.align)).toEqual(["right", "right"]);
    expect(placed[0].y).not.toBe(placed[1].y);
  });
});
