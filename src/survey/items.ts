// The items table of a scale (current wave): item means, favourable shares and item–rest statistics, and which of
// them may be shown.
//
// A scale's mean averages each person's answered items, an item mean counts each answer once, so the two weigh
// people by how many items they skipped: with the group means, a reader can subtract their way to one person who
// skipped an item (test/security/items-beside-groups.test.ts). Take any combination of group sums and item totals
// that leaves out everyone but fewer than k people. If one item j is withheld, a person left out who answered j
// gives their own groups zero weight (their answer to j carries nothing else), so every item i they answered gets
// zero weight too. With at least k people answering both i and j, one of them is left out: every shown item's
// weight is zero, and what remains is a combination of group sums, which the release plan (src/survey/release.ts)
// already made safe. When everyone who answered the scale answered every item, no one is weighed differently and
// every item can be shown (the item totals add up to the scale total).
import type { Reliability } from "./reliability.js";
import { summaryOf, type KeyedItems } from "./scoring.js";
import type { ItemResult } from "../result/survey.js";

/**
 * Item means, favourable shares and item–rest statistics of every item in the current wave (shown or not), and how
 * many of its rows answered any item. One loop over the rows for every item (Welford's update per item, in row order,
 * as summarise), not a column of answers picked and summarised per item.
 */
export function itemResults(
  present: string[],
  keyed: KeyedItems,
  rows: readonly number[],
  max: number,
  reliability: Reliability,
): { items: ItemResult[]; anyAnswered: number } {
  const k = keyed.columns.length;
  const n = new Int32Array(k);
  const top = new Int32Array(k);
  const moments = new Float64Array(2 * k);
  const anyAnswered = itemMoments(keyed.columns, rows, max, n, top, moments);
  const items = present.map((id, i): ItemResult => {
    const s = summaryOf(n[i], moments[2 * i], moments[2 * i + 1]);
    const { rDrop, alphaIfDeleted } = reliability.items[i];
    const favourable = n[i] === 0 ? NaN : top[i] / n[i];
    return { id, reversed: keyed.reversed[i], n: s.n, mean: s.mean, sd: s.sd, favourable, rDrop, alphaIfDeleted };
  });
  return { items, anyAnswered };
}

/**
 * Per item, its answers (n), Welford's mean and m2 (moments) and answers in the top two boxes; returns the rows that
 * answered any. Alone in its function, nothing after the loop but a return: see docs/architecture.md, "Long loops
 * in code that runs once".
 */
function itemMoments(
  columns: readonly Float64Array[],
  rows: readonly number[],
  max: number,
  n: Int32Array,
  top: Int32Array,
  moments: Float64Array,
): number {
  let anyAnswered = 0;
  for (let x = 0; x < rows.length; x++) {
    let any = false;
    for (let i = 0; i < columns.length; i++) {
      const a = columns[i][rows[x]];
      if (Number.isNaN(a)) continue;
      any = true;
      const count = ++n[i];
      const delta = a - moments[2 * i];
      moments[2 * i] += delta / count;
      moments[2 * i + 1] += delta * (a - moments[2 * i]);
      if (a >= max - 1) top[i]++;
    }
    if (any) anyAnswered++;
  }
  return anyAnswered;
}

/**
 * Which item means are shown (see the top of this file): each needs k answers; all of them when every respondent
 * answered every item; otherwise one item j is withheld, and each other item needs k people who answered it and j
 * (counted with the pairwise covariances, `together`). j is the item that leaves the most shown, preferring one not
 * keyed the wrong way (so that finding keeps its figures), then the one with the fewest answers, then the last.
 */
export function shownItems(
  items: readonly ItemResult[],
  anyAnswered: number,
  together: Int32Array,
  k: number,
): boolean[] {
  const enough = items.map((item) => item.n >= k);
  if (items.every((item) => item.n === anyAnswered)) return enough;
  const shownWithout = (j: number) => enough.map((ok, i) => ok && i !== j && together[i * items.length + j] >= k);
  const score = (j: number) => [
    shownWithout(j).filter(Boolean).length,
    items[j].rDrop !== null && items[j].rDrop < 0 ? 0 : 1,
    -items[j].n,
    j,
  ];
  // Lexicographic: the first difference decides.
  const compare = (a: number[], b: number[]) => a.map((x, i) => x - b[i]).find((d) => d !== 0) ?? 0;
  let best = 0;
  for (let j = 1; j < items.length; j++) if (compare(score(j), score(best)) > 0) best = j;
  return shownWithout(best);
}
