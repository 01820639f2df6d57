// Delivery metrics at their own cadence through the CLI: the demo's weekly care packages recorded by day instead
// (each week's count spread over its seven days) are charted by day, and brought back to weeks for the leading
// indicator by the config's aggregate rule, which the report states.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runInProcess } from "../helpers/cli.js";
import { goldenDemo } from "../helpers/demo.js";
import type { LeadingIndicator, Series } from "../../src/result/signals.js";

const DAY = 86_400_000;
const METRIC = "care_packages_started";

async function signalsJson(dir: string): Promise<{ series: Series[]; leading: LeadingIndicator[]; notes: string[] }> {
  const { code, stdout, stderr } = await runInProcess(["signals", dir, "--format", "json"]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

describe("a daily delivery metric beside weekly relational series", () => {
  let dir: string;
  let weekly: { series: Series[]; leading: LeadingIndicator[] };
  let daily: { series: Series[]; leading: LeadingIndicator[]; notes: string[] };

  beforeAll(async () => {
    const demo = join(ROOT, "fixtures/demo");
    // `signals fixtures/demo --format json` as golden.test.ts proves the CLI prints it: no second run of the demo.
    weekly = JSON.parse(goldenDemo("signals", "json").stdout);
    dir = mkdtempSync(join(tmpdir(), "relaudit-cadence-"));
    cpSync(demo, dir, { recursive: true });
    const [header, ...lines] = readFileSync(join(demo, "delivery.csv"), "utf8").trim().split("\n");
    const out = [header];
    for (const line of lines) {
      const [metric, date, organisation, value] = line.split(",");
      if (metric !== METRIC) {
        out.push(line);
        continue;
      }
      // A week's count over its seven days, whole numbers that add up to the week's (the remainder on Monday).
      const total = Number(value);
      const each = Math.floor(total / 7);
      for (let d = 0; d < 7; d++) {
        const day = new Date(Date.parse(date) + d * DAY).toISOString().slice(0, 10);
        out.push(`${metric},${day},${organisation},${d === 0 ? total - 6 * each : each}`);
      }
    }
    writeFileSync(join(dir, "delivery.csv"), out.join("\n") + "\n");
    const config = JSON.parse(readFileSync(join(demo, "relaudit.config.json"), "utf8"));
    config.metrics[METRIC] = { ...config.metrics[METRIC], aggregate: "sum" };
    writeFileSync(join(dir, "relaudit.config.json"), JSON.stringify(config, null, 2));
    daily = await signalsJson(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("charts the metric by day, one point per day, and says why", () => {
    const series = daily.series.find((s) => s.metric === METRIC)!;
    expect(series.cadence).toBe("day");
    expect(series.points).toHaveLength(26 * 7);
    expect(series.points[0].period).toBe("2026-05-04");
    expect(series.notes).toContain("charted by day, its own cadence: its dates are days apart");
    // The weekly metrics keep the run's weeks.
    expect(daily.series.find((s) => s.metric === "delayed_discharges")!.cadence).toBeUndefined();
  });

  it("sums the days back to weeks for the leading indicator: the same test as on the weekly data, the rule stated", () => {
    const mine = daily.leading.filter((l) => l.metric === METRIC);
    const before = weekly.leading.filter((l) => l.metric === METRIC);
    expect(mine.length).toBe(before.length);
    expect(mine.length).toBeGreaterThan(0);
    mine.forEach((l, i) => {
      expect(l.r).toBeCloseTo(before[i].r, 12);
      expect(l.lag).toBe(before[i].lag);
      expect(l.aggregation).toBe("daily values summed to weeks (metrics.care_packages_started.aggregate: sum)");
      expect(l.message).toContain("care packages started: daily values summed to weeks");
    });
  });

  it("with the mean rule (the default, for rates) the weekly values are the days' mean: the correlation is the same", async () => {
    const config = JSON.parse(readFileSync(join(dir, "relaudit.config.json"), "utf8"));
    delete config.metrics[METRIC].aggregate;
    writeFileSync(join(dir, "relaudit.config.json"), JSON.stringify(config, null, 2));
    const mean = await signalsJson(dir);
    const mine = mean.leading.filter((l) => l.metric === METRIC);
    mine.forEach((l, i) => {
      expect(l.r).toBeCloseTo(daily.leading.filter((x) => x.metric === METRIC)[i].r, 12);
      expect(l.aggregation).toContain("averaged to weeks (metrics.care_packages_started.aggregate: mean)");
    });
  });
});
