// Wave-to-wave change of a scale, for the whole survey and each group shown in both waves: Welch's difference with
// its interval, Hedges' g and Mann–Whitney (methods in docs/methods.md#survey).
import { byName, TOTAL, type Wave } from "./cells.js";
import { hedgesG, mannWhitney, welchTest } from "./compare.js";
import { pick, summarise } from "./scoring.js";
import type { WaveChange } from "../result/survey.js";

/** Change between consecutive waves, for the whole scale and each group shown in both waves. */
export function waveChanges(
  waves: Wave[],
  shown: Map<string, number[]>[],
  scores: Float64Array,
  respondents: (string | null)[],
): WaveChange[] {
  const changes: WaveChange[] = [];
  const repeated = repeatedIn(respondents);
  for (let w = 1; w < waves.length; w++) {
    const from = waves[w - 1].label!;
    const to = waves[w].label!;
    const cells = new Set([...shown[w - 1].keys(), ...shown[w].keys()]);
    for (const cell of [...cells].sort((a, b) => (a === TOTAL ? -1 : b === TOTAL ? 1 : byName(a, b)))) {
      const [attribute, value] = cell === TOTAL ? [null, null] : cell.split("\u0000").slice(1);
      const before = shown[w - 1].get(cell);
      const after = shown[w].get(cell);
      const where = { attribute, value, from, to };
      if (!before || !after) {
        changes.push({ ...where, suppressed: true });
        continue;
      }
      const x = pick(scores, before);
      const y = pick(scores, after);
      const welch = welchTest(x, y);
      const g = hedgesG(x, y);
      const mw = mannWhitney(x, y);
      if (!welch || !g || !mw) {
        changes.push({ ...where, suppressed: false, insufficient: true });
        continue;
      }
      changes.push({
        ...where,
        suppressed: false,
        n1: x.length,
        n2: y.length,
        mean1: summarise(x).mean,
        mean2: summarise(y).mean,
        difference: welch.difference,
        ci: welch.ci,
        t: welch.t,
        df: welch.df,
        p: welch.p,
        hedgesG: g.g,
        hedgesGCi: g.ci,
        mannWhitney: mw,
        repeatedRespondents: repeated(before, after),
      });
    }
  }
  return changes;
}

/**
 * Whether a respondent (not a missing one) answered in both sets of rows: respondents numbered once per scale and
 * the earlier rows' marked with a stamp, instead of a Set of their ids per cell.
 */
function repeatedIn(respondents: readonly (string | null)[]): (before: number[], after: number[]) => boolean {
  const numbers = new Map<string, number>();
  const number = Int32Array.from(respondents, (id) => {
    if (id === null) return -1;
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size));
    return n;
  });
  const seenIn = new Int32Array(numbers.size);
  let stamp = 0;
  return (before, after) => {
    stamp++;
    for (const r of before) if (number[r] >= 0) seenIn[number[r]] = stamp;
    return after.some((r) => number[r] >= 0 && seenIn[number[r]] === stamp);
  };
}
