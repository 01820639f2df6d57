// The Making Data Count XmR test data through the whole CLI, as a user would feed it: every scenario as a metric of
// one delivery.csv with its dd/mm/yyyy dates, its settings (better, baseline, recalculation) in the config, run by
// `relaudit signals` in process. Each metric is charted by day, its own cadence detected from its dates, and every
// point must take the colour the suite expects (the engine-level test of the same data is mdc-suite.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";
import type { Series } from "../../src/result/signals.js";
import { colourOf, loadScenarios, scenarioSettings } from "./mdc-scenarios.js";

const scenarios = loadScenarios();
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("MDC XmR test data through relaudit signals (delivery.csv, dd/mm/yyyy, settings in the config)", () => {
  let dir: string;
  let series: Map<string, Series>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "relaudit-mdc-"));
    const lines = ["metric,date,value"];
    for (const [name, rows] of scenarios) for (const r of rows) lines.push(`${name},${r.date},${r.value}`);
    writeFileSync(join(dir, "delivery.csv"), lines.join("\n") + "\n");
    const metrics = Object.fromEntries(
      Object.entries(scenarioSettings).map(([name, s]) => [
        name,
        {
          better: s.direction,
          ...(s.baselinePoints ? { baselinePoints: s.baselinePoints } : {}),
          // A recalculation at point i (0-based) starts new limits on that point's day.
          ...(s.recalculateAt ? { recalculateAt: s.recalculateAt.map((i) => iso(scenarios.get(name)![i].day)) } : {}),
        },
      ]),
    );
    writeFileSync(join(dir, "relaudit.config.json"), JSON.stringify({ dateFormat: "dd/mm/yyyy", metrics }, null, 2));
    const { code, stdout, stderr } = await runInProcess(["signals", dir, "--format", "json"]);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { series: Series[] };
    series = new Map(report.series.map((s) => [s.metric, s]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("charts every scenario by day, one point per row, on the row's day", () => {
    expect([...series.keys()].sort()).toEqual([...scenarios.keys()].sort());
    for (const [name, rows] of scenarios) {
      const s = series.get(name)!;
      expect(s.cadence, name).toBe("day");
      const byDay = new Map(s.points.map((p) => [p.period, p.value]));
      for (const r of rows) expect(byDay.get(iso(r.day)), `${name} ${r.date}`).toBe(r.value);
    }
  });

  let coloured = 0;
  for (const [name, settings] of Object.entries(scenarioSettings))
    it(`${name}: every point the suite's colour`, () => {
      const rows = scenarios.get(name)!;
      const points = new Map(series.get(name)!.points.map((p) => [p.period, p]));
      const got = rows.map((r) => colourOf(points.get(iso(r.day))!.special));
      // The one point no documented rule explains is pinned by the engine test (mdc-suite.test.ts) the same way.
      const expected = rows.map((r, i) => settings.knownDifferences?.[i + 1]?.relaudit ?? r.colour);
      expect(got).toEqual(expected);
      coloured += rows.length;
    });

  it(`coloured all 765 points of the ${scenarios.size} scenarios`, () => {
    expect(coloured).toBe(765);
  });
});
