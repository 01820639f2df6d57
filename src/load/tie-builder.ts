// Collapses interaction rows into ties while streaming, then builds the Tie objects once at the end.
//
// Each tie is one record in a flat Float64Array: weight, rows, duration, first, last, then its weight on each
// channel; its weight in each period is a cell of a second array, laid out period by period (all ties' cells of one
// period side by side). A row updates one record — a cache line or two — and one period cell, where objects,
// channel records and period Maps scattered over the heap (or hash-numbered cells) cost several cache misses per
// row, which dominated loading. Period by period because exports come in time order: the rows of a stretch of time
// touch one period's cells, a few hundred kilobytes that stay in cache, where period cells inside the records made
// every row miss (L: 166k ties × 32 periods, 60 MB of records, and a quarter of loading). A record gains a column
// when a new channel appears, the periods a column when a period outside their span does (laid out again, rarely:
// columns double). When the cells would pass `denseLimit` values (a long span of periods over very many ties) the
// builder moves to sparse cells numbered by hashing, which grow only with the cells that occur.
//
// Orders are canonical, whatever the order of the rows: channels in order of their first appearance in the file,
// periods ascending. Sums run in row order. An untouched cell holds −0 and a touched one at least +0 (weights are
// added as w + 0, which turns −0 into +0), so a row of weight 0 still records its channel and period.
import type { Instant, Tie } from "../model/types.js";
import { PairIndex } from "../util/pair-index.js";
import { dict } from "../model/dict.js";
import { tiePeriods, type PeriodColumns } from "./tie-periods.js";
import { grown } from "../util/grown.js";

const HEADER = 5;
const [WEIGHT, ROWS, DURATION, FIRST, LAST] = [0, 1, 2, 3, 4];
/** Values in the dense records before the builder turns sparse: 256 MiB. */
const DENSE_LIMIT = 1 << 25;

const touched = (value: number) => value !== 0 || 1 / value > 0;

/** Sums of weight per (tie, key) cell, cells numbered by hashing in order of first appearance. */
class CellSums {
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

export class TieBuilder {
  private readonly pairs = new PairIndex();
  private readonly channelNumbers = new Map<string, number>();
  private readonly channelNames: string[] = [];
  private lastChannel: string | null = null;
  private lastChannelNumber = 0;
  private count = 0;
  private capacity = 1024;
  private channelColumns = 4;
  /** Period of the first period column, and the number of period columns. */
  private periodFirst = 0;
  private periodColumns = 0;
  private stride = HEADER + this.channelColumns;
  private records: Float64Array = new Float64Array(this.capacity * this.stride);
  /** Tie t's weight in period periodFirst + p is periods[p · capacity + t]; −0 while untouched. */
  private periods: Float64Array = new Float64Array(0);
  /** Channel and period cells once the dense records grew too large; null while dense. */
  private sparse: { channels: CellSums; periods: CellSums } | null = null;

  constructor(private readonly denseLimit = DENSE_LIMIT) {}

  /** Adds one row from → to; `at` and `period` are null for a row without a timestamp. */
  add(
    from: number,
    to: number,
    weight: number,
    duration: number,
    channel: string,
    at: Instant | null,
    period: number | null,
  ): void {
    const tie = this.pairs.numberOf(from, to);
    if (tie === this.count) this.newRecord();
    const c = this.channelNumber(channel);
    if (!this.sparse && c >= this.channelColumns)
      this.layOut(Math.max(2 * this.channelColumns, c + 1), this.periodFirst, this.periodColumns);
    if (
      !this.sparse &&
      period !== null &&
      (period < this.periodFirst || period >= this.periodFirst + this.periodColumns)
    )
      this.widenPeriods(period);
    const r = this.records;
    const o = tie * this.stride;
    const w = weight + 0;
    r[o + WEIGHT] += w;
    r[o + ROWS]++;
    r[o + DURATION] += duration;
    if (at !== null) {
      // NaN comparisons are false: the first timestamp sets both.
      if (!(at >= r[o + FIRST])) r[o + FIRST] = at;
      if (!(at <= r[o + LAST])) r[o + LAST] = at;
    }
    if (this.sparse) {
      this.sparse.channels.add(tie, c, w);
      if (period !== null) this.sparse.periods.add(tie, period, w);
      return;
    }
    r[o + HEADER + c] += w;
    if (period !== null) this.periods[(period - this.periodFirst) * this.capacity + tie] += w;
  }

  /** The ties in order of first appearance, channels in order of first appearance in the file, periods ascending. */
  ties(): Tie[] {
    const r = this.records;
    const ties: Tie[] = [];
    const periods = tiePeriods(this.periodCells());
    for (let t = 0; t < this.count; t++) {
      const o = t * this.stride;
      ties.push({
        from: 0,
        to: 0,
        weight: r[o + WEIGHT],
        rows: r[o + ROWS],
        first: Number.isNaN(r[o + FIRST]) ? null : r[o + FIRST],
        last: Number.isNaN(r[o + LAST]) ? null : r[o + LAST],
        durationMinutes: r[o + DURATION],
        channels: dict(),
        periods: periods[t],
      });
    }
    this.pairsInto(ties);
    if (this.sparse) {
      const { start, order } = this.sparse.channels.byTie(this.count);
      for (let t = 0; t < this.count; t++)
        for (let i = start[t]; i < start[t + 1]; i++) {
          const cell = order[i];
          ties[t].channels[this.channelNames[this.sparse.channels.key[cell]]] = this.sparse.channels.weight[cell];
        }
      return ties;
    }
    for (let t = 0; t < this.count; t++) {
      const cells = t * this.stride + HEADER;
      for (let c = 0; c < this.channelNames.length; c++)
        if (touched(r[cells + c])) ties[t].channels[this.channelNames[c]] = r[cells + c];
    }
    return ties;
  }

  /** Every tie's touched periods, ascending, in one pair of arrays (load/tie-periods.ts). */
  private periodCells(): PeriodColumns {
    const start = new Int32Array(this.count + 1);
    if (this.sparse) {
      const cells = this.sparse.periods;
      const byTie = cells.byTie(this.count);
      const period = Int32Array.from(byTie.order, (cell) => cells.key[cell]);
      const weight = Float64Array.from(byTie.order, (cell) => cells.weight[cell]);
      return { start: byTie.start, period, weight };
    }
    // Column by column (the cells' order in memory), each tie's periods ascending.
    const cells = this.periods;
    const ties = this.count;
    for (let p = 0; p < this.periodColumns; p++)
      for (let t = 0, o = p * this.capacity; t < ties; t++) if (touched(cells[o + t])) start[t + 1]++;
    for (let t = 0; t < ties; t++) start[t + 1] += start[t];
    const next = start.slice(0, ties);
    const period = new Int32Array(start[ties]);
    const weight = new Float64Array(start[ties]);
    for (let p = 0; p < this.periodColumns; p++)
      for (let t = 0, o = p * this.capacity; t < ties; t++)
        if (touched(cells[o + t])) {
          period[next[t]] = this.periodFirst + p;
          weight[next[t]++] = cells[o + t];
        }
    return { start, period, weight };
  }

  /** from and to of every tie, read back from the pair table in one pass. */
  private pairsInto(ties: Tie[]): void {
    this.pairs.forEach((from, to, t) => {
      ties[t].from = from;
      ties[t].to = to;
    });
  }

  private channelNumber(channel: string): number {
    // Rows often repeat the channel before.
    if (channel === this.lastChannel) return this.lastChannelNumber;
    let c = this.channelNumbers.get(channel);
    if (c === undefined) {
      c = this.channelNames.length;
      this.channelNumbers.set(channel, c);
      this.channelNames.push(channel);
    }
    this.lastChannel = channel;
    this.lastChannelNumber = c;
    return c;
  }

  private newRecord(): void {
    if (this.count === this.capacity) {
      if (!this.sparse && 2 * this.capacity * (this.stride + this.periodColumns) > this.denseLimit) this.turnSparse();
      const capacity = 2 * this.capacity;
      const records = new Float64Array(capacity * this.stride);
      records.set(this.records);
      this.records = records;
      this.periods = this.periodsLaidOut(capacity, this.periodFirst, this.periodColumns);
      this.capacity = capacity;
    }
    const o = this.count * this.stride;
    this.records.fill(0, o, o + HEADER);
    this.records[o + FIRST] = NaN;
    this.records[o + LAST] = NaN;
    this.records.fill(-0, o + HEADER, o + this.stride);
    this.count++;
  }

  /** Period columns wide enough for `period`, doubling so that a file in time order is laid out again rarely. */
  private widenPeriods(period: number): void {
    if (this.periodColumns === 0) return this.layOut(this.channelColumns, period, 8);
    const low = Math.min(this.periodFirst, period);
    const high = Math.max(this.periodFirst + this.periodColumns - 1, period);
    const columns = Math.max(high - low + 1, 2 * this.periodColumns);
    this.layOut(this.channelColumns, period < this.periodFirst ? high - columns + 1 : low, columns);
  }

  private layOut(channelColumns: number, periodFirst: number, periodColumns: number): void {
    const stride = HEADER + channelColumns;
    if (this.capacity * (stride + periodColumns) > this.denseLimit) return this.turnSparse();
    if (stride !== this.stride) {
      const old = this.records;
      const records = new Float64Array(this.capacity * stride).fill(-0);
      for (let t = 0; t < this.count; t++)
        records.set(old.subarray(t * this.stride, (t + 1) * this.stride), t * stride);
      this.records = records;
    }
    if (periodFirst !== this.periodFirst || periodColumns !== this.periodColumns)
      this.periods = this.periodsLaidOut(this.capacity, periodFirst, periodColumns);
    this.stride = stride;
    this.channelColumns = channelColumns;
    this.periodFirst = periodFirst;
    this.periodColumns = periodColumns;
  }

  /** The period cells for `capacity` ties and the given columns, holding the cells so far. */
  private periodsLaidOut(capacity: number, periodFirst: number, periodColumns: number): Float64Array {
    const cells = new Float64Array(capacity * periodColumns).fill(-0);
    for (let p = 0; p < this.periodColumns; p++) {
      const column = p * this.capacity;
      cells.set(this.periods.subarray(column, column + this.count), (this.periodFirst + p - periodFirst) * capacity);
    }
    return cells;
  }

  /** Moves the channel and period cells into hash-numbered cells and keeps only the headers in the records. */
  private turnSparse(): void {
    const old = this.records;
    const sparse = { channels: new CellSums(), periods: new CellSums() };
    const records = new Float64Array(this.capacity * HEADER);
    for (let t = 0; t < this.count; t++) {
      const o = t * this.stride;
      records.set(old.subarray(o, o + HEADER), t * HEADER);
      for (let c = 0; c < this.channelColumns; c++)
        if (touched(old[o + HEADER + c])) sparse.channels.add(t, c, old[o + HEADER + c]);
      for (let p = 0; p < this.periodColumns; p++) {
        const cell = this.periods[p * this.capacity + t];
        if (touched(cell)) sparse.periods.add(t, this.periodFirst + p, cell);
      }
    }
    this.records = records;
    this.periods = new Float64Array(0);
    this.stride = HEADER;
    this.channelColumns = 0;
    this.periodColumns = 0;
    this.sparse = sparse;
  }
}
