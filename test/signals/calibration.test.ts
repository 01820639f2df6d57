// The fast version of `npm run calibrate` (docs/methods.md, "Calibration"): null systems of every shape, small and
// few, deterministic seeds. Fails when any kind of signal fires more often than the target of at most 1 warning or
// critical signal per 10 null system-runs — a change that makes the tool noisier fails here.
import { describe, expect, it } from "vitest";
import { TARGET_PER_10_RUNS, nullTable } from "../../scripts/calibrate.js";
import { measureNull, type NullResult } from "../../scripts/calibrate/measure.js";
import { nullSystem, SHAPES } from "../../scripts/calibrate/null-systems.js";

const SEEDS = [1, 2, 3, 4, 5];

describe("calibration on null systems (100 people, 26 weeks, seeds 1–5 of every shape)", () => {
  const results: NullResult[] = SHAPES.map((shape) => measureNull(shape, 100, SEEDS));
  const runs = results.reduce((s, r) => s + r.runs, 0);

  it("no kind of signal fires more than the target rate over all shapes", () => {
    const byKind: Record<string, number> = {};
    for (const r of results) for (const [k, n] of Object.entries(r.byKind)) byKind[k] = (byKind[k] ?? 0) + n;
    for (const [kind, count] of Object.entries(byKind))
      expect((10 * count) / runs, `${kind}\n${nullTable(results)}`).toBeLessThanOrEqual(TARGET_PER_10_RUNS);
  });

  it("no shape has more than one alarm in its five runs", () => {
    for (const r of results) expect(r.total, `${r.shape}\n${nullTable(results)}`).toBeLessThanOrEqual(1);
  });

  it("the null systems are the same for the same seed, and differ between shapes", () => {
    const rows = (shape: (typeof SHAPES)[number], seed: number) =>
      nullSystem({ shape, people: 100, seed }).interactions!.rows;
    expect(rows("churn", 3)).toBe(rows("churn", 3));
    expect(new Set(SHAPES.map((s) => rows(s, 3))).size).toBe(SHAPES.length);
  });
});
