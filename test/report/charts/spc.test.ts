// SPC charts, checked structurally on the rendered SVG: well-formed XML with a title and description, two axes,
// one symbol per value at the height its value gives, mean and dashed limit lines where the series puts them,
// special-cause points coloured and shaped by their judgement, gaps breaking the line, markers at the right week.
import { describe, expect, it } from "vitest";
import { keepDrawings } from "../../../src/report/charts/latest.js";
import { renderSvg } from "../../../src/report/charts/render.js";
import { POINT_READINGS } from "../../../src/report/charts/spc-readings.js";
import { spcAltText, spcSpec, spcTitle, type SpcChartInput } from "../../../src/report/charts/spc.js";
import { OKABE_ITO, SPECIAL_CAUSE } from "../../../src/report/charts/theme.js";
import {
  MDC_LOWER,
  MDC_MEAN,
  MDC_UPPER,
  MDC_VALUES,
  mdcSeries,
  SHIFT_LOWER,
  SHIFT_MEAN,
  SHIFT_UPPER,
  shiftSeries,
  shiftSignal,
} from "./fixtures.js";
import { axes, findAll, marks, parseSvg, polylines, texts, translation, type SvgElement } from "./svg.js";

async function draw(input: SpcChartInput) {
  const { svg, warnings } = await renderSvg(spcSpec(input), spcTitle(input.series), spcAltText(input));
  expect(warnings).toEqual([]);
  return { svg, root: parseSvg(svg) };
}

/** The y pixel of a horizontal line layer (every vertex at the same height). */
function lineHeight(root: SvgElement, name: string): number {
  const [path] = marks(root, name);
  const ys = polylines(path.attrs.d)
    .flat()
    .map(([, y]) => y);
  expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(1e-6);
  return ys[0];
}

describe("SPC chart of the Making Data Count worked example", () => {
  const input: SpcChartInput = { series: mdcSeries(), signals: [], period: "week" };

  it("is well-formed SVG with a role, an accessible name and a description", async () => {
    const { root } = await draw(input);
    expect(root.attrs.role).toBe("img");
    expect(root.attrs["aria-label"]).toBe("Referrals: Northgate Hospital (organisation)");
    expect(root.children[0]).toMatchObject({ tag: "title", text: "Referrals: Northgate Hospital (organisation)" });
    expect(root.children[1].tag).toBe("desc");
    expect(root.children[1].text).toContain("mean 23.2, process limits 8.76 to 37.6");
  });

  it("has an x and a y axis, with the first week and the metric as title", async () => {
    const { root } = await draw(input);
    // Vega-Lite draws a grid as an axis of its own, so count the axis lines: one across, one up.
    const axisLines = findAll(root, (e) => e.tag === "g" && (e.attrs.class ?? "").includes("role-axis-domain")).flatMap(
      (g) => g.children,
    );
    expect(axisLines.filter((l) => Number(l.attrs.x2) > 0 && Number(l.attrs.y2) === 0)).toHaveLength(1);
    expect(axisLines.filter((l) => Number(l.attrs.x2) === 0 && Number(l.attrs.y2) !== 0)).toHaveLength(1);
    expect(axes(root).length).toBeGreaterThanOrEqual(2);
    const words = texts(root);
    expect(words).toContain("2026-W10");
    expect(words).toContain("ISO week");
    expect(words).toContain("Referrals");
  });

  it("plots one symbol per value, each at the height its value gives between the mean and the limits", async () => {
    const { root } = await draw(input);
    const mean = lineHeight(root, "mean");
    const upper = lineHeight(root, "upper_limit");
    const lower = lineHeight(root, "lower_limit");
    // SVG y grows downwards: the upper limit is drawn highest.
    expect(upper).toBeLessThan(mean);
    expect(mean).toBeLessThan(lower);
    // The mean sits where the published figures put it: (23.20 − 8.76) / (37.64 − 8.76) = 0.5 of the way up.
    expect((lower - mean) / (lower - upper)).toBeCloseTo((MDC_MEAN - MDC_LOWER) / (MDC_UPPER - MDC_LOWER), 3);
    const points = marks(root, "points");
    expect(points).toHaveLength(MDC_VALUES.length);
    const pxPerUnit = (lower - upper) / (MDC_UPPER - MDC_LOWER);
    points.forEach((p, i) => expect(translation(p)[1]).toBeCloseTo(mean - (MDC_VALUES[i] - MDC_MEAN) * pxPerUnit, 2));
    // Left to right in period order.
    const xs = points.map((p) => translation(p)[0]);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it("draws the limits dashed and the mean solid, and common-cause points grey", async () => {
    const { root } = await draw(input);
    expect(marks(root, "upper_limit")[0].attrs["stroke-dasharray"]).toBeDefined();
    expect(marks(root, "lower_limit")[0].attrs["stroke-dasharray"]).toBeDefined();
    expect(marks(root, "mean")[0].attrs["stroke-dasharray"]).toBeUndefined();
    expect(new Set(marks(root, "points").map((p) => p.attrs.fill))).toEqual(new Set([SPECIAL_CAUSE.common]));
    expect(texts(root)).toEqual(expect.arrayContaining(["mean 23.2", "upper limit 37.6", "lower limit 8.76"]));
  });
});

describe("SPC chart of a shift with a gap, a target, an annotation and a signal", () => {
  const series = shiftSeries();
  const input: SpcChartInput = { series, signals: [shiftSignal()], period: "week" };

  it("colours and shapes the six shifted points as concern, the others as common cause, in the legend too", async () => {
    const { root } = await draw(input);
    const points = marks(root, "points");
    const drawn = series.points.filter((p) => p.value !== null);
    expect(points).toHaveLength(drawn.length);
    points.forEach((p, i) => {
      const concern = drawn[i].special === "concern";
      expect(p.attrs.fill).toBe(concern ? SPECIAL_CAUSE.concern : SPECIAL_CAUSE.common);
      // Vega draws a circle with arcs, a diamond with four straight edges: shape doubles the colour.
      expect(p.attrs.d.includes("A")).toBe(!concern);
    });
    expect(texts(root)).toEqual(expect.arrayContaining([POINT_READINGS.concern, POINT_READINGS.common]));
    expect(texts(root)).not.toContain(POINT_READINGS.improvement);
  });

  it("breaks the value line at the gap and keeps each point at its value", async () => {
    const { root } = await draw(input);
    const [values] = marks(root, "values");
    const segments = polylines(values.attrs.d);
    expect(segments.map((s) => s.length)).toEqual([6, 13]);
    const mean = lineHeight(root, "mean");
    const upper = lineHeight(root, "upper_limit");
    const pxPerUnit = (mean - upper) / (SHIFT_UPPER - SHIFT_MEAN);
    expect(segments[1].at(-1)![1]).toBeCloseTo(mean + (SHIFT_MEAN - 8) * pxPerUnit, 2);
    expect(lineHeight(root, "lower_limit")).toBeCloseTo(mean + (SHIFT_MEAN - SHIFT_LOWER) * pxPerUnit, 2);
  });

  it("marks where the signal starts and the annotation, each at its week, and draws the target", async () => {
    const { root } = await draw(input);
    const points = marks(root, "points");
    const drawnIndex = (period: string) =>
      series.points.filter((p) => p.value !== null).findIndex((p) => p.period === period);
    const xOf = (period: string) => translation(points[drawnIndex(period)])[0];
    const rules = marks(root, "marker_rules");
    expect(rules).toHaveLength(2);
    const ruleXs = rules.map((r) => translation(r)[0]).sort((a, b) => a - b);
    expect(ruleXs[0]).toBeCloseTo(xOf(shiftSignal().firstPeriod), 6);
    expect(ruleXs[1]).toBeCloseTo(xOf(series.annotations[0].period), 6);
    expect(rules.find((r) => r.attrs.stroke === OKABE_ITO.vermillion)).toBeDefined();
    expect(texts(root)).toEqual(expect.arrayContaining(["critical signal starts", "new triage rota"]));
    const [target] = marks(root, "target");
    expect(target.attrs.stroke).toBe(OKABE_ITO.vermillion);
  });

  it("escapes group names in the title, the description and every label", async () => {
    const { svg, root } = await draw(input);
    expect(svg).not.toContain("A & B <Care>");
    expect(svg).toContain("A &amp; B &lt;Care&gt;");
    expect(root.children[0].text).toBe("Interactions: A & B <Care> ↔ County Social Care (organisation)");
    expect(root.children[1].text).toContain("signal from 2026-W24: a shift (6+ points on one side of the mean)");
  });

  it("renders the same bytes twice", async () => {
    // Drawn twice, not the second time kept from the first (test/helpers/keep-drawings.ts).
    const kept = keepDrawings(0);
    try {
      const a = await renderSvg(spcSpec(input), "t", "d");
      const b = await renderSvg(spcSpec(input), "t", "d");
      // Vega numbers clip paths for the whole process, so that the charts of one page never share an id.
      expect(a.svg.replace(/clip\d+/g, "clip")).toBe(b.svg.replace(/clip\d+/g, "clip"));
    } finally {
      keepDrawings(kept);
    }
  });
});

describe("run chart", () => {
  it("draws the median from the run analysis, and no limits", async () => {
    const base = mdcSeries();
    const series = {
      ...base,
      chart: "run" as const,
      variation: null,
      points: base.points.slice(0, 8).map((p) => ({ ...p, mean: 20.5, upperLimit: null, lowerLimit: null })),
      // Median of 20, 24, 20, 26, 22, 16, 18, 16 = (20 + 20) / 2 = 20.
      runs: {
        median: 20,
        useful: 6,
        longestRun: 2,
        longestRunMax: 6,
        longestRunSide: null,
        crossings: 4,
        crossingsMin: 1,
        signal: false,
        tests: [],
      },
    };
    const { root } = await draw({ series, signals: [], period: "week" });
    expect(texts(root)).toContain("median 20");
    expect(texts(root)).not.toContain("mean 20.5");
    expect(marks(root, "upper_limit")).toHaveLength(0);
    const points = marks(root, "points");
    const median = lineHeight(root, "mean");
    // Two values equal the median (20), so their symbols sit on the line.
    expect(points.filter((p) => Math.abs(translation(p)[1] - median) < 0.01)).toHaveLength(2);
  });
});
