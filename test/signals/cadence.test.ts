// A delivery metric's own cadence, its own timeline, and its values brought to the relational period, against
// hand-worked values.
import { describe, expect, it } from "vitest";
import { combine, detectCadence, ownTimeline, toRelationalPeriods } from "../../src/signals/cadence.js";
import { periodLabel, periodOf } from "../../src/model/periods.js";
import type { DeliveryRow } from "../../src/model/types.js";
import type { Timeline } from "../../src/signals/timeline.js";
import { labelAt } from "../../src/signals/timeline.js";

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const rows = (dates: string[], period?: "week" | "month"): DeliveryRow[] =>
  dates.map((d, i) => ({ metric: "m", at: at(d), value: i, groups: {}, line: i + 2, ...(period ? { period } : {}) }));
const days = (from: string, n: number, step = 1) =>
  Array.from({ length: n }, (_, i) => new Date(at(from) + i * step * DAY).toISOString().slice(0, 10));

describe("detectCadence", () => {
  it("days apart → day, even with weekends missing", () => {
    expect(detectCadence(rows(days("2026-05-04", 10)), undefined, "week", "UTC").cadence).toBe("day");
    const weekdays = days("2026-05-04", 14).filter((d) => ![0, 6].includes(new Date(d).getUTCDay()));
    expect(detectCadence(rows(weekdays), undefined, "week", "UTC").cadence).toBe("day");
  });

  it("a whole number of weeks apart → week (a missing week included); week-ending Sundays too", () => {
    const weekly = days("2026-05-04", 8, 7).filter((_, i) => i !== 3);
    expect(detectCadence(rows(weekly), undefined, "month", "UTC").cadence).toBe("week");
    expect(detectCadence(rows(days("2026-05-10", 6, 7)), undefined, "month", "UTC").cadence).toBe("week");
  });

  it("one date a month (the 1st, or month ends) → month", () => {
    const firsts = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-05-01"];
    expect(detectCadence(rows(firsts), undefined, "week", "UTC").cadence).toBe("month");
    const ends = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"];
    expect(detectCadence(rows(ends), undefined, "week", "UTC").cadence).toBe("month");
  });

  it("the config's period wins; period labels name their cadence; too few dates: the run's period", () => {
    expect(detectCadence(rows(days("2026-05-04", 10)), "week", "month", "UTC")).toEqual({
      cadence: "week",
      reason: "metrics.<name>.period in the config",
    });
    expect(detectCadence(rows(["2026-05-01", "2026-06-01"], "month"), undefined, "week", "UTC").cadence).toBe("month");
    expect(detectCadence(rows(["2026-05-04", "2026-05-05"]), undefined, "month", "UTC").cadence).toBe("month");
  });
});

describe("ownTimeline", () => {
  it("spans the first to the last row's day within the window, no partial ends", () => {
    const line = ownTimeline(rows(days("2026-05-04", 10)), "day", "UTC", { since: null, until: at("2026-05-10") })!;
    expect([labelAt(line, 0), labelAt(line, line.length - 1)]).toEqual(["2026-05-04", "2026-05-09"]);
    expect(line.partialFirst || line.partialLast).toBe(false);
  });
});

describe("toRelationalPeriods", () => {
  // Monday 2026-05-04 (2026-W19) to Sunday 2026-05-24 (W21): three whole weeks of days.
  const week = (iso: string) => periodOf(at(iso), "week");
  const relational: Timeline = {
    kind: "week",
    timeZone: "UTC",
    first: week("2026-05-04"),
    length: 3,
    partialFirst: false,
    partialLast: false,
  };
  const own: Timeline<"day"> = { ...relational, kind: "day", first: at("2026-05-04") / DAY, length: 21 };
  const values = Array.from({ length: 21 }, (_, i) => i + 1); // 1..7, 8..14, 15..21

  it("sums counts and averages rates by week", () => {
    expect(toRelationalPeriods(values, own, relational, "sum")).toEqual({ values: [28, 77, 126], incomplete: 0 });
    expect(toRelationalPeriods(values, own, relational, "mean")).toEqual({ values: [4, 11, 18], incomplete: 0 });
  });

  it("a week missing a day is a gap for a sum (not a smaller count), kept for a mean", () => {
    const gappy = values.map((v, i) => (i === 9 ? null : v));
    expect(toRelationalPeriods(gappy, own, relational, "sum")).toEqual({ values: [28, null, 126], incomplete: 1 });
    expect(toRelationalPeriods(gappy, own, relational, "mean").values[1]).toBeCloseTo((77 - 10) / 6, 12);
  });

  it("a metric reported Monday to Friday sums its five days a week (the weekend is not missing)", () => {
    // own.first is a Monday: positions 5, 6, 12, 13, 19, 20 are Saturdays and Sundays.
    const weekdays = values.map((v, i) => (i % 7 < 5 ? v : null));
    expect(toRelationalPeriods(weekdays, own, relational, "sum")).toEqual({ values: [15, 50, 85], incomplete: 0 });
    const missingWednesday = weekdays.map((v, i) => (i === 9 ? null : v));
    expect(toRelationalPeriods(missingWednesday, own, relational, "sum")).toEqual({
      values: [15, null, 85],
      incomplete: 1,
    });
  });

  it("weeks go to the month of their Monday; a month's sum needs every week starting in it", () => {
    const months: Timeline = { ...relational, kind: "month", first: periodOf(at("2026-06-01"), "month"), length: 2 };
    // June 2026 has Mondays 1, 8, 15, 22, 29; July 6, 13, 20, 27.
    const weeks: Timeline<"week"> = { ...relational, kind: "week", first: week("2026-06-01"), length: 9 };
    expect(periodLabel(weeks.first, "week")).toBe("2026-W23");
    const weekly = [1, 1, 1, 1, 1, 2, 2, 2, 2];
    expect(toRelationalPeriods(weekly, weeks, months, "sum").values).toEqual([5, 8]);
    expect(toRelationalPeriods(weekly.slice(0, 8), weeks, months, "sum")).toEqual({ values: [5, null], incomplete: 1 });
  });

  it("combine: mean or sum, null for nothing", () => {
    expect(combine([1, 2, 6], "mean")).toBe(3);
    expect(combine([1, 2, 6], "sum")).toBe(9);
    expect(combine([], "sum")).toBeNull();
  });
});
