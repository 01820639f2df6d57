// Anhøj run-chart rules against qicharts2's runs.analysis, reproduced in base R (test/reference/spc-reference.R).
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { median, runsAnalysis } from "../../src/signals/spc/runs.js";

describe("runsAnalysis", () => {
  it("a slow climb: median 6.5, longest run 5 (max 7), 3 crossings (min 3): no signal", () => {
    const r = runsAnalysis([3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10])!;
    expect(r).toMatchObject({
      median: 6.5,
      useful: 12,
      longestRun: 5,
      longestRunMax: 7,
      crossings: 3,
      crossingsMin: 3,
      signal: false,
    });
  });

  it("a step: 1 crossing < 3 signals, the longest run of 6 does not", () => {
    const r = runsAnalysis([5, 6, 5, 6, 5, 6, 9, 9, 9, 9, 9, 9])!;
    expect(r).toMatchObject({
      median: 7.5,
      longestRun: 6,
      longestRunMax: 7,
      crossings: 1,
      crossingsMin: 3,
      signal: true,
      tests: ["crossings"],
    });
    expect(r.longestRunSide).toBe("high");
  });

  it("skips points on the median; nothing off the median is null", () => {
    expect(runsAnalysis([2, 2, 2])).toBeNull();
    expect(runsAnalysis([1, 2, 3])!.useful).toBe(2);
    expect(median([4, 1, 3])).toBe(3);
  });

  const cdiPath = fileURLToPath(new URL("../../../shared/data/spc/qicharts2_cdi.csv", import.meta.url));
  // vitest runs a describe body while collecting even when skipped: the file is read only inside the tests.
  const cdi = () => {
    const rows = readFileSync(cdiPath, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    return { n: rows.map((r) => Number(r[1])), pre: rows.filter((r) => r[3] === '"pre"').map((r) => Number(r[1])) };
  };
  describe.skipIf(!existsSync(cdiPath))("qicharts2's own CDI data (../shared/data/spc; skipped without it)", () => {
    it("all 36 months: median 17, 32 useful, longest run 14 > 8, 6 crossings < 11", () => {
      const { n } = cdi();
      expect(runsAnalysis(n)).toMatchObject({
        median: 17,
        useful: 32,
        longestRun: 14,
        longestRunMax: 8,
        crossings: 6,
        crossingsMin: 11,
        signal: true,
      });
    });
    it("24 pre-intervention months: median 19, 19 useful, longest 3 ≤ 7, 8 crossings ≥ 6: random", () => {
      const { pre } = cdi();
      expect(pre).toHaveLength(24);
      expect(runsAnalysis(pre)).toMatchObject({
        median: 19,
        useful: 19,
        longestRun: 3,
        longestRunMax: 7,
        crossings: 8,
        crossingsMin: 6,
        signal: false,
      });
    });
  });
});
