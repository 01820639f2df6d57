import { describe, expect, it } from "vitest";
import { parsePeriodLabel, periodLabel, periodOf, periodStartDay } from "../../src/model/periods.js";

const at = (iso: string) => Date.parse(iso);

describe("periods", () => {
  it.each([
    ["2026-05-04T00:00:00Z", "2026-W19"], // a Monday
    ["2026-05-10T23:59:59Z", "2026-W19"], // the Sunday after
    ["2026-01-01T12:00:00Z", "2026-W01"], // Thursday 1 Jan 2026: week 1 of 2026
    ["2027-01-01T12:00:00Z", "2026-W53"], // Friday 1 Jan 2027 belongs to 2026's week 53
    ["2024-12-30T12:00:00Z", "2025-W01"], // Monday 30 Dec 2024 starts 2025's week 1
  ])("%s is in ISO week %s", (iso, label) => {
    expect(periodLabel(periodOf(at(iso), "week"), "week")).toBe(label);
  });

  it("labels months and round-trips labels", () => {
    expect(periodLabel(periodOf(at("2026-12-31T23:00:00Z"), "month"), "month")).toBe("2026-12");
    for (const label of ["2026-W01", "2026-W53", "2025-W01", "2020-W53"])
      expect(periodLabel(parsePeriodLabel(label, "week")!, "week")).toBe(label);
    expect(parsePeriodLabel("2025-W53", "week")).toBeNull(); // 2025 has 52 ISO weeks
    expect(parsePeriodLabel("2026-13", "month")).toBeNull();
  });

  it("places an instant in the local week of the time zone", () => {
    // Sunday 23:30 UTC is already Monday in Europe/Berlin (UTC+2 in May).
    const sundayNight = at("2026-05-10T23:30:00Z");
    expect(periodLabel(periodOf(sundayNight, "week", "UTC"), "week")).toBe("2026-W19");
    expect(periodLabel(periodOf(sundayNight, "week", "Europe/Berlin"), "week")).toBe("2026-W20");
  });

  it("weeks start on Mondays", () => {
    const day = periodStartDay(periodOf(at("2026-05-07T10:00:00Z"), "week"), "week");
    expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe("2026-05-04");
  });
});
