// Every tie's weight per period in one pair of arrays for the whole file, and each tie's periods as a read-only view
// of its range: where a Map per tie cost ~0.5 KB and a heap object per period for M's 127,000 ties (~60 MB, and the
// collector's time to trace them), the arrays hold 12 bytes per (tie, period). Periods ascend within a range.
import type { PeriodRange } from "../model/types.js";

/** The periods and weights of all ties: tie t's are at [start[t], start[t + 1]). */
export interface PeriodColumns {
  start: Int32Array;
  period: Int32Array;
  weight: Float64Array;
}

export class TiePeriods implements ReadonlyMap<number, number> {
  readonly size: number;

  constructor(
    private readonly columns: PeriodColumns,
    private readonly first: number,
    end: number,
  ) {
    this.size = end - first;
  }

  /** The shared arrays (read only) and this view's range in them (see PeriodRange). */
  get range(): PeriodRange {
    return { period: this.columns.period, weight: this.columns.weight, first: this.first, end: this.first + this.size };
  }

  get(period: number): number | undefined {
    const i = this.find(period);
    return i < 0 ? undefined : this.columns.weight[i];
  }

  has(period: number): boolean {
    return this.find(period) >= 0;
  }

  forEach(callback: (weight: number, period: number, map: ReadonlyMap<number, number>) => void, thisArg?: unknown) {
    const { period, weight } = this.columns;
    for (let i = this.first; i < this.first + this.size; i++) callback.call(thisArg, weight[i], period[i], this);
  }

  *entries(): MapIterator<[number, number]> {
    const { period, weight } = this.columns;
    for (let i = this.first; i < this.first + this.size; i++) yield [period[i], weight[i]];
  }

  *keys(): MapIterator<number> {
    const { period } = this.columns;
    for (let i = this.first; i < this.first + this.size; i++) yield period[i];
  }

  *values(): MapIterator<number> {
    const { weight } = this.columns;
    for (let i = this.first; i < this.first + this.size; i++) yield weight[i];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /** Position of the period in the shared arrays (binary search: periods ascend), −1 when absent. */
  private find(period: number): number {
    let low = this.first;
    let high = this.first + this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.columns.period[middle];
      if (at === period) return middle;
      if (at < period) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** A view per tie of the shared columns. */
export function tiePeriods(columns: PeriodColumns): TiePeriods[] {
  const views: TiePeriods[] = [];
  for (let t = 0; t + 1 < columns.start.length; t++)
    views.push(new TiePeriods(columns, columns.start[t], columns.start[t + 1]));
  return views;
}

/** Whether a cell was added to: an untouched one holds −0, a touched one at least +0 (tie-builder.ts). */
export const touched = (value: number) => value !== 0 || 1 / value > 0;

/**
 * The columns of a tie builder's period blocks (tie-builder.ts: period p's block b holds the cells of ties
 * b·size … b·size + size − 1, −0 while untouched), for its first `ties` ties. Read period by period, block by block
 * (the cells' order in memory): each tie's periods come out ascending.
 */
export function blockColumns(periodBlocks: Map<number, Float64Array[]>, ties: number, size: number): PeriodColumns {
  const start = new Int32Array(ties + 1);
  const periods = [...periodBlocks.keys()].sort((a, b) => a - b);
  for (const p of periods) {
    const blocks = periodBlocks.get(p)!;
    for (let b = 0, t = 0; b < blocks.length; b++, t += size) {
      const block = blocks[b];
      const end = Math.min(size, ties - t);
      if (block !== undefined) for (let i = 0; i < end; i++) if (touched(block[i])) start[t + i + 1]++;
    }
  }
  for (let t = 0; t < ties; t++) start[t + 1] += start[t];
  const next = start.slice(0, ties);
  const period = new Int32Array(start[ties]);
  const weight = new Float64Array(start[ties]);
  for (const p of periods) {
    const blocks = periodBlocks.get(p)!;
    for (let b = 0, t = 0; b < blocks.length; b++, t += size) {
      const block = blocks[b];
      const end = Math.min(size, ties - t);
      if (block !== undefined)
        for (let i = 0; i < end; i++)
          if (touched(block[i])) {
            period[next[t + i]] = p;
            weight[next[t + i]++] = block[i];
          }
    }
  }
  return { start, period, weight };
}
