// Streaming CSV reader: encoding and delimiter sniffed and reported, strict about shape, exact about where.
// Rows are handed to a consumer one at a time and never kept, so memory does not grow with the file.
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
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
  /** Bytes read at a time (default 1 MiB); small values let tests cross chunk boundaries everywhere. */
  chunkBytes?: number;
  /** "csv-parse" reads every file with csv-parse, skipping the plain-file path (for the tests that prove them equal). */
  parser?: "auto" | "csv-parse";
  /** When given, the time spent in the row consumer (building the model) is added here, for phase timings. */
  timing?: { modelMs: number };
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

/**
 * Reads a row straight from its line of a plain file, without cutting it into field strings (the fast path of a
 * large file). Returns false for anything it is not sure of; the line is then split and given to the row consumer,
 * which must reach the same result. Called only once the header rows are settled.
 */
export type LineReader = (text: string, line: number) => boolean;

/** Given the header, returns the row consumer (a loader maps columns once, then reads rows by index), and optionally a line reader. */
export type HeaderHandler = (
  header: string[],
  info: CsvFileInfo,
) => RowConsumer | { row: RowConsumer; line: LineReader };

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
    throw new InputError({
      file,
      message: "cannot read the file",
      found: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (totalBytes === 0)
    throw new InputError({ file, message: "the file is empty", expected: "a header row and at least one data row" });

  const encoding = options.encoding ? normaliseEncoding(options.encoding, file) : sniffEncoding(path);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const info: CsvFileInfo = { path, encoding, delimiter: options.delimiter ?? ",", header: [], rows: 0, notes: [] };

  let consumer: RowConsumer | null = null;
  let lineReader: LineReader | null = null;
  let expectedFields = 0;
  // Qualtrics writes two more header rows (question text, import ids) after the real header. The first data row is
  // held until the second shows whether that is so.
  let held: { record: string[]; line: number } | null = null;
  let qualtricsDecided = false;
  let headerLine = 0;

  const timing = options.timing;
  const emit = (record: string[], line: number) => {
    info.rows++;
    if (!timing) return consumer!(record, line);
    const started = performance.now();
    consumer!(record, line);
    timing.modelMs += performance.now() - started;
  };

  const handleRecord = (record: string[], startLine: number) => {
    if (!consumer) {
      headerLine = startLine;
      info.header = checkHeader(record, file, startLine, info.notes);
      expectedFields = record.length;
      const handler = onHeader(info.header, info);
      if (typeof handler === "function") consumer = handler;
      else ({ row: consumer, line: lineReader } = handler);
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
        return options.onInvalidRow(problem, "wrong number of fields");
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
      info.notes.push(
        `skipped lines ${held.line} and ${startLine}: Qualtrics header rows (question text and import ids)`,
      );
      held = null;
      return;
    }
    emit(held.record, held.line);
    held = null;
    emit(record, startLine);
  };

  // A line the loader reads itself is a row like any other: counted, and timed as modelling.
  const readLine = (text: string, line: number): boolean => {
    if (!lineReader || !qualtricsDecided) return false;
    const started = timing ? performance.now() : 0;
    const read = lineReader(text, line);
    if (timing) timing.modelMs += performance.now() - started;
    if (read) info.rows++;
    return read;
  };

  info.delimiter =
    options.delimiter ?? sniffDelimiter(readHeaderLine(path, encoding, options.skipRows ?? 0), info.notes);
  const chunks = decodedChunks(path, file, encoding, decoder, options.chunkBytes ?? 1 << 20, (read) =>
    options.onProgress?.(read, totalBytes),
  );
  try {
    // Plain files (no quotes, one line ending) are split directly; csv-parse takes over at the first line that is not.
    const plain = options.parser !== "csv-parse" && !options.skipRows && isPlainDelimiter(info.delimiter);
    const handover = plain ? await readPlainLines(chunks, info.delimiter, handleRecord, readLine) : null;
    if (!plain || handover) {
      await readWithCsvParse(
        chunks,
        handover ?? { text: "", line: 0, ending: null },
        { delimiter: info.delimiter, skipRows: plain ? 0 : (options.skipRows ?? 0), bom: !plain },
        file,
        handleRecord,
      );
    }
  } finally {
    await chunks.return(undefined);
  }
  const unheld = held as { record: string[]; line: number } | null; // assigned inside the row callback
  if (unheld) emit(unheld.record, unheld.line);
  if (!consumer)
    throw new InputError({ file, message: "the file has no header row", expected: "a header row naming the columns" });
  if (info.encoding !== "utf-8") info.notes.push(`read as ${info.encoding}`);
  return info;
}

type RecordHandler = (record: string[], startLine: number) => void;

/** The decoded text of a file, a chunk at a time; an invalid byte sequence ends it with an error naming the line. */
async function* decodedChunks(
  path: string,
  file: string,
  encoding: string,
  decoder: InstanceType<typeof TextDecoder>,
  chunkBytes: number,
  onBytes: (read: number) => void,
): AsyncGenerator<string, void, undefined> {
  let bytesDecoded = 0;
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw encodingError(path, file, encoding, bytesDecoded);
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    const text = decode(chunk);
    bytesDecoded += chunk.length;
    onBytes(bytesDecoded);
    yield text;
  }
  yield decode();
}

/** Where csv-parse takes over from the plain-file path: the rest of the text, the lines already read, their ending. */
interface Handover {
  text: string;
  line: number;
  ending: "\n" | "\r\n" | null;
}

const isPlainDelimiter = (delimiter: string) => delimiter.length === 1 && !'"\r\n'.includes(delimiter);

/**
 * Reads lines without quotes and with one line ending (the one csv-parse would detect: the file's first) by splitting
 * the decoded text directly, several times faster than a general CSV parser. Blank lines are skipped, as csv-parse's
 * skip_empty_lines does, and a leading BOM (after the decoder's) is dropped as csv-parse's bom option does. At the first
 * line with a quote or a stray carriage return, the rest is handed over to csv-parse; null when the file ended plainly.
 */
async function readPlainLines(
  chunks: AsyncIterator<string>,
  delimiter: string,
  onRecord: RecordHandler,
  onLine: (text: string, line: number) => boolean,
): Promise<Handover | null> {
  let carry = "";
  let line = 0;
  let ending: "\n" | "\r\n" | null = null;
  let started = false;
  const splitLines = (body: string) => {
    // `body` ends with a line ending: the last piece of the split is empty.
    const lines = body.split(ending!);
    for (let i = 0; i < lines.length - 1; i++) {
      line++;
      if (lines[i].length > 0 && !onLine(lines[i], line)) onRecord(lines[i].split(delimiter), line);
    }
  };
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    let text = carry + next.value;
    if (!started) {
      if (text.length === 0) continue;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      started = true;
    }
    if (ending === null) {
      const first = text.search(/[\r\n]/);
      if (first < 0 || (text[first] === "\r" && first + 1 === text.length)) {
        carry = text;
        continue;
      }
      if (text[first] === "\r" && text[first + 1] !== "\n") return { text, line, ending };
      ending = text[first] === "\n" ? "\n" : "\r\n";
    }
    const end = text.lastIndexOf("\n") + 1;
    const unusual = firstUnusual(text, end, ending);
    if (unusual >= 0) {
      const lineStart = unusual === 0 ? 0 : text.lastIndexOf("\n", unusual - 1) + 1;
      if (lineStart > 0) splitLines(text.slice(0, lineStart));
      return { text: text.slice(lineStart), line, ending };
    }
    if (end > 0) splitLines(text.slice(0, end));
    carry = text.slice(end);
  }
  if (carry.length === 0) return null;
  // The last line has no line ending.
  if (carry.includes('"') || carry.includes("\r")) return { text: carry, line, ending };
  if (!onLine(carry, line + 1)) onRecord(carry.split(delimiter), line + 1);
  return null;
}

/** Position of the first character in text[0, end) the plain path cannot read: a quote, or a line break other than `ending`. */
function firstUnusual(text: string, end: number, ending: "\n" | "\r\n"): number {
  let found = text.indexOf('"');
  if (found >= end) found = -1;
  const earliest = (i: number) => {
    if (i >= 0 && i < end && (found < 0 || i < found)) found = i;
  };
  if (ending === "\n") {
    earliest(text.indexOf("\r"));
    return found;
  }
  // CRLF: every CR must start a CRLF and every LF must end one.
  let cr = text.indexOf("\r");
  while (cr >= 0 && cr < end && text.charCodeAt(cr + 1) === 10) cr = text.indexOf("\r", cr + 2);
  earliest(cr);
  let lf = text.indexOf("\n");
  while (lf >= 0 && lf < end && text.charCodeAt(lf - 1) === 13) lf = text.indexOf("\n", lf + 1);
  earliest(lf);
  return found;
}

/**
 * csv-parse over the rest of the file (all of it when the plain path did not apply). Line numbers continue from
 * the handover; each record's start line is where the previous one ended plus the blank lines between.
 */
async function readWithCsvParse(
  chunks: AsyncGenerator<string, void, undefined>,
  handover: Handover,
  settings: { delimiter: string; skipRows: number; bom: boolean },
  file: string,
  onRecord: RecordHandler,
): Promise<void> {
  let lastEndLine = handover.line + settings.skipRows;
  let lastEmptyLines = 0;
  const parser = parse({
    delimiter: settings.delimiter,
    bom: settings.bom,
    relax_column_count: true,
    skip_empty_lines: true,
    from_line: settings.skipRows + 1,
    // The plain path has seen the file's first line ending: csv-parse would have detected that one, not another later.
    ...(handover.ending ? { record_delimiter: handover.ending } : {}),
    // Records are handled as they are parsed, so problems surface in file order whatever the read-ahead: a ragged
    // row is reported before a broken quote further on, as on the plain path.
    on_record: (record: string[], info: { lines: number; empty_lines: number }) => {
      const startLine = lastEndLine + 1 + (info.empty_lines - lastEmptyLines);
      // Counted from the fields, not from csv-parse's `lines`, which counts a CRLF inside quotes as two lines.
      lastEndLine = startLine + lineBreaksIn(record);
      lastEmptyLines = info.empty_lines;
      onRecord(record, startLine);
      return null;
    },
  });
  async function* rest() {
    if (handover.text.length > 0) yield handover.text;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  try {
    await pipeline(Readable.from(rest()), parser.resume());
  } catch (error) {
    if (error instanceof CsvError) throw csvParseError(error, file, handover.line);
    throw error;
  }
}

/** Line breaks inside a record's (quoted) fields, counted as `wc -l` and editors' line numbers do: by LF (CRLF is one). */
function lineBreaksIn(record: string[]): number {
  let breaks = 0;
  for (const field of record) for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) breaks++;
  return breaks;
}

function normaliseEncoding(label: string, file: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new InputError({
      file,
      message: `unknown encoding "${label}"`,
      expected: "an encoding such as utf-8, windows-1252, utf-16le, iso-8859-1",
    });
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
    return new InputError({
      file,
      message: `the file is not valid ${encoding}`,
      hint: "check the export settings or pass the right --encoding",
    });
  }
  const fd = openSync(path, "r");
  const size = statSync(path).size;
  const buffer = Buffer.alloc(Math.min(size, decodedBefore + (1 << 20) + 4));
  readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const offset = firstInvalidUtf8(buffer);
  let line = 1;
  for (let i = 0; i < offset; i++) if (buffer[i] === 0x0a) line++;
  const byte =
    offset < buffer.length
      ? `byte 0x${buffer[offset].toString(16).toUpperCase().padStart(2, "0")}`
      : "a truncated character";
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
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
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

function csvParseError(error: CsvError, file: string, lineBase: number): InputError {
  const lines = (error as unknown as { lines?: number }).lines;
  const line = lines === undefined ? undefined : lineBase + lines;
  const hints: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a double quote opens a field but never closes it: check for a stray " in that row',
    CSV_INVALID_CLOSING_QUOTE:
      'a quoted field has text after its closing quote: write a literal quote as "" inside a quoted field',
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE:
      'a quoted field has text after its closing quote: write a literal quote as "" inside a quoted field',
  };
  return new InputError({
    file,
    line,
    message: "the file is not well-formed CSV",
    found: error.message
      .replace(/^Invalid [^:]*: /, "")
      .replace(/\bat line (\d+)/, (_, n: string) => `at line ${lineBase + Number(n)}`),
    hint: hints[error.code],
  });
}
