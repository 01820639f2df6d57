// Depth per boundary as computed before issue 15's network session (src/network/depth.ts at c5ad7d9): a list grown
// per pair of groups in a Map, and the median of every list sorted. The fast path (lists cut from one array by a
// counting sort, no sort for one or two values) must give the same section, field for field.
import type { TieDepth } from "../../../src/result/network.js";
import type { Grouping } from "../../../src/network/mixing.js";
import type { Relationships } from "../../../src/network/relationships.js";
import { wilson } from "../../../src/network/stats.js";

function tieDepth(rel: Relationships, members: number[], durabilityPeriods: number, lastPeriod: number): TieDepth {
  let repeat = 0;
  let relational = 0;
  let transactional = 0;
  let withChannel = 0;
  let duration = 0;
  let eligible = 0;
  let durable = 0;
  const active: number[] = [];
  for (const r of members) {
    active.push(rel.periodsActive[r]);
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
  const n = members.length;
  return {
    relationships: n,
    medianPeriodsActive: plainMedian(active),
    repeatShare: n ? repeat / n : null,
    relationalShare: withChannel ? relational / withChannel : null,
    transactionalShare: withChannel ? transactional / withChannel : null,
    meanDurationMinutes: duration > 0 && n ? duration / n : null,
    durability: { eligible, durable, share: eligible ? durable / eligible : null, ci: wilson(durable, eligible) },
  };
}

/** Within- vs cross-boundary depth, and depth per pair of groups (pairs with any relationship, most first). */
export function plainDepthByBoundary(
  rel: Relationships,
  grouping: Grouping,
  durabilityPeriods: number,
  lastPeriod: number,
) {
  const { group, values } = grouping;
  const G = values.length;
  const within: number[] = [];
  const cross: number[] = [];
  const byLink = new Map<number, number[]>();
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
    const list = byLink.get(key);
    if (list) list.push(r);
    else byLink.set(key, [r]);
  }
  const links = [...byLink.entries()]
    .sort((x, y) => y[1].length - x[1].length || x[0] - y[0])
    .map(([key, members]) => ({
      groups: [values[Math.floor(key / G)], values[key % G]] as [string, string],
      ...tieDepth(rel, members, durabilityPeriods, lastPeriod),
    }));
  return {
    attribute: grouping.attribute,
    within: tieDepth(rel, within, durabilityPeriods, lastPeriod),
    cross: tieDepth(rel, cross, durabilityPeriods, lastPeriod),
    links,
  };
}

function plainMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
