// XmR engine: hand-worked values and reference values from test/reference/spc-reference.R (base R, independent).
import { describe, expect, it } from "vitest";
import { xmrChart } from "../../src/signals/spc/xmr.js";

const worked = [20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18];

describe("xmrChart", () => {
  it("reproduces the worked example of instruments.md (R: mean 23.2, mR̄ 5.428571, limits 8.76 / 37.64)", () => {
    const chart = xmrChart({ values: worked, direction: "higher" });
    const [segment] = chart.segments;
    expect(segment.mean).toBeCloseTo(23.2, 9);
    expect(segment.averageMovingRange).toBeCloseTo(5.428571429, 9);
    expect(segment.lowerLimit).toBeCloseTo(8.76, 9);
    expect(segment.upperLimit).toBeCloseTo(37.64, 9);
    expect(chart.points[0].upperTwoSigma).toBeCloseTo(32.826666667, 8);
    expect(chart.points[0].lowerTwoSigma).toBeCloseTo(13.573333333, 8);
    expect(chart.points.every((p) => p.special === null)).toBe(true);
  });

  it("treats a gap as a gap: no zero, the moving range spans it, the point has no judgement", () => {
    const withGap = [...worked.slice(0, 5), null, ...worked.slice(5)];
    const chart = xmrChart({ values: withGap, direction: "higher" });
    expect(chart.usablePoints).toBe(15);
    expect(chart.segments[0].mean).toBeCloseTo(23.2, 9);
    // Hand-worked: the moving ranges are those of the worked example (the gap sits between 22 and 16, |16 − 22| = 6 = the original).
    expect(chart.segments[0].averageMovingRange).toBeCloseTo(76 / 14, 9);
    expect(chart.points[5].value).toBeNull();
    expect(chart.points[5].special).toBeNull();
    expect(chart.points[5].rules).toEqual([]);
  });

  it("leaves excluded points (partial periods) out of the limits and the rules", () => {
    const chart = xmrChart({ values: [...worked, 0], direction: "higher", excluded: [15] });
    expect(chart.segments[0].mean).toBeCloseTo(23.2, 9);
    expect(chart.points[15].special).toBeNull();
    expect(chart.points[15].excluded).toBe(true);
    expect(chart.variation).toBe("common-cause"); // from the last usable point
  });

  it("shift: six points on one side flag all six; five do not; seven with runLength 7 (NHSRplotthedots)", () => {
    const base = [12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10];
    const six = xmrChart({ values: [...base, 13, 13, 13, 13, 13, 13], direction: "higher" });
    expect(six.points.slice(14).map((p) => p.rules)).toEqual(Array(6).fill(["shift"]));
    expect(six.points.slice(14).every((p) => p.special === "improvement" && p.side === "high")).toBe(true);
    const five = xmrChart({ values: [...base, 13, 13, 13, 13, 13, 10], direction: "higher" });
    expect(five.points.some((p) => p.rules.includes("shift"))).toBe(false);
    const seven = xmrChart({ values: [...base, 13, 13, 13, 13, 13, 13], direction: "higher" }, { runLength: 7 });
    expect(seven.points.some((p) => p.rules.includes("shift"))).toBe(false);
  });

  it("a point exactly on the mean breaks a shift (it is on neither side)", () => {
    // Hand-built so the mean is exactly 12: 14 points alternating 14/10, then 13,13,13,12,13,13,13 and six 11s.
    const values = [
      14, 10, 14, 10, 14, 10, 14, 10, 14, 10, 14, 10, 14, 10, 13, 13, 13, 12, 13, 13, 13, 11, 11, 11, 11, 11, 11,
    ];
    const chart = xmrChart({ values, direction: "higher" });
    expect(chart.segments[0].mean).toBe(12);
    expect(chart.points.slice(14, 21).some((p) => p.rules.includes("shift"))).toBe(false);
    expect(chart.points.slice(21).every((p) => p.rules.includes("shift") && p.special === "concern")).toBe(true);
  });

  it("trend: six rising points flag all six, even across the mean; a pause (a repeat) breaks it", () => {
    const base = [20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20, 22, 20];
    const rising = xmrChart({ values: [...base, 17, 18, 19, 21, 23, 24], direction: "lower" });
    expect(rising.points.slice(13).every((p) => p.rules.includes("trend") && p.special === "concern")).toBe(true);
    const paused = xmrChart({ values: [...base, 17, 18, 18, 21, 23, 24], direction: "lower" });
    expect(paused.points.some((p) => p.rules.includes("trend"))).toBe(false);
  });

  it("two-sigma: two of three beyond the same two-sigma line, all three on one side; beyond-limit points count only by setting", () => {
    const base = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 10 : 14));
    // Hand-worked: base + 22, 15, 22 → mean 299/23 = 13.0, mR̄ 98/22 = 4.4545, two-sigma line 20.90, limit 24.85.
    const chart = xmrChart({ values: [...base, 22, 15, 22], direction: "higher" });
    const s = chart.segments[0];
    expect(s.mean).toBeCloseTo(13, 12);
    expect(s.averageMovingRange).toBeCloseTo(98 / 22, 12);
    expect(chart.points.slice(20).map((p) => p.rules)).toEqual([["two-sigma"], [], ["two-sigma"]]);
    // 22.5 is beyond two sigma (21.99) and 30 beyond the limit (26.31): by default 30 does not count, so 22.5 is alone.
    const values = [...base, 22.5, 15, 30];
    expect(
      xmrChart({ values, direction: "higher" })
        .points.slice(20)
        .map((p) => p.rules),
    ).toEqual([[], [], ["beyond-limits"]]);
    const counting = xmrChart({ values, direction: "higher" }, { twoSigmaCountsBeyondLimits: true });
    expect(counting.points.slice(20).map((p) => p.rules)).toEqual([["two-sigma"], [], ["beyond-limits", "two-sigma"]]);
  });

  it("screens moving ranges above 3.267 × their mean when asked (R: mR̄ 5.538 → 1.182, two dropped)", () => {
    const values = [10, 11, 10, 12, 11, 10, 40, 11, 10, 12, 11, 10, 11, 12];
    const plain = xmrChart({ values, direction: "neither" });
    expect(plain.segments[0].averageMovingRange).toBeCloseTo(5.538461538, 8);
    expect(plain.segments[0].upperLimit).toBeCloseTo(27.660879121, 8);
    const screened = xmrChart({ values, direction: "neither" }, { screenMovingRanges: true });
    expect(screened.segments[0].averageMovingRange).toBeCloseTo(1.181818182, 8);
    expect(screened.segments[0].screenedMovingRanges).toBe(2);
  });

  it("baseline: the first K points fix the limits for the rest of the section", () => {
    const values = [...worked, 40, 41, 42];
    const chart = xmrChart({ values, direction: "higher", baselinePoints: 15 });
    expect(chart.segments[0].calculationPoints).toBe(15);
    expect(chart.points[17].mean).toBeCloseTo(23.2, 9);
    expect(chart.points[17].upperLimit).toBeCloseTo(37.64, 9);
    expect(chart.points.slice(15).every((p) => p.rules.includes("beyond-limits"))).toBe(true);
    const notes = xmrChart({ values: worked, direction: "higher", baselinePoints: 20 }).notes;
    expect(notes.join(" ")).toMatch(/baseline of 20 points asked for, 15 available/);
  });

  it("recalculation: each section has its own limits; with rulesCrossRecalculations off a shift stops at the boundary", () => {
    // Section 1: mean 25.4; section 2: mean 29.53 (hand-worked; the MDC "crossing recalculations - shift" data).
    const values = [
      28, 23, 26, 21, 23, 25, 24, 29, 30, 27, 25, 30, 27, 24, 19, 22, 28, 28, 29, 33, 28, 30, 31, 30, 26, 27, 34, 30,
      32, 35,
    ];
    const crossing = xmrChart({ values, direction: "higher", recalculateAt: [15] });
    expect(crossing.segments.map((s) => s.mean)).toEqual([381 / 15, 443 / 15]);
    expect(crossing.points.slice(13, 19).every((p) => p.rules.includes("shift"))).toBe(true);
    const within = xmrChart({ values, direction: "higher", recalculateAt: [15] }, { rulesCrossRecalculations: false });
    expect(within.points.some((p) => p.rules.includes("shift"))).toBe(false);
  });

  it("recalculation: with rulesCrossRecalculations off, two-sigma's window of three stops at the boundary too", () => {
    // Section 1 (24 points, mean 246.2 / 24 = 10.26) ends 10, 13, 13.2: 10 sits below the mean, so no window of three
    // inside it is all on one side. Section 2 starts at 13.2, beyond its own upper two-sigma line: only a window that
    // crosses the recalculation (13, 13.2 | 13.2) has three points beyond two-sigma on one side.
    const first = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 13, 13.2];
    const second = [13.2, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9];
    const input = { values: [...first, ...second], direction: "higher" as const, recalculateAt: [24] };
    const crossing = xmrChart(input, { rulesCrossRecalculations: true });
    expect(crossing.segments[0].mean).toBeCloseTo(246.2 / 24, 12);
    const flagged = (chart: typeof crossing) =>
      chart.points.flatMap((p, i) => (p.rules.includes("two-sigma") ? [i] : []));
    expect(flagged(crossing)).toEqual([22, 23, 24]);
    expect(flagged(xmrChart(input, { rulesCrossRecalculations: false }))).toEqual([]);
  });

  it("conflict: the setting decides which judgement a point both improving and concerning gets", () => {
    const values = [43, 41, 37, 36, 31, 23, 15, 13, 15, 18, 23, 27, 31, 36, 27, 19, 17, 27, 15, 22];
    expect(xmrChart({ values, direction: "higher" }).points[7].special).toBe("improvement");
    expect(xmrChart({ values, direction: "higher" }, { conflict: "concern" }).points[7].special).toBe("concern");
    expect(xmrChart({ values, direction: "higher" }).points[7].rules).toEqual(
      expect.arrayContaining(["shift", "trend"]),
    );
  });

  it("is a run chart with an Anhøj analysis below the minimum number of points", () => {
    const chart = xmrChart({ values: [3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10], direction: "higher" });
    expect(chart.kind).toBe("run");
    expect(chart.runs?.longestRun).toBe(5);
    expect(chart.notes[0]).toMatch(/run chart/);
  });
});
