// Each pair of people's contact over the timeline, summarised once per run in the scene (src/signals/scene.ts) for
// the detectors that judge person-to-person ties: dormant ties and the key-person departures' null model.
import type { Dataset } from "../model/types.js";
import { wholePositions, type Timeline } from "./timeline.js";
import type { TieContact } from "./relational.js";

/** Periods without any contact for a strong tie to count as dormant. */
export const DORMANT_PERIODS = 4;

/**
 * Each pair of people who had contact (both directions together), summarised once for every boundary: periods
 * with contact in the baseline, contact volume in the baseline and in the last DORMANT_PERIODS whole periods,
 * whether it has been silent there and since when, and which people had any contact at all there.
 */
export interface PairActivity {
  count: number;
  a: Int32Array;
  b: Int32Array;
  baselinePeriods: number;
  activeBaseline: Uint16Array;
  /** Position of the first of the last DORMANT_PERIODS whole periods. */
  recentStart: number;
  /** No contact in any of the last DORMANT_PERIODS whole periods. */
  silent: Uint8Array;
  /** For silent pairs: the position after their last contact. */
  firstSilent: Int32Array;
  /** Per person: some contact with anyone in the last DORMANT_PERIODS whole periods. */
  present: Uint8Array;
}

export function pairActivity(
  data: Dataset,
  timeline: Timeline,
  baselinePoints: number,
  contact: TieContact,
): PairActivity | null {
  const baseline = wholePositions(timeline, 0, baselinePoints);
  const recent = wholePositions(timeline, 0, timeline.length).slice(-DORMANT_PERIODS);
  if (baseline.length < DORMANT_PERIODS || recent.length < DORMANT_PERIODS || recent[0] <= baseline.at(-1)!)
    return null;
  const { from, to, start, position, weight } = contact;
  const ties = from.length;
  const T = timeline.length;
  const inRecent = new Uint8Array(T);
  for (const p of recent) inRecent[p] = 1;
  // The two directions of a pair share its slot; a period has contact when either has weight in it.
  const { pairOf, count } = numberPeoplePairs(from, to);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  // A bit per (pair, period), 32 periods to a word: M's 80,000 pairs take 0.3 MB instead of a byte each, 2 MB,
  // written at scattered pairs (issue 15).
  const words = (T + 31) >>> 5;
  const active = new Int32Array(count * words);
  const weightRecent = new Float64Array(count);
  const lastActive = new Int32Array(count).fill(-1);
  // Each tie's people and contact in the timeline, as tieContact read them for the boundaries.
  for (let t = 0; t < ties; t++) {
    const lo = Math.min(from[t], to[t]);
    const hi = Math.max(from[t], to[t]);
    const k = pairOf[t];
    a[k] = lo;
    b[k] = hi;
    // The pair's running values held in locals for the tie's periods (the same additions in the same order): fewer
    // array reads and writes per cell while this loop is still interpreted, in the cold call (issue 15).
    const row = k * words;
    let last = lastActive[k];
    let recentWeight = weightRecent[k];
    for (let e = start[t]; e < start[t + 1]; e++) {
      const p = position[e];
      active[row + (p >>> 5)] |= 1 << (p & 31);
      if (p > last) last = p;
      if (inRecent[p]) recentWeight += weight[e];
    }
    lastActive[k] = last;
    weightRecent[k] = recentWeight;
  }
  // The baseline's periods as bits in the pairs' words: a pair's baseline periods with contact are counted a word at
  // a time, not a period at a time (80,000 pairs at M).
  const inBaseline = new Int32Array(words);
  for (const p of baseline) inBaseline[p >>> 5] |= 1 << (p & 31);
  const activeBaseline = new Uint16Array(count);
  const silent = new Uint8Array(count);
  const firstSilent = new Int32Array(count);
  const present = new Uint8Array(data.people?.people.length ?? 0);
  for (let k = 0; k < count; k++) {
    for (let w = 0; w < words; w++) activeBaseline[k] += bitCount(active[k * words + w] & inBaseline[w]);
    silent[k] = weightRecent[k] > 0 ? 0 : 1;
    if (!silent[k]) present[a[k]] = present[b[k]] = 1;
    // The position after the last contact: for a silent tie, where its silence began.
    firstSilent[k] = lastActive[k] + 1;
  }
  return {
    count,
    a,
    b,
    baselinePeriods: baseline.length,
    activeBaseline,
    recentStart: recent[0],
    silent,
    firstSilent,
    present,
  };
}

/**
 * Each tie's pair of people (both directions one pair), numbered 0, 1, 2, … in tie order of first appearance, as a
 * hash of the pairs numbers them — without one: the ties bucketed by their lower person (a counting sort, tie order
 * kept in a bucket), a pair's first tie found in its bucket by the higher person's last mark. Linear, on arrays of a
 * tie or a person each: M's hash table was 4 MB written at random (a page fault per 4 KB, in the cold call, issue 15).
 */
function numberPeoplePairs(from: Int32Array, to: Int32Array): { pairOf: Int32Array; count: number } {
  const ties = from.length;
  let people = 0;
  for (let t = 0; t < ties; t++) people = Math.max(people, from[t] + 1, to[t] + 1);
  const bucket = new Int32Array(people + 1);
  for (let t = 0; t < ties; t++) bucket[Math.min(from[t], to[t]) + 1]++;
  for (let p = 0; p < people; p++) bucket[p + 1] += bucket[p];
  const order = new Int32Array(ties);
  const next = bucket.slice(0, people);
  for (let t = 0; t < ties; t++) order[next[Math.min(from[t], to[t])]++] = t;
  // pairOf[t]: first the pair's first tie, then (in tie order, so that tie is numbered already) the pair's number.
  const pairOf = new Int32Array(ties);
  const markedBy = new Int32Array(people).fill(-1);
  const firstTie = new Int32Array(people);
  for (let lo = 0; lo < people; lo++) {
    for (let i = bucket[lo]; i < bucket[lo + 1]; i++) {
      const t = order[i];
      const hi = Math.max(from[t], to[t]);
      if (markedBy[hi] !== lo) {
        markedBy[hi] = lo;
        firstTie[hi] = t;
      }
      pairOf[t] = firstTie[hi];
    }
  }
  let count = 0;
  for (let t = 0; t < ties; t++) pairOf[t] = pairOf[t] === t ? count++ : pairOf[pairOf[t]];
  return { pairOf, count };
}

/** The number of bits set in a 32-bit word (the classic SWAR count). */
function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
