// The cadence of dated interaction rows. Event logs (email, meetings) carry the moment each contact happened; some
// exports are snapshots instead: one row per pair and period, dated by the period. Viva Insights person-to-person
// queries are monthly, dated on the 1st of each month (MetricDate). A monthly snapshot cut into weeks would chart one
// week of contact and four of silence, every month; so a snapshot's cadence sets the period, or the run stops.
import type { PeriodKind } from "../model/periods.js";
import { periodOf, zoneOffsetMs } from "../model/periods.js";
import type { ProblemLog } from "../model/problems.js";
import type { Instant, InteractionData, Tie } from "../model/types.js";

const DAY_MS = 86_400_000;
/** Past this many distinct days the rows are an event log, not snapshots: stop keeping them. */
const MAX_DAYS = 400;
/** Snapshot dates of a monthly export that is not dated on the 1st are about a month apart; never closer than this. */
const MIN_MONTHLY_GAP_DAYS = 20;

/** Distinct local days of the rows' dates (while few), and whether every date had no time of day. */
export class DayTally {
  private readonly days = new Set<number>();
  private lastAt = NaN;
  private overflow = false;

  constructor(private readonly timeZone: string) {}

  add(at: Instant): void {
    // Exports are usually in date order: most rows repeat the date before.
    if (this.overflow || at === this.lastAt) return;
    this.lastAt = at;
    const local = at + zoneOffsetMs(at, this.timeZone);
    // A time of day, or too many days: an event log.
    if (local % DAY_MS !== 0) this.overflow = true;
    else if (this.days.add(local / DAY_MS).size > MAX_DAYS) this.overflow = true;
  }

  /** Adds the distinct days of another tally (its distinctDays()): the same as adding its instants here. */
  merge(days: number[] | null): void {
    if (this.overflow) return;
    if (days === null) this.overflow = true;
    else for (const day of days) if (this.days.add(day).size > MAX_DAYS) this.overflow = true;
  }

  /** The distinct days in order; null when there were too many to be snapshots or a date had a time of day. */
  distinctDays(): number[] | null {
    return this.overflow ? null : [...this.days].sort((a, b) => a - b);
  }
}

export interface SnapshotCadence {
  /** Each date stands for this whole period. */
  period: PeriodKind;
  /** How it was recognised, for the note and the error message. */
  reason: string;
  /** The first few snapshot dates (ISO), for messages. */
  examples: string[];
}

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isMonthStart = (day: number) => new Date(day * DAY_MS).getUTCDate() === 1;

/**
 * Snapshot cadence from the distinct dates of the rows and the ties built from them (one row per pair and date is
 * the mark of a snapshot): every date on the 1st of a month, or at most one date a month, at least 20 days apart, with
 * no pair listed twice on a date → monthly; three or more dates a whole number of weeks apart with no pair twice on a date → weekly.
 * Null for an event log (dates with times, several dates in a period, pairs repeated on a date).
 */
export function snapshotCadence(days: number[] | null, ties: readonly Tie[]): SnapshotCadence | null {
  if (days === null || days.length === 0) return null;
  const examples = days.slice(0, 3).map(iso);
  if (days.every(isMonthStart))
    return { period: "month", reason: "every date is the 1st of a month (a monthly snapshot)", examples };
  if (days.length < 2 || !onePerPairAndDate(ties)) return null;
  const gaps = days.slice(1).map((d, i) => d - days[i]);
  const months = days.map((d) => periodOf(d * DAY_MS, "month"));
  if (gaps.every((g) => g >= MIN_MONTHLY_GAP_DAYS) && new Set(months).size === days.length)
    return { period: "month", reason: "one date a month, each pair listed once on it (a monthly snapshot)", examples };
  // Two dates a week apart could be two meetings; three or more on the same weekday, each pair once, are snapshots.
  if (days.length >= 3 && gaps.every((g) => g % 7 === 0))
    return { period: "week", reason: "one date a week, each pair listed once on it (a weekly snapshot)", examples };
  return null;
}

/** No tie has two rows on one date: with dates at least a period apart, each of its rows fell in its own period. */
function onePerPairAndDate(ties: readonly Tie[]): boolean {
  return ties.every((t) => t.rows === t.periods.size);
}

/**
 * Ties counted by week moved to months: each week holds one snapshot date (dates are at least 20 days apart), and
 * its weight goes to that date's month.
 */
function weeksToMonths(ties: Tie[], days: number[]): void {
  const monthOfWeek = new Map(days.map((d) => [periodOf(d * DAY_MS, "week"), periodOf(d * DAY_MS, "month")]));
  for (const tie of ties) {
    const months = new Map<number, number>();
    for (const [week, weight] of tie.periods) {
      const month = monthOfWeek.get(week)!;
      months.set(month, (months.get(month) ?? 0) + weight);
    }
    tie.periods = months;
  }
}

/** Where the chosen period came from: a flag or the config says it outright; otherwise it is the default. */
type PeriodSource = "--period" | "config" | "default";

/**
 * The period a run uses, given a snapshot export: its own cadence when the user chose none (the ties move from weeks
 * to months, with a note), the user's when it agrees; a stop when the user asked for weeks of a monthly snapshot.
 */
export function settlePeriod(
  loaded: { interactions: InteractionData; snapshot?: unknown },
  flag: PeriodKind | undefined,
  path: string,
  ctx: { config: { period?: PeriodKind }; period: PeriodKind; problems: ProblemLog; warnings: string[] },
): PeriodKind {
  const { interactions } = loaded;
  const snapshot = (loaded.snapshot ?? null) as (SnapshotCadence & { days: number[] }) | null;
  const chosen = {
    period: ctx.period,
    source: (flag ? "--period" : ctx.config.period ? "config" : "default") as PeriodSource,
  };
  const log = ctx;
  if (!snapshot) return chosen.period;
  const dates = `${snapshot.examples.join(", ")}${snapshot.days.length > snapshot.examples.length ? ", …" : ""}`;
  if (snapshot.period === "month" && chosen.period === "week") {
    if (chosen.source !== "default") {
      log.problems.add({
        file: path,
        message: `the dates are monthly snapshots: ${snapshot.reason}`,
        expected: "monthly periods for monthly data",
        found: `${chosen.source === "--period" ? "--period week" : '"period": "week" in the config'}; dates ${dates}`,
        hint: "use --period month: weekly periods would chart each month as one week of contact and three or four of none",
      });
      return chosen.period;
    }
    weeksToMonths(interactions.ties, snapshot.days);
    log.warnings.push(
      `${path}: ${snapshot.reason} (${dates}), so periods are months, not weeks (--period month says so explicitly)`,
    );
    interactions.snapshots = "month";
    return "month";
  }
  if (snapshot.period === chosen.period) interactions.snapshots = snapshot.period;
  return chosen.period;
}
