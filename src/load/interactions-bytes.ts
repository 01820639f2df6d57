// The interactions loader's byte line reader (csv-bytes.ts): a plain row read straight from its bytes, as
// interactions.ts plainLineReader reads it from its line of text, to the same verdict on every row
// (test/perf/interactions-plain-rows.test.ts). Ids and channels are looked up by their bytes, timestamps parsed once
// per run of rows with the same timestamp (exports come in time order), counts read digit by digit.
import type { ByteLineReader } from "./csv-types.js";
import { ByteTable } from "./byte-table.js";
import type { Accept } from "./interaction-tally.js";
import { plainDateAt } from "./values.js";

/** The column of each interaction field, −1 when the file has none (interactions.ts resolves them). */
type Columns = Record<"from" | "to" | "timestamp" | "channel" | "weight" | "duration", number>;

export function plainBytesReader(
  fieldCount: number,
  col: Columns,
  person: (id: string) => number | undefined,
  channelOf: (cell: string) => string,
  timeZone: string,
  accept: Accept,
): ByteLineReader {
  const ids = new ByteTable(person);
  const channelCells = new ByteTable(channelOf);
  const timestamps = new TimestampCache(timeZone);
  return (bytes, starts, fields) => {
    if (fields !== fieldCount) return false;
    // Ids in the index are trimmed, so a cell with surrounding space finds none and goes to the text path.
    const from = ids.get(bytes, starts[col.from], starts[col.from + 1] - 1) ?? -1;
    const to = ids.get(bytes, starts[col.to], starts[col.to + 1] - 1) ?? -1;
    if (from < 0 || to < 0) return false;
    let at: number | null = null;
    const t = col.timestamp;
    if (t >= 0 && starts[t + 1] - 1 > starts[t]) {
      at = timestamps.at(bytes, starts[t], starts[t + 1] - 1);
      if (Number.isNaN(at)) return false;
    }
    const weight = count(bytes, starts, col.weight, 1);
    const duration = count(bytes, starts, col.duration, 0);
    if (Number.isNaN(weight) || Number.isNaN(duration)) return false;
    const c = col.channel;
    const channel = c >= 0 ? channelCells.get(bytes, starts[c], starts[c + 1] - 1)! : "";
    accept(from, to, at, weight, duration, channel);
    return true;
  };
}

/** A whole-number cell of 1 to 15 digits, `missing` for an empty cell (or no column), NaN for anything else. */
function count(bytes: Uint8Array, starts: Int32Array, f: number, missing: number): number {
  if (f < 0) return missing;
  const start = starts[f];
  const end = starts[f + 1] - 1;
  if (end === start) return missing;
  if (end - start > 15) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = bytes[i] - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** The instant of the last timestamp cell parsed, kept with its bytes: the next row usually has the same. */
class TimestampCache {
  private readonly last = new Uint8Array(32);
  private lastLength = -1;
  private value = NaN;

  constructor(private readonly timeZone: string) {}

  /** plainDateAt of bytes[start, end): NaN when it is not a plain ISO timestamp. */
  at(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length === this.lastLength && this.same(bytes, start, length)) return this.value;
    // Longer than any plain timestamp: not one.
    if (length > this.last.length) return NaN;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1", start, end);
    this.value = plainDateAt(text, 0, length, this.timeZone);
    this.last.set(bytes.subarray(start, end));
    this.lastLength = length;
    return this.value;
  }

  private same(bytes: Uint8Array, start: number, length: number): boolean {
    // From the end: timestamps in time order differ in their last digits first.
    for (let i = length - 1; i >= 0; i--) if (this.last[i] !== bytes[start + i]) return false;
    return true;
  }
}
