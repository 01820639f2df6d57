// Snapshot exports (one row per pair and period, dated by the period) are charted at their own cadence: a monthly
// Viva Insights person-to-person query must never become weeks of zeros between monthly spikes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DayTally, snapshotCadence } from "../../src/load/cadence.js";
import type { Tie } from "../../src/model/types.js";
import { runInProcess } from "../helpers/cli.js";
import { hasSharedData, missingSharedData, sharedDataPath } from "../helpers/shared-data.js";

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
/** A tie with `rows` rows spread over `periods` periods. */
const tie = (rows: number, periods: number): Tie => ({
  from: 0,
  to: 1,
  weight: rows,
  rows,
  first: null,
  last: null,
  durationMinutes: 0,
  channels: {},
  periods: new Map(Array.from({ length: periods }, (_, i) => [i, 1])),
});

describe("snapshotCadence", () => {
  it("every date on the 1st of a month: monthly, whatever the pairs", () => {
    const cadence = snapshotCadence([day("2023-07-01"), day("2023-08-01"), day("2023-09-01")], [tie(5, 3)]);
    expect(cadence?.period).toBe("month");
    expect(cadence?.examples).toEqual(["2023-07-01", "2023-08-01", "2023-09-01"]);
  });

  it("one date a month (month ends), each pair once on it: monthly", () => {
    const days = [day("2023-07-31"), day("2023-08-31"), day("2023-09-30")];
    expect(snapshotCadence(days, [tie(3, 3), tie(1, 1)])?.period).toBe("month");
    // A pair listed twice on a date is a log of events, not a snapshot.
    expect(snapshotCadence(days, [tie(4, 3)])).toBeNull();
  });

  it("dates a whole number of weeks apart, each pair once: weekly", () => {
    const days = [day("2024-04-28"), day("2024-05-05"), day("2024-05-19")];
    expect(snapshotCadence(days, [tie(3, 3)])?.period).toBe("week");
  });

  it("an event log is no snapshot: several dates a month, or too many dates", () => {
    expect(snapshotCadence([day("2026-05-04"), day("2026-05-05"), day("2026-05-13")], [tie(3, 2)])).toBeNull();
    expect(snapshotCadence(null, [])).toBeNull();
  });

  it("DayTally: a time of day, or more than 400 distinct days, means an event log", () => {
    const midnight = new DayTally("UTC");
    for (const iso of ["2023-07-01", "2023-07-01", "2023-08-01"]) midnight.add(Date.parse(`${iso}T00:00:00Z`));
    expect(midnight.distinctDays()).toEqual([day("2023-07-01"), day("2023-08-01")]);
    const timed = new DayTally("UTC");
    timed.add(Date.parse("2023-07-01T09:30:00Z"));
    expect(timed.distinctDays()).toBeNull();
    const many = new DayTally("UTC");
    for (let d = 0; d < 401; d++) many.add(d * DAY);
    expect(many.distinctDays()).toBeNull();
  });

  it("DayTally: local midnight in the configured zone counts as a date without a time", () => {
    const london = new DayTally("Europe/London");
    // 2023-07-01 00:00 in London (BST, UTC+1) is 2023-06-30T23:00Z.
    london.add(Date.parse("2023-06-30T23:00:00Z"));
    expect(london.distinctDays()).toEqual([day("2023-07-01")]);
  });
});

/** A Viva Insights person-to-person query: one row per pair and month, MetricDate on the 1st. */
function vivaMonthly(): string {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-viva-monthly-"));
  const header =
    "PrimaryCollaborator_PersonId,PrimaryCollaborator_Organization,SecondaryCollaborator_PersonId," +
    "SecondaryCollaborator_Organization,MetricDate,Strong_tie_score";
  const rows = [header];
  const org = (i: number) => (i < 6 ? "Finance" : "Sales");
  for (const month of ["2023-07-01", "2023-08-01", "2023-09-01"])
    for (let a = 0; a < 12; a++)
      for (const b of [(a + 1) % 12, (a + 5) % 12]) rows.push(`p${a},${org(a)},p${b},${org(b)},${month},0.5`);
  writeFileSync(join(dir, "interactions.csv"), `${rows.join("\n")}\n`);
  return dir;
}

describe("a monthly snapshot export through the CLI", () => {
  it("is charted by month, with no partial period and no weeks of zeros", async () => {
    const { code, stdout, stderr } = await runInProcess([
      "audit",
      vivaMonthly(),
      "--format",
      "json",
      "--detail",
      "full",
    ]);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.inputs.period).toBe("month");
    expect(report.timeline).toMatchObject({
      period: "month",
      firstPeriod: "2023-07",
      lastPeriod: "2023-09",
      partialFirst: false,
      partialLast: false,
    });
    const links = report.series.filter((s: { metric: string }) => s.metric === "interactions");
    expect(links.length).toBeGreaterThan(0);
    for (const s of links) {
      expect(s.points.map((p: { period: string }) => p.period)).toEqual(["2023-07", "2023-08", "2023-09"]);
      expect(s.points.every((p: { value: number }) => p.value > 0)).toBe(true);
    }
    expect(report.inputs.warnings.join("\n")).toMatch(/every date is the 1st of a month.*periods are months/);
  });

  it("refuses --period week with a hint to use --period month", async () => {
    const { code, stderr } = await runInProcess(["audit", vivaMonthly(), "--period", "week"]);
    expect(code).toBe(2);
    expect(stderr).toContain("the dates are monthly snapshots");
    expect(stderr).toContain("use --period month");
  });

  it("the real Viva Insights p2p sample (../shared/data) is charted by month", async (ctx) => {
    const P2P = "exports/vivainsights/p2p_data.csv";
    ctx.skip(!hasSharedData(P2P), missingSharedData(P2P));
    const { code, stdout } = await runInProcess(["audit", "--interactions", sharedDataPath(P2P), "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect([report.timeline.period, report.timeline.firstPeriod, report.timeline.lastPeriod]).toEqual([
      "month",
      "2023-07",
      "2023-09",
    ]);
    expect(report.timeline.partialFirst || report.timeline.partialLast).toBe(false);
  });
});
