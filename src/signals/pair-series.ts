// The series of every pair of groups in contact on a boundary, side by side in flat arrays (`pair × length +
// position`), with a PairSeries view made only for the pairs something reads. The team boundary of a 10,000-person
// system has ~32,000 pairs in contact, of which a few hundred are charted: a typed array per pair and measure, and a
// Map of people per pair, cost more to allocate than the sums themselves (issue 15). The sums are those of the plain
// path (test/perf/reference/signals-plain.ts): the same terms added in the same order, tie by tie.
import { PairIndex } from "../util/pair-index.js";
import { meanOver } from "./episodes.js";
import { countingOrder } from "../util/counting-order.js";
import { grown } from "../util/grown.js";

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

export class PairTable {
  /** Pairs in order of first contact (tie order); group a < b. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly interactions: Float64Array;
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  readonly activeTies: Float64Array;
  private readonly views: (PairSeries | undefined)[];
  private byGroups: Map<number, number> | null = null;

  constructor(
    readonly count: number,
    readonly length: number,
    pairA: Int32Array,
    pairB: Int32Array,
    /** Tie → its pair's number; −1 for a tie within a group, without contact or with a person outside the groups. */
    private readonly tiePair: Int32Array,
    private readonly source: PairSource,
  ) {
    this.a = pairA.slice(0, count);
    this.b = pairB.slice(0, count);
    this.interactions = new Float64Array(count * length);
    this.forward = new Float64Array(count * length);
    this.backward = new Float64Array(count * length);
    this.activeTies = new Float64Array(count * length);
    this.views = new Array<PairSeries | undefined>(count);
  }

  /** Pair numbers ordered by group a, then b: counting sorts by b, then stably by a (groups < `groups`). */
  ordered(groups: number): Int32Array {
    const byB = countingOrder(
      Int32Array.from({ length: this.count }, (_, k) => k),
      this.b,
      groups,
    );
    return countingOrder(byB, this.a, groups);
  }

  /** Mean interactions per period of pair k over positions [from, to), as meanOver gives on its series. */
  meanInteractions(k: number, from: number, to: number): number | null {
    const offset = k * this.length;
    return meanOver(this.interactions, offset + Math.max(0, from), offset + Math.min(this.length, to));
  }

  /** The series of groups a and b (either order), or undefined when they were never in contact. */
  find(a: number, b: number, groups: number): PairSeries | undefined {
    if (!this.byGroups) {
      this.byGroups = new Map();
      for (let k = 0; k < this.count; k++) this.byGroups.set(this.a[k] * groups + this.b[k], k);
    }
    const k = this.byGroups.get(Math.min(a, b) * groups + Math.max(a, b));
    return k === undefined ? undefined : this.series(k);
  }

  series(k: number): PairSeries {
    const cached = this.views[k];
    if (cached) return cached;
    const T = this.length;
    const range = <A extends Float64Array>(values: A) => values.subarray(k * T, (k + 1) * T);
    let people: Map<number, PersonPairContact> | null = null;
    const view: PairSeries = {
      a: this.a[k],
      b: this.b[k],
      interactions: range(this.interactions),
      forward: range(this.forward),
      backward: range(this.backward),
      activeTies: range(this.activeTies),
      people: () => (people ??= peopleOf(k, this.a[k], this.tiePair, this.source)),
    };
    this.views[k] = view;
    return view;
  }
}

/** Numbers the pairs of groups in contact, in tie order, and says which pair each tie belongs to. */
export function numberPairs(source: PairSource): { count: number; a: Int32Array; b: Int32Array; tiePair: Int32Array } {
  const { from, to, groupOf, start } = source;
  const numbers = new PairIndex();
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
    const k = numbers.numberOf(lo, hi);
    if (k === a.length) {
      a = grown(a);
      b = grown(b);
    }
    a[k] = lo;
    b[k] = hi;
    tiePair[t] = k;
  }
  return { count: numbers.size, a, b, tiePair };
}

/** The per-people sums of pair k, tie by tie in order, as the plain path summed them while building the series. */
function peopleOf(k: number, groupA: number, tiePair: Int32Array, source: PairSource): Map<number, PersonPairContact> {
  const { from, to, peopleCount, groupOf, start, position, weight, baseline, inRecent } = source;
  const people = new Map<number, PersonPairContact>();
  for (let t = 0; t < from.length; t++) {
    if (tiePair[t] !== k) continue;
    const forward = groupOf[from[t]] === groupA;
    let contact: PersonPairContact | undefined;
    for (let e = start[t]; e < start[t + 1]; e++) {
      const p = position[e];
      if (p >= baseline && inRecent[p] !== 1) continue;
      if (!contact) {
        const key = Math.min(from[t], to[t]) * peopleCount + Math.max(from[t], to[t]);
        contact = people.get(key);
        if (!contact)
          people.set(key, (contact = { forwardBefore: 0, forwardRecent: 0, backwardBefore: 0, backwardRecent: 0 }));
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
