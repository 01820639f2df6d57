// The pairs of groups of one boundary on the scene: each pair with enough contact has its interactions, active ties
// and reciprocity charted, and the charts that show a current concern are kept for the pair detectors. A large
// boundary's pairs are mostly quiet, so they are screened from their rows of the pair table before any spec is built.
import type { Dataset } from "../model/types.js";
import type { ChartedSeries } from "./chart.js";
import type { Charter } from "./charter.js";
import { currentConcern } from "./episodes.js";
import { chartedOffset, type PairSeries, type PairTable } from "./pair-series.js";
import { reciprocityOf, reciprocitySeries, seriesValues, type BoundarySeries, type Windows } from "./relational.js";
import type { Timeline } from "./timeline.js";
import { grown } from "../util/grown.js";

export interface PairContext {
  attribute: string;
  groups: [string, string];
  timeline: Timeline;
  baselinePoints: number;
  windows: Windows;
}

/**
 * A pair of reportable groups with enough contact to chart, and its charts that show a current concern (what the
 * pair detectors read first: a chart without one raises nothing). The others are judged and counted, not kept: the
 * team boundary of the 10⁸-event XL system charts ~640,000 series of ~12 KB each, which ran V8 out of heap.
 */
export interface ChartedPair {
  pair: PairSeries;
  context: PairContext;
  /** Null when its chart shows no current concern. */
  interactions: ChartedSeries | null;
  /** Null when ties are undirected (answering cannot be told from asking), or its chart shows no current concern. */
  reciprocity: ChartedSeries | null;
}

/** The run's frame every pair and group of a boundary is charted in. */
export type SceneFrame = Omit<PairContext, "attribute" | "groups">;

/** The pairs with a chart to read (see ChartedPair), and how many pairs were charted (the detectors' family). */
export function chartPairs(
  data: Dataset,
  boundary: BoundarySeries,
  frame: SceneFrame,
  charter: Charter,
): { pairs: ChartedPair[]; pairsCharted: number } {
  const charted: ChartedPair[] = [];
  const table = boundary.pairs;
  const measures = data.undirected ? 2 : 3;
  const screened = charter.screens(boundary.index.attribute);
  const ordered = table.ordered();
  const chartedPairs = new Int32Array(ordered.length);
  const count = chartedInOrder(ordered, table.row, chartedPairs);
  // Indexed, not for…of: an iterator result per pair while the loop is still interpreted.
  for (let i = 0; i < count; i++) {
    const k = chartedPairs[i];
    // Most pairs of a large boundary are quiet: judged from their rows of the table, counted, and never given a spec.
    if (screened && quietPair(table, k, data.undirected, frame.baselinePoints, charter)) {
      charter.counted(measures);
      continue;
    }
    const pair = chartPair(data, table.series(k), boundary, frame, charter.chart);
    if (pair) charted.push(pair);
  }
  // Every charted pair counts, screened out or not: the family the pair detectors correct for.
  return { pairs: charted, pairsCharted: count };
}

/**
 * A pair's interactions, active ties and (when directed) reciprocity charted, and the pair kept when one of its
 * charts to read shows a current concern. A function of its own, compiled on its own once hot: the loop over the pairs
 * stays small (see chartedInOrder).
 */
function chartPair(
  data: Dataset,
  pair: PairSeries,
  { index }: BoundarySeries,
  { timeline, baselinePoints, windows }: SceneFrame,
  chart: Charter["chart"],
): ChartedPair | null {
  const attribute = index.attribute;
  const groups: [string, string] = [index.names[pair.a], index.names[pair.b]];
  const base = { subject: { attribute, groups: [...groups] }, label: `${groups[0]} ↔ ${groups[1]}`, baselinePoints };
  const source = { kind: "pair", attribute, groups } as const;
  const higher = "higher" as const;
  const interactions = chart({
    ...base,
    source: { ...source, measure: "interactions" },
    direction: higher,
    values: seriesValues(pair.interactions),
  });
  chart({
    ...base,
    source: { ...source, measure: "active ties" },
    direction: higher,
    values: seriesValues(pair.activeTies),
  });
  const reciprocity = data.undirected
    ? null
    : chart({
        ...base,
        source: { ...source, measure: "reciprocity" },
        direction: higher,
        values: reciprocitySeries(pair),
      });
  const concerning = (c: ChartedSeries | null) => (c && currentConcern(c.chart) !== null ? c : null);
  if (!concerning(interactions) && !concerning(reciprocity)) return null;
  const context = { attribute, groups, timeline, baselinePoints, windows };
  return { pair, context, interactions: concerning(interactions), reciprocity: concerning(reciprocity) };
}

/**
 * The charted pairs of `ordered` (row ≥ 0; the others have a group too small to report, or too little contact) into
 * `into`, in order; returns how many. A loop of its own (docs/architecture.md, "Long loops in code that runs once"):
 * when chartPairs' loop walked every pair numbered (~32,000 for M's teams, most of them not charted), V8 compiled
 * chartPairs on the stack with all it calls inlined, then again as a function for the next boundary (issue 15).
 */
function chartedInOrder(ordered: Int32Array, row: Int32Array, into: Int32Array): number {
  let count = 0;
  for (let i = 0; i < ordered.length; i++) if (row[ordered[i]] >= 0) into[count++] = ordered[i];
  return count;
}

/** Reciprocity of the pair being screened, NaN for a gap; grown as needed (the scene is synchronous). */
let reciprocityRow = new Float64Array(64);

/** The pair table's rows the screen reads. */
type PairRows = Pick<PairTable, "length" | "interactions" | "row" | "forward" | "backward" | "activeTies">;

/** True when none of charted pair k's series (interactions, active ties and, when directed, reciprocity) may matter. */
export function quietPair(
  table: PairRows,
  k: number,
  undirected: boolean,
  baselinePoints: number,
  charter: Charter,
): boolean {
  const length = table.length;
  const charted = chartedOffset(table, k);
  if (charter.pairMayMatter(table.interactions.subarray(charted, charted + length), baselinePoints)) return false;
  if (charter.pairMayMatter(table.activeTies.subarray(charted, charted + length), baselinePoints)) return false;
  if (undirected) return true;
  if (reciprocityRow.length < length) reciprocityRow = grown(reciprocityRow, length);
  const row = reciprocityRow.subarray(0, length);
  for (let p = 0; p < length; p++)
    row[p] =
      reciprocityOf(table.interactions[charted + p], table.forward[charted + p], table.backward[charted + p]) ?? NaN;
  return !charter.pairMayMatter(row, baselinePoints);
}
