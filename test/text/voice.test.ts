// One voice for numbers: each helper against hand-worked cases.
import { describe, expect, it } from "vitest";
import { againstBands, formatInterval, formatP, formatShare, metricWords, pValueText } from "../../src/text/voice.js";
import { formatEvidence, formatNumber } from "../../src/report/format.js";

describe("one voice for numbers", () => {
  it("writes p-values as p < 0.001, never p = 0", () => {
    expect(formatP(0)).toBe("p < 0.001");
    expect(formatP(0.00049)).toBe("p < 0.001");
    expect(formatP(0.0042)).toBe("p = 0.004");
    expect(formatP(0.636)).toBe("p = 0.64");
    expect(pValueText(1)).toBe("1.00");
  });

  it("writes shares as percentages that never round a non-zero share to 0% or a partial one to 100%", () => {
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(111 / 66188)).toBe("0.2%");
    expect(formatShare(0.0004)).toBe("< 0.1%");
    expect(formatShare(0.138)).toBe("14%");
    expect(formatShare(0.996)).toBe("99.6%");
    expect(formatShare(0.99996)).toBe("> 99.9%");
    expect(formatShare(1.091)).toBe("109%");
  });

  it("writes intervals with 'to', both ends to the same decimals", () => {
    expect(formatInterval([0.03, 8.96])).toBe("95% CI 0.03 to 8.96");
    expect(formatInterval([-2.53, -0.98])).toBe("95% CI -2.53 to -0.98");
    expect(formatInterval([-2.531, -0.9801], 0.9)).toBe("90% CI -2.53 to -0.98");
    expect(formatInterval([2, 7])).toBe("95% CI 2 to 7");
    expect(formatInterval([1234.5, 20000])).toBe("95% CI 1,235 to 20,000");
  });

  it("puts thousands separators in every number", () => {
    expect(formatNumber(1296)).toBe("1,296");
    expect(formatNumber(66188.4)).toBe("66,188");
    expect(formatNumber(9.2307)).toBe("9.23");
  });

  it("shows evidence by its kind: shares as percentages, p-values as p-values", () => {
    expect(formatEvidence({ label: "fall from the baseline mean", value: 0.96, kind: "share" })).toBe(
      "fall from the baseline mean: 96%",
    );
    expect(formatEvidence({ label: "p", value: 0.00001, kind: "p-value" })).toBe("p: < 0.001");
    expect(formatEvidence({ label: "Hedges' g", value: -1.7612, ci: [-2.531, -0.9801] })).toBe(
      "Hedges' g: -1.76 (95% CI -2.53 to -0.98)",
    );
    expect(formatEvidence({ label: "share", value: 0.138, n: 116, ci: [0.087, 0.212], kind: "share" })).toBe(
      "share: 14% (95% CI 9% to 21%, n = 116)",
    );
  });

  it("reads ids as words and keeps a value off a band limit it is not on", () => {
    expect(metricWords("delayed_discharges")).toBe("delayed discharges");
    expect(metricWords("sharedKnowledge")).toBe("shared knowledge");
    expect(againstBands(4.004, [3.5, 4])).toBe("4.004");
    expect(againstBands(4, [3.5, 4])).toBe("4.00");
    expect(againstBands(3.7312, [3.5, 4])).toBe("3.73");
    expect(againstBands(3.4996, [3.5, 4])).toBe("3.4996");
  });
});
