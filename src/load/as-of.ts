// A dataset as a run on a given day would have seen it (`--as-of`, and each step of `signals --replay`): every
// dated input cut at that instant — survey waves, delivery values, events, annotations, people who had not yet
// joined, leaving dates still in the future — so nothing after the day can reach the report.
import { parsePeriodLabel, periodOf, periodStartDay, type PeriodKind } from "../model/periods.js";
import type { Dataset, Instant, PeopleData, SurveyData, Tie } from "../model/types.js";
import { parseDate } from "./values.js";

const DAY_MS = 86_400_000;

export interface CutOptions {
  /**
   * Also cut the interactions, by whole periods (replay steps fall on period starts). Off when the loader has
   * already left out every interaction row at or after the instant (`--until`), which is exact to the second.
   */
  interactions: boolean;
}

/**
 * The last instant of a survey wave, seen by a run on any later day: its date, or the last instant of the period it
 * names (responses to a wave named "2026-10" may come in until 31 October, and the export has no submission dates:
 * a run on 2 October must not see them, a run on 1 November does); null for a label.
 */
function waveInstant(wave: string, timeZone: string): Instant | null {
  for (const kind of ["week", "month"] as PeriodKind[]) {
    const index = parsePeriodLabel(wave, kind);
    if (index !== null) return periodStartDay(index + 1, kind) * DAY_MS - 1;
  }
  const date = parseDate(wave, "iso", timeZone);
  return date.ok ? date.value : null;
}

export function datasetAsOf(data: Dataset, until: Instant, options: CutOptions): Dataset {
  const before = <T extends { at: Instant }>(rows: T[] | null) => rows && rows.filter((r) => r.at < until);
  const { people, remap } = peopleAsOf(data.people, until, data);
  const interactions = data.interactions && {
    ...data.interactions,
    ...(options.interactions ? tiesBefore(data.interactions.ties, until, data) : {}),
  };
  // Contact dated before someone joined (an export's odd row) goes with the person: no tie or event may point at
  // a person the cut left out.
  if (interactions && remap)
    interactions.ties = interactions.ties
      .filter((t) => remap[t.from] >= 0 && remap[t.to] >= 0)
      .map((t) => ({ ...t, from: remap[t.from], to: remap[t.to] }));
  const events = before(data.events);
  return {
    ...data,
    window: { since: data.window.since, until: Math.min(data.window.until ?? Infinity, until) },
    people,
    interactions,
    survey: data.survey && surveyAsOf(data.survey, until, data.config.timeZone),
    delivery: before(data.delivery),
    events:
      events && remap
        ? events.filter((e) => remap[e.person] >= 0).map((e) => ({ ...e, person: remap[e.person] }))
        : events,
    annotations: before(data.annotations),
  };
}

/** Ties with only their periods before the instant's period (whole periods), their totals recounted. */
function tiesBefore(ties: Tie[], until: Instant, data: Dataset) {
  const cut = periodOf(until, data.period, data.config.timeZone);
  const kept: Tie[] = [];
  let rows = 0;
  for (const tie of ties) {
    const periods = new Map<number, number>();
    let weight = 0;
    for (const [p, w] of tie.periods)
      if (p < cut) {
        periods.set(p, w);
        weight += w;
      }
    if (periods.size === 0) continue;
    // Row counts and channels are not kept per period: scaled by the share of the weight that remains.
    const share = tie.weight > 0 ? weight / tie.weight : 1;
    const tieRows = Math.round(tie.rows * share);
    rows += tieRows;
    kept.push({
      ...tie,
      periods,
      weight,
      rows: tieRows,
      last: tie.last === null ? null : Math.min(tie.last, until - 1),
    });
  }
  const last = data.interactions?.last ?? null;
  return { ties: kept, rows, last: last === null ? null : Math.min(last, until - 1) };
}

/** People who had joined by the instant; a leaving date still ahead is not known yet. Indices renumbered if any go. */
function peopleAsOf(
  data: PeopleData | null,
  until: Instant,
  dataset: Dataset,
): { people: PeopleData | null; remap: Int32Array | null } {
  if (!data) return { people: null, remap: null };
  // Someone with contact before their recorded joining date is kept: the data say they were there.
  const inContact = new Uint8Array(data.people.length);
  for (const tie of dataset.interactions?.ties ?? [])
    for (const [period] of tie.periods)
      if (periodStartDay(period, dataset.period) * DAY_MS < until) inContact[tie.from] = inContact[tie.to] = 1;
  const keep = data.people.map((p, i) => p.joined === undefined || p.joined < until || inContact[i] === 1);
  const people = data.people
    .filter((_, i) => keep[i])
    .map((p) => (p.left !== undefined && p.left >= until ? { ...p, left: undefined } : p));
  for (const p of people) if (p.left === undefined) delete p.left;
  if (keep.every(Boolean)) return { people: { ...data, people }, remap: null };
  const remap = new Int32Array(data.people.length).fill(-1);
  let next = 0;
  keep.forEach((k, i) => {
    if (k) remap[i] = next++;
  });
  const index = new Map(people.map((p, i) => [p.id, i]));
  return { people: { ...data, people, index }, remap };
}

/** Responses of waves fielded before the instant (waves named by a label, not a date, cannot be placed: kept). */
function surveyAsOf(survey: SurveyData, until: Instant, timeZone: string): SurveyData {
  const seen = new Map<string, boolean>();
  const visible = (wave: string | null) => {
    if (wave === null) return true;
    if (!seen.has(wave)) {
      const at = waveInstant(wave, timeZone);
      seen.set(wave, at === null || at < until);
    }
    return seen.get(wave)!;
  };
  const keep = survey.waves.map(visible);
  if (keep.every(Boolean)) return survey;
  const pick = <T>(values: ArrayLike<T>) => Array.from(values).filter((_, i) => keep[i]);
  return {
    rows: keep.filter(Boolean).length,
    respondents: pick(survey.respondents),
    waves: pick(survey.waves),
    waveOrder: survey.waveOrder.filter(visible),
    waveDates: Object.fromEntries(Object.entries(survey.waveDates).filter(([wave]) => visible(wave))),
    groups: Object.fromEntries(Object.entries(survey.groups).map(([k, v]) => [k, pick(v)])),
    answers: Object.fromEntries(Object.entries(survey.answers).map(([k, v]) => [k, Float64Array.from(pick(v))])),
  };
}
