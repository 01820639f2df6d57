// From records to rows: the header (checked once), ragged rows, the extra header rows Qualtrics writes, and the
// hand-over of each data row to the loader's consumer (timed as modelling when timings are asked for).
import { performance } from "node:perf_hooks";
import { InputError } from "../model/problems.js";
import { delimiterName } from "../text/format.js";
import type {
  ByteLineReader,
  CsvFileInfo,
  CsvReadOptions,
  HeaderHandler,
  LineReader,
  RowConsumer,
} from "./csv-types.js";

interface HeldRow {
  record: string[];
  line: number;
}

export class RecordRouter {
  private consumer: RowConsumer | null = null;
  private lineReader: LineReader | null = null;
  private byteReader: ByteLineReader | null = null;
  private expectedFields = 0;
  private headerLine = 0;
  // Qualtrics writes two more header rows (question text, import ids) after the real header. The first data row is
  // held until the second shows whether that is so.
  private held: HeldRow | null = null;
  private qualtricsDecided = false;
  /** Inside `batch`, which times the rows itself. */
  private batching = false;

  constructor(
    private readonly info: CsvFileInfo,
    private readonly onHeader: HeaderHandler,
    private readonly options: Pick<CsvReadOptions, "timing" | "onInvalidRow">,
  ) {}

  /** One record as parsed (fields, and the line it starts on). */
  readonly record = (record: string[], startLine: number): void => {
    if (!this.consumer) return this.header(record, startLine);
    // Blank lines, lines of only delimiters (an Excel habit) and stray carriage returns carry no data.
    if (record.every((field) => field.trim() === "")) return;
    const shaped = this.shaped(record, startLine);
    if (shaped) this.data(shaped, startLine);
  };

  /** A line the loader reads itself is a row like any other: counted, and timed as modelling (see `batch`). */
  readonly line = (text: string, line: number): boolean => {
    if (!this.lineReader || !this.qualtricsDecided) return false;
    const read = this.lineReader(text, line);
    if (read) this.info.rows++;
    return read;
  };

  /** A line the loader reads from its bytes, likewise (csv-bytes.ts); false when the loader has no byte reader. */
  readonly bytes = (bytes: Uint8Array, starts: Int32Array, fields: number, line: number): boolean => {
    if (!this.byteReader || !this.qualtricsDecided) return false;
    const read = this.byteReader(bytes, starts, fields, line);
    if (read) this.info.rows++;
    return read;
  };

  /**
   * Runs the hand-over of a batch of lines (to `line` or `record`), timed as modelling as a whole: two clock reads
   * per row cost 0.2 s of a million-row file. The loop that hands them over is timed with them.
   */
  batch(run: () => void): void {
    const timing = this.options.timing;
    if (!timing || this.batching) return run();
    const started = performance.now();
    this.batching = true;
    try {
      run();
    } finally {
      this.batching = false;
      timing.modelMs += performance.now() - started;
    }
  }

  /** At the end of the file: the row still held is data after all; a file without a header is an error. */
  finish(): void {
    if (this.held) this.emit(this.held.record, this.held.line);
    this.held = null;
    if (!this.consumer)
      throw new InputError({
        file: this.info.path,
        message: "the file has no header row",
        expected: "a header row naming the columns",
      });
  }

  private header(record: string[], line: number): void {
    this.headerLine = line;
    this.info.header = checkHeader(record, this.info.path, line, this.info.notes);
    this.expectedFields = record.length;
    const handler = this.onHeader(this.info.header, this.info);
    if (typeof handler === "function") this.consumer = handler;
    else {
      ({ row: this.consumer, line: this.lineReader } = handler);
      this.byteReader = handler.bytes ?? null;
    }
  }

  /** The record with the header's number of fields, or null when it is ragged and left out. */
  private shaped(record: string[], line: number): string[] | null {
    if (record.length === this.expectedFields) return record;
    // Trailing empty fields (an Excel habit) are harmless; anything else is a ragged row.
    const trimmed = trimTrailingEmpty(record, this.expectedFields);
    if (trimmed.length === this.expectedFields) return trimmed;
    const problem = {
      file: this.info.path,
      line,
      message: "this row has a different number of fields from the header",
      expected: `${this.expectedFields} fields (as in the header on line ${this.headerLine})`,
      found: `${record.length} fields`,
      hint:
        record.length > this.expectedFields
          ? `a field probably contains an unquoted ${delimiterName(this.info.delimiter)}: wrap it in double quotes`
          : "a field may be missing, or a quoted field is not closed",
    };
    if (!this.options.onInvalidRow) throw new InputError(problem);
    this.options.onInvalidRow(problem, "wrong number of fields");
    return null;
  }

  private data(record: string[], line: number): void {
    if (this.qualtricsDecided) return this.emit(record, line);
    if (!this.held) {
      if (isQualtricsLegacyTextRow(this.info.header, record)) {
        this.info.notes.push(`skipped line ${line}: the second header row of a legacy Qualtrics export`);
        this.qualtricsDecided = true;
        return;
      }
      this.held = { record, line };
      return;
    }
    this.qualtricsDecided = true;
    const held = this.held;
    this.held = null;
    if (isQualtricsImportIdRow(record)) {
      this.info.notes.push(
        `skipped lines ${held.line} and ${line}: Qualtrics header rows (question text and import ids)`,
      );
      return;
    }
    this.emit(held.record, held.line);
    this.emit(record, line);
  }

  private emit(record: string[], line: number): void {
    this.info.rows++;
    const timing = this.options.timing;
    if (!timing || this.batching) return this.consumer!(record, line);
    const started = performance.now();
    this.consumer!(record, line);
    timing.modelMs += performance.now() - started;
  }
}

function checkHeader(record: string[], file: string, line: number, notes: string[]): string[] {
  const header = record.map((h) => h.trim());
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") {
      if (i === header.length - 1)
        notes.push(`ignored an unnamed last column (a trailing delimiter on the header line)`);
      else notes.push(`column ${i + 1} has no name and is ignored`);
      return;
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError({
        file,
        line,
        column: i + 1,
        message: `duplicate column name "${name}"`,
        expected: "each column name once",
        found: `"${name}" in columns ${first + 1} and ${i + 1}`,
        hint: "rename one of them",
      });
    }
    seen.set(key, i);
  });
  return header;
}

function trimTrailingEmpty(record: string[], expected: number): string[] {
  if (record.length <= expected) return record;
  for (let i = expected; i < record.length; i++) if (record[i].trim() !== "") return record;
  return record.slice(0, expected);
}

function isQualtricsImportIdRow(record: string[]): boolean {
  const filled = record.filter((f) => f.trim() !== "");
  return filled.length > 0 && filled.every((f) => /^\{\s*["']ImportId["']\s*:/.test(f.trim()));
}

function isQualtricsLegacyTextRow(header: string[], secondRow: string[]): boolean {
  return header[0] === "V1" && header[1] === "V2" && secondRow.some((f) => /^ResponseI[Dd]$/.test(f.trim()));
}
