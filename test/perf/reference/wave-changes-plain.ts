// The wave-to-wave changes as src/survey/wave-changes.ts computed them before respondents were numbered once per
// scale: a Set of the earlier wave's respondent ids per cell.
import { byName, TOTAL, type Wave } from "../../../src/survey/cells.js";
import { hedgesG, mannWhitney, welchTest } from "../../../src/survey/compare.js";
import { pick, summarise } from "../../../src/survey/scoring.js";
import type { WaveChange } from "../../../src/result/survey.js";

/** Change between consecutive waves, for the whole scale and each group shown in both waves. */
export function plainWaveChanges(
  waves: Wave[],
  shown: Map<string, number[]>[],
  scores: Float64Array,
  respondents: (string | null)[],
): WaveChange[] {
  const changes: WaveChange[] = [];
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
      const earlier = new Set(before.map((r) => respondents[r]).filter((id) => id !== null));
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
        repeatedRespondents: after.some((r) => respondents[r] !== null && earlier.has(respondents[r])),
      });
    }
  }
  return changes;
}
