// `spc.runLength` in the config: 6 points in a row for a shift (Making Data Count, the default) or 7 (as
// NHSRplotthedots users work).
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/load/config.js";
import { periodStartDay } from "../../src/model/periods.js";
import type { Dataset } from "../../src/model/types.js";
import { analyseSignals } from "../../src/signals/analyse.js";
import { FIRST_WEEK, syntheticDataset } from "./synthetic.js";

/** 14 points alternating 10/12 (mean 11, limits wide), then 6 at 10.5: below the mean, inside the limits. */
function deliveryAlone(runLength?: 6 | 7): Dataset {
  const data = syntheticDataset({ seed: 1, weeks: 20, groups: { A: 6, B: 6 }, links: [] });
  const at = (w: number) => periodStartDay(FIRST_WEEK + w, "week") * 86_400_000;
  return {
    ...data,
    people: null,
    interactions: null,
    window: { since: null, until: null },
    delivery: Array.from({ length: 20 }, (_, w) => ({
      metric: "waits",
      at: at(w),
      value: w < 14 ? (w % 2 === 0 ? 10 : 12) : 10.5,
      groups: {},
      line: w + 2,
    })),
    config: {
      ...data.config,
      metrics: { waits: { better: "lower", baselinePoints: 14 } },
      ...(runLength ? { spc: { runLength } } : {}),
    },
  };
}

describe("spc.runLength", () => {
  it("is 6 or 7 in the config", () => {
    expect(parseConfig({ spc: { runLength: 7 } }, null).spc).toEqual({ runLength: 7 });
    expect(() => parseConfig({ spc: { runLength: 5 } }, null)).toThrow(/6 or 7/);
  });

  it("6 points below the mean are a shift with the default, not with 7", () => {
    const shift = (data: Dataset) =>
      analyseSignals(data)!.series[0].points.filter((p) => p.rules.includes("shift")).length;
    expect(shift(deliveryAlone())).toBe(6);
    expect(shift(deliveryAlone(6))).toBe(6);
    expect(shift(deliveryAlone(7))).toBe(0);
  });
});
