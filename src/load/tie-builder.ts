// Collapses interaction rows into ties while streaming, then builds the Tie objects once at the end.
//
// Each tie is one record in a flat Float64Array: weight, rows, duration, first, last, then its weight on each
// channel; its weight in each period is a cell of a block, blocks laid out period by period (a period's block b holds
// ties b·1024 … b·1024 + 1023). A row updates one record — a cache line or two — and one period cell, where objects,
// channel records and period Maps scattered over the heap (or hash-numbered cells) cost several cache misses per
// row, which dominated loading. Period by period because exports come in time order: the rows of a stretch of time
// touch one period's blocks, about a megabyte that stays near the core, where period cells inside the records made
// every row miss (L: 166k ties × 32 periods, 60 MB of records, and a quarter of loading). In blocks so that more ties
// or another period only add blocks: one array of all periods' cells had to be laid out again (allocated, filled,
// copied) whenever either grew, 0.2–0.3 s of M's loading and much of its garbage collection. A record gains a column
// when a new channel appears (laid out again, rarely: columns double). When the records and blocks would pass
// `denseLimit` values (a long span of periods over very many ties) the builder moves to sparse cells numbered by
// hashing, which grow only with the cells that occur.
//
// Orders are canonical, whatever the order of the rows: channels in order of their first appearance in the file,
// periods ascending. Sums run in row order. An untouched cell holds −0 and a touched one at least +0 (weights are
// added as w + 0, which turns −0 into +0), so a row of weight 0 still records its channel and period.
import type { Instant, Tie } from "../model/types.js";
import { PairIndex } from "../util/pair-index.js";
import { smallDict } from "../model/dict.js";
import { blockColumns, tiePeriods, touched, type PeriodColumns } from "./tie-periods.js";
import { CellSums, denseCells, type TieCells } from "./cell-sums.js";
import { grown } from "../util/grown.js";

const HEADER = 5;
const [WEIGHT, ROWS, DURATION, FIRST, LAST] = [0, 1, 2, 3, 4];
/** Values in the dense records and blocks before the builder turns sparse: 256 MiB. */
const DENSE_LIMIT = 1 << 25;
/** Ties per period block: 8 KB of cells. */
const BLOCK_BITS = 10;
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;

/** Every tie's two ends, in tie order: tie t runs from[t] → to[t]. */
export interface TieEnds {
  from: Int32Array;
  to: Int32Array;
}

/** A builder's ties as typed arrays and names, to pass between threads and merge into another builder. */
export interface TiePart {
  ends: TieEnds;
  /** Per tie: weight, rows, duration, first, last (NaN when no row had a timestamp). */
  header: Float64Array;
  channelNames: string[];
  /** The sums of weight and of duration over all ties (see totals()). */
  totals: [number, number];
  /** Channel numbers into channelNames. */
  channels: TieCells;
  periods: PeriodColumns;
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
  private stride = HEADER + this.channelColumns;
  private records: Float64Array = new Float64Array(this.capacity * this.stride);
  /**
   * Tie t's weight in period p is periodBlocks.get(p)[t >> BLOCK_BITS][t & BLOCK_MASK]; −0 while untouched. Holey: a
   * block exists once one of its ties has a cell in the period.
   */
  private readonly periodBlocks = new Map<number, Float64Array[]>();
  private blockCount = 0;
  /** The blocks of the period of the last row: rows in time order repeat it. */
  private lastPeriod = NaN;
  private lastBlocks: Float64Array[] = [];
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
    if (!this.sparse && c >= this.channelColumns) this.layOut(Math.max(2 * this.channelColumns, c + 1));
    // Found before the record is read: a new block may turn the builder sparse, which lays the records out again.
    const cells = this.sparse || period === null ? null : this.periodBlock(period, tie);
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
    if (cells !== null) cells[tie & BLOCK_MASK] += w;
  }

  /**
   * The ties in order of first appearance, channels in order of first appearance in the file, periods ascending.
   * `ends` (from ends()) when the caller already has them.
   */
  ties({ from, to }: TieEnds = this.ends()): Tie[] {
    const r = this.records;
    const periods = tiePeriods(this.periodCells());
    const channels = this.channelWeights();
    const ties: Tie[] = [];
    for (let t = 0; t < this.count; t++) {
      const o = t * this.stride;
      ties.push({
        from: from[t],
        to: to[t],
        weight: r[o + WEIGHT],
        rows: r[o + ROWS],
        first: Number.isNaN(r[o + FIRST]) ? null : r[o + FIRST],
        last: Number.isNaN(r[o + LAST]) ? null : r[o + LAST],
        durationMinutes: r[o + DURATION],
        channels: channels[t],
        periods: periods[t],
      });
    }
    return ties;
  }

  /** Every tie's channel weights, channels in order of first appearance in the file. */
  private channelWeights(): Record<string, number>[] {
    const { start, key, weight } = this.channelCells();
    const weights: Record<string, number>[] = [];
    for (let t = 0; t < this.count; t++) {
      const dict = smallDict<number>();
      for (let i = start[t]; i < start[t + 1]; i++) dict[this.channelNames[key[i]]] = weight[i];
      weights.push(dict);
    }
    return weights;
  }

  /** Every tie's touched channel cells, channel numbers ascending (their order of first appearance). */
  private channelCells(): TieCells {
    if (this.sparse) {
      const cells = this.sparse.channels;
      const { start, order } = cells.byTie(this.count);
      return {
        start,
        key: order.map((cell) => cells.key[cell]),
        weight: Float64Array.from(order, (c) => cells.weight[c]),
      };
    }
    return denseCells(this.records, this.count, this.stride, HEADER, this.channelNames.length);
  }

  /** Every tie's touched periods, ascending, in one pair of arrays (load/tie-periods.ts). */
  private periodCells(): PeriodColumns {
    if (this.sparse) {
      const cells = this.sparse.periods;
      const byTie = cells.byTie(this.count);
      const period = Int32Array.from(byTie.order, (cell) => cells.key[cell]);
      const weight = Float64Array.from(byTie.order, (cell) => cells.weight[cell]);
      return { start: byTie.start, period, weight };
    }
    return blockColumns(this.periodBlocks, this.count, BLOCK);
  }

  /** Every tie so far as a TiePart (to be merged into the builder of the rows before these). */
  part(): TiePart {
    const header = new Float64Array(this.count * HEADER);
    for (let t = 0; t < this.count; t++)
      header.set(this.records.subarray(t * this.stride, t * this.stride + HEADER), t * HEADER);
    const { channelNames } = this;
    const [ends, channels, periods] = [this.ends(), this.channelCells(), this.periodCells()];
    return { ends, header, channelNames, totals: this.totals(), channels, periods };
  }

  /** The sums of weight and of duration over all ties. */
  totals(): [number, number] {
    let [weight, duration] = [0, 0];
    for (let o = 0; o < this.count * this.stride; o += this.stride) {
      weight += this.records[o + WEIGHT];
      duration += this.records[o + DURATION];
    }
    return [weight, duration];
  }

  /**
   * Adds another builder's ties (part()), its people renumbered by `person`, as if its rows had been added here next:
   * new ties and channels are numbered in their order there, which is their order of first appearance. The sums are
   * added once per cell instead of row by row: the same only when all are whole numbers below 2^53 (the caller's to
   * make sure).
   */
  merge(part: TiePart, person: Int32Array): void {
    const channel = Int32Array.from(part.channelNames, (name) => this.channelNumber(name));
    const columns = this.channelNames.length;
    if (!this.sparse && columns > this.channelColumns) this.layOut(Math.max(2 * this.channelColumns, columns));
    const { ends, header, channels, periods } = part;
    for (let t = 0; t < ends.from.length; t++) {
      const tie = this.pairs.numberOf(person[ends.from[t]], person[ends.to[t]]);
      if (tie === this.count) this.newRecord();
      const r = this.records;
      const o = tie * this.stride;
      const h = t * HEADER;
      r[o + WEIGHT] += header[h + WEIGHT];
      r[o + ROWS] += header[h + ROWS];
      r[o + DURATION] += header[h + DURATION];
      // NaN (no timestamp there) leaves this tie's first and last; NaN here takes the part's.
      const [first, last] = [header[h + FIRST], header[h + LAST]];
      if (!Number.isNaN(first) && !(first >= r[o + FIRST])) r[o + FIRST] = first;
      if (!Number.isNaN(last) && !(last <= r[o + LAST])) r[o + LAST] = last;
      for (let i = channels.start[t]; i < channels.start[t + 1]; i++) {
        const c = channel[channels.key[i]];
        if (this.sparse) this.sparse.channels.add(tie, c, channels.weight[i]);
        else this.records[o + HEADER + c] += channels.weight[i];
      }
      for (let i = periods.start[t]; i < periods.start[t + 1]; i++) {
        const cells = this.sparse ? null : this.periodBlock(periods.period[i], tie);
        if (cells) cells[tie & BLOCK_MASK] += periods.weight[i];
        else this.sparse!.periods.add(tie, periods.period[i], periods.weight[i]);
      }
    }
  }

  /** from and to of every tie in order of first appearance, read back from the pair table in one pass. */
  ends(): TieEnds {
    const from = new Int32Array(this.count);
    const to = new Int32Array(this.count);
    this.pairs.forEach((f, t, tie) => {
      from[tie] = f;
      to[tie] = t;
    });
    return { from, to };
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
      if (!this.sparse && this.denseValues(2 * this.capacity, this.stride, 0) > this.denseLimit) this.turnSparse();
      this.records = grown(this.records);
      this.capacity *= 2;
    }
    const o = this.count * this.stride;
    this.records.fill(0, o, o + HEADER);
    this.records[o + FIRST] = NaN;
    this.records[o + LAST] = NaN;
    this.records.fill(-0, o + HEADER, o + this.stride);
    this.count++;
  }

  /** The block of `period` holding `tie`'s cell, made when new; null when making it turned the builder sparse. */
  private periodBlock(period: number, tie: number): Float64Array | null {
    if (period !== this.lastPeriod) {
      let blocks = this.periodBlocks.get(period);
      if (blocks === undefined) this.periodBlocks.set(period, (blocks = []));
      this.lastPeriod = period;
      this.lastBlocks = blocks;
    }
    const b = tie >> BLOCK_BITS;
    const block = this.lastBlocks[b];
    if (block !== undefined) return block;
    if (this.denseValues(this.capacity, this.stride, 1) > this.denseLimit) {
      this.turnSparse();
      return null;
    }
    this.blockCount++;
    return (this.lastBlocks[b] = new Float64Array(BLOCK).fill(-0));
  }

  /** Values the dense records and blocks would hold with this capacity and stride and `more` blocks. */
  private denseValues(capacity: number, stride: number, more: number): number {
    return capacity * stride + (this.blockCount + more) * BLOCK;
  }

  private layOut(channelColumns: number): void {
    const stride = HEADER + channelColumns;
    if (this.denseValues(this.capacity, stride, 0) > this.denseLimit) return this.turnSparse();
    const old = this.records;
    const records = new Float64Array(this.capacity * stride).fill(-0);
    for (let t = 0; t < this.count; t++) records.set(old.subarray(t * this.stride, (t + 1) * this.stride), t * stride);
    this.records = records;
    this.stride = stride;
    this.channelColumns = channelColumns;
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
    }
    for (const [period, blocks] of this.periodBlocks)
      blocks.forEach((block, b) => {
        for (let i = 0; i < BLOCK; i++) if (touched(block[i])) sparse.periods.add(b * BLOCK + i, period, block[i]);
      });
    this.records = records;
    this.periodBlocks.clear();
    this.blockCount = 0;
    this.lastPeriod = NaN;
    this.lastBlocks = [];
    this.stride = HEADER;
    this.channelColumns = 0;
    this.sparse = sparse;
  }
}
