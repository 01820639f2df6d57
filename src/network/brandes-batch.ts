// Brandes' betweenness for 32 sources at once (issue 15): one breadth-first search per batch in which every person
// carries a 32-bit mask of the sources that have reached them (multi-source BFS, Then et al. 2014). At M (10,000
// people, 127,595 arcs) a search from one source scans every arc, three quarters of them back to people already
// reached; the masks scan each arc once per level for all 32 sources, so only the arcs on shortest paths cost
// per-source work (13,500 arc scans and 32,000 path steps per source instead of 127,600 arc scans).
//
// Same bits as the one-source kernel (brandes.ts), which the property test checks (test/perf/brandes-batch.test.ts):
// - δ(v) = σ(v) · Σ (1 + δ(w)) / σ(w) over v's successors w, summed from 0 in v's arc order, here as there; the
//   order in which people are finished does not change any person's value.
// - Each person's dependencies are added to the total in source order (a batch's deltas are kept until it ends).
// - The forward pass writes down, per person and level, the arcs that carried paths and for which sources, in arc
//   order; the backward pass replays that record, so each sum has the same terms in the same order as a scan of
//   every arc testing its level would give (issue 15: at M two thirds of the scanned arcs carry paths, and the
//   replay reads memory in sequence).
// - σ counts shortest paths: sums of whole numbers, exact in any order while no count exceeds 2^53. The batch
//   checks that, and otherwise (and when there are more levels than it keeps masks for) gives the batch to the
//   one-source kernel.
import { accumulateDependencies, brandesBuffers, type BrandesBuffers } from "./brandes.js";

/** Sources per batch: the bits of one mask. */
const BATCH = 32;
/** Levels (distances from a source) whose masks a batch keeps; a network with a longer shortest path uses the one-source kernel. */
const MAX_LEVELS = 64;
/** Above this many people the per-(person, source) arrays (2 × 8 bytes × 32 per person) use the one-source kernel. */
const BATCH_MAX_PEOPLE = 50_000;
/** Path counts from this on could have rounded, so their sum would depend on the order of the additions. */
const EXACT_COUNT = 2 ** 53;

/** Working buffers for one thread, reused across batches. Arrays per (person, source) are indexed person × 32 + bit. */
export interface BatchBuffers {
  n: number;
  single: BrandesBuffers;
  /** Sources that have reached each person (any level so far). */
  seen: Int32Array;
  /** levels[d][v]: the sources at distance d from v; levels[0] marks each source itself. Grown on demand. */
  levels: Int32Array[];
  /** σ, the path counts, until the backward pass finishes a person; then δ, the dependency, until the batch ends. */
  sigma: Float64Array;
  coefficient: Float64Array;
  /** Σ (1 + δ(w)) / σ(w) so far for the person being finished, per source bit. */
  sums: Float64Array;
  /** The people on each level, level by level: those at distance d are active[levelStart[d] … levelStart[d + 1] − 1]. */
  active: Int32Array;
  levelStart: Int32Array;
  /** The arcs on shortest paths out of active[a] are records recordEnd[a] … recordEnd[a + 1] − 1, in arc order. */
  recordEnd: Int32Array;
  /** Per record: its head's first slot (w × 32) and the sources whose shortest paths it carries. */
  heads: Int32Array;
  masks: Int32Array;
}

export function batchBuffers(n: number, arcs: number): BatchBuffers {
  const batched = n <= BATCH_MAX_PEOPLE;
  const perSource = batched ? n * BATCH : 0;
  // At M a batch lists each person on ~3.4 levels and records each arc on ~2.2 (an arc carries paths on as many
  // levels as its tail is on); both lists grow when a graph needs more.
  const slots = batched ? 4 * n + 1 : 0;
  const records = batched ? 3 * arcs : 0;
  return {
    n,
    single: brandesBuffers(n, arcs),
    seen: new Int32Array(batched ? n : 0),
    levels: [],
    sigma: new Float64Array(perSource),
    coefficient: new Float64Array(perSource),
    sums: new Float64Array(BATCH),
    active: new Int32Array(slots),
    levelStart: new Int32Array(MAX_LEVELS + 2),
    recordEnd: new Int32Array(slots + 1),
    heads: new Int32Array(records),
    masks: new Int32Array(records),
  };
}

/**
 * Adds the dependency of every person on each source in sources[from, to) to total (and its square to totalSq when
 * given), exactly as accumulateDependencies in brandes.ts does, to the last bit: 32 sources at a time. Returns how
 * many sources were done in batches (the rest went to the one-source kernel).
 */
export function accumulateBatched(
  start: Int32Array,
  nbr: Int32Array,
  sources: Int32Array,
  from: number,
  to: number,
  buffers: BatchBuffers,
  total: Float64Array,
  totalSq: Float64Array | null,
): number {
  let batched = 0;
  for (let k = from; k < to; k += BATCH) {
    const end = Math.min(to, k + BATCH);
    if (buffers.n <= BATCH_MAX_PEOPLE && batch(start, nbr, sources, k, end, buffers, total, totalSq))
      batched += end - k;
    else accumulateDependencies(start, nbr, sources, k, end, buffers.single, total, totalSq);
  }
  return batched;
}

/** The mask array for level d, cleared; null when a batch would need more levels than it keeps. */
function level(buffers: BatchBuffers, d: number): Int32Array | null {
  if (d >= MAX_LEVELS) return null;
  if (d === buffers.levels.length) buffers.levels.push(new Int32Array(buffers.n));
  else buffers.levels[d].fill(0);
  return buffers.levels[d];
}

/** One batch of up to 32 sources; false (nothing added) when its path counts or depth need the one-source kernel. */
function batch(
  start: Int32Array,
  nbr: Int32Array,
  sources: Int32Array,
  from: number,
  to: number,
  buffers: BatchBuffers,
  total: Float64Array,
  totalSq: Float64Array | null,
): boolean {
  const { seen, sigma } = buffers;
  const roots = level(buffers, 0)!;
  seen.fill(0);
  sigma.fill(0);
  for (let j = 0; j < to - from; j++) {
    const s = sources[from + j];
    roots[s] |= 1 << j;
    seen[s] |= 1 << j;
    sigma[s * BATCH + j] = 1;
  }
  const depth = forward(start, nbr, buffers);
  if (depth < 0) return false;
  if (!backward(buffers, depth)) return false;
  addInSourceOrder(buffers, total, totalSq);
  return true;
}

/**
 * Level by level: the sources that first reach w through v are those at v on this level that had not reached w
 * yet; for each, σ(w) += σ(v), and the arc is recorded for the backward pass. Returns the deepest level, or −1 past
 * MAX_LEVELS.
 */
function forward(start: Int32Array, nbr: Int32Array, buffers: BatchBuffers): number {
  const { seen, sigma, levels, levelStart } = buffers;
  let records = 0;
  let people = listLevel(buffers, levels[0], 0, false);
  levelStart[0] = 0;
  levelStart[1] = people;
  buffers.recordEnd[0] = 0;
  for (let d = 0; ; d++) {
    const current = levels[d];
    const next = level(buffers, d + 1);
    if (!next) return -1;
    const { active, recordEnd } = buffers;
    for (let a = levelStart[d], last = levelStart[d + 1]; a < last; a++) {
      const v = active[a];
      const at = current[v];
      const vb = v * BATCH;
      const end = start[v + 1];
      if (records + end - start[v] > buffers.heads.length) growRecords(buffers, records + end - start[v]);
      const { heads, masks } = buffers;
      for (let e = start[v]; e < end; e++) {
        const w = nbr[e];
        let first = at & ~seen[w];
        if (first === 0) continue;
        next[w] |= first;
        const wb = w * BATCH;
        heads[records] = wb;
        masks[records++] = first;
        do {
          const j = 31 - Math.clz32(first & -first);
          sigma[wb + j] += sigma[vb + j];
          first &= first - 1;
        } while (first !== 0);
      }
      recordEnd[a + 1] = records;
    }
    people = listLevel(buffers, next, people, true);
    if (people === levelStart[d + 1]) return d;
    levelStart[d + 2] = people;
  }
}

/**
 * Appends the people with sources in `mask` to the active list from position `from`, and returns where the list
 * ends; with `reached`, marks those sources as having reached them.
 */
function listLevel(buffers: BatchBuffers, mask: Int32Array, from: number, reached: boolean): number {
  const { n, seen } = buffers;
  if (from + n > buffers.active.length) {
    const slots = Math.max(2 * buffers.active.length, from + n);
    buffers.active = grown(buffers.active, slots);
    buffers.recordEnd = grown(buffers.recordEnd, slots + 1);
  }
  const { active } = buffers;
  let k = from;
  for (let v = 0; v < n; v++) {
    const m = mask[v];
    if (m === 0) continue;
    if (reached) seen[v] |= m;
    active[k++] = v;
  }
  return k;
}

function growRecords(buffers: BatchBuffers, needed: number): void {
  const size = Math.max(2 * buffers.heads.length, needed);
  buffers.heads = grown(buffers.heads, size);
  buffers.masks = grown(buffers.masks, size);
}

function grown(array: Int32Array, size: number): Int32Array {
  const larger = new Int32Array(size);
  larger.set(array);
  return larger;
}

/**
 * From the deepest level up: each person's sum over its recorded successors (in arc order), then δ and
 * (1 + δ) / σ; δ replaces σ, which no one reads again. False when a path count is too large to have been summed
 * exactly.
 */
function backward(buffers: BatchBuffers, depth: number): boolean {
  const { levels, sigma, coefficient, sums, active, levelStart, recordEnd, heads, masks } = buffers;
  for (let d = depth; d >= 1; d--) {
    const here = levels[d];
    for (let a = levelStart[d], last = levelStart[d + 1]; a < last; a++) {
      const v = active[a];
      const at = here[v];
      for (let b = at; b !== 0; b &= b - 1) sums[31 - Math.clz32(b & -b)] = 0;
      for (let r = recordEnd[a], end = recordEnd[a + 1]; r < end; r++) {
        const wb = heads[r];
        let on = masks[r];
        do {
          const j = 31 - Math.clz32(on & -on);
          sums[j] += coefficient[wb + j];
          on &= on - 1;
        } while (on !== 0);
      }
      const vb = v * BATCH;
      for (let b = at; b !== 0; b &= b - 1) {
        const j = 31 - Math.clz32(b & -b);
        const sv = sigma[vb + j];
        if (sv >= EXACT_COUNT) return false;
        const dv = sv * sums[j];
        coefficient[vb + j] = (1 + dv) / sv;
        sigma[vb + j] = dv;
      }
    }
  }
  return true;
}

/**
 * Adds each person's dependency on each source reached, source by source (lowest bit first), as the one-source
 * kernel does; into a local sum, the same additions in the same order. A person reached by all 32 sources (and not
 * one of them), the usual case, takes a plain loop.
 */
function addInSourceOrder(buffers: BatchBuffers, total: Float64Array, totalSq: Float64Array | null): void {
  const { n, seen, sigma: delta, levels } = buffers;
  const roots = levels[0];
  for (let v = 0; v < n; v++) {
    const vb = v * BATCH;
    const reached = seen[v] & ~roots[v];
    if (reached === 0) continue;
    let sum = total[v];
    let squares = totalSq ? totalSq[v] : 0;
    if (reached === -1) {
      for (let j = 0; j < BATCH; j++) {
        const dv = delta[vb + j];
        sum += dv;
        squares += dv * dv;
      }
    } else {
      for (let b = reached; b !== 0; b &= b - 1) {
        const dv = delta[vb + 31 - Math.clz32(b & -b)];
        sum += dv;
        squares += dv * dv;
      }
    }
    total[v] = sum;
    if (totalSq) totalSq[v] = squares;
  }
}
