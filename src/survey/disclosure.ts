// Exact disclosure control for figures that are sums (and counts) over sets of respondents.
//
// The respondents of one universe (one wave, one family of figures) fall into atoms: the cells of the full
// cross-classification of every boundary attribute in the data. Every candidate figure is a set of atoms, and a
// reader who knows the published sets and their sums can compute the sum over any set S whose indicator vector lies
// in their linear span. A set of published figures is safe when no such S has 0 < |S| < k respondents.
//
// The test, exactly: S (a union of atoms) is in the span V iff 1_S is orthogonal to the null space of the published
// matrix. A random vector w of that null space (two of them, for certainty) gives each atom a signature, and S is in
// V iff its atoms' signatures sum to zero — with a false alarm (never a miss) on a chance of 1 in 2⁵². The
// arithmetic is done modulo the prime 2²⁶ − 5, exactly (products of residues stay below 2⁵³); the span is kept in
// reduced row-echelon form and grows one figure at a time. Small sets are found by meeting in the middle over the
// atoms of fewer than k respondents.
//
// Complementary suppression is forward selection: figures are offered in priority order (totals, then each
// attribute's groups, largest first) and each is published only if the span with it still isolates no small set.
// Every published state is safe, so the result is safe whatever the order; the order only decides what is kept.
// Methods and limits: docs/methods.md#survey-privacy, docs/security.md.

import { inverse, mul, P } from "./residues.js";
import { smallZeroSum } from "./zero-sum.js";

/** A deterministic stream of residues in [1, P) (xorshift32), so plans do not depend on Math.random. */
function residues(count: number, seed: number): Int32Array {
  const out = new Int32Array(count);
  let x = seed >>> 0 || 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = 1 + (x % (P - 1));
  }
  return out;
}

/** A sparse vector: ascending columns and their nonzero residues. */
interface Sparse {
  idx: Int32Array;
  val: Int32Array;
}

interface Row extends Sparse {
  /** Its first column, where its value is 1. */
  pivot: number;
  /** v · c₁ and v · c₂ (mod P), kept so signatures cost one pass over the pivots. */
  d1: number;
  d2: number;
}

/**
 * A linear span over the atoms, in reduced row-echelon form modulo P, that can grow and be rolled back. Columns are
 * ordered with the atoms of k or more respondents first, and every row's pivot is its first nonzero entry, so the
 * rows whose pivot is a small atom vanish on every large atom: they span V₀, the part of the span that involves
 * small atoms only. A small set S can only be revealed through V₀ (1_S vanishes on large atoms), and V₀ changes only
 * when a figure's reduced vector has a small pivot — so only then is there anything to search, and only in the
 * connected block of V₀ that the new row joins.
 */
export class AtomSpan {
  private rows: Row[] = [];
  /** Row index by column, −1 for free columns. */
  private readonly pivotRow: Int32Array;
  /** Column of each atom, and atom of each column. */
  private readonly column: Int32Array;
  private readonly atomAt: Int32Array;
  /** Columns below this index are large atoms. */
  private readonly large: number;
  private readonly c1: Int32Array;
  private readonly c2: Int32Array;

  constructor(
    private readonly sizes: ArrayLike<number>,
    private readonly k: number,
  ) {
    const atoms = sizes.length;
    const order = Array.from({ length: atoms }, (_, a) => a).sort(
      (a, b) => Number(sizes[a] < k) - Number(sizes[b] < k) || a - b,
    );
    this.atomAt = Int32Array.from(order);
    this.column = new Int32Array(atoms);
    order.forEach((a, c) => (this.column[a] = c));
    this.large = order.filter((a) => sizes[a] >= k).length;
    this.pivotRow = new Int32Array(atoms).fill(-1);
    this.c1 = residues(atoms, 0x2545f491);
    this.c2 = residues(atoms, 0x6c8e9cf5);
  }

  get rank(): number {
    return this.rows.length;
  }

  /** Whether a column holds an atom of fewer than k respondents. */
  isSmall(column: number): boolean {
    return column >= this.large;
  }

  /** The indicator vector of a set of atoms, reduced against the span; null when it lies in the span. */
  reduce(set: readonly number[]): Sparse | null {
    const v = new Int32Array(this.sizes.length);
    for (const a of set) v[this.column[a]] = 1;
    // Rows vanish at every other row's pivot, so each subtraction leaves the other pivots' entries as they were.
    for (const a of set) {
      const j = this.pivotRow[this.column[a]];
      if (j < 0) continue;
      const { idx, val } = this.rows[j];
      for (let t = 0; t < idx.length; t++) v[idx[t]] = (v[idx[t]] - val[t] + P) % P;
    }
    const idx: number[] = [];
    for (let i = 0; i < v.length; i++) if (v[i] !== 0) idx.push(i);
    return idx.length === 0 ? null : { idx: Int32Array.from(idx), val: Int32Array.from(idx, (i) => v[i]) };
  }

  /** Adds a reduced vector; returns how to undo it and the pivots of the rows it added or changed. */
  add(reduced: Sparse): { undo: () => void; pivot: number; changed: number[] } {
    const q = reduced.idx[0];
    const scale = inverse(reduced.val[0]);
    const v = this.row(
      reduced.idx,
      reduced.val.map((x) => mul(x, scale)),
    );
    const replaced: [number, Row][] = [];
    // Only rows with a pivot left of q can be nonzero at q; their first nonzero stays their pivot.
    this.rows.forEach((row, j) => {
      const at = valueAt(row, q);
      if (at === 0) return;
      replaced.push([j, row]);
      this.rows[j] = this.combine(row, at, v);
    });
    this.rows.push(v);
    this.pivotRow[q] = this.rows.length - 1;
    const undo = () => {
      this.rows.pop();
      this.pivotRow[q] = -1;
      for (const [j, row] of replaced) this.rows[j] = row;
    };
    return { undo, pivot: q, changed: [q, ...replaced.map(([, row]) => row.pivot)] };
  }

  /** row − f·v, merged column by column. */
  private combine(row: Row, f: number, v: Row): Row {
    const idx: number[] = [];
    const val: number[] = [];
    let i = 0;
    let j = 0;
    while (i < row.idx.length || j < v.idx.length) {
      const a = i < row.idx.length ? row.idx[i] : Infinity;
      const b = j < v.idx.length ? v.idx[j] : Infinity;
      const column = Math.min(a, b);
      let x = 0;
      if (a === column) x = row.val[i++];
      if (b === column) x = (x - mul(f, v.val[j++]) + P) % P;
      if (x !== 0) {
        idx.push(column);
        val.push(x);
      }
    }
    return this.row(Int32Array.from(idx), Int32Array.from(val));
  }

  private row(idx: Int32Array, val: Int32Array): Row {
    let d1 = 0;
    let d2 = 0;
    for (let t = 0; t < idx.length; t++) {
      d1 = (d1 + mul(val[t], this.c1[idx[t]])) % P;
      d2 = (d2 + mul(val[t], this.c2[idx[t]])) % P;
    }
    return { pivot: idx[0], idx, val, d1, d2 };
  }

  /**
   * A set of atoms with 1..k−1 respondents whose sum the span reveals, or null. With `near`, only the blocks of V₀
   * holding those pivots are searched (the rest was searched before and has not changed).
   */
  exposed(near?: readonly number[]): number[] | null {
    const small = this.rows.filter((r) => r.pivot >= this.large);
    if (small.length === 0) return null;
    for (const block of blocks(small, this.sizes.length, near)) {
      // Two random vectors of the null space within the block: free columns take the random residues c, each pivot
      // the value that makes its row orthogonal (row · w = w[pivot] + row · c − c[pivot] = 0).
      const columns = [...block.columns];
      const w1 = new Int32Array(columns.length);
      const w2 = new Int32Array(columns.length);
      const sizes = new Float64Array(columns.length);
      const at = new Map(columns.map((c, i) => [c, i]));
      columns.forEach((c, i) => {
        w1[i] = this.c1[c];
        w2[i] = this.c2[c];
        sizes[i] = this.sizes[this.atomAt[c]];
      });
      for (const { pivot, d1, d2 } of block.rows) {
        const i = at.get(pivot)!;
        w1[i] = (this.c1[pivot] - d1 + P) % P;
        w2[i] = (this.c2[pivot] - d2 + P) % P;
      }
      const found = smallZeroSum(w1, w2, sizes, this.k);
      if (found) return found.map((i) => this.atomAt[columns[i]]).sort((a, b) => a - b);
    }
    return null;
  }
}

/** The rows split into blocks that share no column (all of them, or only those holding a column of `near`). */
function blocks(
  rows: readonly Row[],
  width: number,
  near?: readonly number[],
): { rows: Row[]; columns: Set<number> }[] {
  const parent = Int32Array.from({ length: width }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const { pivot, idx } of rows) for (let t = 1; t < idx.length; t++) parent[find(idx[t])] = find(pivot);
  const byRoot = new Map<number, { rows: Row[]; columns: Set<number> }>();
  const wanted = near && new Set(near.map(find));
  for (const row of rows) {
    const root = find(row.pivot);
    if (wanted && !wanted.has(root)) continue;
    let block = byRoot.get(root);
    if (!block) byRoot.set(root, (block = { rows: [], columns: new Set() }));
    block.rows.push(row);
    for (const i of row.idx) block.columns.add(i);
  }
  return [...byRoot.values()];
}

/** The value of a row at a column (binary search). */
function valueAt(row: Sparse, column: number): number {
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

/** A candidate figure: the sets of atoms it sums over (several for a figure published as one, e.g. a table). */
export interface Candidate {
  key: string;
  sets: readonly (readonly number[])[];
}

export interface SelectionOptions {
  /** Respondents per atom. */
  sizes: ArrayLike<number>;
  minGroupSize: number;
  /** Primary suppression only (each figure ≥ k), no check of combinations: the control for the attack tests. */
  primaryOnly?: boolean;
}

const setSize = (set: readonly number[], sizes: ArrayLike<number>) => set.reduce((n, a) => n + sizes[a], 0);

/** Keys of the candidates that may be published, offered in priority order (see the top of this file). */
export function selectPublishable(candidates: readonly Candidate[], options: SelectionOptions): Set<string> {
  const { sizes, minGroupSize: k } = options;
  const span = new AtomSpan(sizes, k);
  const published = new Set<string>();
  for (const candidate of candidates) {
    const nonEmpty = candidate.sets.filter((set) => set.length > 0);
    if (nonEmpty.some((set) => setSize(set, sizes) < k)) continue;
    if (options.primaryOnly) {
      published.add(candidate.key);
      continue;
    }
    const undo: (() => void)[] = [];
    const changed: number[] = [];
    for (const set of nonEmpty) {
      const reduced = span.reduce(set);
      if (!reduced) continue;
      const added = span.add(reduced);
      undo.push(added.undo);
      changed.push(...added.changed.filter((pivot) => span.isSmall(pivot)));
    }
    // A figure already in the span adds nothing a reader did not know; one whose new direction involves a large
    // atom leaves the span's part on small atoms as it was (AtomSpan).
    if (changed.length > 0 && span.exposed(changed)) {
      for (const u of undo.reverse()) u();
      continue;
    }
    published.add(candidate.key);
  }
  return published;
}
