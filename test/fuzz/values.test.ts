// Dates across DST changes and year ends, and numbers written the ways people write them.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDate, parseNumber } from "../../src/load/values.js";
import { parsePeriodLabel, periodLabel, periodOf, periodStartDay } from "../../src/model/periods.js";

const runs = Number(process.env.RELAUDIT_FUZZ_RUNS ?? 0) || undefined;
const ZONES = [
  "UTC",
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
];
const DAY = 86_400_000;

/** Wall-clock time of an instant in a zone, as relaudit reads it back ("YYYY-MM-DDTHH:MM:SS"), via Intl. */
function wallClock(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

// Whole seconds between 2000 and 2040, with extra weight on the hours around DST changes and year ends.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }).map((s) => s * 1000),
  fc
    .tuple(
      fc.integer({ min: 2000, max: 2039 }),
      fc.constantFrom([2, 25], [3, 29], [9, 5], [9, 26], [10, 1], [10, 25], [11, 31], [0, 1]),
      fc.integer({ min: -36 * 3600, max: 36 * 3600 }),
    )
    .map(([year, [month, day], offset]) => Date.UTC(year, month, day) + offset * 1000),
);

describe("dates", () => {
  it("a local wall-clock time reads back as an instant with that wall-clock time, in every zone (DST included)", () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const text = wallClock(ms, zone);
        const parsed = parseDate(text, "iso", zone);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        // In the autumn hour that happens twice either instant is right; both show the same wall clock.
        expect(wallClock(parsed.value, zone)).toBe(text);
      }),
      { numRuns: runs },
    );
  });

  it("a wall-clock time that does not exist (spring forward) is read as one side of the gap, never an error", () => {
    // Europe/London skipped 01:00–02:00 on 2026-03-29; Australia/Lord_Howe skips half an hour.
    for (const [text, zone] of [
      ["2026-03-29T01:30:00", "Europe/London"],
      ["2026-03-08T02:30:00", "America/New_York"],
      ["2025-10-05T02:15:00", "Australia/Lord_Howe"],
    ] as const) {
      const parsed = parseDate(text, "iso", zone);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      // The two readings: the wall-clock time with the offset in force a day before the gap, or a day after.
      const naive = Date.parse(`${text}Z`);
      const offset = (ms: number) => Date.parse(`${wallClock(ms, zone)}Z`) - ms;
      expect([naive - offset(naive - DAY), naive - offset(naive + DAY)]).toContain(parsed.value);
    }
  });

  it("day/month and month/day dates read the same instant as ISO, and ambiguous ones are refused under iso", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2060, 0, 1) / DAY }), (day) => {
        const d = new Date(day * DAY);
        const [y, m, dd] = [
          d.getUTCFullYear(),
          String(d.getUTCMonth() + 1).padStart(2, "0"),
          String(d.getUTCDate()).padStart(2, "0"),
        ];
        const iso = parseDate(`${y}-${m}-${dd}`, "iso", "UTC");
        expect(iso).toEqual({ ok: true, value: day * DAY });
        expect(parseDate(`${dd}/${m}/${y}`, "dd/mm/yyyy", "UTC")).toEqual(iso);
        expect(parseDate(`${m}/${dd}/${y}`, "mm/dd/yyyy", "UTC")).toEqual(iso);
        expect(parseDate(`${dd}/${m}/${y}`, "iso", "UTC").ok).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  it("ISO weeks across year ends match Python's isocalendar (test/reference/iso-weeks.py)", () => {
    const reference = [
      ["2020-12-31", "2020-W53"],
      ["2021-01-01", "2020-W53"],
      ["2021-01-03", "2020-W53"],
      ["2021-01-04", "2021-W01"],
      ["2024-12-29", "2024-W52"],
      ["2024-12-30", "2025-W01"],
      ["2025-12-28", "2025-W52"],
      ["2025-12-29", "2026-W01"],
      ["2026-01-01", "2026-W01"],
      ["2026-12-31", "2026-W53"],
      ["2027-01-01", "2026-W53"],
      ["2027-01-03", "2026-W53"],
      ["2032-12-31", "2032-W53"],
      ["2033-01-02", "2032-W53"],
    ];
    for (const [date, week] of reference)
      expect(periodLabel(periodOf(Date.parse(`${date}T12:00:00Z`), "week"), "week")).toBe(week);
  });

  it("every instant falls inside its week and month, in its own zone, and labels read back", () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...ZONES),
        fc.constantFrom("week" as const, "month" as const),
        (ms, zone, kind) => {
          const index = periodOf(ms, kind, zone);
          const localDay = Math.floor(Date.parse(`${wallClock(ms, zone).slice(0, 10)}T00:00:00Z`) / DAY);
          expect(localDay).toBeGreaterThanOrEqual(periodStartDay(index, kind));
          expect(localDay).toBeLessThan(periodStartDay(index + 1, kind));
          expect(parsePeriodLabel(periodLabel(index, kind), kind)).toBe(index);
          if (kind === "week") expect(new Date(periodStartDay(index, kind) * DAY).getUTCDay()).toBe(1);
        },
      ),
      { numRuns: runs },
    );
  });
});

describe("numbers", () => {
  it("a plain number reads exactly; one with thousands separators or a decimal comma is refused with a hint", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 99_999_999 }),
        fc.constantFrom(",", " ", "\u00a0", "\u202f"),
        (n, separator) => {
          expect(parseNumber(String(n))).toEqual({ ok: true, value: n });
          const grouped = n.toLocaleString("en-GB").replace(/,/g, separator);
          const parsed = parseNumber(grouped);
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.hint).toMatch(/thousands separators/);
        },
      ),
      { numRuns: runs },
    );
  });

  it("a decimal comma is read only where the file is semicolon-separated", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 99 }), (whole, fraction) => {
        const text = `${whole},${String(fraction).padStart(2, "0")}`;
        expect(parseNumber(text, true)).toEqual({
          ok: true,
          value: Number(`${whole}.${String(fraction).padStart(2, "0")}`),
        });
        expect(parseNumber(text, false).ok).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  it("never returns a number for text that is not one", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 8 }), (text) => {
        const parsed = parseNumber(text);
        if (parsed.ok) {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(text.trim()).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/);
        }
      }),
      { numRuns: runs },
    );
  });
});
