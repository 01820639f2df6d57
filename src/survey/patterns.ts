// Figures of one set of respondents that weigh their answers differently: a scale's mean averages each person's
// answered items (1/6 each for someone who answered 6 of 7), an item mean counts each answer once, an RC sub-index
// averages a subset of dimensions. Together they can single out respondents by their answer pattern (which items
// they answered): the scale total minus the item totals weighted by 1/7 is a weighted sum over exactly the people
// who skipped an item. This module decides, exactly, whether any nonzero linear combination of such figures depends
// on the answers of fewer than k people.
//
// Unknowns are classes (pattern p, item i): the sum of item i over the people with pattern p. Each figure is a row
// of weights over the classes. A combination supported on a set Q of patterns exists iff removing Q's columns lowers
// the rank. Patterns of k or more people can never be part of such a Q, so with B = their columns: if B has full
// rank nothing leaks; if it lacks one dimension, the one hyperplane through B decides (Q = the small patterns with
// a column outside it); otherwise the small patterns are searched. Arithmetic modulo the prime 2²⁶ − 5, exact.

import { inverse, mul, P } from "./residues.js";

/** A rational weight p/q as a residue. */
export const weight = (p: number, q: number) => mul(((p % P) + P) % P, inverse(q));

export interface AnswerPattern {
  persons: number;
  /** Per item (or dimension): answered by the people with this pattern. */
  answered: readonly boolean[];
}

/** A figure's weight for item i of pattern p, as a residue (0 when the figure does not include it). */
export type Figure = (pattern: AnswerPattern, item: number) => number;

/** Column basis in echelon form; `add` returns whether the column raised the rank. */
class Basis {
  private readonly rows: { pivot: number; v: number[] }[] = [];
  /**
   * The column less its part in the span: zero at every row's pivot (row j is zero at the pivots of rows before it,
   * so clearing the pivots in order leaves the earlier ones clear); null when nothing is left.
   */
  reduce(column: readonly number[]): number[] | null {
    // A span as large as the columns' length is the whole space (often so for the big patterns): nothing is left.
    if (this.rows.length === column.length) return null;
    const v = column.slice();
    for (const { pivot, v: r } of this.rows) {
      const f = v[pivot];
      if (f === 0) continue;
      for (let i = 0; i < v.length; i++) if (r[i] !== 0) v[i] = (v[i] - mul(f, r[i]) + P) % P;
    }
    return v.some((x) => x !== 0) ? v : null;
  }
  add(column: readonly number[]): boolean {
    const v = this.reduce(column);
    if (!v) return false;
    const pivot = v.findIndex((x) => x !== 0);
    const scale = inverse(v[pivot]);
    this.rows.push({ pivot, v: v.map((x) => mul(x, scale)) });
    return true;
  }
  get rank() {
    return this.rows.length;
  }
}

/** Above this many small patterns the search is not tried and the figures are judged unsafe (withheld). */
const MAX_SEARCHED = 24;

/**
 * True when no nonzero combination of the figures depends on the answers of fewer than k people. `columns[j]` holds
 * pattern j's columns: one per item it answered, the figures' weights for that item.
 */
function patternsSafe(
  patterns: readonly AnswerPattern[],
  columns: readonly (readonly (readonly number[])[])[],
  k: number,
): boolean {
  const big = new Basis();
  patterns.forEach((p, j) => {
    if (p.persons >= k) for (const c of columns[j]) big.add(c);
  });
  // Every other column reduced against the big patterns' span: what the span lacks is decided among these residues
  // alone. A reduction is zero at every pivot of `big`, and no nonzero vector of big's span is (at the pivot of the
  // first row it uses, that row is 1 and every later row 0), so the two spans meet only in 0: the rank of big's
  // columns with any others is big.rank plus the rank of the others' reductions, and `lacking` is what the whole
  // set's rank exceeds big's by.
  const reduced = patterns.map((p, j) =>
    p.persons < k ? columns[j].map((c) => big.reduce(c)).filter((r): r is number[] => r !== null) : [],
  );
  const rest = new Basis();
  for (const list of reduced) for (const r of list) rest.add(r);
  const lacking = rest.rank;
  if (lacking === 0) return true;
  const smallAt = patterns.flatMap((p, j) => (p.persons < k && p.persons > 0 ? [j] : []));
  const small = smallAt.map((j) => patterns[j]);
  if (lacking === 1) {
    const outside = small.filter((_, i) => reduced[smallAt[i]].length > 0);
    return outside.reduce((n, p) => n + p.persons, 0) >= k;
  }
  if (small.length > MAX_SEARCHED) return false;
  // Q leaks when the big patterns and the small ones outside Q do not reach the full rank: when the reductions of
  // the small ones outside Q span fewer than `lacking` dimensions.
  const leaks = (q: Set<number>) => {
    const b = new Basis();
    for (let i = 0; i < small.length; i++) {
      if (q.has(i)) continue;
      for (const r of reduced[smallAt[i]]) if (b.add(r) && b.rank === lacking) return false;
    }
    return true;
  };
  // Leaving more patterns out can only lower the rank, so a Q that leaks still leaks when grown: only the Q that no
  // other small pattern can join (within fewer than k people) need asking, and every Q the search reaches lies in one.
  const closed = (q: Set<number>, persons: number) => {
    for (let i = 0; i < small.length; i++) if (!q.has(i) && persons + small[i].persons < k) return false;
    return true;
  };
  const search = (from: number, q: Set<number>, persons: number): boolean => {
    if (q.size > 0 && closed(q, persons) && leaks(q)) return true;
    for (let i = from; i < small.length; i++) {
      if (persons + small[i].persons >= k) continue;
      q.add(i);
      const found = search(i + 1, q, persons + small[i].persons);
      q.delete(i);
      if (found) return true;
    }
    return false;
  };
  return !search(0, new Set(), 0);
}

/**
 * Respondents grouped by which of the items they answered, patterns in order of first appearance. A row's pattern is
 * a bit mask while there are at most 30 items (a text key beyond), so a row costs no allocation.
 */
export function answerPatterns(columns: readonly ArrayLike<number>[], rows: ArrayLike<number>): AnswerPattern[] {
  return [...patternsByKey(columns, rows).values()];
}

/**
 * The loop of answerPatterns, returning a bare local (in answerPatterns it cost one deoptimisation per RC cell at M):
 * see docs/architecture.md, "Long loops in code that runs once".
 */
function patternsByKey(
  columns: readonly ArrayLike<number>[],
  rows: ArrayLike<number>,
): Map<number | string, AnswerPattern> {
  const byKey = new Map<number | string, AnswerPattern>();
  const masked = columns.length <= 30;
  // Indexed: until V8 optimises this function, `for … of` makes an iterator result per row.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let mask = 0;
    let key = "";
    for (let j = 0; j < columns.length; j++) {
      const answered = !Number.isNaN(columns[j][r]);
      if (answered) mask |= 1 << (j % 30);
      if (!masked) key += answered ? "1" : "0";
    }
    if (mask === 0) continue;
    const pattern = byKey.get(masked ? mask : key);
    if (pattern) pattern.persons++;
    else byKey.set(masked ? mask : key, { persons: 1, answered: columns.map((c) => !Number.isNaN(c[r])) });
  }
  return byKey;
}

/**
 * Pattern j's columns, one per item it answered: the figures' weights for that item (tables[f][j] holds figure f's
 * weights for pattern j's answered items). Loops in a function of their own: as nested `map`s with arrows this was a
 * call per weight (~190,000 per cold survey at M, most before V8 optimised them).
 */
function columnsOf(tables: readonly (readonly (readonly number[])[])[], patterns: number): number[][][] {
  const columns: number[][][] = [];
  for (let j = 0; j < patterns; j++) {
    const items = tables.length === 0 ? 0 : tables[0][j].length;
    const pattern: number[][] = [];
    for (let c = 0; c < items; c++) {
      const column: number[] = [];
      for (let f = 0; f < tables.length; f++) column.push(tables[f][j][c]);
      pattern.push(column);
    }
    columns.push(pattern);
  }
  return columns;
}

/**
 * Which of the optional figures can be published beside the fixed ones: offered in order, each kept only when the
 * kept set stays safe (forward selection, as in src/survey/disclosure.ts). Null when the fixed ones alone leak.
 */
export function selectFigures(
  patterns: readonly AnswerPattern[],
  fixed: readonly Figure[],
  optional: readonly Figure[],
  k: number,
): boolean[] | null {
  // Each figure's weights for each pattern's answered items, once: every offer re-reads the kept figures'.
  const weights = new Map<Figure, number[][]>();
  const weightsOf = (f: Figure) => {
    let table = weights.get(f);
    if (!table) {
      // Loops, not flatMap: V8 runs flatMap's callbacks several times slower, and this is most of a cell's work.
      table = patterns.map((p) => {
        const row: number[] = [];
        for (let i = 0; i < p.answered.length; i++) if (p.answered[i]) row.push(f(p, i));
        return row;
      });
      weights.set(f, table);
    }
    return table;
  };
  const safe = (figures: readonly Figure[]) => {
    const tables = figures.map(weightsOf);
    return patternsSafe(patterns, columnsOf(tables, patterns.length), k);
  };
  if (!safe(fixed)) return null;
  const kept: Figure[] = [...fixed];
  return optional.map((figure) => {
    if (!safe([...kept, figure])) return false;
    kept.push(figure);
    return true;
  });
}
