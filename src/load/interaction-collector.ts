// What reading interactions.csv builds up: the roster (from people.csv, or grown from the file's ids), the ties
// collapsed while streaming, the channels and dates seen, and the counts of rows left out and why (interaction-tally.ts).
import { dict } from "../model/dict.js";
import { performance } from "node:perf_hooks";
import type { InteractionData, PeopleData, Person } from "../model/types.js";
import type { CsvFileInfo } from "./csv.js";
import { summariseFile, type LoadContext } from "./context.js";
import { plural } from "../text/format.js";
import { snapshotCadence, type SnapshotCadence } from "./cadence.js";
import { InteractionTally, type Accept } from "./interaction-tally.js";
import type { RangePart } from "./interactions-range.js";

/** A snapshot export's cadence and its distinct dates (local days), for loadInputs to settle the period. */
export type Snapshot = SnapshotCadence & { days: number[] };

export class InteractionCollector {
  readonly roster: Person[];
  readonly index: Map<string, number>;
  readonly timeZone: string;
  rows = 0;
  /**
   * Whether a row accepted so far had a weight or duration that is not a whole number: the sums are then no longer
   * exact whatever their order, and a later stretch read on another thread cannot be merged in (interactions-split.ts).
   */
  fractional = false;
  /** Whether people.csv was given: an unknown id is then a problem, else a new person. */
  readonly known: boolean;
  readonly tally: InteractionTally;
  readonly channelOf: (cell: string) => string;
  readonly accept: Accept;

  constructor(
    readonly path: string,
    people: PeopleData | null,
    readonly ctx: LoadContext,
  ) {
    this.known = people !== null;
    this.roster = people ? people.people : [];
    this.index = people ? people.index : new Map<string, number>();
    this.timeZone = ctx.config.timeZone;
    this.tally = new InteractionTally({ timeZone: this.timeZone, period: ctx.period, window: ctx.window });
    this.channelOf = this.tally.channelOf;
    this.accept = this.tally.accept;
  }

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
    return this.newPerson(id);
  }

  /** A person not seen before (no people.csv), numbered next. */
  newPerson(id: string): number {
    const i = this.roster.length;
    this.roster.push({ id, attributes: dict() });
    this.index.set(id, i);
    return i;
  }

  /** The rows of a later stretch read on a worker thread (interactions-split.ts), as if they had been read here next. */
  merge(part: RangePart): void {
    // The worker numbered the people it was given as here, and those it met first from part.base on.
    const person = new Int32Array(part.base + part.people.length).map((_, i) => i);
    part.people.forEach((id, k) => (person[part.base + k] = this.index.get(id) ?? this.newPerson(id)));
    this.rows += part.rows;
    this.tally.merge(part.tally, person);
  }

  /** The file's summary, notes and warnings, into the load context. */
  report(info: CsvFileInfo): void {
    const { ctx, path } = this;
    const { selfLoops, outsideWindow } = this.tally;
    if (this.rows === 0)
      ctx.problems.add({
        file: path,
        message: "no interactions: the file has a header but no rows",
        expected: "one row per interaction (or per pair and period)",
      });
    if (selfLoops > 0)
      ctx.warnings.push(`${path}: ${plural(selfLoops, "row")} where a person interacts with themselves left out`);
    if (outsideWindow > 0)
      ctx.warnings.push(`${path}: ${plural(outsideWindow, "row")} outside --since/--until left out`);
    ctx.files.push(summariseFile("interactions", info, this.tally.range.value));
    ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  }

  /** A snapshot export's cadence and its distinct dates, once the ties are built (see cadence.ts). */
  snapshot(interactions: InteractionData): Snapshot | null {
    const days = this.tally.days.distinctDays();
    const cadence = interactions.timestamped ? snapshotCadence(days, interactions.ties) : null;
    return cadence && { ...cadence, days: days! };
  }

  interactions(timestamped: boolean): InteractionData {
    const { tally } = this;
    const dates = tally.range.value;
    const { timing } = this.ctx.csv;
    const modelled = <T>(step: () => T): T => {
      const began = performance.now();
      const result = step();
      if (timing) timing.modelMs += performance.now() - began;
      return result;
    };
    const ends = modelled(() => tally.ties.ends());
    // Before the Tie objects (0.4–0.6 s at M): the caller can start the network while they are built. Its
    // time is the caller's, not modelling's.
    if (this.ctx.onTieEnds && this.ctx.problems.count === 0) this.ctx.onTieEnds(this.roster.length, ends);
    const ties = modelled(() => tally.ties.ties(ends));
    return {
      ties,
      rows: this.rows,
      selfLoops: tally.selfLoops,
      outsideWindow: tally.outsideWindow,
      timestamped,
      first: dates ? dates[0] : null,
      last: dates ? dates[1] : null,
      channels: [...tally.channels].filter((c) => c !== "").sort(),
      snapshots: null,
    };
  }
}
