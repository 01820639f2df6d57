// The search behind src/survey/disclosure.ts: a nonzero vector of V₀ (the span of the published figures, on atoms of
// fewer than k respondents only) whose support covers fewer than k respondents. Any such vector is a leak: the
// combination of figures it stands for depends on the answers of those few people alone (s₆ − s₂ tells person 2's
// score to person 6), whether or not its coefficients are 0 and 1.
//
// V₀ is given in reduced row-echelon form: each row is 1 at its pivot, 0 at every other row's pivot, and its other
// columns are free. A combination u = Σ βⱼ·rowⱼ is βⱼ at row j's pivot, so its support is the pivots of the rows it
// uses (B) and the free columns they do not cancel (C). The search grows (B, C) from a root row, each step adding a
// row or a free column allowed in the support, each costing its respondents (at least 1), until the respondents
// reach k. At each state it asks exactly whether some nonzero β on B vanishes on the free columns of B outside C
// (a rank test, modulo the prime of residues.ts). Why this misses nothing: for a leak u with rows B* and free support
// C*, every state on the way (B ⊆ B*, C ⊆ C*) that is not yet a leak has a free column c outside C where β*'s part
// on B is nonzero, and then c is in C* or some row of B* \ B touches c — so branching on "add c to C, or add a row
// touching c" for such a c follows u. A column touched by exactly one row of B is such a column (β* is nonzero on
// every row of B*), and is branched on when there is one; otherwise every open column is. A column touched by one
// row of B and by no row that still fits must be in C, so when those alone exceed what is left, the state is dropped.

import { inverse, mul, P } from "./residues.js";

/** A row of V₀ in reduced echelon form: ascending columns, the first its pivot (value 1). */
export interface EchelonRow {
  idx: Int32Array;
  val: Int32Array;
}

/**
 * States tried per search before giving up. A search cut short withholds the figure (safe, a loss only). On the M
 * survey each figure's search visits 1–5 states; many cross-cutting attributes with a large minimum group size can
 * reach the budget (and then a plan takes minutes: docs/security.md).
 */
const MAX_STATES = 20_000;

export interface SupportSearch {
  rows: readonly EchelonRow[];
  /** Respondents in the atom of a column (at least 1). */
  weight: (column: number) => number;
  k: number;
  /** Indices of the rows a leak must use (the rows a new figure added or changed); all rows when absent. */
  roots?: readonly number[];
  /** Only 0/1 combinations (sums over sets of atoms), the check before signed combinations: a control for tests. */
  setsOnly?: boolean;
  /** States tried before giving up (default MAX_STATES). */
  maxStates?: number;
  /** States left to the whole plan, shared by its searches and spent by each; none left cuts a search short. */
  budget?: { states: number };
}

/**
 * Columns holding the support of a leak (the pivots of the rows combined and the free columns left), of fewer than k
 * respondents in all; or null when there is none. When the search is cut short, the columns of a root row: the
 * caller withholds, as it would for a leak.
 */
export function smallSupport(search: SupportSearch): number[] | null {
  const { rows, weight, k } = search;
  const touching = new Map<number, number[]>();
  rows.forEach(({ idx }, j) => {
    for (let t = 1; t < idx.length; t++) {
      const list = touching.get(idx[t]);
      if (list) list.push(j);
      else touching.set(idx[t], [j]);
    }
  });
  const seen = new Set<string>();
  let states = 0;
  const visit = (chosen: number[], charged: number[], used: number): number[] | null => {
    const key = `${[...chosen].sort((a, b) => a - b).join()}|${[...charged].sort((a, b) => a - b).join()}`;
    if (seen.has(key)) return null;
    seen.add(key);
    if (++states > (search.maxStates ?? MAX_STATES)) throw new SearchCut();
    if (search.budget && --search.budget.states < 0) throw new SearchCut();
    const left = k - 1 - used;
    const rowsTouching = new Map<number, number>();
    for (const j of chosen) for (let t = 1; t < rows[j].idx.length; t++) add(rowsTouching, rows[j].idx[t]);
    // Sets, not includes(): with a large k a state holds hundreds of rows and columns, and these run per column.
    const isCharged = new Set(charged);
    const isChosen = new Set(chosen);
    const open = [...rowsTouching.keys()].filter((c) => !isCharged.has(c));
    const fits = (c: number) =>
      (touching.get(c) ?? []).filter((i) => !isChosen.has(i) && weight(rows[i].idx[0]) <= left);
    const single = open.filter((c) => rowsTouching.get(c) === 1);
    let forced = 0;
    for (const c of single) if (fits(c).length === 0) forced += weight(c);
    if (forced > left) return null;
    const combined = chosen.map((j) => rows[j]);
    if (search.setsOnly ? sumIsSet(combined, open, charged) : dependent(combined, open))
      return [...chosen.map((j) => rows[j].idx[0]), ...charged];
    if (left <= 0) return null;
    const options = (c: number) => fits(c).length + (weight(c) <= left ? 1 : 0);
    const branchOn = single.length > 0 ? [single.reduce((best, c) => (options(c) < options(best) ? c : best))] : open;
    for (const c of branchOn) {
      const found =
        (weight(c) <= left ? visit(chosen, [...charged, c], used + weight(c)) : null) ??
        fits(c).reduce<number[] | null>(
          (done, i) => done ?? visit([...chosen, i], charged, used + weight(rows[i].idx[0])),
          null,
        );
      if (found) return found;
    }
    return null;
  };
  const roots = search.roots ?? rows.map((_, j) => j);
  for (const j of roots) {
    try {
      const w = weight(rows[j].idx[0]);
      const found = w < k ? visit([j], [], w) : null;
      if (found) return found.sort((a, b) => a - b);
    } catch (e) {
      if (e instanceof SearchCut) return Array.from(rows[j].idx);
      throw e;
    }
  }
  return null;
}

class SearchCut extends Error {}

const add = (counts: Map<number, number>, c: number) => counts.set(c, (counts.get(c) ?? 0) + 1);

/** Whether some nonzero combination of the rows vanishes on the columns: their rank there is below their number. */
function dependent(rows: readonly EchelonRow[], columns: readonly number[]): boolean {
  if (columns.length < rows.length) return true;
  const m = rows.map((r) => columns.map((c) => valueAt(r, c)));
  let rank = 0;
  for (let col = 0; col < columns.length && rank < m.length; col++) {
    const p = m.findIndex((r, i) => i >= rank && r[col] !== 0);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p], m[rank]];
    const inv = inverse(m[rank][col]);
    for (let i = rank + 1; i < m.length; i++) {
      const f = mul(m[i][col], inv);
      if (f !== 0) for (let j = col; j < columns.length; j++) m[i][j] = (m[i][j] - mul(f, m[rank][j]) + P) % P;
    }
    rank++;
  }
  return rank < m.length;
}

/** Whether the plain sum of the rows is 0 on the open columns and 1 on the charged ones: a 0/1 vector. */
function sumIsSet(rows: readonly EchelonRow[], open: readonly number[], charged: readonly number[]): boolean {
  const sum = (c: number) => rows.reduce((s, r) => (s + valueAt(r, c)) % P, 0);
  return open.every((c) => sum(c) === 0) && charged.every((c) => sum(c) === 1);
}

/** The value of a row at a column (binary search). */
export function valueAt(row: EchelonRow, column: number): number {
  let lo = 0;
  let hi = row.idx.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = row.idx[mid];
    if (c === column) return row.val[mid];
    if (c < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
