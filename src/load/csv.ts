// Streaming CSV reader: encoding and delimiter sniffed and reported, strict about shape, exact about where.
// Rows are handed to a consumer one at a time and never kept, so memory does not grow with the file.
import { statSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse, CsvError } from "csv-parse";
import { InputError } from "../model/problems.js";
import { decodedChunks, fileChunks, normaliseEncoding, readHeaderLine, sniffEncoding } from "./csv-encoding.js";
import { cutChunks, readPlainBytes, type ByteHandover } from "./csv-bytes.js";
import { RecordRouter } from "./csv-records.js";
import { delimiterName } from "../text/format.js";

export type { CsvFileInfo, CsvReadOptions, HeaderHandler, LineReader } from "./csv-types.js";
import type { ByteCut, CsvFileInfo, CsvReadOptions, HeaderHandler } from "./csv-types.js";

const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"];

export async function readCsv(path: string, options: CsvReadOptions, onHeader: HeaderHandler): Promise<CsvFileInfo> {
  const totalBytes = fileSize(path);
  const encoding = options.encoding ? normaliseEncoding(options.encoding, path) : sniffEncoding(path);
  const info: CsvFileInfo = { path, encoding, delimiter: options.delimiter ?? ",", header: [], rows: 0, notes: [] };
  const router = new RecordRouter(info, onHeader, options);
  info.delimiter =
    options.delimiter ?? sniffDelimiter(readHeaderLine(path, encoding, options.skipRows ?? 0), info.notes);
  const plain = readsPlain(options, info.delimiter);
  const byteWise = readsBytes(options, encoding, info.delimiter);
  const chunks = fileChunks(path, options.chunkBytes ?? 1 << 20, (read) => options.onProgress?.(read, totalBytes));
  const bytes = options.cut ? cutChunks(chunks, wholeWhenTaken(options.cut, options, totalBytes), byteWise) : chunks;
  try {
    // UTF-8 files are read from their bytes while their lines are plain ASCII (csv-bytes.ts); the rest as text.
    const fromBytes = byteWise ? await readPlainBytes(bytes, info.delimiter, router.record, router) : undefined;
    if (fromBytes === null) return finish(info, router);
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: (fromBytes?.offset ?? 0) > 0 });
    const source = fromBytes ? restOf(fromBytes, bytes) : bytes;
    const chunks = decodedChunks(path, path, encoding, decoder, source, fromBytes?.offset ?? 0);
    try {
      await readAsText(chunks, info.delimiter, plain, fromBytes, options.skipRows ?? 0, path, router);
    } finally {
      await chunks.return(undefined);
    }
  } finally {
    await bytes.return(undefined);
  }
  return finish(info, router);
}

/**
 * Whether a file of this encoding and delimiter is read from its bytes while its lines are plain ASCII (csv-bytes.ts):
 * only then can a stretch of it be read elsewhere (interactions-split.ts).
 */
export function readsBytes(options: CsvReadOptions, encoding: string, delimiter: string): boolean {
  return (
    readsPlain(options, delimiter) &&
    options.parser !== "text" &&
    encoding === "utf-8" &&
    delimiter.charCodeAt(0) < 0x80
  );
}

/** Whether lines are read as plain rows (split at the delimiter) while they hold no quote. */
function readsPlain(options: CsvReadOptions, delimiter: string): boolean {
  return options.parser !== "csv-parse" && !options.skipRows && isPlainDelimiter(delimiter);
}

/** The cut, telling progress the file is read once another reader has taken the rest (it stops at the cut). */
function wholeWhenTaken(cut: ByteCut, { onProgress }: CsvReadOptions, totalBytes: number): ByteCut {
  return {
    offset: cut.offset,
    takeRest: async (clean) => {
      const taken = await cut.takeRest(clean);
      if (taken) onProgress?.(totalBytes, totalBytes);
      return taken;
    },
  };
}

function finish(info: CsvFileInfo, router: RecordRouter): CsvFileInfo {
  router.finish();
  if (info.encoding !== "utf-8") info.notes.push(`read as ${info.encoding}`);
  return info;
}

/** The text path: plain lines split directly; csv-parse takes over at the first line that is not plain. */
async function readAsText(
  chunks: AsyncGenerator<string, void, undefined>,
  delimiter: string,
  plain: boolean,
  from: ByteHandover | undefined,
  skipRows: number,
  path: string,
  router: RecordRouter,
): Promise<void> {
  const state = from ?? { line: 0, ending: null, started: false };
  const handover = plain ? await readPlainLines(chunks, delimiter, router.record, router, state) : null;
  if (plain && !handover) return;
  await readWithCsvParse(
    chunks,
    handover ?? { text: "", line: 0, ending: null },
    { delimiter, skipRows: plain ? 0 : skipRows, bom: !plain },
    path,
    router.record,
  );
}

/**
 * The bytes left after the byte path: the rest of its line (ASCII), then the chunks as read, so a chunk that is not
 * UTF-8 fails to decode before any of its lines is read, as on the text path alone.
 */
async function* restOf(from: ByteHandover, bytes: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (from.rest.length > 0) yield from.rest;
  if (from.pending) yield from.pending;
  for (let next = await bytes.next(); !next.done; next = await bytes.next()) yield next.value;
}
/** The file's size; a folder, a missing file or an empty file is an input error. */
function fileSize(file: string): number {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError({ file, message: "expected a CSV file but found a folder" });
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({
      file,
      message: "cannot read the file",
      found: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (size === 0)
    throw new InputError({ file, message: "the file is empty", expected: "a header row and at least one data row" });
  return size;
}

type RecordHandler = (record: string[], startLine: number) => void;

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
  router: Pick<RecordRouter, "line" | "batch">,
  from: Pick<ByteHandover, "line" | "ending" | "started">,
): Promise<Handover | null> {
  let carry = "";
  let { line, ending, started } = from;
  const onLine = router.line;
  const splitLines = (body: string) => {
    // `body` ends with a line ending: the last piece of the split is empty.
    const lines = body.split(ending!);
    router.batch(() => {
      for (let i = 0; i < lines.length - 1; i++) {
        line++;
        if (lines[i].length > 0 && !onLine(lines[i], line)) onRecord(lines[i].split(delimiter), line);
      }
    });
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
  router.batch(() => {
    if (!onLine(carry, line + 1)) onRecord(carry.split(delimiter), line + 1);
  });
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

/** The delimiter that occurs most often outside quotes on the header line; comma when none does. */
function sniffDelimiter(headerLine: string, notes: string[]): string {
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
