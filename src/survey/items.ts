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
import type { cronbachAlpha } from "./reliability.js";
import { favourableShare, pick, summarise, type KeyedItems } from "./scoring.js";
import type { ItemResult } from "../result/survey.js";

/** Item means, favourable shares and item–rest statistics of every item in the current wave (shown or not). */
export function itemResults(
  present: string[],
  keyed: KeyedItems,
  rows: number[],
  max: number,
  reliability: ReturnType<typeof cronbachAlpha>,
): ItemResult[] {
  return present.map((item, i) => {
    const s = summarise(pick(keyed.columns[i], rows));
    return {
      id: item,
      reversed: keyed.reversed[i],
      n: s.n,
      mean: s.mean,
      sd: s.sd,
      favourable: favourableShare([keyed.columns[i]], rows, max),
      ...reliability.items[i],
    };
  });
}

/**
 * Which item means are shown (see the top of this file): each needs k answers; all of them when every respondent
 * answered every item; otherwise one item j is withheld, and each other item needs k people who answered it and j.
 * j is the item that leaves the most shown, preferring one not keyed the wrong way (so that finding keeps its
 * figures), then the one with the fewest answers, then the last.
 */
export function shownItems(keyed: KeyedItems, rows: readonly number[], items: readonly ItemResult[], k: number) {
  const answered = keyed.columns.map((column) => rows.filter((r) => !Number.isNaN(column[r])));
  const enough = answered.map((a) => a.length >= k);
  const anyAnswer = rows.filter((r) => keyed.columns.some((column) => !Number.isNaN(column[r])));
  if (answered.every((a) => a.length === anyAnswer.length)) return enough;
  // Counted, not filtered into an array only to be measured: ~20 MB of arrays per cold survey call at M.
  const both = (i: number, j: number) => {
    let n = 0;
    for (let x = 0; x < answered[i].length; x++) if (!Number.isNaN(keyed.columns[j][answered[i][x]])) n++;
    return n;
  };
  const shownWithout = (j: number) => enough.map((ok, i) => ok && i !== j && both(i, j) >= k);
  const score = (j: number) => [
    shownWithout(j).filter(Boolean).length,
    items[j].rDrop !== null && items[j].rDrop < 0 ? 0 : 1,
    -answered[j].length,
    j,
  ];
  // Lexicographic: the first difference decides.
  const compare = (a: number[], b: number[]) => a.map((x, i) => x - b[i]).find((d) => d !== 0) ?? 0;
  let best = 0;
  for (let j = 1; j < keyed.columns.length; j++) if (compare(score(j), score(best)) > 0) best = j;
  return shownWithout(best);
}
