// Exact disclosure control for figures that are sums (and counts) over sets of respondents.
//
// The respondents of one universe (one wave, one family of figures) fall into atoms: the cells of the full
// cross-classification of every boundary attribute in the data. Every candidate figure is a set of atoms, and a
// reader who knows the published sets and their sums can compute any linear combination of them: a vector v over the
// atoms in their span V. That combination depends on the answers of the respondents in the atoms where v ≠ 0 and on
// no one else's. A set of published figures is safe when every nonzero v in V covers at least k respondents — not
// only the 0/1 vectors (the sum over a set S), but signed ones too: total − OrgA − OrgC − P1 = s₆ − s₂ tells a
// respondent who knows their own score the score of another.
//
// A v covering fewer than k respondents vanishes on every atom of k or more, so it lies in V₀, the part of the span
// on the small atoms. The span is kept in reduced row-echelon form modulo the prime 2²⁶ − 5 (exact: products of
// residues stay below 2⁵³), with the large atoms' columns first, so the rows whose pivot is a small atom span V₀; it
// grows one figure at a time and can be rolled back. Only when a figure adds or changes such a row can a new leak
// appear, and it must use one of those rows: src/survey/small-support.ts searches from them, exactly.
//
// Complementary suppression is forward selection: figures are offered in priority order (totals, then each
// attribute's groups, largest first) and each is published only if the span with it still has no such v.
// Every published state is safe, so the result is safe whatever the order; the order only decides what is kept.
// Methods and limits: docs/methods.md#survey-privacy, docs/security.md.

import { inverse, mul, P } from "./residues.js";
import { smallSupport, valueAt } from "./small-support.js";

/** A sparse vector: ascending columns and their nonzero residues. */
interface Sparse {
  idx: Int32Array;
  val: Int32Array;
}

interface Row extends Sparse {
  /** Its first column, where its value is 1. */
  pivot: number;
}

/**
 * A linear span over the atoms, in reduced row-echelon form modulo P, that can grow and be rolled back. Columns are
 * ordered with the atoms of k or more respondents first, and every row's pivot is its first nonzero entry, so the
 * rows whose pivot is a small atom vanish on every large atom: they span V₀, the part of the span that involves
 * small atoms only. A leak can only be in V₀ (it vanishes on large atoms), and V₀ changes only when a figure's
 * reduced vector has a small pivot — so only then is there anything to search, and only from the rows it touched.
 */
/**
 * Search states for one universe's whole plan. One search is bounded (small-support.ts), but a plan runs one per
 * figure: many cross-cutting attributes with a large k made plans run for minutes. Past this, every figure that would
 * change V₀ is withheld (a loss, never a leak), so a plan's time is bounded whatever the data.
 */
const MAX_PLAN_STATES = 20_000;

export class AtomSpan {
  private rows: Row[] = [];
  private readonly budget: { states: number };
  /** Row index by column, −1 for free columns. */
  private readonly pivotRow: Int32Array;
  /** Column of each atom, and atom of each column. */
  private readonly column: Int32Array;
  private readonly atomAt: Int32Array;
  /** Columns below this index are large atoms. */
  private readonly large: number;
  /** reduce()'s scratch vector, and the call that last touched each column. */
  private readonly scratch: Int32Array;
  private readonly seen: Uint32Array;
  private epoch = 0;

  constructor(
    private readonly sizes: ArrayLike<number>,
    private readonly k: number,
    planStates = MAX_PLAN_STATES,
  ) {
    this.budget = { states: planStates };
    const atoms = sizes.length;
    const order = Array.from({ length: atoms }, (_, a) => a).sort(
      (a, b) => Number(sizes[a] < k) - Number(sizes[b] < k) || a - b,
    );
    this.atomAt = Int32Array.from(order);
    this.column = new Int32Array(atoms);
    order.forEach((a, c) => (this.column[a] = c));
    this.large = order.filter((a) => sizes[a] >= k).length;
    this.pivotRow = new Int32Array(atoms).fill(-1);
    this.scratch = new Int32Array(atoms);
    this.seen = new Uint32Array(atoms);
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
    // A dense scratch vector, zero between calls: only the columns touched are read and cleared (sets are small
    // beside the atoms of a large survey).
    const v = this.scratch;
    const touched: number[] = [];
    const touch = (c: number) => {
      if (this.seen[c] !== this.epoch) {
        this.seen[c] = this.epoch;
        touched.push(c);
      }
    };
    this.epoch++;
    for (const a of set) {
      v[this.column[a]] = 1;
      touch(this.column[a]);
    }
    // Rows vanish at every other row's pivot, so each subtraction leaves the other pivots' entries as they were.
    for (const a of set) {
      const j = this.pivotRow[this.column[a]];
      if (j < 0) continue;
      const { idx, val } = this.rows[j];
      for (let t = 0; t < idx.length; t++) {
        v[idx[t]] = (v[idx[t]] - val[t] + P) % P;
        touch(idx[t]);
      }
    }
    const idx = touched.filter((c) => v[c] !== 0).sort((a, b) => a - b);
    const val = Int32Array.from(idx, (c) => v[c]);
    for (const c of touched) v[c] = 0;
    return idx.length === 0 ? null : { idx: Int32Array.from(idx), val };
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
      if (row.pivot > q || row.idx[row.idx.length - 1] < q) return;
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
    return { pivot: idx[0], idx, val };
  }

  /**
   * Atoms of fewer than k respondents in all that hold the support of a nonzero vector of the span, or null (with
   * `setsOnly`, of a 0/1 vector: a set whose sum the span reveals). With `near`, only vectors using the rows with
   * those pivots are searched: the others were searched before and have not changed.
   */
  exposed(near?: readonly number[], setsOnly = false): number[] | null {
    const small = this.rows.filter((r) => r.pivot >= this.large);
    const wanted = near && new Set(near);
    const found = smallSupport({
      rows: small,
      weight: (c) => this.sizes[this.atomAt[c]],
      k: this.k,
      roots: wanted && small.flatMap((r, j) => (wanted.has(r.pivot) ? [j] : [])),
      setsOnly,
      budget: this.budget,
    });
    return found && found.map((c) => this.atomAt[c]).sort((a, b) => a - b);
  }
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
  /** Only 0/1 combinations are checked (sums over sets), as before signed ones were: the control for the attack tests. */
  setsOnly?: boolean;
  /** Search states for the whole plan (default MAX_PLAN_STATES): smaller in tests of what running out does. */
  planStates?: number;
}

const setSize = (set: readonly number[], sizes: ArrayLike<number>) => set.reduce((n, a) => n + sizes[a], 0);

/** Keys of the candidates that may be published, offered in priority order (see the top of this file). */
export function selectPublishable(candidates: readonly Candidate[], options: SelectionOptions): Set<string> {
  const { sizes, minGroupSize: k } = options;
  const span = new AtomSpan(sizes, k, options.planStates);
  const published = new Set<string>();
  for (const candidate of candidates) {
    // An atom of no one adds nothing to any sum; a reader knows it is zero.
    const nonEmpty = candidate.sets.map((set) => set.filter((a) => sizes[a] > 0)).filter((set) => set.length > 0);
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
    if (changed.length > 0 && span.exposed(changed, options.setsOnly)) {
      for (const u of undo.reverse()) u();
      continue;
    }
    published.add(candidate.key);
  }
  return published;
}
