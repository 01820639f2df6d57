// Wave-to-wave change of a scale, for the whole survey and each group shown in both waves: Welch's difference with
// its interval, Hedges' g and Mann–Whitney (methods in docs/methods.md#survey).
import { byName, TOTAL, type Wave } from "./cells.js";
import { hedgesG, mannWhitneyByRank, valueRanks, welchTest, type MannWhitney, type ValueRanks } from "./compare.js";
import type { WaveChange } from "../result/survey.js";
import type { Sample } from "./wave-groups.js";

/**
 * Change between consecutive waves, for the whole scale and each group shown in both waves, from each wave's shown
 * cells (their scored rows, scores and mean). `respondents` numbers each row's respondent (respondentsAt), once per
 * survey: every scale compares the same rows' respondents. `scores` are the scale's, per row.
 */
export function waveChanges(
  waves: Wave[],
  shown: Map<string, Sample>[],
  respondents: Int32Array,
  scores: Float64Array,
): WaveChange[] {
  const changes: WaveChange[] = [];
  const repeated = repeatedIn(respondents);
  const rankTest = waves.length > 1 ? rankTestOf(scores) : null;
  for (let w = 1; w < waves.length; w++) {
    const from = waves[w - 1].label!;
    const to = waves[w].label!;
    const cells = new Set([...shown[w - 1].keys(), ...shown[w].keys()]);
    for (const cell of [...cells].sort((a, b) => (a === TOTAL ? -1 : b === TOTAL ? 1 : byName(a, b)))) {
      const [attribute, value] = cell === TOTAL ? [null, null] : cell.split("\u0000").slice(1);
      const before = shown[w - 1].get(cell);
      const after = shown[w].get(cell);
      // Written out, not spread from one `where` object: V8 copies a spread's properties one at a time, and that was
      // a fifth of the wave changes' time at M.
      if (!before || !after) {
        changes.push({ attribute, value, from, to, suppressed: true });
        continue;
      }
      const x = before.scores;
      const y = after.scores;
      const welch = welchTest(x, y);
      const g = hedgesG(x, y);
      const mw = rankTest!(before.rows, after.rows);
      if (!welch || !g || !mw) {
        changes.push({ attribute, value, from, to, suppressed: false, insufficient: true });
        continue;
      }
      changes.push({
        attribute,
        value,
        from,
        to,
        suppressed: false,
        n1: x.length,
        n2: y.length,
        mean1: before.mean,
        mean2: after.mean,
        difference: welch.difference,
        ci: welch.ci,
        t: welch.t,
        df: welch.df,
        p: welch.p,
        hedgesG: g.g,
        hedgesGCi: g.ci,
        mannWhitney: mw,
        repeatedRespondents: repeated(before.rows, after.rows),
      });
    }
  }
  return changes;
}

/** Mann–Whitney of two cells' rows, by the ranks of the scale's scores (one sort per scale, not two per change). */
function rankTestOf(scores: Float64Array): (x: Int32Array, y: Int32Array) => MannWhitney | null {
  const ranks: ValueRanks = valueRanks(scores);
  const counts = new Int32Array(2 * ranks.distinct);
  return (x, y) => mannWhitneyByRank(x, y, ranks, counts);
}

/**
 * The respondent numbers of the rows as read (latestSubmissions' `respondents`) at the rows of a reordered survey
 * (`origin`). A loop of the module, not `map` with an arrow: a call per row before V8 optimises it.
 */
export function respondentsAt(numbers: Int32Array, origin: readonly number[]): Int32Array {
  const out = new Int32Array(origin.length);
  for (let i = 0; i < origin.length; i++) out[i] = numbers[origin[i]];
  return out;
}

/**
 * Whether a respondent (not a missing one) answered in both sets of rows: the earlier rows' respondents marked with
 * a stamp, instead of a Set of their ids per cell.
 */
function repeatedIn(number: Int32Array): (before: Int32Array, after: Int32Array) => boolean {
  // A respondent's number is below the row count (latestSubmissions: each id has a row that counts).
  const seenIn = new Int32Array(number.length);
  let stamp = 0;
  return (before, after) => {
    stamp++;
    mark(seenIn, number, before, stamp);
    return anyMarked(seenIn, number, after, stamp);
  };
}

// One loop per function, nothing after it but a return, indexed loops (~1,400 deoptimisations per call at M when both
// loops were in one function): see docs/architecture.md, "Long loops in code that runs once".
function mark(seenIn: Int32Array, number: Int32Array, rows: Int32Array, stamp: number): void {
  for (let i = 0; i < rows.length; i++) if (number[rows[i]] >= 0) seenIn[number[rows[i]]] = stamp;
}

function anyMarked(seenIn: Int32Array, number: Int32Array, rows: Int32Array, stamp: number): boolean {
  for (let i = 0; i < rows.length; i++) if (number[rows[i]] >= 0 && seenIn[number[rows[i]]] === stamp) return true;
  return false;
}
