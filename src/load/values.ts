// Cell values: dates and numbers, parsed strictly. A value that could mean two things is an error, never a guess.
import type { DateFormat } from "../model/config.js";
import { zoneOffsetMs } from "../model/periods.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string; hint?: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ,]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MISSING = new Set(["", "na", "n/a", "null", "nan", "-"]);

/** No missing-value token starts with a digit: the common case is settled without trimming or lower-casing. */
export const isMissing = (text: string) =>
  isDigit(text.charCodeAt(0)) ? false : MISSING.has(text.trim().toLowerCase());

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Parses a date or date-time into epoch ms. Values without a zone are wall-clock times in `timeZone`.
 * ISO dates are always accepted; day/month dates only under the matching `dateFormat`.
 */
export function parseDate(text: string, format: DateFormat, timeZone: string): Parsed<number> {
  const plain = plainDateAt(text, 0, text.length, timeZone);
  if (!Number.isNaN(plain)) return { ok: true, value: plain };
  const value = text.trim();
  let parts: { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number; zone?: string } | null =
    null;
  const iso = ISO.exec(value);
  if (iso) {
    parts = {
      y: +iso[1],
      mo: +iso[2],
      d: +iso[3],
      h: +(iso[4] ?? 0),
      mi: +(iso[5] ?? 0),
      s: +(iso[6] ?? 0),
      ms: iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0,
      zone: iso[8],
    };
  } else {
    const slashed = SLASHED.exec(value);
    if (slashed) {
      const [a, b] = [+slashed[1], +slashed[2]];
      if (format === "iso") {
        const reading = a > 12 ? "day/month" : b > 12 ? "month/day" : null;
        return {
          ok: false,
          expected: "an ISO date such as 2026-05-04",
          hint: reading
            ? `this looks like a ${reading} date: set "dateFormat": "${reading === "day/month" ? "dd/mm/yyyy" : "mm/dd/yyyy"}" in the config or pass --date-format`
            : 'a date like this is ambiguous (day/month or month/day): set "dateFormat" in the config or pass --date-format',
        };
      }
      const [d, mo] = format === "dd/mm/yyyy" ? [a, b] : [b, a];
      parts = { y: +slashed[3], mo, d, h: +(slashed[4] ?? 0), mi: +(slashed[5] ?? 0), s: +(slashed[6] ?? 0), ms: 0 };
    }
  }
  const expected =
    format === "iso" ? "a date such as 2026-05-04 or 2026-05-04T09:30:00Z" : `a date as ${format} (or ISO 2026-05-04)`;
  if (!parts) return { ok: false, expected };
  const { y, mo, d, h, mi, s, ms, zone } = parts;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return { ok: false, expected: `${expected} (a real calendar date and time)` };
  }
  if (zone) return { ok: true, value: wall - zoneMinutes(zone) * 60_000 };
  return { ok: true, value: inZone(wall, timeZone) };
}

/** The instant of a wall-clock time in a zone: subtract the zone's offset at (about) that instant; re-check across a DST change. */
function inZone(wall: number, timeZone: string): number {
  if (timeZone === "UTC") return wall;
  const instant = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(instant, timeZone);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The common shapes of machine-written dates, read digit by digit without a regular expression: YYYY-MM-DD,
 * YYYY-MM-DDTHH:MM:SS and the same ending in Z (T or a space between date and time), in text[start, end). Anything
 * else, and years before 1000 (which Date.UTC would read as 19xx), is left to the general parser: NaN. A time without
 * Z is a wall-clock time in `timeZone`, as in parseDate.
 */
export function plainDateAt(text: string, start: number, end: number, timeZone: string): number {
  const length = end - start;
  if (length !== 10 && length !== 19 && length !== 20) return NaN;
  const y = digitsAt(text, start, 4);
  const mo = digitsAt(text, start + 5, 2);
  const d = digitsAt(text, start + 8, 2);
  if (
    y < 1000 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    text.charCodeAt(start + 4) !== DASH ||
    text.charCodeAt(start + 7) !== DASH
  )
    return NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1])) return NaN;
  const day = daysFromCivil(y, mo, d) * 86_400_000;
  if (length === 10) return inZone(day, timeZone);
  const h = digitsAt(text, start + 11, 2);
  const mi = digitsAt(text, start + 14, 2);
  const s = digitsAt(text, start + 17, 2);
  const separator = text.charCodeAt(start + 10);
  if (
    (separator !== T && separator !== SPACE) ||
    text.charCodeAt(start + 13) !== COLON ||
    text.charCodeAt(start + 16) !== COLON
  )
    return NaN;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return NaN;
  const wall = day + h * 3_600_000 + mi * 60_000 + s * 1000;
  if (length === 19) return inZone(wall, timeZone);
  return text.charCodeAt(start + 19) === Z ? wall : NaN;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil), in integers: what Date.UTC
 * gives divided by a day, without its cost in a loop over millions of rows.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const [DASH, COLON, SPACE, T, Z] = ["-", ":", " ", "T", "Z"].map((c) => c.charCodeAt(0));

function zoneMinutes(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/**
 * A plain decimal number. A decimal comma is accepted only where the file itself uses semicolons (European
 * Excel), because elsewhere "1,234" could be a thousands separator.
 */
export function parseNumber(text: string, decimalComma = false): Parsed<number> {
  if (isWholeNumber(text)) return { ok: true, value: Number(text) };
  let value = text.trim();
  if (decimalComma) {
    // Where the comma is the decimal mark, a point before three digits is how the same locales group thousands:
    // 1.234 may be 1234 or 1.234, so it is an error, as any other thousands separator is.
    if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(value))
      return {
        ok: false,
        expected: "a number without a thousands separator",
        hint: "in a semicolon-separated file the comma is the decimal mark, so a point here may group thousands: write 1234 for one thousand two hundred and thirty-four, or 1,234 for one point two three four",
      };
    if (/^[+-]?\d+,\d+$/.test(value)) value = value.replace(",", ".");
  }
  if (isDecimal(value)) {
    const number = Number(value);
    // "1e999" and a thousand digits are decimals too, but no measure is that large: Infinity would poison every sum.
    return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, expected: "a number of sensible size" };
  }
  if (/^[+-]?\d{1,3}([ ,\u00a0\u202f]\d{3})+(\.\d+)?$/.test(value)) {
    return {
      ok: false,
      expected: "a plain number",
      hint: "remove the thousands separators (write 1234, not 1,234 or 1 234)",
    };
  }
  if (/^[+-]?\d+,\d+$/.test(value)) {
    return {
      ok: false,
      expected: "a number with a decimal point",
      hint: "write 4.5, not 4,5 (or save the file as semicolon-separated)",
    };
  }
  return { ok: false, expected: "a number" };
}

/**
 * Whether `text` is a plain decimal: [+-] digits [. digits] [e [+-] digits], or [+-] . digits [exponent]. One pass:
 * a regular expression with nested optional digits backtracked quadratically (a 200,000-digit cell took minutes).
 */
function isDecimal(text: string): boolean {
  let i = text[0] === "+" || text[0] === "-" ? 1 : 0;
  const digitsFrom = (from: number) => {
    let j = from;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    return j;
  };
  const intEnd = digitsFrom(i);
  const intDigits = intEnd - i;
  i = intEnd;
  let fractionDigits = 0;
  if (text[i] === ".") {
    const fractionEnd = digitsFrom(i + 1);
    fractionDigits = fractionEnd - i - 1;
    i = fractionEnd;
  }
  if (intDigits === 0 && fractionDigits === 0) return false;
  if (text[i] === "e" || text[i] === "E") {
    const sign = text[i + 1] === "+" || text[i + 1] === "-" ? 1 : 0;
    const exponentEnd = digitsFrom(i + 1 + sign);
    if (exponentEnd === i + 1 + sign) return false;
    i = exponentEnd;
  }
  return i === text.length;
}

/**
 * An RFC 3339 / ISO 8601 date-time with seconds and a zone ("2026-11-23T06:00:00Z", "…+01:00", "….250Z"), a real
 * calendar day and time. What `--generated-at` records must say exactly which instant it means.
 */
export function isIsoDateTime(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const zoneOk = m[8] === "Z" || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59 && zoneOk;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The number written by `count` digits from `from`; −1 when any is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - 48;
  }
  return value;
}

/** Up to 15 digits and nothing else: a count or a weight, exact as a double. */
function isWholeNumber(text: string): boolean {
  return !Number.isNaN(wholeNumberAt(text, 0, text.length));
}

/** The number written by 1 to 15 digits and nothing else in text[start, end) (exact as a double); NaN otherwise. */
export function wholeNumberAt(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return NaN;
    value = value * 10 + code - 48;
  }
  return value;
}
