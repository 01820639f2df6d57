// A first look at an XmR chart that draws nothing: whether the full chart (xmr.ts) would show a current concern or
// suggest a rebase. The scene keeps a later boundary's series only for one of those (charter.ts), and the team
// boundary of a 10,000-person system charts ~1,900 series of which a handful are kept: the full chart's point
// objects and the published Series built for each of the others were most of the charting (issue 15). It runs the
// full chart's own limits and rules (segmentLimits, xmr-rules.ts) over the usable points, and makes no points.
// test/perf/xmr-screen.test.ts holds it to the full chart.
import type { XmrInput, XmrSettings } from "../../result/spc.js";
import { mergedSettings, segmentLimits, setLines, sliceLength } from "./xmr.js";
import { gatherUsable, linesRoom, ruleBits, SHIFT, work } from "./xmr-rules.js";

/** A series to screen: XmrInput's fields, its values in any array (a typed array's NaN is a gap, as null). */
export type ScreenInput = Omit<XmrInput, "values"> & { values: ArrayLike<number | null> };

/**
 * True when the chart of `input` shows a concern among its last `recent` usable points, or its last 2 × runLength
 * usable points are all flagged by the shift rule on one side of the mean (a suggested rebase). Recalculations and
 * screened moving ranges are left to the full chart (true): the scene never screens such a series.
 */
export function mayMatter(input: ScreenInput, settings: Partial<XmrSettings>, recent: number): boolean {
  const options = mergedSettings(settings);
  const baselinePoints = input.baselinePoints;
  if (options.screenMovingRanges || (input.recalculateAt?.length ?? 0) > 0 || (baselinePoints ?? 0) < 0) return true;
  const m = gatherUsable(input.values, input.excluded);
  // A run chart has no rules, so no concern and no suggestion.
  if (m < options.minPoints) return false;
  // One segment, its limits from the first baselinePoints usable points (all of them without a baseline).
  const segment = segmentLimits(0, input.values.length - 1, 0, sliceLength(m, baselinePoints ?? m), options);
  setLines(linesRoom(1), 0, segment);
  work.segment.fill(0, 0, m);
  ruleBits(m, options);
  const { high, low } = work;
  const concern = input.direction === "lower" ? high : low;
  const improvement = concern === high ? low : high;
  // Read before the loop: a read reached only once a concern is found had no type feedback when the loop was compiled.
  const concernWins = options.conflict === "concern";
  for (let k = Math.max(0, m - recent); k < m && input.direction !== "neither"; k++)
    if (concern[k] !== 0 && (improvement[k] === 0 || concernWins)) return true;
  return suggestsRebase(m, segment.mean, options.runLength * 2);
}

/** The last `needed` of the m usable points all flagged by the shift rule and on one side of the mean (chart.ts's test). */
function suggestsRebase(m: number, mean: number | null, needed: number): boolean {
  if (m < needed || mean === null) return false;
  const { values, high, low } = work;
  const above = values[m - needed] > mean;
  for (let k = m - needed; k < m; k++)
    if (((high[k] | low[k]) & SHIFT) === 0 || values[k] > mean !== above) return false;
  return true;
}
