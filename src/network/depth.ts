// Depth and durability of relationships within and across a boundary (practice 4, "slow down to speed up"):
// repeat contact over periods, duration, relational channels, and the share still in contact N periods after
// they began.
import type { TieDepth } from "../result/network.js";
import type { Grouping } from "./mixing.js";
import type { Relationships } from "./relationships.js";
import { countingBuckets, countingOrder } from "../util/counting-order.js";
import { middle, wilson } from "./stats.js";

function tieDepth(
  rel: Relationships,
  members: ArrayLike<number>,
  durabilityPeriods: number,
  lastPeriod: number,
): TieDepth {
  let repeat = 0;
  let relational = 0;
  let transactional = 0;
  let withChannel = 0;
  let duration = 0;
  let eligible = 0;
  let durable = 0;
  const n = members.length;
  const active = new Int32Array(n);
  for (let m = 0; m < n; m++) {
    const r = members[m];
    active[m] = rel.periodsActive[r];
    if (rel.periodsActive[r] >= 2) repeat++;
    relational += rel.relational[r];
    transactional += rel.transactional[r];
    withChannel += rel.withChannel[r];
    duration += rel.durationMinutes[r];
    const first = rel.firstPeriod[r];
    if (first >= 0 && first + durabilityPeriods <= lastPeriod) {
      eligible++;
      if (rel.lastPeriod[r] >= first + durabilityPeriods) durable++;
    }
  }
  return {
    relationships: n,
    medianPeriodsActive: middle(active.sort()),
    repeatShare: n ? repeat / n : null,
    relationalShare: withChannel ? relational / withChannel : null,
    transactionalShare: withChannel ? transactional / withChannel : null,
    meanDurationMinutes: duration > 0 && n ? duration / n : null,
    durability: { eligible, durable, share: eligible ? durable / eligible : null, ci: wilson(durable, eligible) },
  };
}

/**
 * Within- vs cross-boundary depth, and depth per pair of groups (pairs with any relationship, most first). Each list
 * holds its relationships ascending, so every sum adds the same terms in the same order as a list per pair would;
 * the lists are cut from one array by a counting sort (the team boundary of a 10,000-person system has ~50,000
 * pairs of teams, and an array grown per pair made the collector a third of this function's time).
 */
export function depthByBoundary(rel: Relationships, grouping: Grouping, durabilityPeriods: number, lastPeriod: number) {
  const { group, values } = grouping;
  const G = values.length;
  const within: number[] = [];
  const cross: number[] = [];
  // Each cross relationship's pair of groups, the pairs numbered in order of first appearance.
  const pairs = new Map<number, number>();
  const keys: number[] = [];
  const linkOf: number[] = [];
  for (let r = 0; r < rel.count; r++) {
    const ga = group[rel.a[r]];
    const gb = group[rel.b[r]];
    if (ga < 0 || gb < 0) continue;
    if (ga === gb) {
      within.push(r);
      continue;
    }
    cross.push(r);
    const key = Math.min(ga, gb) * G + Math.max(ga, gb);
    let link = pairs.get(key);
    if (link === undefined) {
      pairs.set(key, (link = keys.length));
      keys.push(key);
    }
    linkOf.push(link);
  }
  const { order, begin } = countingBuckets(linkOf, keys.length);
  const members = order.map((c) => cross[c]);
  const links = Array.from(mostFirst(keys, pairs, begin), (l) => ({
    groups: [values[Math.floor(keys[l] / G)], values[keys[l] % G]] as [string, string],
    ...tieDepth(rel, members.subarray(begin[l], begin[l + 1]), durabilityPeriods, lastPeriod),
  }));
  return {
    attribute: grouping.attribute,
    within: tieDepth(rel, within, durabilityPeriods, lastPeriod),
    cross: tieDepth(rel, cross, durabilityPeriods, lastPeriod),
    links,
  };
}

/**
 * The pairs most relationships first, then by key: keys sorted as numbers, then a stable counting sort by size,
 * largest first (the order a comparison of sizes, then keys, gives, without ~50,000 calls of a comparator).
 */
function mostFirst(keys: number[], pairs: Map<number, number>, begin: Int32Array): Int32Array {
  const L = keys.length;
  const largest = L ? begin[L] : 0;
  const sizeRank = Int32Array.from({ length: L }, (_, l) => largest - (begin[l + 1] - begin[l]));
  const inKeyOrder = Int32Array.from(Float64Array.from(keys).sort(), (key) => pairs.get(key)!);
  return countingOrder(inKeyOrder, sizeRank, largest + 1);
}
