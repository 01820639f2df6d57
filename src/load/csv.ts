// Streaming CSV reader: encoding and delimiter sniffed and reported, strict about shape, exact about where.
// Rows are handed to a consumer one at a time and never kept, so memory does not grow with the file.
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse, CsvError } from "csv-parse";
import { InputError, type Problem } from "../errors.js";

export interface CsvReadOptions {
  /** A WHATWG encoding label such as "windows-1252"; default: sniff the BOM, else strict UTF-8. */
  encoding?: string;
  /** Force the delimiter instead of sniffing it from the header line. */
  delimiter?: string;
  /** Lines to skip before the header (for survey tools that write a preamble). */
  skipRows?: number;
  /** Called with the bytes read so far, for progress on a TTY. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** When set (--skip-invalid-rows), a ragged row is handed here and left out instead of ending the read. */
  onInvalidRow?: (problem: Problem & { file: string; line: number }, reason: string) => void;
}

export interface CsvFileInfo {
  path: string;
  encoding: string;
  delimiter: string;
  header: string[];
  /** Data rows handed to the consumer. */
  rows: number;
  notes: string[];
}

/** Consumes one data row. `line` is the 1-based physical line where the row starts. */
export type RowConsumer = (fields: string[], line: number) => void;

/** Given the header, returns the row consumer (a loader maps columns once, then reads rows by index). */
export type HeaderHandler = (header: string[], info: CsvFileInfo) => RowConsumer;

const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"];
const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };
export const delimiterName = (d: string) => DELIMITER_NAMES[d] ?? JSON.stringify(d);

export async function readCsv(path: string, options: CsvReadOptions, onHeader: HeaderHandler): Promise<CsvFileInfo> {
  const file = path;
  let totalBytes: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError({ file, message: "expected a CSV file but found a folder" });
    totalBytes = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file, message: "cannot read the file", found: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (totalBytes === 0) throw new InputError({ file, message: "the file is empty", expected: "a header row and at least one data row" });

  const encoding = options.encoding ? normaliseEncoding(options.encoding, file) : sniffEncoding(path);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const info: CsvFileInfo = { path, encoding, delimiter: options.delimiter ?? ",", header: [], rows: 0, notes: [] };

  let consumer: RowConsumer | null = null;
  let expectedFields = 0;
  // Qualtrics writes two more header rows (question text, import ids) after the real header. The first data row is
  // held until the second shows whether that is so.
  let held: { record: string[]; line: number } | null = null;
  let qualtricsDecided = false;
  let lastEndLine = options.skipRows ?? 0;
  let lastEmptyLines = 0;
  let headerLine = 0;

  const emit = (record: string[], line: number) => {
    info.rows++;
    consumer!(record, line);
  };

  const handleRecord = (record: string[], startLine: number) => {
    if (!consumer) {
      headerLine = startLine;
      info.header = checkHeader(record, file, startLine, info.notes);
      expectedFields = record.length;
      consumer = onHeader(info.header, info);
      return;
    }
    // Blank lines, lines of only delimiters (an Excel habit) and stray carriage returns carry no data.
    if (record.every((field) => field.trim() === "")) return;
    if (record.length !== expectedFields) {
      // Trailing empty fields (an Excel habit) are harmless; anything else is a ragged row.
      const trimmed = trimTrailingEmpty(record, expectedFields);
      if (trimmed.length !== expectedFields) {
        const problem = {
          file,
          line: startLine,
          message: "this row has a different number of fields from the header",
          expected: `${expectedFields} fields (as in the header on line ${headerLine})`,
          found: `${record.length} fields`,
          hint:
            record.length > expectedFields
              ? `a field probably contains an unquoted ${delimiterName(info.delimiter)}: wrap it in double quotes`
              : "a field may be missing, or a quoted field is not closed",
        };
        if (!options.onInvalidRow) throw new InputError(problem);
        return options.onInvalidRow(problem, "a different number of fields from the header");
      }
      record = trimmed;
    }
    if (qualtricsDecided) return emit(record, startLine);
    if (!held) {
      if (isQualtricsLegacyTextRow(info.header, record)) {
        info.notes.push(`skipped line ${startLine}: the second header row of a legacy Qualtrics export`);
        qualtricsDecided = true;
        return;
      }
      held = { record, line: startLine };
      return;
    }
    qualtricsDecided = true;
    if (isQualtricsImportIdRow(record)) {
      info.notes.push(`skipped lines ${held.line} and ${startLine}: Qualtrics header rows (question text and import ids)`);
      held = null;
      return;
    }
    emit(held.record, held.line);
    held = null;
    emit(record, startLine);
  };

  info.delimiter = options.delimiter ?? sniffDelimiter(readHeaderLine(path, encoding, options.skipRows ?? 0), info.notes);
  const parser = parse({
    delimiter: info.delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    from_line: (options.skipRows ?? 0) + 1,
    info: true,
  });
  let bytesDecoded = 0;
  const decode = new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        bytesDecoded += chunk.length;
        options.onProgress?.(bytesDecoded, totalBytes);
        callback(null, text);
      } catch {
        callback(encodingError(path, file, encoding, bytesDecoded));
      }
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(encodingError(path, file, encoding, bytesDecoded));
      }
    },
  });
  const piping = pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), decode, parser);
  piping.catch(() => undefined); // errors surface through the iteration below
  try {
    for await (const { record, info: recordInfo } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      // The record ends on recordInfo.lines; it starts after the previous record and any blank lines between.
      const startLine = lastEndLine + 1 + (recordInfo.empty_lines - lastEmptyLines);
      lastEndLine = recordInfo.lines;
      lastEmptyLines = recordInfo.empty_lines;
      handleRecord(record, startLine);
    }
  } catch (error) {
    parser.destroy();
    if (error instanceof CsvError) throw csvParseError(error, file);
    throw error;
  }
  const unheld = held as { record: string[]; line: number } | null; // assigned inside the row callback
  if (unheld) emit(unheld.record, unheld.line);
  if (!consumer) throw new InputError({ file, message: "the file has no header row", expected: "a header row naming the columns" });
  if (info.encoding !== "utf-8") info.notes.push(`read as ${info.encoding}`);
  return info;
}

function normaliseEncoding(label: string, file: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new InputError({ file, message: `unknown encoding "${label}"`, expected: "an encoding such as utf-8, windows-1252, utf-16le, iso-8859-1" });
  }
}

/** A BOM decides; without one the file must be UTF-8 (other encodings need --encoding). */
function sniffEncoding(path: string): string {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(3);
    const n = readSync(fd, head, 0, 3, 0);
    if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
    if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
    return "utf-8";
  } finally {
    closeSync(fd);
  }
}

/** Finds the first invalid UTF-8 sequence so the error can name its line. Only runs on the failure path. */
function encodingError(path: string, file: string, encoding: string, decodedBefore: number): InputError {
  if (encoding !== "utf-8") {
    return new InputError({ file, message: `the file is not valid ${encoding}`, hint: "check the export settings or pass the right --encoding" });
  }
  const fd = openSync(path, "r");
  const size = statSync(path).size;
  const buffer = Buffer.alloc(Math.min(size, decodedBefore + (1 << 20) + 4));
  readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const offset = firstInvalidUtf8(buffer);
  let line = 1;
  for (let i = 0; i < offset; i++) if (buffer[i] === 0x0a) line++;
  const byte = offset < buffer.length ? `byte 0x${buffer[offset].toString(16).toUpperCase().padStart(2, "0")}` : "a truncated character";
  return new InputError({
    file,
    line,
    message: "the file is not valid UTF-8",
    found: `${byte} at byte offset ${offset}`,
    hint: "it was probably saved by Excel in a Windows encoding: rerun with --encoding windows-1252 (or save as CSV UTF-8)",
  });
}

function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** The header line (after `skip` lines), decoded from the start of the file, to sniff the delimiter. */
function readHeaderLine(path: string, encoding: string, skip: number): string {
  const fd = openSync(path, "r");
  const head = Buffer.alloc(1 << 20);
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = new TextDecoder(encoding).decode(head.subarray(0, n), { stream: true });
  return text.split("\n")[skip] ?? "";
}

/** The delimiter that occurs most often outside quotes on the header line; comma when none does. */
export function sniffDelimiter(headerLine: string, notes: string[]): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && CANDIDATE_DELIMITERS.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  if (best !== ",") notes.push(`${delimiterName(best)}-separated`);
  return best;
}

function checkHeader(record: string[], file: string, line: number, notes: string[]): string[] {
  const header = record.map((h) => h.trim());
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") {
      if (i === header.length - 1) notes.push(`ignored an unnamed last column (a trailing delimiter on the header line)`);
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

function csvParseError(error: CsvError, file: string): InputError {
  const line = (error as unknown as { lines?: number }).lines;
  const hints: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: "a double quote opens a field but never closes it: check for a stray \" in that row",
    CSV_INVALID_CLOSING_QUOTE: 'a quoted field has text after its closing quote: write a literal quote as "" inside a quoted field',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted field has text after its closing quote: write a literal quote as "" inside a quoted field',
  };
  return new InputError({ file, line, message: "the file is not well-formed CSV", found: error.message.replace(/^Invalid [^:]*: /, ""), hint: hints[error.code] });
}
