// What an output format is (ESLint's formatters are the model): a name, where its output goes, and a render function
// that is a pure function of the Report (and, where the format has one, of the signals projection). The CLI
// dispatches on these fields alone: a new format is one file here and one line in registry.ts.
import type { Report } from "../../result/types.js";
import type { SignalsReport } from "../../result/signals-report.js";
import type { ChartLink } from "../charts/link.js";

export interface RenderOptions {
  /** ANSI colour: the CLI decides (only ever on a TTY, never with NO_COLOR). */
  color: boolean;
  /** Only findings (or signals): no headline numbers, tables or notes. */
  quiet: boolean;
  /** Columns of the terminal, when there is one. */
  width?: number;
  /** Charts written beside the report in an --out folder, linked from it. */
  charts?: readonly ChartLink[];
}

/** A file a format adds to an --out folder, by its path inside the folder. */
interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

interface FormatBase {
  /** The `--format` value. */
  name: string;
  /** For --help. */
  description: string;
}

/** Printed on stdout. With an extension, it is also one of the files every --out folder holds. */
export interface TextFormat extends FormatBase {
  target: "stdout";
  /** Its file in every --out folder: report<extension> (audit), signals-<as-of><extension> and
   *  signals-latest<extension> (signals). */
  extension?: string;
  /** Draws the charts into the text (HTML): the CLI renders them for it even without --out. */
  inlinesCharts?: boolean;
  /** The text, possibly in pieces (a large JSON report is never held as one string). */
  render(report: Report, options: RenderOptions): string | Iterable<string>;
  /** The signals projection (`relaudit signals`); formats without it are not offered there. */
  renderSignals?(report: SignalsReport, options: RenderOptions): string;
}

/** Written to the one file --out names (a slide deck). */
export interface FileFormat extends FormatBase {
  target: "file";
  /** What the file is, for messages: "deck". */
  noun: string;
  extension: string;
  /** Suggested in the message when --out is missing. */
  defaultFileName: string;
  render(report: Report, options: RenderOptions): Promise<Uint8Array>;
  /** Whether an existing file's bytes show relaudit wrote it (so it may be replaced without --force). */
  writtenByRelaudit(content: Uint8Array): Promise<boolean>;
}

/** Files added to the --out folder beside report.md and report.json (one CSV per table). */
export interface FolderFormat extends FormatBase {
  target: "folder";
  /** What one of its files is, for the message on stderr: "CSV table". */
  noun: string;
  render(report: Report, options: RenderOptions): OutputFile[];
}

export type Format = TextFormat | FileFormat | FolderFormat;
