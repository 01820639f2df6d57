// What the relational coordination matrix may show. Units are one person's ratings of one group; a cell (rater
// group → rated group) holds one unit per rater, so cells are disjoint and the aggregates are unions of cells:
// `within` (the diagonal), `between` (the rest) and `received` (one column without its diagonal). Over the hidden
// cells, the published aggregates minus the shown cells leave blocks that are themselves disjoint: the hidden
// diagonal, the hidden part of each shown column, and what `between` holds beyond the shown columns. Every sum a
// reader can form is a union of blocks and shown cells, so the matrix is safe exactly when every non-empty block
// has at least k people; while one has fewer, the smallest shown cell that would join it is hidden (or, with none
// left, the aggregate). Inside a shown cell, dimensions and sub-indices follow src/survey/patterns.ts.
import { answerPatterns, selectFigures, weight, type AnswerPattern, type Figure } from "./patterns.js";
import {
  COMMUNICATION_DIMENSIONS,
  RC_DIMENSIONS,
  RELATIONSHIP_DIMENSIONS,
  type RcDimension,
} from "../model/coordination.js";

export interface MatrixCell {
  id: string;
  raterGroup: string;
  ratedGroup: string;
  /** The people who rated in this cell. */
  persons: ReadonlySet<number>;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const receivedId = (group: string) => `received\u0000${group}`;

/** Ids of the cells and aggregates ("within", "between", receivedId(g)) to hide. */
export function planCoordination(cells: readonly MatrixCell[], k: number): Set<string> {
  const hidden = new Set(cells.filter((c) => c.persons.size < k).map((c) => c.id));
  const people = (list: readonly MatrixCell[]) => {
    const all = new Set<number>();
    for (const c of list) for (const p of c.persons) all.add(p);
    return all.size;
  };
  const diagonal = cells.filter((c) => c.raterGroup === c.ratedGroup);
  const offDiagonal = cells.filter((c) => c.raterGroup !== c.ratedGroup);
  const columns = [...new Set(offDiagonal.map((c) => c.ratedGroup))].sort(byName);
  const column = (g: string) => offDiagonal.filter((c) => c.ratedGroup === g);
  if (people(diagonal) < k) hidden.add("within");
  if (people(offDiagonal) < k) hidden.add("between");
  for (const g of columns) if (people(column(g)) < k) hidden.add(receivedId(g));

  const smallest = (list: readonly MatrixCell[]) =>
    [...list].sort((a, b) => a.persons.size - b.persons.size || byName(a.id, b.id))[0];
  /** Hides something so the block stops being small; false when the block is fine. */
  const settle = (aggregate: string, members: readonly MatrixCell[], candidates: readonly MatrixCell[]): boolean => {
    if (hidden.has(aggregate)) return false;
    const block = people(members.filter((c) => hidden.has(c.id)));
    if (block === 0 || block >= k) return false;
    const shown = candidates.filter((c) => !hidden.has(c.id));
    hidden.add(shown.length > 0 ? smallest(shown).id : aggregate);
    return true;
  };
  for (let changed = true; changed;) {
    changed = settle("within", diagonal, diagonal);
    for (const g of columns) changed = settle(receivedId(g), column(g), column(g)) || changed;
    // `between` beyond the shown columns: the hidden cells of the columns whose total is hidden.
    const open = offDiagonal.filter((c) => hidden.has(receivedId(c.ratedGroup)));
    changed = settle("between", open, open) || changed;
  }
  return hidden;
}

export interface CellDetail {
  communication: boolean;
  relationship: boolean;
  /** Per dimension, in RC_DIMENSIONS order. */
  dimensions: boolean[];
}

/**
 * Which sub-indices and dimensions a shown cell may publish beside its index: each needs k raters, and together
 * they must not single out raters by the dimensions they answered (src/survey/patterns.ts). Sub-indices are offered
 * first, then the dimensions; each is kept only when the set stays safe.
 */
export function cellDetail(
  units: { answered: ArrayLike<number>; scores: readonly ArrayLike<number>[] },
  members: ArrayLike<number>,
  k: number,
): CellDetail {
  // A member answered dimension j where its score in scores[j] is not NaN.
  const patterns = answerPatterns(units.scores, members);
  // 1/n for every count of answered dimensions, once: the search calls each figure for every pattern and dimension.
  const reciprocal = Array.from({ length: RC_DIMENSIONS.length + 1 }, (_, n) => (n === 0 ? 0 : weight(1, n)));
  const share = (dims: readonly RcDimension[]): Figure => {
    const inSet = RC_DIMENSIONS.map((d) => dims.includes(d));
    return (p, i) => {
      if (!inSet[i]) return 0;
      let answered = 0;
      for (let j = 0; j < inSet.length; j++) if (inSet[j] && p.answered[j]) answered++;
      return reciprocal[answered];
    };
  };
  const raters = (dims: readonly RcDimension[]) => {
    const mask = dims.reduce((m, d) => m | (1 << RC_DIMENSIONS.indexOf(d)), 0);
    let n = 0;
    for (let i = 0; i < members.length; i++) if (units.answered[members[i]] & mask) n++;
    return n;
  };
  return chooseDetail(patterns, share, raters, k);
}

/**
 * The choice itself, given a cell's answer patterns, the share figure of a set of dimensions and its rater count:
 * sub-indices, then dimensions, each offered with k raters and kept while the set stays safe beside the index.
 */
export function chooseDetail(
  patterns: readonly AnswerPattern[],
  share: (dims: readonly RcDimension[]) => Figure,
  raters: (dims: readonly RcDimension[]) => number,
  k: number,
): CellDetail {
  const offered: { name: string; figure: Figure }[] = [
    ...[COMMUNICATION_DIMENSIONS, RELATIONSHIP_DIMENSIONS].map((dims, n) => ({
      name: n === 0 ? "communication" : "relationship",
      dims,
      figure: share(dims),
    })),
    ...RC_DIMENSIONS.map((d, j) => ({ name: d, dims: [d], figure: ((_, i) => (i === j ? 1 : 0)) as Figure })),
  ].filter((o) => raters(o.dims) >= k);
  const kept = selectFigures(
    patterns,
    [share(RC_DIMENSIONS)],
    offered.map((o) => o.figure),
    k,
  );
  const shown = new Set(offered.filter((_, i) => kept?.[i]).map((o) => o.name));
  return {
    communication: shown.has("communication"),
    relationship: shown.has("relationship"),
    dimensions: RC_DIMENSIONS.map((d) => shown.has(d)),
  };
}
