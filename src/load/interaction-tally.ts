// What the accepted interaction rows of a file (or of one stretch of it) come to: ties collapsed while streaming, the
// channels and dates seen, and the rows left out as self-loops or outside --since/--until. One per file on the main
// thread (interaction-collector.ts); one per later stretch on a worker thread (interactions-range.ts), whose tally is
// merged in after the main thread's as if its rows had come next (merge, below).
import type { PeriodKind } from "../model/periods.js";
import { periodOf } from "../model/periods.js";
import { DayTally } from "./cadence.js";
import { DateRange } from "./context.js";
import { TieBuilder, type TiePart } from "./tie-builder.js";

/** What every row that passed its checks comes to. */
export type Accept = (
  from: number,
  to: number,
  at: number | null,
  weight: number,
  duration: number,
  channel: string,
) => void;

/** What a tally needs of the run's settings: plain values, so a worker thread can be given them. */
export interface TallySettings {
  timeZone: string;
  period: PeriodKind;
  window: { since: number | null; until: number | null };
}

/** A tally as plain values and typed arrays, to pass between threads (see InteractionTally.part). */
export interface TallyPart {
  selfLoops: number;
  outsideWindow: number;
  range: [number, number] | null;
  days: number[] | null;
  ties: TiePart;
}

export class InteractionTally {
  selfLoops = 0;
  outsideWindow = 0;
  readonly ties = new TieBuilder();
  readonly channels = new Set<string>();
  readonly range = new DateRange();
  readonly days: DayTally;
  // A file holds a handful of distinct channel cells: each is trimmed and lower-cased once.
  private readonly channelNames = new Map<string, string>();
  /** The period of the last instant seen: rows in time order repeat it (zones and months cost a lookup or a Date). */
  private periodAt = NaN;
  private lastChannel: string | null = null;
  private periodOfAt = 0;

  constructor(private readonly settings: TallySettings) {
    this.days = new DayTally(settings.timeZone);
  }

  readonly channelOf = (cell: string): string => {
    let name = this.channelNames.get(cell);
    if (name === undefined) this.channelNames.set(cell, (name = cell.trim().toLowerCase()));
    return name;
  };

  readonly accept: Accept = (from, to, at, weight, duration, channel) => {
    if (from === to) {
      this.selfLoops++;
      return;
    }
    const { since, until } = this.settings.window;
    if (at !== null && ((since !== null && at < since) || (until !== null && at >= until))) {
      this.outsideWindow++;
      return;
    }
    if (at !== null) {
      this.range.add(at);
      this.days.add(at);
    }
    if (channel !== this.lastChannel) {
      this.channels.add(channel);
      this.lastChannel = channel;
    }
    if (at !== null && at !== this.periodAt) {
      this.periodAt = at;
      this.periodOfAt = periodOf(at, this.settings.period, this.settings.timeZone);
    }
    this.ties.add(from, to, weight, duration, channel, at, at === null ? null : this.periodOfAt);
  };

  part(): TallyPart {
    const { selfLoops, outsideWindow } = this;
    return {
      selfLoops,
      outsideWindow,
      range: this.range.value,
      days: this.days.distinctDays(),
      ties: this.ties.part(),
    };
  }

  /**
   * Adds the tally of the rows after this one's (another thread's), people renumbered by `person`, as if they had been
   * accepted here next. Counts, sets, minima and maxima merge exactly in any order; the sums do when every one of them
   * is a whole number below 2^53 (the caller checks: interactions-split.ts).
   */
  merge(part: TallyPart, person: Int32Array): void {
    this.selfLoops += part.selfLoops;
    this.outsideWindow += part.outsideWindow;
    if (part.range) for (const at of part.range) this.range.add(at);
    this.days.merge(part.days);
    for (const channel of part.ties.channelNames) this.channels.add(channel);
    this.ties.merge(part.ties, person);
  }
}
