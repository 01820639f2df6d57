// The series of every pair of groups in contact on a boundary, side by side in flat arrays (`row × length +
// position`), with a PairSeries view made only for the pairs something reads. The team boundary of a 10,000-person
// system has ~32,000 pairs in contact, of which ~600 are busy enough to chart: a typed array per pair and measure,
// and a Map of people per pair, cost more to allocate than the sums themselves (issue 15); and only a charted pair's
// series are kept. A quiet pair's interactions are summed once to judge it and again only when asked for (departures
// and survey drops ask a few hundred times a run): a dense table of every pair (6.6 MB for M's teams) was written at
// scattered places, a page fault per 4 KB. The sums are those of the plain path (test/perf/reference/signals-plain.ts):
// the same terms added in the same order, tie by tie.
import { PairIndex } from "../util/pair-index.js";
import { meanOver } from "./episodes.js";
import { countingBuckets, countingOrder } from "../util/counting-order.js";
import { grown } from "../util/grown.js";

/** A pair of groups is charted when it averages at least this many interactions per period in the baseline. */
export const MIN_PAIR_VOLUME = 5;

export interface PairSeries {
  /** Group indices, a < b. */
  a: number;
  b: number;
  interactions: Float64Array;
  /** Contact written from a to b, and from b to a. */
  forward: Float64Array;
  backward: Float64Array;
  /** Directed ties with contact in the period. */
  activeTies: Float64Array;
  /**
   * Per pair of people (keyed i × people + j, i < j), in order of the first tie with contact in the windows: contact
   * in the baseline and in the recent periods, each way. Summed when first asked for (only a detector judging a fall
   * asks), then kept.
   */
  people(): ReadonlyMap<number, PersonPairContact>;
}

interface PersonPairContact {
  /** From the pair's group a to group b, and back. */
  forwardBefore: number;
  forwardRecent: number;
  backwardBefore: number;
  backwardRecent: number;
}

/** What the per-people sums of a pair are read from: the boundary's ties, their contact and the windows. */
export interface PairSource {
  /** Each tie's people (TieContact's typed copies: reading them beats reading each Tie object again). */
  from: Int32Array;
  to: Int32Array;
  peopleCount: number;
  /** Person index → group index, −1 when the person has no value for the attribute. */
  groupOf: Int32Array;
  /** Each tie's contact: positions and weights start[t] … start[t + 1] − 1 (TieContact in relational.ts). */
  start: Int32Array;
  position: Int32Array;
  weight: Float64Array;
  baseline: number;
  /** 1 at the recent positions. */
  inRecent: Uint8Array;
}

/** The pairs of groups numbered in tie order, and which pair each tie belongs to (numberPairs). */
export interface NumberedPairs {
  count: number;
  a: Int32Array;
  b: Int32Array;
  /** Tie → its pair's number; −1 for a tie within a group, without contact or with a person outside the groups. */
  tiePair: Int32Array;
}

/**
 * Where charted pair k's forward, backward and active ties start. Uncharted pairs (row −1) have none: a view at −1
 * would be an empty subarray read as "quiet", so asking for one is a bug, said loudly.
 */
export function chartedOffset(table: Pick<PairTable, "row" | "length">, k: number): number {
  const row = table.row[k];
  if (!(row >= 0)) throw new Error(`pair ${k} is not charted: it has no forward, backward or active-tie series`);
  return row * table.length;
}

export class PairTable {
  readonly count: number;
  readonly length: number;
  /** Groups on the boundary. */
  readonly groups: number;
  /** Pairs in order of first contact (tie order); group a < b. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  /**
   * Pair number → its row in interactions, forward, backward and activeTies (`row × length + position`), −1 for a
   * pair not charted: a group too small to report, or fewer than MIN_PAIR_VOLUME interactions per period in the
   * baseline.
   */
  readonly row: Int32Array;
  readonly interactions: Float64Array;
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  readonly activeTies: Float64Array;
  /** Each pair's ties in tie order: pair k's are order[begin[k], begin[k + 1]). */
  private readonly byPair: { order: Int32Array; begin: Int32Array };
  private readonly views: (PairSeries | undefined)[];
  private inGroupOrder: Int32Array | null = null;

  /** `reportable`: per group. */
  constructor(
    numbered: NumberedPairs,
    length: number,
    reportable: readonly boolean[],
    private readonly source: PairSource,
  ) {
    const { count, tiePair } = numbered;
    this.count = count;
    this.length = length;
    this.groups = reportable.length;
    this.a = numbered.a.slice(0, count);
    this.b = numbered.b.slice(0, count);
    // The ties of each pair, in tie order; ties of no pair (−1) are left out.
    this.byPair = countingBuckets(tiePair, count);
    this.row = new Int32Array(count);
    // Each pair of reportable groups summed into one reused row, judged, and kept only when charted.
    const sum = new Float64Array(length);
    // One row to start with, so that every system with two charted pairs or more takes the growth path its tests hold.
    let kept = new Float64Array(length);
    let rows = 0;
    for (let k = 0; k < count; k++) {
      this.row[k] = -1;
      if (!reportable[this.a[k]] || !reportable[this.b[k]]) continue;
      this.sumInteractions(k, sum);
      if ((meanOver(sum, 0, Math.min(length, source.baseline)) ?? 0) < MIN_PAIR_VOLUME) continue;
      if ((rows + 1) * length > kept.length) kept = grown(kept, (rows + 1) * length);
      kept.set(sum, rows * length);
      this.row[k] = rows++;
    }
    this.interactions = kept.subarray(0, rows * length);
    this.forward = new Float64Array(rows * length);
    this.backward = new Float64Array(rows * length);
    this.activeTies = new Float64Array(rows * length);
    this.sumCharted();
    this.views = new Array<PairSeries | undefined>(count);
  }

  /** Pair k's interactions by position into `into` (zeroed first), its ties in tie order (the plain path's order). */
  private sumInteractions(k: number, into: Float64Array): void {
    const { start, position, weight } = this.source;
    const { order, begin } = this.byPair;
    into.fill(0);
    for (let i = begin[k]; i < begin[k + 1]; i++) {
      const t = order[i];
      for (let e = start[t]; e < start[t + 1]; e++) into[position[e]] += weight[e];
    }
  }

  /** Each charted pair's contact each way and active ties, its ties in tie order (the plain path's order). */
  private sumCharted(): void {
    const { from, groupOf, start, position, weight } = this.source;
    const { row, a, forward, backward, activeTies, length } = this;
    const { order, begin } = this.byPair;
    for (let k = 0; k < this.count; k++) {
      if (row[k] < 0) continue;
      const at = row[k] * length;
      for (let i = begin[k]; i < begin[k + 1]; i++) {
        const t = order[i];
        const direction = groupOf[from[t]] === a[k] ? forward : backward;
        for (let e = start[t]; e < start[t + 1]; e++) {
          direction[at + position[e]] += weight[e];
          activeTies[at + position[e]] += 1;
        }
      }
    }
  }

  /** Pair numbers ordered by group a, then b: counting sorts by b, then stably by a. Worked out once. */
  ordered(): Int32Array {
    if (!this.inGroupOrder) {
      const byB = countingOrder(
        Int32Array.from({ length: this.count }, (_, k) => k),
        this.b,
        this.groups,
      );
      this.inGroupOrder = countingOrder(byB, this.a, this.groups);
    }
    return this.inGroupOrder;
  }

  /**
   * The interactions of groups a and b (either order) by position, or undefined when they were never in contact:
   * a binary search of the pairs in group order (a Map of every pair cost more than the few hundred lookups). A
   * charted pair's are a view of its kept row; a quiet pair's are summed afresh from its ties.
   */
  interactionsOf(a: number, b: number): Float64Array | undefined {
    const order = this.ordered();
    const key = Math.min(a, b) * this.groups + Math.max(a, b);
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = order[mid];
      const at = this.a[k] * this.groups + this.b[k];
      if (at !== key) {
        if (at < key) lo = mid + 1;
        else hi = mid;
        continue;
      }
      if (this.row[k] >= 0)
        return this.interactions.subarray(this.row[k] * this.length, (this.row[k] + 1) * this.length);
      const sum = new Float64Array(this.length);
      this.sumInteractions(k, sum);
      return sum;
    }
    return undefined;
  }

  /** The series of charted pair k (row[k] ≥ 0). */
  series(k: number): PairSeries {
    const cached = this.views[k];
    if (cached) return cached;
    const T = this.length;
    const at = chartedOffset(this, k);
    const range = <A extends Float64Array>(values: A) => values.subarray(at, at + T);
    let people: Map<number, PersonPairContact> | null = null;
    const view: PairSeries = {
      a: this.a[k],
      b: this.b[k],
      interactions: range(this.interactions),
      forward: range(this.forward),
      backward: range(this.backward),
      activeTies: range(this.activeTies),
      people: () => (people ??= peopleOf(this.a[k], this.tiesOf(k), this.source)),
    };
    this.views[k] = view;
    return view;
  }

  /** Pair k's ties, in tie order. */
  private tiesOf(k: number): Int32Array {
    const { order, begin } = this.byPair;
    return order.subarray(begin[k], begin[k + 1]);
  }
}

/**
 * Up to this many cells (groups²: 16 MB of Int32), pairs are numbered in a dense table indexed by (a, b); beyond it
 * through a hash. M's 639 teams take 1.6 MB, its five organisations 100 bytes.
 */
const DENSE_CELLS = 1 << 22;

/**
 * Numbers the pairs of groups in contact, in tie order, and says which pair each tie belongs to. `denseCells` is
 * DENSE_CELLS but in the test that holds the hashed numbering to the dense one.
 */
export function numberPairs(source: PairSource, groups: number, denseCells = DENSE_CELLS): NumberedPairs {
  const { from, to, groupOf, start } = source;
  // A dense table costs a lookup per tie instead of a hash and a probe (three boundaries × 127,595 ties at M).
  const dense = groups * groups <= denseCells ? new Int32Array(groups * groups) : null;
  const hashed = dense ? null : new PairIndex();
  let count = 0;
  const tiePair = new Int32Array(from.length).fill(-1);
  let a: Int32Array<ArrayBuffer> = new Int32Array(64);
  let b: Int32Array<ArrayBuffer> = new Int32Array(64);
  for (let t = 0; t < from.length; t++) {
    if (start[t] === start[t + 1]) continue;
    const ga = groupOf[from[t]];
    const gb = groupOf[to[t]];
    if (ga < 0 || gb < 0 || ga === gb) continue;
    const lo = Math.min(ga, gb);
    const hi = Math.max(ga, gb);
    let k: number;
    if (dense) {
      // Pair number + 1, 0 while unnumbered.
      k = dense[lo * groups + hi] - 1;
      if (k < 0) dense[lo * groups + hi] = (k = count) + 1;
    } else k = hashed!.numberOf(lo, hi);
    if (k === count) {
      count++;
      if (k === a.length) {
        a = grown(a);
        b = grown(b);
      }
      a[k] = lo;
      b[k] = hi;
    }
    tiePair[t] = k;
  }
  return { count, a, b, tiePair };
}

/**
 * 0 held as a double (read from a Float64Array), not as a small integer: the per-people sums' fields start as doubles,
 * so the first fractional weight does not change their objects' map. Begun as the literal 0, each field's first
 * fraction did (four map changes), and each threw away peopleOf's compiled loop, compiled again (issue 15). The sums
 * are the same doubles: 0 + w either way.
 */
const DOUBLE_ZERO = new Float64Array(1)[0];

/** The per-people sums of a pair over its ties (in tie order), as the plain path summed them while building the series. */
function peopleOf(groupA: number, ties: Int32Array, source: PairSource): Map<number, PersonPairContact> {
  const { from, to, peopleCount, groupOf, start, position, weight, baseline, inRecent } = source;
  const people = new Map<number, PersonPairContact>();
  for (let i = 0; i < ties.length; i++) {
    const t = ties[i];
    const forward = groupOf[from[t]] === groupA;
    let contact: PersonPairContact | undefined;
    for (let e = start[t]; e < start[t + 1]; e++) {
      const p = position[e];
      if (p >= baseline && inRecent[p] !== 1) continue;
      if (!contact) {
        const key = Math.min(from[t], to[t]) * peopleCount + Math.max(from[t], to[t]);
        contact = people.get(key);
        if (!contact)
          people.set(
            key,
            (contact = {
              forwardBefore: DOUBLE_ZERO,
              forwardRecent: DOUBLE_ZERO,
              backwardBefore: DOUBLE_ZERO,
              backwardRecent: DOUBLE_ZERO,
            }),
          );
      }
      const w = weight[e];
      if (p < baseline) {
        if (forward) contact.forwardBefore += w;
        else contact.backwardBefore += w;
      } else if (forward) contact.forwardRecent += w;
      else contact.backwardRecent += w;
    }
  }
  return people;
}
