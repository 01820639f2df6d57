// Collapses interaction rows into ties in flat typed arrays while streaming, then builds the Tie objects once at the
// end. Touching one object, one channel record and one period Map per row (scattered over the heap) cost more than
// reading the row; flat arrays indexed by tie number keep the per-row work to a few array updates.
import type { Instant, Tie } from "../model/types.js";
import { PairIndex } from "../util/pair-index.js";

/** Doubles a typed array's length, keeping its contents. */
function grown<T extends Float64Array | Int32Array>(array: T, fill = 0): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/** Sums of weight per (tie, key) cell, cells numbered in order of first appearance. */
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
}

export class TieBuilder {
  private readonly pairs = new PairIndex();
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private weight = new Float64Array(1024);
  private rows = new Float64Array(1024);
  private duration = new Float64Array(1024);
  /** NaN until the tie has a timestamped row. */
  private first = new Float64Array(1024).fill(NaN);
  private last = new Float64Array(1024).fill(NaN);
  private readonly channelNumbers = new Map<string, number>();
  private readonly channelNames: string[] = [];
  private readonly channels = new CellSums();
  private readonly periods = new CellSums();

  /** Adds one row from → to; `at` and `period` are null for a row without a timestamp. */
  add(from: number, to: number, weight: number, duration: number, channel: string, at: Instant | null, period: number | null): void {
    const tie = this.pairs.numberOf(from, to);
    if (tie === this.from.length) this.grow();
    this.from[tie] = from;
    this.to[tie] = to;
    this.weight[tie] += weight;
    this.rows[tie]++;
    this.duration[tie] += duration;
    let c = this.channelNumbers.get(channel);
    if (c === undefined) {
      c = this.channelNames.length;
      this.channelNumbers.set(channel, c);
      this.channelNames.push(channel);
    }
    this.channels.add(tie, c, weight);
    if (at !== null) {
      // NaN comparisons are false: the first timestamp always sets both.
      if (!(at >= this.first[tie])) this.first[tie] = at;
      if (!(at <= this.last[tie])) this.last[tie] = at;
      this.periods.add(tie, period!, weight);
    }
  }

  /** The ties in order of first appearance, each with its channels and periods in order of first appearance. */
  ties(): Tie[] {
    const ties: Tie[] = [];
    for (let t = 0; t < this.pairs.size; t++) {
      ties.push({
        from: this.from[t],
        to: this.to[t],
        weight: this.weight[t],
        rows: this.rows[t],
        first: Number.isNaN(this.first[t]) ? null : this.first[t],
        last: Number.isNaN(this.last[t]) ? null : this.last[t],
        durationMinutes: this.duration[t],
        channels: {},
        periods: new Map(),
      });
    }
    const { channels, periods } = this;
    for (let cell = 0; cell < channels.size; cell++) ties[channels.tie[cell]].channels[this.channelNames[channels.key[cell]]] = channels.weight[cell];
    for (let cell = 0; cell < periods.size; cell++) ties[periods.tie[cell]].periods.set(periods.key[cell], periods.weight[cell]);
    return ties;
  }

  private grow(): void {
    this.from = grown(this.from);
    this.to = grown(this.to);
    this.weight = grown(this.weight);
    this.rows = grown(this.rows);
    this.duration = grown(this.duration);
    this.first = grown(this.first, NaN);
    this.last = grown(this.last, NaN);
  }
}
