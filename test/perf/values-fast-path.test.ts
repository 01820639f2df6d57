// Dates, numbers and missing values have digit-by-digit fast paths for the shapes machine exports write. Surrounding
// whitespace always sends a value down the general (regular-expression) path, which trims it first; so a value and
// its padded copy must parse identically, whatever the value.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../helpers/size.js";
import fc from "fast-check";
import { isMissing, parseDate, parseNumber } from "../../src/load/values.js";
import type { DateFormat } from "../../src/model/config.js";

const RUNS = propertyRuns(600, 3000);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

const dateLike = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 9999 })),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 61 }),
    s: fc.integer({ min: 0, max: 61 }),
    dash: fc.constantFrom("-", "-", "-", "/", "."),
    separator: fc.constantFrom("T", "T", " ", "t", "_"),
    zone: fc.constantFrom("", "", "Z", "z", "+01:00", "-0530", ".123Z", ":00"),
    shape: fc.constantFrom("date", "datetime", "datetime"),
  })
  .map(({ y, mo, d, h, mi, s, dash, separator, zone, shape }) => {
    const date = `${pad(y, 4)}${dash}${pad(mo, 2)}${dash}${pad(d, 2)}`;
    return shape === "date" ? date : `${date}${separator}${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${zone}`;
  });
const anyText = fc.string({
  unit: fc.constantFrom("0", "1", "2", "9", "-", ":", "T", "Z", " ", "/", ".", "a"),
  maxLength: 22,
});
const zones = fc.constantFrom("UTC", "Europe/London", "America/New_York", "Asia/Kolkata");
const formats = fc.constantFrom<DateFormat>("iso", "dd/mm/yyyy", "mm/dd/yyyy");

describe("values: fast paths agree with the general parser", () => {
  it("parseDate", () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, anyText), zones, formats, (text, zone, format) => {
        expect(parseDate(text, format, zone)).toEqual(parseDate(` ${text} `, format, zone));
      }),
      { numRuns: RUNS },
    );
  });

  it("parseDate around month ends and the leap days of 1900, 2000 and 2100, and on every month of 1000–3000", () => {
    for (const y of [1900, 1999, 2000, 2001, 2100]) {
      for (let mo = 1; mo <= 12; mo++) {
        for (let d = 27; d <= 32; d++) {
          const text = `${y}-${pad(mo, 2)}-${pad(d, 2)}T23:59:59Z`;
          expect(parseDate(text, "iso", "UTC")).toEqual(parseDate(` ${text}`, "iso", "UTC"));
        }
      }
    }
    expect(parseDate("2000-02-29", "iso", "UTC")).toEqual({ ok: true, value: Date.UTC(2000, 1, 29) });
    expect(parseDate("1900-02-29", "iso", "UTC").ok).toBe(false);
    // The digit-by-digit path counts days itself: the first and last day of every month from 1000 to 3000. Compared
    // with node's isDeepStrictEqual (as strict as toEqual: −0, NaN and undefined properties count) and asserted once
    // on the days read wrong: 48,000 toEqual calls were most of this file's CPU.
    const wrong: string[] = [];
    for (let y = 1000; y <= 3000; y++) {
      for (let mo = 1; mo <= 12; mo++) {
        const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
        for (const d of [1, last]) {
          const text = `${y}-${pad(mo, 2)}-${pad(d, 2)}`;
          const parsed = parseDate(text, "iso", "UTC");
          if (!isDeepStrictEqual(parsed, { ok: true, value: Date.UTC(y, mo - 1, d) }))
            wrong.push(`${text}: ${JSON.stringify(parsed)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Date.UTC reads years 0–99 as 1900–1999: such dates are not real calendar dates here, on either path.
    for (const text of ["0050-01-01", "0099-12-31T00:00:00Z", "0100-01-01"])
      expect(parseDate(text, "iso", "UTC")).toEqual(parseDate(` ${text}`, "iso", "UTC"));
  });

  it("parseNumber and isMissing", () => {
    const numberLike = fc.oneof(
      fc.nat().map(String),
      fc.stringMatching(/^[0-9]{0,18}$/),
      fc.string({ unit: fc.constantFrom("0", "7", ",", ".", "e", "-", " ", "N", "A"), maxLength: 8 }),
    );
    fc.assert(
      fc.property(numberLike, fc.boolean(), (text, decimalComma) => {
        expect(parseNumber(text, decimalComma)).toEqual(parseNumber(` ${text} `, decimalComma));
        expect(isMissing(text)).toBe(isMissing(` ${text} `));
      }),
      { numRuns: RUNS },
    );
  });
});
