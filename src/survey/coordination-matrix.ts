// The relational coordination matrix's layout (src/survey/coordination.ts): the units sorted cell by cell, rater
// group then rated group in name order, each cell a run of one unit order.
import type { UnitTable } from "./coordination-units.js";
import { countingOrder } from "../util/counting-order.js";

export const cellId = (rater: string, rated: string) => `cell\u0000${rater}\u0000${rated}`;
export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A non-empty cell: its units are `order[from]` … `order[to − 1]`, in unit order. */
export interface Cell {
  id: string;
  raterGroup: string;
  ratedGroup: string;
  from: number;
  to: number;
}

/** The units laid out as a matrix. */
export interface Matrix {
  /** Names of the groups of the units, sorted; `rank` gives a name number's place among them. */
  groups: string[];
  rank: Int32Array;
  /** Non-empty cells, by rater group then rated group in name order. */
  cells: Cell[];
  /** Unit numbers cell by cell, and their indices in the same order. */
  order: Int32Array;
  /** Unit numbers by rated group's rank, in unit order within a group (the first of the two sorts to `order`). */
  byRated: Int32Array;
  indices: Float64Array;
}

export function matrixOf(t: UnitTable): Matrix {
  const used = new Uint8Array(t.names.length);
  for (let u = 0; u < t.count; u++) used[t.rater[u]] = used[t.rated[u]] = 1;
  const groups = t.names.filter((_, n) => used[n]).sort(byName);
  const place = new Map(groups.map((name, i) => [name, i]));
  const rank = Int32Array.from(t.names, (name) => place.get(name) ?? -1);
  // Units sorted by rater group then rated group, each cell's in unit order: stable counting sorts by the rated
  // group's rank, then by the rater group's.
  const byRated = rankSort(unitNumbers(t.count), t.rated, rank, groups.length);
  const order = rankSort(byRated, t.rater, rank, groups.length);
  const indices = new Float64Array(t.count);
  return { groups, rank, cells: cellRuns(t, order, indices), order, byRated, indices };
}

/**
 * The cells as runs of `order`, each unit's index written in the same order. Alone in its function, nothing after
 * the loop but a return: see docs/architecture.md, "Long loops in code that runs once".
 */
function cellRuns(t: UnitTable, order: Int32Array, indices: Float64Array): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < t.count; i++) {
    const u = order[i];
    indices[i] = t.index[u];
    if (i > 0 && t.rater[u] === t.rater[order[i - 1]] && t.rated[u] === t.rated[order[i - 1]]) continue;
    const [raterGroup, ratedGroup] = [t.names[t.rater[u]], t.names[t.rated[u]]];
    cells.push({ id: cellId(raterGroup, ratedGroup), raterGroup, ratedGroup, from: i, to: t.count });
    if (cells.length > 1) cells[cells.length - 2].to = i;
  }
  return cells;
}

/** The units in `units` (all of the table's) ordered by the rank of their group in `group`, stably. */
function rankSort(units: Int32Array, group: Int32Array, rank: Int32Array, groups: number): Int32Array {
  return countingOrder(units, groupRanks(group, rank, units.length), groups);
}

// Loops, not `Int32Array.from` with an arrow (a call per unit, ~31,000 at M, before V8 optimises it), and only over
// the table's units, not its spare capacity.
function unitNumbers(count: number): Int32Array {
  const units = new Int32Array(count);
  for (let u = 0; u < count; u++) units[u] = u;
  return units;
}

function groupRanks(group: Int32Array, rank: Int32Array, count: number): Int32Array {
  const ranks = new Int32Array(count);
  for (let u = 0; u < count; u++) ranks[u] = rank[group[u]];
  return ranks;
}
