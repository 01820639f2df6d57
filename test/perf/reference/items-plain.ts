// The items table and α's covariances as src/survey/items.ts and reliability.ts computed them before one loop over the
// rows served every item and every pair: each item's answers picked and summarised, each pair's covariance a loop of
// its own, and the rows answering an item filtered into an array.
import type { ItemResult } from "../../../src/result/survey.js";
import type { Reliability } from "../../../src/survey/reliability.js";
import { summarise, type KeyedItems } from "../../../src/survey/scoring.js";
import { favourableShare, pick } from "./scoring-plain.js";

export function plainItemResults(
  present: string[],
  keyed: KeyedItems,
  rows: number[],
  max: number,
  reliability: Reliability,
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

export function plainShownItems(keyed: KeyedItems, rows: readonly number[], items: readonly ItemResult[], k: number) {
  const answered = keyed.columns.map((column) => rows.filter((r) => !Number.isNaN(column[r])));
  const enough = answered.map((a) => a.length >= k);
  const anyAnswer = rows.filter((r) => keyed.columns.some((column) => !Number.isNaN(column[r])));
  if (answered.every((a) => a.length === anyAnswer.length)) return enough;
  const both = (i: number, j: number) => answered[i].filter((r) => !Number.isNaN(keyed.columns[j][r])).length;
  const shownWithout = (j: number) => enough.map((ok, i) => ok && i !== j && both(i, j) >= k);
  const score = (j: number) => [
    shownWithout(j).filter(Boolean).length,
    items[j].rDrop !== null && items[j].rDrop < 0 ? 0 : 1,
    -answered[j].length,
    j,
  ];
  const compare = (a: number[], b: number[]) => a.map((x, i) => x - b[i]).find((d) => d !== 0) ?? 0;
  let best = 0;
  for (let j = 1; j < keyed.columns.length; j++) if (compare(score(j), score(best)) > 0) best = j;
  return shownWithout(best);
}

export function plainPairwiseCovariance(columns: readonly Float64Array[], rows: readonly number[]): number[][] {
  const k = columns.length;
  const c: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let n = 0;
      let mi = 0;
      let mj = 0;
      for (const r of rows) {
        const a = columns[i][r];
        const b = columns[j][r];
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        n++;
        mi += (a - mi) / n;
        mj += (b - mj) / n;
      }
      let s = 0;
      for (const r of rows) {
        const a = columns[i][r];
        const b = columns[j][r];
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        s += (a - mi) * (b - mj);
      }
      c[i][j] = c[j][i] = n > 1 ? s / (n - 1) : NaN;
    }
  }
  return c;
}
