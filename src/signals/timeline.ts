// The periods a run covers: dense indices from the first to the last period with data (or the --since/--until
// window), with partial first and last periods marked so the SPC rules leave them out.
import type { Dataset, Instant } from "../model/types.js";
import {
  localDay,
  periodLabel,
  periodLengthDays,
  periodOf,
  periodStartDay,
  type Cadence,
  type PeriodKind,
} from "../model/periods.js";

/** Days a period may lack at either end and still count as whole: a weekend without data is normal. */
const TOLERATED_MISSING_DAYS = 2;

/** The run's relational timeline is by week or month; a delivery metric's own may also be by day. */
export interface Timeline<K extends Cadence = PeriodKind> {
  kind: K;
  timeZone: string;
  /** Period index of position 0. */
  first: number;
  length: number;
  partialFirst: boolean;
  partialLast: boolean;
}

export const labelAt = (timeline: Timeline<Cadence>, position: number) =>
  periodLabel(timeline.first + position, timeline.kind);
/** Each timeline's labels, worked out once: a run charts thousands of series on one timeline. */
const LABELS = new WeakMap<Timeline<Cadence>, { kind: Cadence; first: number; labels: string[] }>();

/**
 * The label of every position of the timeline, worked out once per timeline and looked up once per series (a lookup
 * per point was ~55,000 WeakMap reads a run at M, issue 15). Read only.
 */
export function positionLabels(timeline: Timeline<Cadence>): readonly string[] {
  const cached = LABELS.get(timeline);
  if (
    cached &&
    cached.kind === timeline.kind &&
    cached.first === timeline.first &&
    cached.labels.length === timeline.length
  )
    return cached.labels;
  const labels = Array.from({ length: timeline.length }, (_, position) => labelAt(timeline, position));
  LABELS.set(timeline, { kind: timeline.kind, first: timeline.first, labels });
  return labels;
}
export const positionOf = (timeline: Timeline<Cadence>, instant: Instant) =>
  periodOf(instant, timeline.kind, timeline.timeZone) - timeline.first;

/** Positions to leave out of SPC limits and rules. */
export function excludedPositions(timeline: Timeline<Cadence>): number[] {
  const out: number[] = [];
  if (timeline.partialFirst) out.push(0);
  if (timeline.partialLast && timeline.length > 1) out.push(timeline.length - 1);
  return out;
}

/** Whole periods (partial first/last left out) in [from, to). */
export function wholePositions(timeline: Timeline, from: number, to: number): number[] {
  const excluded = excludedPositions(timeline);
  const out: number[] = [];
  for (let p = Math.max(0, from); p < Math.min(timeline.length, to); p++) if (!excluded.includes(p)) out.push(p);
  return out;
}

/**
 * From the observed span [start, end] (inclusive instants): the window when given (--since/--until, --as-of),
 * else the first and last interaction, else the delivery dates. Null when there is nothing dated.
 */
export function buildTimeline(data: Dataset): Timeline | null {
  const kind = data.period;
  const timeZone = data.config.timeZone;
  let start: Instant | null = data.interactions?.timestamped ? data.interactions.first : null;
  let end: Instant | null = data.interactions?.timestamped ? data.interactions.last : null;
  for (const row of data.delivery ?? []) {
    if (start === null || row.at < start) start = row.at;
    if (end === null || row.at > end) end = row.at;
  }
  // A delivery value dated by its period stands for the whole period, so it does not make the period look partial;
  // so does a snapshot export's date (one row per pair and period, e.g. Viva Insights' monthly MetricDate).
  const wholePeriods = !data.interactions?.timestamped || data.interactions.snapshots === kind;
  if (data.window.since !== null) start = data.window.since;
  if (data.window.until !== null) end = data.window.until - 1;
  if (start === null || end === null || end < start) return null;
  const first = periodOf(start, kind, timeZone);
  const last = periodOf(end, kind, timeZone);
  const firstDay = localDay(start, timeZone);
  const lastDay = localDay(end, timeZone);
  const missingAtStart = firstDay - periodStartDay(first, kind);
  const missingAtEnd = periodStartDay(last, kind) + periodLengthDays(last, kind) - 1 - lastDay;
  return {
    kind,
    timeZone,
    first,
    length: last - first + 1,
    partialFirst: !wholePeriods && missingAtStart > TOLERATED_MISSING_DAYS,
    partialLast: !wholePeriods && missingAtEnd > TOLERATED_MISSING_DAYS,
  };
}
