// What every loader shares: the config, reading options, where problems and file summaries go.
import type { ProblemLog } from "../model/problems.js";
import type { PeriodKind } from "../model/periods.js";
import type { InputFileSummary } from "../result/types.js";
import type { Config } from "../model/config.js";
import type { CsvFileInfo, CsvReadOptions } from "./csv.js";
import { isoDate } from "./values.js";
import type { TieEnds } from "./tie-builder.js";

export interface LoadContext {
  config: Config;
  csv: CsvReadOptions;
  period: PeriodKind;
  window: { since: number | null; until: number | null };
  problems: ProblemLog;
  files: InputFileSummary[];
  warnings: string[];
  /**
   * Given to the interactions' load only (InputOptions.onTieEnds): called once with the people count and the ties'
   * ends, after the last row and before the Tie objects are built, when no problem has been found so far.
   */
  onTieEnds?: (people: number, ends: TieEnds) => void;
  /** Threads the interactions' load may use (default: the cores); 1 reads every file on the main thread alone. */
  threads?: number;
}

export function summariseFile(
  kind: InputFileSummary["kind"],
  info: CsvFileInfo,
  range: [number, number] | null,
): InputFileSummary {
  return {
    kind,
    path: info.path,
    rows: info.rows,
    encoding: info.encoding,
    delimiter: info.delimiter,
    columns: info.header.filter((h) => h !== ""),
    ...(range ? { dateRange: [isoDate(range[0]), isoDate(range[1])] as [string, string] } : {}),
  };
}

/** Tracks the earliest and latest instant seen. */
export class DateRange {
  min = Infinity;
  max = -Infinity;
  add(ms: number): void {
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }
  get value(): [number, number] | null {
    return this.min <= this.max ? [this.min, this.max] : null;
  }
}
