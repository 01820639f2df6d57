// Mann–Whitney U as src/survey/compare.ts computed it before the samples were sorted as typed arrays and walked
// together: every value an object in one pooled array, sorted by a comparator, ranks summed value by value.
import { normalCdf } from "../../../src/stats/distributions.js";

export function plainMannWhitney(x: ArrayLike<number>, y: ArrayLike<number>) {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return null;
  const pooled: { value: number; fromY: boolean }[] = [];
  for (let i = 0; i < n1; i++) pooled.push({ value: x[i], fromY: false });
  for (let i = 0; i < n2; i++) pooled.push({ value: y[i], fromY: true });
  pooled.sort((p, q) => p.value - q.value);
  const total = n1 + n2;
  let rankSumY = 0;
  let tieTerm = 0;
  for (let i = 0; i < total;) {
    let j = i;
    while (j + 1 < total && pooled[j + 1].value === pooled[i].value) j++;
    const midRank = (i + j + 2) / 2;
    const ties = j - i + 1;
    tieTerm += ties ** 3 - ties;
    for (let k = i; k <= j; k++) if (pooled[k].fromY) rankSumY += midRank;
    i = j + 1;
  }
  const u = rankSumY - (n2 * (n2 + 1)) / 2;
  const centred = u - (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1))));
  if (sigma === 0) return { u, z: 0, p: 1 };
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return { u, z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}
