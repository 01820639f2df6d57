import { describe, expect, it } from "vitest";
import { parseDate, parseNumber } from "../../src/load/values.js";

const utc = (...args: [number, number, number, number?, number?]) =>
  Date.UTC(args[0], args[1] - 1, args[2], args[3] ?? 0, args[4] ?? 0);

describe("parseDate", () => {
  it.each([
    ["2026-05-04", utc(2026, 5, 4)],
    ["2026-05-04T09:30", utc(2026, 5, 4, 9, 30)],
    ["2026-05-04 09:30:00", utc(2026, 5, 4, 9, 30)],
    ["2026-05-04T09:30:00Z", utc(2026, 5, 4, 9, 30)],
    ["2026-05-04T09:30:00+01:00", utc(2026, 5, 4, 8, 30)],
    ["2026-05-04T09:30:00.250-0230", utc(2026, 5, 4, 12, 0) + 250],
  ])("reads ISO %s", (text, expected) => {
    expect(parseDate(text, "iso", "UTC")).toEqual({ ok: true, value: expected });
  });

  it("reads day/month and month/day dates only under the matching dateFormat", () => {
    expect(parseDate("03/04/2026", "dd/mm/yyyy", "UTC")).toEqual({ ok: true, value: utc(2026, 4, 3) });
    expect(parseDate("03/04/2026", "mm/dd/yyyy", "UTC")).toEqual({ ok: true, value: utc(2026, 3, 4) });
    expect(parseDate("05/12/2022 16:30", "dd/mm/yyyy", "UTC")).toEqual({ ok: true, value: utc(2022, 12, 5, 16, 30) });
  });

  it("never guesses: a slashed date under iso is an error that says how to fix it", () => {
    const ambiguous = parseDate("03/04/2026", "iso", "UTC");
    expect(ambiguous.ok).toBe(false);
    if (!ambiguous.ok) expect(ambiguous.hint).toContain("ambiguous");
    const dayFirst = parseDate("20/04/2026", "iso", "UTC");
    if (!dayFirst.ok) expect(dayFirst.hint).toContain('"dd/mm/yyyy"');
  });

  it.each(["2026-02-30", "2026-13-01", "31/02/2026", "yesterday", "2026-05-04T25:00", ""])("rejects %j", (text) => {
    expect(parseDate(text, "dd/mm/yyyy", "UTC").ok).toBe(false);
  });

  it("reads wall-clock times in a time zone, across the DST change", () => {
    // Europe/London: GMT until 29 March 2026 01:00 UTC, then BST (UTC+1).
    expect(parseDate("2026-03-28T12:00", "iso", "Europe/London")).toEqual({ ok: true, value: utc(2026, 3, 28, 12) });
    expect(parseDate("2026-03-30T12:00", "iso", "Europe/London")).toEqual({ ok: true, value: utc(2026, 3, 30, 11) });
  });
});

describe("parseNumber", () => {
  it.each([
    ["4", 4],
    [" 4.5 ", 4.5],
    ["-0.25", -0.25],
    ["1e3", 1000],
    [".5", 0.5],
  ])("reads %j", (text, value) => expect(parseNumber(text)).toEqual({ ok: true, value }));

  it("accepts a decimal comma only in semicolon files", () => {
    expect(parseNumber("4,5", true)).toEqual({ ok: true, value: 4.5 });
    const comma = parseNumber("4,5");
    expect(comma.ok).toBe(false);
    if (!comma.ok) expect(comma.hint).toContain("4.5");
  });

  it("in a semicolon file (decimal commas), rejects 1.234 and 1.234,5 as possible thousands, keeps 12.5 and 0.125", () => {
    for (const text of ["1.234", "12.345", "-1.234.567", "1.234,5"]) {
      const parsed = parseNumber(text, true);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.hint).toContain("write 1234");
    }
    expect(parseNumber("12.5", true)).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber("0.125", true)).toEqual({ ok: true, value: 0.125 });
    expect(parseNumber("1,234", true)).toEqual({ ok: true, value: 1.234 });
    // In a comma-separated file the point is the decimal mark: 1.234 is one point two three four.
    expect(parseNumber("1.234")).toEqual({ ok: true, value: 1.234 });
  });

  it("rejects thousands separators with a hint", () => {
    for (const text of ["1,234", "1 234", "12 345.5"]) {
      const parsed = parseNumber(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.hint).toContain("thousands");
    }
  });

  it.each(["abc", "4..5", "", "NaN", "Infinity"])("rejects %j", (text) => expect(parseNumber(text).ok).toBe(false));
});
