// Bytes to text for the CSV reader: the encoding sniffed from a BOM or given, strict decoding, and errors that name
// the line of the first invalid byte.
import { openSync, readSync, closeSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { InputError } from "../model/problems.js";

/**
 * The bytes of a file, a chunk at a time, reporting the bytes read so far after each. A chunk is valid only until the
 * next is asked for: two buffers are filled in turn, the next read under way while the caller works on a chunk. A
 * fresh buffer per chunk (as a read stream gives) is memory the system must map page by page, 0.1–0.3 s of CPU per
 * 55 MB where page faults are dear (virtual machines); a caller that keeps bytes across chunks copies them.
 */
export async function* fileChunks(
  path: string,
  chunkBytes: number,
  onBytes: (read: number) => void,
): AsyncGenerator<Buffer, void, undefined> {
  const file = await open(path, "r");
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  // A read fails when awaited, at the next chunk; until then the caller may hold the current chunk across other awaits,
  // and a rejection nothing listens to yet would end the process (Node's unhandled rejection).
  const readInto = (buffer: Buffer) => {
    const reading = file.read(buffer, 0, chunkBytes, null);
    reading.catch(() => undefined);
    return reading;
  };
  let reading = readInto(buffers[0]);
  try {
    let read = 0;
    for (let turn = 0; ; turn ^= 1) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) return;
      reading = readInto(buffers[turn ^ 1]);
      read += bytesRead;
      onBytes(read);
      yield buffers[turn].subarray(0, bytesRead);
    }
  } finally {
    // A read still under way (the caller stopped early, or a read failed) ends before the file is closed.
    await reading.catch(() => undefined);
    await file.close();
  }
}

/**
 * Bytes to text, a chunk at a time; an invalid byte sequence ends it with an error naming the line. `decodedBefore`
 * is where in the file the bytes start (after a part read as bytes, csv-bytes.ts).
 */
export async function* decodedChunks(
  path: string,
  file: string,
  encoding: string,
  decoder: InstanceType<typeof TextDecoder>,
  bytes: AsyncIterable<Buffer>,
  decodedBefore = 0,
): AsyncGenerator<string, void, undefined> {
  let bytesDecoded = decodedBefore;
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw encodingError(path, file, encoding, bytesDecoded);
    }
  };
  for await (const chunk of bytes) {
    const text = decode(chunk);
    bytesDecoded += chunk.length;
    yield text;
  }
  yield decode();
}

export function normaliseEncoding(label: string, file: string): string {
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
export function sniffEncoding(path: string): string {
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
    // Unicode Table 3-7: the second byte of E0, ED, F0 and F4 is narrower (no overlong forms, surrogates, > U+10FFFF).
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (need > 0 && (i + 1 >= bytes.length || bytes[i + 1] < low || bytes[i + 1] > high)) return i;
    for (let k = 2; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/**
 * The header line (after `skip` lines), decoded from the first MiB of the file, to sniff the delimiter. The first
 * 64 KiB are read first and usually hold it: a zeroed MiB decoded and split into lines for one line cost ~3 ms per
 * file the size of the demo's interactions, more than reading the rest of a small file.
 */
export function readHeaderLine(path: string, encoding: string, skip: number): string {
  const fd = openSync(path, "r");
  try {
    for (const size of [1 << 16, 1 << 20]) {
      const head = Buffer.allocUnsafe(size);
      const n = readSync(fd, head, 0, size, 0);
      const text = new TextDecoder(encoding).decode(head.subarray(0, n), { stream: true });
      let end = -1;
      for (let line = 0; line <= skip && (end = text.indexOf("\n", end + 1)) >= 0; line++);
      // The line is whole once its newline is in the text, or the file (or the MiB) ends.
      if (end >= 0 || n < size || size === 1 << 20) return text.split("\n", skip + 1)[skip] ?? "";
    }
    return "";
  } finally {
    closeSync(fd);
  }
}
