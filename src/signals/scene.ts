// The scene every signal detector reads: the timeline, each boundary's pairs and groups with their SPC charts
// drawn, and the survey. Charting happens once, here, before any detector runs, so a detector is a pure reading of
// the scene and a new signal kind never has to know how (or in what order) series are charted.
import type { PeriodKind } from "../model/periods.js";
import type { Dataset } from "../model/types.js";
import type { SurveySection } from "../result/survey.js";
import type { Series, Signal } from "../result/signals.js";
import type { XmrSettings } from "../result/spc.js";
import { deliverySeries } from "./delivery.js";
import { pairActivity, type PairActivity } from "./pair-activity.js";
import { meanOver, RECENT } from "./episodes.js";
import type { ChartedSeries } from "./chart.js";
import {
  boundarySeries,
  eiSeries,
  groupIndex,
  seriesValues,
  tieContact,
  type BoundarySeries,
  type TieContact,
  type Windows,
} from "./relational.js";
import { labelAt, wholePositions, type Timeline } from "./timeline.js";
import { chartPairs, type ChartedPair, type SceneFrame } from "./scene-pairs.js";
import { sceneCharter, type Charter } from "./charter.js";

/** Relational series fix their limits on the first half of the timeline, and at least this many points. */
const MIN_BASELINE = 12;

export interface GroupContext {
  attribute: string;
  group: string;
  timeline: Timeline;
  baselinePoints: number;
}

/** A reportable group, its E-I chart (null without a current concern) and the connected people gone silent. */
export interface ChartedGroup {
  context: GroupContext;
  ei: ChartedSeries | null;
  isolates: { count: number; of: number };
}

interface ChartedBoundary {
  series: BoundarySeries;
  /** The pairs with a chart to read (see ChartedPair). */
  pairs: ChartedPair[];
  /** Every pair charted: the family the pair detectors correct for. */
  pairsCharted: number;
  groups: ChartedGroup[];
}

/** Relational series over time: present when interactions carry timestamps and people are known. */
interface RelationalScene {
  timeline: Timeline;
  baselinePoints: number;
  windows: Windows;
  boundaries: ChartedBoundary[];
  /** Each pair of people's contact, summarised once for every detector of person-to-person ties. */
  pairs: PairActivity | null;
  /** Each tie's contact by position, read once from the ties' period Maps. */
  contact: TieContact;
}

/** Where survey waves sit in time: the instants of waves labelled with ISO dates (parsed by the loader). */
export interface WaveClock {
  timeZone: string;
  dates: Readonly<Record<string, number>>;
}

/** A signal as a detector finds it; the registry (kinds.ts) adds the practice, so it is stated once. */
export type DetectedSignal = Omit<Signal, "practice">;

export interface SignalScene {
  data: Dataset;
  survey: SurveySection | null;
  timeline: Timeline | null;
  relational: RelationalScene | null;
  /**
   * The series charted that may be published, in charting order: those always published, and those whose chart
   * shows a current concern (only those can be named by a signal). The section publishes a subset.
   */
  series: Series[];
  /** Every series charted, kept or not (those the screen in buildScene's chart left out count as charted). */
  seriesCharted: number;
  /** Delivery series with the groups they belong to, for the leading-indicator analysis. */
  delivery: ReturnType<typeof deliverySeries>;
  /** Where survey waves sit in time; a wave that is not a date is dated by `fallback`, the last period, if any. */
  waves: { kind: PeriodKind; clock: WaveClock; fallback: string | null };
  notes: string[];
}

/** Relational series are monitored against an established pattern: the first half of the run, at least 12 points. */
export function relationalBaseline(length: number): number {
  return Math.min(length, Math.max(MIN_BASELINE, Math.floor(length / 2)));
}

export function buildScene(
  data: Dataset,
  survey: SurveySection | null,
  timeline: Timeline | null,
  settings: Partial<XmrSettings>,
): SignalScene {
  const notes: string[] = [];
  let series: Series[] = [];
  let seriesCharted = 0;
  let relational: RelationalScene | null = null;
  let delivery: SignalScene["delivery"] = [];
  if (timeline) {
    const charter = sceneCharter(data, timeline, settings);
    if (timeline.partialFirst)
      notes.push(`${labelAt(timeline, 0)} is a partial period: shown, left out of limits and rules`);
    if (timeline.partialLast)
      notes.push(`${labelAt(timeline, timeline.length - 1)} is a partial period: shown, left out of limits and rules`);
    if (data.interactions?.timestamped && data.people) relational = chartRelational(data, timeline, charter, notes);
    else if (data.interactions && !data.interactions.timestamped)
      notes.push("interactions have no timestamps: no relational series over time");
    delivery = deliverySeries(data, timeline, charter.chart, notes);
    series = charter.series;
    seriesCharted = charter.charted();
  }
  return {
    data,
    survey,
    timeline,
    relational,
    series,
    seriesCharted,
    delivery,
    waves: {
      kind: data.period,
      clock: { timeZone: data.config.timeZone, dates: data.survey?.waveDates ?? {} },
      fallback: timeline ? labelAt(timeline, timeline.length - 1) : null,
    },
    notes,
  };
}

function chartRelational(data: Dataset, timeline: Timeline, charter: Charter, notes: string[]): RelationalScene {
  const baselinePoints = relationalBaseline(timeline.length);
  const windows: Windows = {
    baseline: baselinePoints,
    recent: wholePositions(timeline, 0, timeline.length).slice(-RECENT),
  };
  const boundaries: ChartedBoundary[] = [];
  const contact = tieContact(data, timeline);
  for (const attribute of data.boundaries) {
    const index = groupIndex(data, attribute);
    if (!index) continue;
    const boundary = boundarySeries(data, index, contact, timeline, windows);
    const suppressed = index.names.filter((_, g) => !index.reportable[g]).length;
    if (suppressed > 0)
      notes.push(
        `${attribute}: ${suppressed} group${suppressed === 1 ? "" : "s"} with fewer than ${data.config.minGroupSize} people not reported`,
      );
    const scene = { timeline, baselinePoints, windows };
    boundaries.push({
      series: boundary,
      ...chartPairs(data, boundary, scene, charter),
      groups: chartGroups(data, boundary, scene, charter.chart),
    });
  }
  return {
    timeline,
    baselinePoints,
    windows,
    boundaries,
    pairs: pairActivity(data, timeline, baselinePoints, contact),
    contact,
  };
}

function chartGroups(
  data: Dataset,
  boundary: BoundarySeries,
  { timeline, baselinePoints, windows }: SceneFrame,
  chart: Charter["chart"],
): ChartedGroup[] {
  const { index } = boundary;
  const attribute = index.attribute;
  const endInstant = data.window.until ?? data.interactions?.last ?? Infinity;
  const isolated = newIsolates(data, boundary, timeline, baselinePoints, windows.recent, endInstant);
  const charted: ChartedGroup[] = [];
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
      values: seriesValues(group.activePeople),
    });
    chart({
      ...base,
      source: { ...source, measure: "new cross-boundary ties" },
      direction: "higher",
      // Ties first seen in the opening periods may be older than the data: those periods are left as gaps.
      values: seriesValues(group.newCrossTies, RECENT + 1),
      notes: [`the first ${RECENT + 1} periods are gaps: a tie first seen there may be older than the data`],
    });
    const isolates = { count: isolated.count[group.group], of: isolated.of[group.group] };
    charted.push({ context: { attribute, group: name, timeline, baselinePoints }, ei, isolates });
  }
  return charted;
}

/**
 * Per group: people active in most baseline periods (`of`) and those of them with no contact at all in the recent
 * periods (`count`), leavers excluded. One pass over the people for every group of the boundary.
 */
function newIsolates(
  data: Dataset,
  boundary: BoundarySeries,
  timeline: Timeline,
  baselinePoints: number,
  recent: readonly number[],
  endInstant: number,
): { count: Int32Array; of: Int32Array } {
  const people = data.people?.people ?? [];
  const T = timeline.length;
  const groups = boundary.index.names.length;
  const count = new Int32Array(groups);
  const of = new Int32Array(groups);
  const baselineEnd = Math.min(baselinePoints, T);
  for (let person = 0; person < people.length; person++) {
    const group = boundary.index.of[person];
    if (group < 0) continue;
    const left = people[person].left;
    if (left !== undefined && left <= endInstant) continue;
    // Read in place: a view per person was 10,000 objects per boundary (issue 15).
    const row = person * T;
    let active = 0;
    for (let p = 0; p < baselineEnd; p++) active += boundary.active[row + p];
    if (active < baselinePoints / 2) continue;
    of[group]++;
    // A loop, not every() with an arrow made per person (10,000 a boundary, issue 15).
    let silent = recent.length > 0;
    for (let r = 0; r < recent.length && silent; r++) silent = boundary.active[row + recent[r]] === 0;
    if (silent) count[group]++;
  }
  return { count, of };
}

export const chartedPairs = (scene: SignalScene): ChartedPair[] =>
  scene.relational?.boundaries.flatMap((b) => b.pairs) ?? [];
/** Every pair of groups charted, on every boundary, kept or not. */
export const pairsCharted = (scene: SignalScene): number =>
  scene.relational?.boundaries.reduce((sum, b) => sum + b.pairsCharted, 0) ?? 0;
export const chartedGroups = (scene: SignalScene): ChartedGroup[] =>
  scene.relational?.boundaries.flatMap((b) => b.groups) ?? [];

/** Mean interactions per period between two groups over the last two recent windows (0 when never in contact). */
export function recentContact(scene: SignalScene, attribute: string, a: string, b: string): number | null {
  const relational = scene.relational;
  const boundary = relational?.boundaries.find(
    (x) => x.series.index.attribute.toLowerCase() === attribute.toLowerCase(),
  )?.series;
  if (!boundary || !relational) return null;
  const [ga, gb] = [boundary.index.names.indexOf(a), boundary.index.names.indexOf(b)];
  if (ga < 0 || gb < 0) return null;
  const interactions = boundary.pairs.interactionsOf(ga, gb);
  const length = relational.timeline.length;
  return interactions ? (meanOver(interactions, Math.max(0, length - 2 * RECENT), length) ?? 0) : 0;
}
