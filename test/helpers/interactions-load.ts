// interactions.csv loaded as one value toEqual can compare: the ties (channels and periods as entries, in order), the
// roster, the counts, the cadence, every problem and skip, the file notes and the warnings — or the input error and
// the problems found. Shared by the tests that hold two ways of reading a file (two threads, the byte and line
// readers) to exactly what the plain way gives.
import type { CsvReadOptions } from "../../src/load/csv-types.js";
import type { LoadContext } from "../../src/load/context.js";
import { loadInteractions } from "../../src/load/interactions.js";
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import type { PeriodKind } from "../../src/model/periods.js";
import { InputError, ProblemLog } from "../../src/model/problems.js";
import type { PeopleData } from "../../src/model/types.js";

/** people.csv with these ids and no attributes. */
export const rosterOf = (ids: readonly string[]): PeopleData => ({
  people: ids.map((id) => ({ id, attributes: {} })),
  index: new Map(ids.map((id, i) => [id, i])),
  attributeColumns: [],
  source: "people",
});

export interface LoadSettings {
  people: PeopleData | null;
  skipInvalidRows: boolean;
  period: PeriodKind;
  window: readonly [number | null, number | null];
  chunkBytes?: number;
  parser?: CsvReadOptions["parser"];
  timeZone?: string;
  threads?: number;
}

export async function comparableLoad(path: string, s: LoadSettings) {
  const problems = new ProblemLog(20, s.skipInvalidRows);
  const ctx: LoadContext = {
    config: s.timeZone === undefined ? DEFAULT_CONFIG : { ...DEFAULT_CONFIG, timeZone: s.timeZone },
    csv: {
      parser: s.parser,
      chunkBytes: s.chunkBytes,
      ...(s.skipInvalidRows ? { onInvalidRow: (p, reason) => problems.invalidRow(p, reason) } : {}),
    },
    period: s.period,
    window: { since: s.window[0], until: s.window[1] },
    problems,
    files: [],
    warnings: [],
    threads: s.threads,
  };
  try {
    const { interactions, people: roster, snapshot } = await loadInteractions(path, s.people, ctx);
    const ties = interactions.ties.map((t) => ({
      ...t,
      channels: Object.entries(t.channels),
      periods: [...t.periods],
    }));
    return {
      ties,
      interactions: { ...interactions, ties: null },
      roster: roster.people,
      index: [...roster.index],
      snapshot,
      problems: problems.problems,
      skipped: problems.skipped(),
      files: ctx.files,
      warnings: ctx.warnings,
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: error.problems, problems: problems.problems };
  }
}
