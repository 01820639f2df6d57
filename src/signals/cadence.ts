// A delivery metric's own cadence (day, week or month), its own timeline at that cadence, and its values combined into
// the run's relational period for the leading indicator. NHS SPC practice charts a daily metric by day: averaging it
// into weeks hides the day-to-day variation its limits are made of (Making Data Count).
import type { DeliveryRow, Instant } from "../model/types.js";
import { localDay, periodOf, periodStartDay, type Cadence, type PeriodKind } from "../model/periods.js";
import type { Timeline } from "./timeline.js";

/** Monthly values not dated on the 1st (month ends, the 15th) are about a month apart; never closer than this. */
const MIN_MONTHLY_GAP_DAYS = 20;
/** Distinct days needed to tell a cadence from the dates. */
const MIN_DAYS_TO_DETECT = 3;

export type Aggregate = "mean" | "sum";

export interface DetectedCadence {
  cadence: Cadence;
  /** How it was settled, in words, for the series' notes. */
  reason: string;
}

const CADENCE_WORDS: Record<Cadence, string> = { day: "daily", week: "weekly", month: "monthly" };
export const cadenceWords = (cadence: Cadence) => CADENCE_WORDS[cadence];

/**
 * The cadence of one metric's rows: the config's `period`; else the period its labels name (2026-W19, 2026-05); else
 * from its dates — every date a month apart or more, at most one a month → month; every gap between dates a whole
 * number of weeks → week; anything closer → day. Too few dates to tell: the run's period.
 */
export function detectCadence(
  rows: readonly DeliveryRow[],
  configured: Cadence | undefined,
  runPeriod: PeriodKind,
  timeZone: string,
): DetectedCadence {
  if (configured) return { cadence: configured, reason: "metrics.<name>.period in the config" };
  const labelled = rows.find((r) => r.period !== undefined)?.period;
  if (labelled) return { cadence: labelled, reason: `dated by ${labelled} labels` };
  const days = [...new Set(rows.map((r) => localDay(r.at, timeZone)))].sort((a, b) => a - b);
  if (days.length < MIN_DAYS_TO_DETECT) return { cadence: runPeriod, reason: "too few dates to tell its cadence" };
  const gaps = days.slice(1).map((d, i) => d - days[i]);
  const months = new Set(days.map((d) => periodOf(d * 86_400_000, "month")));
  if (months.size === days.length && Math.min(...gaps) >= MIN_MONTHLY_GAP_DAYS)
    return { cadence: "month", reason: "its dates are a month or more apart, at most one a month" };
  if (gaps.every((g) => g % 7 === 0)) return { cadence: "week", reason: "its dates are whole weeks apart" };
  return { cadence: "day", reason: "its dates are days apart" };
}

/** A timeline of its own for rows at a cadence: from the first to the last row's period, within the run's window. */
export function ownTimeline(
  rows: readonly DeliveryRow[],
  cadence: Cadence,
  timeZone: string,
  window: { since: Instant | null; until: Instant | null },
): Timeline<Cadence> | null {
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    if ((window.since !== null && row.at < window.since) || (window.until !== null && row.at >= window.until)) continue;
    const period = periodOf(row.at, cadence, timeZone);
    first = Math.min(first, period);
    last = Math.max(last, period);
  }
  if (first > last) return null;
  // Each value stands for its whole period: no partial ends to leave out.
  return { kind: cadence, timeZone, first, length: last - first + 1, partialFirst: false, partialLast: false };
}

/** Values in one period combined by the metric's rule (mean for rates, sum for counts); null when there are none. */
export function combine(values: readonly number[], aggregate: Aggregate): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s + v, 0);
  return aggregate === "sum" ? sum : sum / values.length;
}

/** Whether a cadence is finer than a relational period, so its values can be combined into it. */
export const finerThan = (cadence: Cadence, period: PeriodKind) =>
  cadence === "day" || (cadence === "week" && period === "month");

/** Day of the week of a day number (days since 1970-01-01, a Thursday): 0 = Sunday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;

function weekdaysWithValues(values: readonly (number | null)[], firstDay: number): Set<number> {
  const days = new Set<number>();
  values.forEach((v, position) => {
    if (v !== null) days.add(weekday(firstDay + position));
  });
  return days;
}

/**
 * A series at a finer cadence in the run's relational periods: each value goes to the period its own period starts
 * in (a week to the month of its Monday), combined by the rule. A sum needs every one of its sub-periods: a week with
 * a missing day is a gap, not a smaller count (a daily series counts only the weekdays it ever reports on). Returns the values and how many periods were left as incomplete gaps.
 */
export function toRelationalPeriods(
  values: readonly (number | null)[],
  own: Timeline<Cadence>,
  relational: Timeline,
  aggregate: Aggregate,
): { values: (number | null)[]; incomplete: number } {
  const into = (position: number) =>
    periodOf(periodStartDay(own.first + position, own.kind) * 86_400_000, relational.kind) - relational.first;
  const buckets = Array.from({ length: relational.length }, () => ({ values: [] as number[], expected: 0 }));
  // Sub-periods that start in a relational period, over the whole of it (also those outside the series' own span).
  const first = periodStartDay(relational.first, relational.kind);
  const end = periodStartDay(relational.first + relational.length, relational.kind);
  // A daily metric reported on some weekdays only (most NHS counts: Monday to Friday) expects only those days.
  const reportedWeekdays = own.kind === "day" ? weekdaysWithValues(values, own.first) : null;
  for (let day = first; day < end; day++) {
    if (periodStartDay(periodOf(day * 86_400_000, own.kind), own.kind) !== day) continue;
    if (reportedWeekdays && !reportedWeekdays.has(weekday(day))) continue;
    buckets[periodOf(day * 86_400_000, relational.kind) - relational.first].expected++;
  }
  values.forEach((v, position) => {
    const p = into(position);
    if (v !== null && p >= 0 && p < relational.length) buckets[p].values.push(v);
  });
  let incomplete = 0;
  const out = buckets.map((b) => {
    if (b.values.length === 0) return null;
    if (aggregate === "sum" && b.values.length < b.expected) {
      incomplete++;
      return null;
    }
    return combine(b.values, aggregate);
  });
  return { values: out, incomplete };
}
