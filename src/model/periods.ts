// Reporting periods: ISO weeks (Monday start) or calendar months, in a stated time zone; delivery metrics may also
// be charted by day (their own cadence). A period is an integer index so series can be dense arrays and gaps are
// explicit.

/** The relational period of a run (`--period`, config `period`). */
export type PeriodKind = "week" | "month";
/** The cadence a delivery metric is charted at: a day, or a relational period. */
export type Cadence = PeriodKind | "day";

const DAY_MS = 86_400_000;

/** Offset of `timeZone` from UTC at `ms`, in ms. Cached by hour: zones change offset on the hour or half hour at most. */
const offsetCache = new Map<string, Map<number, number>>();
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  let byHour = offsetCache.get(timeZone);
  if (!byHour) {
    byHour = new Map();
    offsetCache.set(timeZone, byHour);
  }
  const hour = Math.floor(ms / 1_800_000);
  const cached = byHour.get(hour);
  if (cached !== undefined) return cached;
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
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offset = asUtc - Math.floor(ms / 1000) * 1000;
  byHour.set(hour, offset);
  return offset;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Local calendar day number (days since 1970-01-01) of an instant. */
export function localDay(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY_MS);
}

/** 1970-01-01 was a Thursday, so Monday-start weeks begin at day −3. */
export function periodOf(ms: number, kind: Cadence, timeZone = "UTC"): number {
  const day = localDay(ms, timeZone);
  if (kind === "day") return day;
  if (kind === "week") return Math.floor((day + 3) / 7);
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** First local day (days since epoch) of a period. */
export function periodStartDay(index: number, kind: Cadence): number {
  if (kind === "day") return index;
  if (kind === "week") return index * 7 - 3;
  return Math.round(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS);
}

/** Number of days in a period. */
export function periodLengthDays(index: number, kind: Cadence): number {
  return kind === "day" ? 1 : kind === "week" ? 7 : periodStartDay(index + 1, kind) - periodStartDay(index, kind);
}

/** `YYYY-Www` (ISO week-numbering year), `YYYY-MM`, or `YYYY-MM-DD` for a day. */
export function periodLabel(index: number, kind: Cadence): string {
  if (kind === "day") return new Date(index * DAY_MS).toISOString().slice(0, 10);
  if (kind === "month") {
    const year = Math.floor(index / 12);
    return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
  }
  const thursday = new Date((periodStartDay(index, "week") + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Inverse of periodLabel; null when the text is not a period label of that kind. */
export function parsePeriodLabel(text: string, kind: PeriodKind): number | null {
  if (kind === "month") {
    const m = /^(\d{4})-(\d{2})$/.exec(text);
    if (!m) return null;
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : null;
  }
  const m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  // ISO week 1 contains 4 January.
  const jan4 = Math.floor(Date.UTC(year, 0, 4) / DAY_MS);
  const index = Math.floor((jan4 + 3) / 7) + Number(m[2]) - 1;
  return periodLabel(index, "week") === text ? index : null;
}
