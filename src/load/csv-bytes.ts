// The byte path of the plain-file reader: a UTF-8 file's lines read from the bytes as they come off the disk, not
// decoded into text and split into line strings first (at L's 12 million rows, that text and those strings were a
// third of loading, and most of its garbage). It reads while the file is ASCII (checked a read chunk at a time) and
// its lines have no quotes or stray carriage returns. At a chunk that is not ASCII, or a line that is not plain, the
// rest of the file goes to the text path (csv.ts readPlainLines, then csv-parse if need be) from the start of that
// line, with the line count, the line ending and the BOM state reached, and the chunks as read: every file reads
// exactly as through the text path alone, its errors included (test/perf/csv-byte-path.test.ts).
import { isAscii } from "node:buffer";
import type { RecordRouter } from "./csv-records.js";
import type { ByteCut } from "./csv-types.js";
import { grown } from "../util/grown.js";

/** Where the text path takes over: the rest of the file's bytes, their offset in the file, and the state so far. */
export interface ByteHandover {
  /** The start of the line the text path begins with, up to the end of the last chunk read… */
  rest: Buffer;
  /** …then, when the handover is for a chunk that is not ASCII, that chunk, as read. */
  pending: Buffer | null;
  offset: number;
  line: number;
  ending: "\n" | "\r\n" | null;
  /** Whether the text path has passed the start of the text (where it drops a second BOM). */
  started: boolean;
}

const [LF, CR, QUOTE] = [10, 13, 34];

type Router = Pick<RecordRouter, "line" | "bytes" | "batch">;
type RecordHandler = (record: string[], startLine: number) => void;

/** Reads plain lines from the bytes; the handover at the first line that is not plain, or null when none was. */
export async function readPlainBytes(
  chunks: AsyncIterator<Buffer>,
  delimiter: string,
  onRecord: RecordHandler,
  router: Router,
): Promise<ByteHandover | null> {
  const lines = new PlainLines(delimiter, onRecord, router);
  let carry: Buffer = Buffer.alloc(0);
  /** File offset of carry[0]. */
  let offset = 0;
  /** Bytes of the decoder's BOM, dropped before the first line; −1 before the first chunk. */
  let bom = -1;
  const handover = (bytes: Buffer, at: number, pending: Buffer | null = null): ByteHandover => ({
    rest: bytes.subarray(at),
    pending,
    offset: offset + at,
    line: lines.line,
    ending: lines.ending,
    started: offset + at > bom,
  });
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    let chunk = next.value;
    if (bom < 0) {
      // The decoder drops a UTF-8 BOM at the very start.
      bom = chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
      if (!isAscii(chunk.subarray(bom))) return handover(carry, 0, chunk);
      chunk = chunk.subarray(bom);
      offset = bom;
    } else if (!isAscii(chunk)) return handover(carry, 0, chunk);
    // The line cut by the chunk's start is joined alone, not the whole chunk to it: a megabyte allocated and copied
    // per chunk (555 MB at L) was a tenth of the scan, and the allocations prompted garbage collections.
    const lf = carry.length === 0 || lines.ending === null ? -1 : chunk.indexOf(LF);
    if (lf >= 0) {
      const head = Buffer.concat([carry, chunk.subarray(0, lf + 1)]);
      let stop = 0;
      router.batch(() => (stop = lines.readLines(head)));
      if (stop < 0) return handover(Buffer.concat([head, chunk.subarray(lf + 1)]), -1 - stop);
      offset += head.length;
      carry = chunk.subarray(0, 0);
      chunk = chunk.subarray(lf + 1);
    }
    const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (lines.ending === null) {
      const first = firstBreak(bytes);
      if (first < 0 || (bytes[first] === CR && first + 1 === bytes.length)) {
        carry = Buffer.from(bytes);
        continue;
      }
      // A lone CR ending the first line: csv-parse's business, through the text path.
      if (bytes[first] === CR && bytes[first + 1] !== LF) return handover(bytes, 0);
      lines.ending = bytes[first] === LF ? "\n" : "\r\n";
    }
    let stop = 0;
    router.batch(() => (stop = lines.readLines(bytes)));
    if (stop < 0) return handover(bytes, -1 - stop);
    offset += stop;
    // A copy: the reader fills the chunk's buffer again (fileChunks), from the next read on.
    carry = Buffer.from(bytes.subarray(stop));
  }
  if (carry.length === 0) return null;
  // The last line has no line ending (or the file has a single line).
  if (lines.ending === null) return handover(carry, 0);
  let plain = false;
  router.batch(() => (plain = lines.readLine(carry, 0, carry.length)));
  return plain ? null : handover(carry, 0);
}

/**
 * Lines of ASCII bytes, each line's fields found and the line handed to the loader's readers or as a record. Also
 * reads a later stretch of the interactions on a worker thread (interactions-range.ts).
 */
export class PlainLines {
  line = 0;
  ending: "\n" | "\r\n" | null = null;
  private readonly separator: number;
  /** Field f of a line is bytes[starts[f], starts[f + 1] − 1). */
  private starts: Int32Array = new Int32Array(64);

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly router: Router,
  ) {
    this.separator = delimiter.charCodeAt(0);
  }

  /** The complete lines of bytes; the position after the last one read, or −1 − where a handover begins. */
  readLines(bytes: Buffer): number {
    if (this.ending === "\n" && bytes.indexOf(QUOTE) < 0 && bytes.indexOf(CR) < 0) return this.readSimpleLines(bytes);
    let at = 0;
    for (let lf = bytes.indexOf(LF, at); lf >= 0; lf = bytes.indexOf(LF, at)) {
      let end = lf;
      if (this.ending === "\r\n") {
        // Every LF must end a CRLF.
        if (lf === at || bytes[lf - 1] !== CR) return -1 - at;
        end = lf - 1;
      }
      if (!this.readLine(bytes, at, end)) return -1 - at;
      at = lf + 1;
    }
    return at;
  }

  /** One complete line bytes[start, end); false when the line is not plain (nothing read). */
  readLine(bytes: Buffer, start: number, end: number): boolean {
    let fields = 1;
    this.starts[0] = start;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b === this.separator) {
        if (fields + 1 >= this.starts.length) this.starts = grown(this.starts);
        this.starts[fields++] = i + 1;
      } else if (b === QUOTE || b === CR) return false;
    }
    this.starts[fields] = end + 1;
    this.deliver(bytes, start, end, fields);
    return true;
  }

  /** The complete lines of bytes that end in LF and hold no quote or CR: one pass over the bytes. */
  private readSimpleLines(bytes: Buffer): number {
    const separator = this.separator;
    let at = 0;
    let fields = 1;
    this.starts[0] = at;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === separator) {
        if (fields + 1 >= this.starts.length) this.starts = grown(this.starts);
        this.starts[fields++] = i + 1;
      } else if (b === LF) {
        this.starts[fields] = i + 1;
        this.deliver(bytes, at, i, fields);
        at = i + 1;
        fields = 1;
        this.starts[0] = at;
      }
    }
    return at;
  }

  /** Hands a line bytes[start, end), its fields found, to the loader's readers, or as a record. */
  private deliver(bytes: Buffer, start: number, end: number, fields: number): void {
    this.line++;
    if (end === start || this.router.bytes(bytes, this.starts, fields, this.line)) return;
    // ASCII: the Latin-1 reading of the bytes is their UTF-8 reading.
    const text = bytes.toString("latin1", start, end);
    if (!this.router.line(text, this.line)) this.onRecord(text.split(this.delimiter), this.line);
  }
}

/** Position of the first CR or LF, −1 when none. */
function firstBreak(bytes: Buffer): number {
  const lf = bytes.indexOf(LF);
  const cr = bytes.indexOf(CR);
  return cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
}

/**
 * The chunks up to the cut, then the rest of the file unless the cut's other reader takes it. `plain`: whether the
 * file is read on the byte path at all.
 */
export async function* cutChunks(chunks: AsyncGenerator<Buffer>, cut: ByteCut, plain: boolean): AsyncGenerator<Buffer> {
  let offset = 0;
  let clean = plain;
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      let chunk = next.value;
      if (offset < cut.offset) {
        const head = chunk.subarray(0, cut.offset - offset);
        clean &&= plainBytes(offset === 0 ? withoutBom(head) : head);
        offset += chunk.length;
        if (offset < cut.offset) {
          yield chunk;
          continue;
        }
        yield head;
        // Asked once the reader wants the bytes after the cut: it has read every line before.
        if (await cut.takeRest(clean)) return;
        chunk = chunk.subarray(head.length);
        if (chunk.length === 0) continue;
      }
      yield chunk;
    }
  } finally {
    await chunks.return(undefined);
  }
}

/** ASCII without a quote or a carriage return: only plain lines. */
const plainBytes = (bytes: Buffer) => isAscii(bytes) && bytes.indexOf(QUOTE) < 0 && bytes.indexOf(CR) < 0;

const withoutBom = (bytes: Buffer) =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
