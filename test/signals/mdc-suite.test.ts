// The NHS "Making Data Count" XmR peer test suite (test/fixtures/spc-mdc, MIT): every point's expected colour in
// every scenario, with the settings its document (SPC-Charts-XmR-Testing.md) gives for that scenario.
import { describe, expect, it } from "vitest";
import { xmrChart } from "../../src/signals/spc/xmr.js";
import type { Direction, XmrInput } from "../../src/result/spc.js";
import { colourOf, loadScenarios, scenarioSettings } from "./mdc-scenarios.js";

const scenarios = loadScenarios();

describe("MDC XmR peer suite: every point's colour", () => {
  it("knows every scenario in the file (38 named, 37 once the typo is merged) and every row", () => {
    expect([...scenarios.keys()].sort()).toEqual(Object.keys(scenarioSettings).sort());
    expect([...scenarios.values()].reduce((n, rows) => n + rows.length, 0)).toBe(765);
  });

  for (const [name, settings] of Object.entries(scenarioSettings)) {
    it(name, () => {
      const rows = scenarios.get(name)!;
      const input: XmrInput = { values: rows.map((r) => r.value), direction: settings.direction };
      if (settings.baselinePoints) input.baselinePoints = settings.baselinePoints;
      if (settings.recalculateAt) input.recalculateAt = settings.recalculateAt;
      const chart = xmrChart(input);
      const got = chart.points.map((p) => colourOf(p.special));
      const expected = rows.map((r, i) => settings.knownDifferences?.[i + 1]?.relaudit ?? r.colour);
      expect(got).toEqual(expected);
      for (const [point, difference] of Object.entries(settings.knownDifferences ?? {}))
        expect(rows[Number(point) - 1].colour, `the suite's colour for p${point}`).toBe(difference.excel);
    });
  }
});

describe("MDC XmR peer suite: documented settings relaudit handles differently", () => {
  it("Baselines - Recalculated: a recalculation after a baseline starts a new section in relaudit (Excel ignores it)", () => {
    const rows = scenarios.get("Baselines - Recalculated")!;
    const chart = xmrChart({
      values: rows.map((r) => r.value),
      direction: "higher",
      baselinePoints: 15,
      recalculateAt: [15],
    });
    // With the second section's own limits the last six points form a shift below its mean (as in "Recalculations -
    // Recalculated"), where the Excel tool keeps extending the baseline and shows them blue.
    expect(chart.points.slice(24).map((p) => colourOf(p.special))).toEqual(Array(6).fill("orange"));
    expect(rows.slice(24).map((r) => r.colour)).toEqual(Array(6).fill("blue"));
  });
});

describe("MDC XmR peer suite: limits and summary icons", () => {
  const values = (name: string) => scenarios.get(name)!.map((r) => r.value);

  it("shows no limits and no icons with 12 points, and both with 13", () => {
    const twelve = xmrChart({ values: values("Number of points - 12"), direction: "higher" });
    expect(twelve.kind).toBe("run");
    expect(twelve.points.every((p) => p.upperLimit === null && p.lowerLimit === null)).toBe(true);
    expect(twelve.variation).toBeNull();
    expect(twelve.points[0].mean).not.toBeNull(); // "The mean and the target if provided are shown."
    const thirteen = xmrChart({ values: values("Number of points - 13"), direction: "higher" });
    expect(thirteen.kind).toBe("xmr");
    expect(thirteen.variation).toBe("common-cause");
  });

  it("Process limits - 15: mean 23.20, limits 8.76 and 37.64 (the document's figures)", () => {
    const chart = xmrChart({ values: values("Process limits - 15"), direction: "higher" });
    expect(chart.segments[0].mean).toBeCloseTo(23.2, 2);
    expect(chart.segments[0].averageMovingRange).toBeCloseTo(5.43, 2);
    expect(chart.segments[0].lowerLimit).toBeCloseTo(8.76, 2);
    expect(chart.segments[0].upperLimit).toBeCloseTo(37.64, 2);
  });

  it("Process limits - 10: mean 22.10 shown without limits", () => {
    const chart = xmrChart({ values: values("Process limits - 10"), direction: "higher" });
    expect(chart.points[0].mean).toBeCloseTo(22.1, 2);
    expect(chart.points[0].upperLimit).toBeNull();
  });

  // The variation icon follows the last point: its colour in the suite, and whether the rule behind it is high or low.
  const variationCases: [string, string | null][] = [
    ["Summary icons - variation - High is good", "improvement-high"], // last point 45, blue, above the upper limit
    ["Summary icons - variation - Low is good", "concern-high"], // 45, orange
    ["Summary icons - variation - High is good 2", "common-cause"], // 25, grey
    ["Summary icons - variation - High is good 3", "concern-low"], // 5, orange, below the lower limit
    ["Summary icons - variation - Low is good 3", "improvement-low"], // 5, blue
    ["Summary icons - variation - Neither", "neither-high"], // 45, purple
    ["Summary icons - variation - Neither2", "common-cause"], // 25, grey
    ["Summary icons - variation - Too few points", null], // 10 points: no icon
  ];
  for (const [name, icon] of variationCases)
    it(`variation icon: ${name}`, () => {
      expect(xmrChart({ values: values(name), direction: scenarioSettings[name].direction }).variation).toBe(icon);
    });

  // Assurance: target against the latest limits. Limits from test/reference/spc-reference.R: all 30 points
  // 13.334–36.999; after a recalculation at p16, 20.453–40.213.
  const assuranceData = values("Summary icons - assurance - high is good");
  const assuranceCases: [Direction, number, number[] | undefined, string | null][] = [
    ["higher", 40, undefined, "fail"],
    ["higher", 30, undefined, "hit-or-miss"],
    ["higher", 10, undefined, "pass"],
    ["lower", 40, undefined, "pass"],
    ["lower", 30, undefined, "hit-or-miss"],
    ["lower", 10, undefined, "fail"],
    ["neither", 30, undefined, null],
    ["higher", 40, [15], "hit-or-miss"],
  ];
  for (const [direction, target, recalculateAt, icon] of assuranceCases)
    it(`assurance icon: ${direction} is better, target ${target}${recalculateAt ? ", recalculated at p16" : ""}`, () => {
      const chart = xmrChart({ values: assuranceData, direction, target, recalculateAt });
      expect(chart.assurance).toBe(icon);
      expect(chart.target).toBe(target);
    });

  it("assurance icon: too few points gives none", () => {
    expect(xmrChart({ values: assuranceData.slice(0, 10), direction: "higher", target: 40 }).assurance).toBeNull();
  });
});
