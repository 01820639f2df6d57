// The items table of a scale (current wave): item means, favourable shares and item–rest statistics, for the items
// whose means may be published beside the scale's mean.
import { answerPatterns, selectFigures, weight, type Figure } from "./patterns.js";
import type { cronbachAlpha } from "./reliability.js";
import { favourableShare, minimumAnswered, pick, summarise, type KeyedItems } from "./scoring.js";
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
 * Which item means are published (current wave): each needs k answers, and together with the scale's mean they
 * must not single anyone out — a respondent who skipped items has a score averaged over fewer items, so the scale
 * total and the item totals weigh answer patterns differently (src/survey/patterns.ts). Items are offered in order
 * and each is kept only while the set stays safe.
 */
export function publishableItems(keyed: KeyedItems, rows: readonly number[], share: number, k: number): boolean[] {
  const patterns = answerPatterns(keyed.columns, rows);
  const answers = keyed.columns.map((_, i) => patterns.reduce((n, p) => n + (p.answered[i] ? p.persons : 0), 0));
  const need = minimumAnswered(keyed.columns.length, share);
  const scoreWeight: Figure = (p) => {
    const answered = p.answered.filter(Boolean).length;
    return answered >= need ? weight(1, answered) : 0;
  };
  const offered = answers.flatMap((n, i) => (n >= k ? [i] : []));
  const kept = selectFigures(
    patterns,
    [scoreWeight],
    offered.map(
      (i): Figure =>
        (_, item) =>
          item === i ? 1 : 0,
    ),
    k,
  );
  return answers.map((_, i) => offered.includes(i) && kept?.[offered.indexOf(i)] === true);
}
