// What reading interactions.csv builds up: the roster (from people.csv, or grown from the file's ids), the ties
// collapsed while streaming, the channels and dates seen, and the counts of rows left out and why.
import { dict } from "../model/dict.js";
import { performance } from "node:perf_hooks";
import type { InteractionData, PeopleData, Person } from "../model/types.js";
import { periodOf } from "../model/periods.js";
import type { CsvFileInfo } from "./csv.js";
import { TieBuilder } from "./tie-builder.js";
import { DateRange, summariseFile, type LoadContext } from "./context.js";
import { plural } from "../text/format.js";
import { DayTally, snapshotCadence, type SnapshotCadence } from "./cadence.js";

/** A snapshot export's cadence and its distinct dates (local days), for loadInputs to settle the period. */
export type Snapshot = SnapshotCadence & { days: number[] };

/** What every row that passed its checks comes to. */
export type Accept = (
  from: number,
  to: number,
  at: number | null,
  weight: number,
  duration: number,
  channel: string,
) => void;

export class InteractionCollector {
  readonly roster: Person[];
  readonly index: Map<string, number>;
  readonly timeZone: string;
  rows = 0;
  private selfLoops = 0;
  private outsideWindow = 0;
  private readonly known: boolean;
  private readonly ties = new TieBuilder();
  private readonly channels = new Set<string>();
  private readonly range = new DateRange();
  private readonly days: DayTally;
  // A file holds a handful of distinct channel cells: each is trimmed and lower-cased once.
  private readonly channelNames = new Map<string, string>();
  /** The period of the last instant seen: rows in time order repeat it (zones and months cost a lookup or a Date). */
  private periodAt = NaN;
  private lastChannel: string | null = null;
  private periodOfAt = 0;

  constructor(
    readonly path: string,
    people: PeopleData | null,
    readonly ctx: LoadContext,
  ) {
    this.known = people !== null;
    this.roster = people ? people.people : [];
    this.index = people ? people.index : new Map<string, number>();
    this.timeZone = ctx.config.timeZone;
    this.days = new DayTally(this.timeZone);
  }

  readonly channelOf = (cell: string): string => {
    let name = this.channelNames.get(cell);
    if (name === undefined) this.channelNames.set(cell, (name = cell.trim().toLowerCase()));
    return name;
  };

  /** The person's index; an unknown id is a problem when people.csv was given, else a new person. -1 when refused. */
  personIndex(id: string, line: number, column: string): number {
    const found = this.index.get(id);
    if (found !== undefined) return found;
    if (this.known) {
      this.ctx.problems.invalidRow(
        {
          file: this.path,
          line,
          column,
          message: `unknown person id "${id}"`,
          expected: "an id listed in people.csv",
          hint: "add the person to people.csv, or check the id's spelling and case",
        },
        "unknown person id",
      );
      return -1;
    }
    const i = this.roster.length;
    this.roster.push({ id, attributes: dict() });
    this.index.set(id, i);
    return i;
  }

  readonly accept: Accept = (from, to, at, weight, duration, channel) => {
    if (from === to) {
      this.selfLoops++;
      return;
    }
    const { since, until } = this.ctx.window;
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
      this.periodOfAt = periodOf(at, this.ctx.period, this.timeZone);
    }
    this.ties.add(from, to, weight, duration, channel, at, at === null ? null : this.periodOfAt);
  };

  /** The file's summary, notes and warnings, into the load context. */
  report(info: CsvFileInfo): void {
    const { ctx, path } = this;
    if (this.rows === 0)
      ctx.problems.add({
        file: path,
        message: "no interactions: the file has a header but no rows",
        expected: "one row per interaction (or per pair and period)",
      });
    if (this.selfLoops > 0)
      ctx.warnings.push(`${path}: ${plural(this.selfLoops, "row")} where a person interacts with themselves left out`);
    if (this.outsideWindow > 0)
      ctx.warnings.push(`${path}: ${plural(this.outsideWindow, "row")} outside --since/--until left out`);
    ctx.files.push(summariseFile("interactions", info, this.range.value));
    ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  }

  /** A snapshot export's cadence and its distinct dates, once the ties are built (see cadence.ts). */
  snapshot(interactions: InteractionData): Snapshot | null {
    const days = this.days.distinctDays();
    const cadence = interactions.timestamped ? snapshotCadence(days, interactions.ties) : null;
    return cadence && { ...cadence, days: days! };
  }

  interactions(timestamped: boolean): InteractionData {
    const dates = this.range.value;
    const { timing } = this.ctx.csv;
    const modelled = <T>(step: () => T): T => {
      const began = performance.now();
      const result = step();
      if (timing) timing.modelMs += performance.now() - began;
      return result;
    };
    const ends = modelled(() => this.ties.ends());
    // Before the Tie objects (0.4–0.6 s at M): the caller can start the network while they are built. Its
    // time is the caller's, not modelling's.
    if (this.ctx.onTieEnds && this.ctx.problems.count === 0) this.ctx.onTieEnds(this.roster.length, ends);
    const ties = modelled(() => this.ties.ties(ends));
    return {
      ties,
      rows: this.rows,
      selfLoops: this.selfLoops,
      outsideWindow: this.outsideWindow,
      timestamped,
      first: dates ? dates[0] : null,
      last: dates ? dates[1] : null,
      channels: [...this.channels].filter((c) => c !== "").sort(),
      snapshots: null,
    };
  }
}
