// A later stretch of interactions.csv, read on a worker thread (interactions-worker.ts) while the main thread reads
// the file up to it (interactions-split.ts). It reads only what the main thread's byte path reads as a plain row
// (interactions-bytes.ts, the same reader): ASCII lines ending in LF, without quotes, every row accepted as it stands.
// At anything else — a line that is not plain, a row the byte reader leaves to the row consumer (a date to interpret,
// a decimal, an unknown id, a problem) — it stops, and the main thread reads the whole stretch itself, as it always
// did: every message, and its place among the others, stays the main thread's.
import { isAscii } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { PlainLines } from "./csv-bytes.js";
import { plainBytesReader } from "./interactions-bytes.js";
import { InteractionTally, type TallyPart, type TallySettings } from "./interaction-tally.js";

/** What the stretch's rows need, as plain values for a worker thread. */
export interface RangeSetup extends TallySettings {
  delimiter: string;
  fieldCount: number;
  /** The column of each interaction field, −1 when the file has none. */
  col: Record<"from" | "to" | "timestamp" | "channel" | "weight" | "duration", number>;
  /** The people numbered when the stretch is handed out: ids[i] is person numbers[i]. */
  ids: string[];
  numbers: Int32Array;
  /** people.csv was given: an id not among them is a problem (the main thread's), not a new person. */
  known: boolean;
}

/** A stretch read: its rows, the people first seen in it (no people.csv), numbered from `base` on, and its tally. */
export interface RangePart {
  rows: number;
  base: number;
  people: string[];
  tally: TallyPart;
}

/** A row's id is a new person when it is as the row consumer would take it: not empty, no space around it. */
const plainId = (id: string) => id.length > 0 && id.trim() === id;

class RangeReader {
  private stopped = false;
  private rows = 0;
  private readonly base: number;
  private readonly people: string[] = [];
  private readonly tally: InteractionTally;
  private readonly lines: PlainLines;

  constructor(setup: RangeSetup) {
    const index = new Map<string, number>();
    setup.ids.forEach((id, i) => index.set(id, setup.numbers[i]));
    this.base = setup.numbers.reduce((most, n) => Math.max(most, n + 1), 0);
    const person = (id: string): number | undefined => {
      const found = index.get(id);
      if (found !== undefined || setup.known || !plainId(id)) return found;
      index.set(id, this.base + this.people.length);
      return this.base + this.people.push(id) - 1;
    };
    this.tally = new InteractionTally(setup);
    const { fieldCount, col, timeZone, delimiter } = setup;
    const reader = plainBytesReader(fieldCount, col, person, this.tally.channelOf, timeZone, this.tally.accept);
    const router = {
      bytes: (bytes: Uint8Array, starts: Int32Array, fields: number, line: number) => {
        if (!this.stopped && reader(bytes, starts, fields, line)) {
          this.rows++;
          return true;
        }
        this.stopped = true;
        return false;
      },
      line: () => false,
      batch: (run: () => void) => run(),
    };
    this.lines = new PlainLines(delimiter, () => (this.stopped = true), router);
    this.lines.ending = "\n";
  }

  /** Reads the complete lines of bytes; the position after the last, or −1 once the stretch is not for this reader. */
  read(bytes: Buffer): number {
    if (this.stopped || !isAscii(bytes)) return this.stop();
    const end = this.lines.readLines(bytes);
    return end < 0 || this.stopped ? this.stop() : end;
  }

  /** Reads the file's last line, which has no line ending; false when the stretch is not for this reader. */
  readLast(bytes: Buffer): boolean {
    return !this.stopped && isAscii(bytes) && this.lines.readLine(bytes, 0, bytes.length) && !this.stopped;
  }

  part(): RangePart | null {
    if (this.stopped) return null;
    return { rows: this.rows, base: this.base, people: this.people, tally: this.tally.part() };
  }

  private stop(): number {
    this.stopped = true;
    return -1;
  }
}

/** Reads the file from `offset` (the start of a line) to its end; null when the stretch is not for a range reader. */
export function readRange(path: string, offset: number, setup: RangeSetup, chunkBytes = 1 << 20): RangePart | null {
  const reader = new RangeReader(setup);
  const file = openSync(path, "r");
  try {
    let buffer = Buffer.allocUnsafe(chunkBytes);
    /** Bytes of an unfinished line at the start of the buffer. */
    let carry = 0;
    for (let position = offset; ;) {
      // A line longer than the buffer: a larger one.
      if (carry === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const read = readSync(file, buffer, carry, buffer.length - carry, position);
      if (read === 0) break;
      position += read;
      const bytes = buffer.subarray(0, carry + read);
      const end = reader.read(bytes);
      if (end < 0) return null;
      bytes.copyWithin(0, end);
      carry = bytes.length - end;
    }
    if (carry > 0 && !reader.readLast(buffer.subarray(0, carry))) return null;
    return reader.part();
  } finally {
    closeSync(file);
  }
}
