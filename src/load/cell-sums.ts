// Cells of a tie builder's ties (tie-builder.ts): sums of weight per (tie, key) cell once its dense records grew too
// large, and the touched cells of its dense records as columns.
import { PairIndex } from "../util/pair-index.js";
import { grown } from "../util/grown.js";
import { touched } from "./tie-periods.js";

/** Sums of weight per (tie, key) cell, cells numbered by hashing in order of first appearance. */
export class CellSums {
  private readonly index = new PairIndex();
  tie = new Int32Array(1024);
  key = new Int32Array(1024);
  weight = new Float64Array(1024);

  get size(): number {
    return this.index.size;
  }

  add(tie: number, key: number, weight: number): void {
    const cells = this.index.size;
    const cell = this.index.numberOf(tie, key);
    if (cell === cells) {
      if (cell === this.tie.length) {
        this.tie = grown(this.tie);
        this.key = grown(this.key);
        this.weight = grown(this.weight);
      }
      this.tie[cell] = tie;
      this.key[cell] = key;
    }
    this.weight[cell] += weight;
  }

  /** Cells of each tie in ascending key order: cells order[start[t]] … order[start[t + 1] − 1]. */
  byTie(ties: number): { start: Int32Array; order: Int32Array } {
    const start = new Int32Array(ties + 1);
    for (let cell = 0; cell < this.size; cell++) start[this.tie[cell] + 1]++;
    for (let t = 0; t < ties; t++) start[t + 1] += start[t];
    const fill = start.slice(0, ties);
    const order = new Int32Array(this.size);
    for (let cell = 0; cell < this.size; cell++) order[fill[this.tie[cell]]++] = cell;
    // A tie has few cells: insertion sort by key.
    for (let t = 0; t < ties; t++) {
      for (let i = start[t] + 1; i < start[t + 1]; i++) {
        const cell = order[i];
        let j = i - 1;
        for (; j >= start[t] && this.key[order[j]] > this.key[cell]; j--) order[j + 1] = order[j];
        order[j + 1] = cell;
      }
    }
    return { start, order };
  }
}

/** A value per (tie, key) cell for every tie: tie t's cells are at [start[t], start[t + 1]), keys ascending. */
export interface TieCells {
  start: Int32Array;
  key: Int32Array;
  weight: Float64Array;
}

/**
 * The touched cells (tie-periods.ts `touched`) of `keys` columns from `offset` in each of `ties` records of `stride`
 * values. Counted, then filled: typed arrays from the start (arrays pushed to cost ~0.1 s at M).
 */
export function denseCells(
  records: Float64Array,
  ties: number,
  stride: number,
  offset: number,
  keys: number,
): TieCells {
  const start = new Int32Array(ties + 1);
  for (let t = 0, o = offset; t < ties; t++, o += stride) {
    let cells = 0;
    for (let k = 0; k < keys; k++) if (touched(records[o + k])) cells++;
    start[t + 1] = start[t] + cells;
  }
  const key = new Int32Array(start[ties]);
  const weight = new Float64Array(start[ties]);
  for (let t = 0, o = offset, i = 0; t < ties; t++, o += stride)
    for (let k = 0; k < keys; k++)
      if (touched(records[o + k])) {
        key[i] = k;
        weight[i++] = records[o + k];
      }
  return { start, key, weight };
}
