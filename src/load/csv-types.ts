// The CSV reader's contract with the loaders: options in, rows out, a summary of the file.
import type { Problem } from "../model/problems.js";

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
  /**
   * "csv-parse" reads every file with csv-parse, skipping the plain-file paths; "text" skips only the byte path (for
   * the tests that prove them equal).
   */
  parser?: "auto" | "text" | "csv-parse";
  /** When given, the time spent in the row consumer (building the model) is added here, for phase timings. */
  timing?: { modelMs: number };
  /** Where another thread reads the rest of the file (interactions-split.ts). */
  cut?: ByteCut;
}

/**
 * A cut of the file at `offset`, the start of a line: when the reader gets there, it asks `takeRest` whether another
 * reader takes the rest, and stops if so. `clean` tells whether every byte before the cut was read on the byte path
 * and is ASCII without a quote or a carriage return: only then is the cut surely the start of a record, and every line
 * before it read as a line.
 */
export interface ByteCut {
  offset: number;
  takeRest: (clean: boolean) => Promise<boolean>;
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

/**
 * Reads a row straight from its bytes (plain ASCII, csv-bytes.ts): field f is bytes[starts[f], starts[f + 1] − 1),
 * of `fields` fields. Returns false for anything it is not sure of; the line is then decoded and given to the line
 * reader, then the row consumer, which must reach the same result.
 */
export type ByteLineReader = (bytes: Uint8Array, starts: Int32Array, fields: number, line: number) => boolean;

/**
 * Given the header, returns the row consumer (a loader maps columns once, then reads rows by index), and optionally
 * a line reader and a byte line reader.
 */
export type HeaderHandler = (
  header: string[],
  info: CsvFileInfo,
) => RowConsumer | { row: RowConsumer; line: LineReader; bytes?: ByteLineReader };
