// Breakdown signals over time (practice 5) and relational quality as a leading indicator (practice 8):
// relational and delivery series on one timeline → SPC charts → signals read from the charts, the ties and the
// survey section. Pure: the same Dataset gives the same section, in a stable order.
import { bySeverity } from "../model/severity.js";
import type { Dataset } from "../model/types.js";
import type { SurveySection } from "../result/survey.js";
import { chartSeries, type ChartedSeries, type SeriesSpec } from "./chart.js";
import { deliverySeries, leadingIndicators } from "./delivery.js";
import { fallingContact, fragmentation, reciprocityCollapse } from "./contact.js";
import { meanOver, RECENT } from "./episodes.js";
import { keyPersonDepartures } from "./departures.js";
import { dormantTies, pairActivity } from "./people-links.js";
import {
  boundarySeries,
  eiSeries,
  groupIndex,
  reciprocitySeries,
  type BoundarySeries,
  type Windows,
} from "./relational.js";
import type { LeadingIndicator, Series, SeriesAnnotation, Signal, SignalsSection } from "../result/signals.js";
import type { XmrSettings } from "../result/spc.js";
import { perceptionGaps, surveyDrops, wavePeriod } from "./survey-signals.js";
import { buildTimeline, excludedPositions, labelAt, positionOf, type Timeline } from "./timeline.js";

/** A pair of groups is charted when it averages at least this many interactions per period in the baseline. */
const MIN_PAIR_VOLUME = 5;
/** Relational series fix their limits on the first half of the timeline, and at least this many points. */
const MIN_BASELINE = 12;

export interface SignalsOptions {
  settings?: Partial<XmrSettings>;
}

/** Relational series are monitored against an established pattern: the first half of the run, at least 12 points. */
export function relationalBaseline(length: number): number {
  return Math.min(length, Math.max(MIN_BASELINE, Math.floor(length / 2)));
}

export function analyseSignals(
  data: Dataset,
  survey: SurveySection | null = null,
  options: SignalsOptions = {},
): SignalsSection | null {
  const timeline = buildTimeline(data);
  if (!timeline && !survey) return null;
  const settings = options.settings ?? {};
  const notes: string[] = [];
  const signals: Signal[] = [];
  const series: Series[] = [];
  const leading: LeadingIndicator[] = [];
  const boundaries: BoundarySeries[] = [];
  const annotations = data.annotations ?? [];

  if (timeline) {
    if (timeline.partialFirst)
      notes.push(`${labelAt(timeline, 0)} is a partial period: shown, left out of limits and rules`);
    if (timeline.partialLast)
      notes.push(`${labelAt(timeline, timeline.length - 1)} is a partial period: shown, left out of limits and rules`);
    const baselinePoints = relationalBaseline(timeline.length);
    const whole = new Set(excludedPositions(timeline));
    const windows = {
      baseline: baselinePoints,
      recent: [...Array(timeline.length).keys()].filter((p) => !whole.has(p)).slice(-RECENT),
    };
    const chart = (spec: SeriesSpec): ChartedSeries => {
      const charted = chartSeries(spec, timeline, annotations, settings);
      series.push(charted.series);
      return charted;
    };

    if (data.interactions?.timestamped && data.people) {
      const pairs = pairActivity(data, timeline, baselinePoints);
      for (const attribute of data.boundaries) {
        const index = groupIndex(data, attribute);
        if (!index) continue;
        const boundary = boundarySeries(data, index, timeline, windows);
        boundaries.push(boundary);
        const suppressed = index.names.filter((_, g) => !index.reportable[g]).length;
        if (suppressed > 0)
          notes.push(
            `${attribute}: ${suppressed} group${suppressed === 1 ? "" : "s"} with fewer than ${data.config.minGroupSize} people not reported`,
          );
        signals.push(...relationalSignals(data, boundary, timeline, windows, chart));
        signals.push(...dormantTies(data, boundary, timeline, baselinePoints, pairs));
        signals.push(...keyPersonDepartures(data, boundary, timeline));
      }
    } else if (data.interactions && !data.interactions.timestamped)
      notes.push("interactions have no timestamps: no relational series over time");

    const delivery = deliverySeries(data, timeline, chart, notes);
    leading.push(...leadingIndicators(delivery, boundaries, timeline));
  }

  if (survey) signals.push(...surveySignals(data, survey, timeline, boundaries, notes));

  const sortedSignals = uniqueIds(signals).sort(
    (a, b) => bySeverity(a.severity, b.severity) || a.id.localeCompare(b.id),
  );
  const published = publishedSeries(series, sortedSignals, data.boundaries[0]);
  if (published.length < series.length) {
    notes.push(
      `${series.length} series charted; ${published.length} published: every series of the first boundary (${data.boundaries[0]}), delivery metrics, ` +
        "and any other series with a signal, a concern at its latest point or a suggested rebase",
    );
  }
  return {
    period: data.period,
    timeZone: data.config.timeZone,
    firstPeriod: timeline ? labelAt(timeline, 0) : null,
    lastPeriod: timeline ? labelAt(timeline, timeline.length - 1) : null,
    partialFirst: timeline?.partialFirst ?? false,
    partialLast: timeline?.partialLast ?? false,
    signals: sortedSignals,
    series: published,
    seriesCharted: series.length,
    leading,
    annotations: annotations.map((a): SeriesAnnotation => ({
      period: timeline ? labelAt(timeline, positionOf(timeline, a.at)) : new Date(a.at).toISOString().slice(0, 10),
      note: a.target ? `${a.target}: ${a.note}` : a.note,
      action: a.action,
    })),
    notes,
  };
}

/** Survey drops between waves and perception gaps, dated on the timeline (or by the last period of the data). */
function surveySignals(
  data: Dataset,
  survey: SurveySection,
  timeline: Timeline | null,
  boundaries: readonly BoundarySeries[],
  notes: string[],
): Signal[] {
  const kind = data.period;
  // Waves that are not dates (e.g. "Spring") are dated by the last period of the data, or not signalled at all.
  const fallback = timeline ? labelAt(timeline, timeline.length - 1) : null;
  const clock = { timeZone: data.config.timeZone, dates: data.survey?.waveDates ?? {} };
  if (!fallback && survey.waves.some((w) => wavePeriod(w, kind, clock) === null))
    notes.push(
      "survey waves are labels, not dates, and there is no other dated input: survey drops are left to the survey checks",
    );
  const contact = (attribute: string, a: string, b: string): number | null => {
    const boundary = boundaries.find((x) => x.index.attribute.toLowerCase() === attribute.toLowerCase());
    if (!boundary || !timeline) return null;
    const [ga, gb] = [boundary.index.names.indexOf(a), boundary.index.names.indexOf(b)];
    if (ga < 0 || gb < 0) return null;
    const pair = boundary.pairs.get(ga < gb ? `${ga},${gb}` : `${gb},${ga}`);
    return pair ? (meanOver(pair.interactions, Math.max(0, timeline.length - 2 * RECENT), timeline.length) ?? 0) : 0;
  };
  return [...surveyDrops(survey, kind, clock, fallback), ...perceptionGaps(survey, contact, kind, clock, fallback)];
}

/**
 * A system of 10,000 people charts tens of thousands of team and profession pairs: publishing every one would make
 * the report hundreds of megabytes of quiet lines. Published: the first boundary's series in full (usually a
 * handful of organisations), delivery metrics, and any series that says something (a signal, a concern at its latest
 * point, a suggested rebase). Every series is still charted, so every signal is found.
 */
function publishedSeries(series: Series[], signals: readonly Signal[], firstBoundary: string | undefined): Series[] {
  const signalled = new Set(signals.map((s) => s.series).filter((id): id is string => id !== undefined));
  const latest = (s: Series) => [...s.points].reverse().find((p) => p.value !== null && !p.excluded);
  return series.filter(
    (s) =>
      s.source.kind === "delivery" ||
      s.subject.attribute === firstBoundary ||
      signalled.has(s.id) ||
      s.rebaseSuggestion !== null ||
      latest(s)?.special === "concern",
  );
}

function relationalSignals(
  data: Dataset,
  boundary: BoundarySeries,
  timeline: Timeline,
  windows: Windows,
  chart: (spec: SeriesSpec) => ChartedSeries,
): Signal[] {
  const baselinePoints = windows.baseline;
  const { index } = boundary;
  const signals: Signal[] = [];
  const attribute = index.attribute;
  const pairs = [...boundary.pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  for (const pair of pairs) {
    if (!index.reportable[pair.a] || !index.reportable[pair.b]) continue;
    const volume = meanOver(pair.interactions, 0, baselinePoints) ?? 0;
    if (volume < MIN_PAIR_VOLUME) continue;
    const groups: [string, string] = [index.names[pair.a], index.names[pair.b]];
    const label = `${groups[0]} ↔ ${groups[1]}`;
    const context = { attribute, groups, timeline, baselinePoints, windows };
    const base = { subject: { attribute, groups: [...groups] }, label, baselinePoints };
    const source = { kind: "pair", attribute, groups } as const;
    const interactions = chart({
      ...base,
      source: { ...source, measure: "interactions" },
      direction: "higher",
      values: Array.from(pair.interactions),
    });
    chart({
      ...base,
      source: { ...source, measure: "active ties" },
      direction: "higher",
      values: Array.from(pair.activeTies),
    });
    const contact = fallingContact(interactions, pair, context);
    if (contact) signals.push(contact);
    if (!data.undirected) {
      const reciprocity = chart({
        ...base,
        source: { ...source, measure: "reciprocity" },
        direction: "higher",
        values: reciprocitySeries(pair),
      });
      const collapse = reciprocityCollapse(reciprocity, pair, context);
      if (collapse) signals.push(collapse);
    }
  }
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const recent = [...windows.recent];
  for (const group of boundary.groups) {
    if (!index.reportable[group.group]) continue;
    const name = index.names[group.group];
    const base = { subject: { attribute, groups: [name] }, label: name, baselinePoints };
    const source = { kind: "group", attribute, group: name } as const;
    const ei = chart({
      ...base,
      source: { ...source, measure: "e-i index" },
      direction: "higher",
      values: eiSeries(group),
    });
    chart({
      ...base,
      source: { ...source, measure: "active people" },
      direction: "higher",
      values: Array.from(group.activePeople),
    });
    chart({
      ...base,
      source: { ...source, measure: "new cross-boundary ties" },
      direction: "higher",
      // Ties first seen in the opening periods may be older than the data: those periods are left as gaps.
      values: Array.from(group.newCrossTies, (v, p) => (p < RECENT + 1 ? null : v)),
      notes: [`the first ${RECENT + 1} periods are gaps: a tie first seen there may be older than the data`],
    });
    const isolates = newIsolates(data, boundary, group.group, timeline, baselinePoints, recent, endInstant);
    const signal = fragmentation(ei, { attribute, group: name, timeline, baselinePoints }, isolates);
    if (signal) signals.push(signal);
  }
  return signals;
}

/** People active in most baseline periods who had no contact at all in the recent periods (leavers excluded). */
function newIsolates(
  data: Dataset,
  boundary: BoundarySeries,
  group: number,
  timeline: Timeline,
  baselinePoints: number,
  recent: number[],
  endInstant: number,
): { count: number; of: number } {
  const people = data.people?.people ?? [];
  const T = timeline.length;
  let count = 0;
  let regular = 0;
  for (let person = 0; person < people.length; person++) {
    if (boundary.index.of[person] !== group) continue;
    const left = people[person].left;
    if (left !== undefined && left <= endInstant) continue;
    const row = boundary.active.subarray(person * T, (person + 1) * T);
    let active = 0;
    for (let p = 0; p < Math.min(baselinePoints, T); p++) active += row[p];
    if (active < baselinePoints / 2) continue;
    regular++;
    if (recent.length > 0 && recent.every((p) => row[p] === 0)) count++;
  }
  return { count, of: regular };
}

/** Two signals of one kind on one subject (two leavers in a period) keep distinct ids. */
function uniqueIds(signals: Signal[]): Signal[] {
  const seen = new Map<string, number>();
  return signals.map((s) => {
    const n = (seen.get(s.id) ?? 0) + 1;
    seen.set(s.id, n);
    return n === 1 ? s : { ...s, id: `${s.id}#${n}` };
  });
}
