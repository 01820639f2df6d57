// interactions as Parquet or a DuckDB table, read by DuckDB (typed columns, no text to parse) and streamed in source
// order into the CSV loader's own collector, so the ties, people, channels, orders, counts and snapshot cadence are
// those of the same rows in CSV (test/load/parquet-inputs.test.ts, test/load/duckdb-stream.test.ts). Data that only
// the row-by-row path can judge goes there instead (the caller gets null): anything with a problem to report (null,
// blank or unknown ids, negative or non-finite numbers), ids with surrounding space (which the CSV loader trims), text
// where numbers or timestamps are expected (parsed as in CSV), fractional weights or durations (kept to the row path,
// which reads them as CSV text would be), wall-clock timestamps outside UTC, and inline attributes (Viva Insights
// exports without people.csv).
import type { PeopleData } from "../../model/types.js";
import type { LoadContext } from "../context.js";
import { resolveColumns } from "../columns.js";
import { openEngine, sqlIdent } from "./engine.js";
import { streamRows } from "./stream.js";
import { asTable, describe, type Column } from "./rows.js";
import { openSource } from "./source.js";
import { INTERACTION_COLUMNS, INLINE_PREFIX, type loadInteractions } from "../interactions.js";
import { InteractionCollector } from "../interaction-collector.js";

type Loaded = Awaited<ReturnType<typeof loadInteractions>>;

const INTEGER = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*)$/;
const NUMBER = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*|FLOAT|REAL|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
const NO_TIME = "NULL::BIGINT";

/** The interactions, or null when the rows must go one by one through the CSV row consumer. */
export async function loadInteractionsFromTable(
  path: string,
  people: PeopleData | null,
  ctx: LoadContext,
): Promise<Loaded | null> {
  const engine = await openEngine();
  try {
    const source = await openSource(engine, path, "interactions");
    const columns = await describe(engine, source);
    const header = columns.map((c) => c.name);
    const col = asTable(path, () => resolveColumns(header, INTERACTION_COLUMNS, path));
    const typed = typedColumns(columns, col, ctx.config.timeZone);
    if (!typed) return null;
    if (!people && header.some((h) => Object.values(INLINE_PREFIX).some((p) => h.toLowerCase().startsWith(p))))
      return null;
    const rows = {
      relation: `(SELECT ${typed.from} AS from_id, ${typed.to} AS to_id, ${typed.channel} AS cell,
          ${typed.weight} AS weight, ${typed.duration} AS duration, ${typed.at} AS at_ms FROM ${source.relation})`,
      label: path,
    };
    const collector = new InteractionCollector(path, people, ctx);
    if (!(await streamRows(engine, rows, people, collector))) return null;
    collector.report({ path, encoding: "utf-8", delimiter: "", header, rows: collector.rows, notes: [] });
    const interactions = collector.interactions(typed.at !== NO_TIME);
    return {
      interactions,
      snapshot: collector.snapshot(interactions),
      people: people ?? {
        people: collector.roster,
        index: collector.index,
        attributeColumns: [],
        source: "interactions-inline",
      },
    };
  } finally {
    engine.close();
  }
}

interface Typed {
  from: string;
  to: string;
  /** Epoch milliseconds, or NULL. */
  at: string;
  weight: string;
  duration: string;
  channel: string;
}

/** SQL for each field when every column has a type the collapsed path reads exactly; null otherwise. */
function typedColumns(
  columns: Column[],
  col: Record<keyof typeof INTERACTION_COLUMNS, number>,
  timeZone: string,
): Typed | null {
  const type = (i: number) => columns[i].type.toUpperCase();
  const ref = (i: number) => sqlIdent(columns[i].name);
  const id = (i: number) =>
    type(i) === "VARCHAR" ? ref(i) : INTEGER.test(type(i)) ? `CAST(${ref(i)} AS VARCHAR)` : null;
  const from = id(col.from);
  const to = id(col.to);
  const number = (i: number, missing: string) =>
    i < 0 ? missing : NUMBER.test(type(i)) ? `coalesce(CAST(${ref(i)} AS DOUBLE), ${missing})` : null;
  const weight = number(col.weight, "1");
  const duration = number(col.duration, "0");
  let at: string | null = NO_TIME;
  if (col.timestamp >= 0) {
    const t = type(col.timestamp);
    if (t === "TIMESTAMPTZ" || t === "TIMESTAMP WITH TIME ZONE") at = `epoch_ms(${ref(col.timestamp)})`;
    // A date or a timestamp without a zone is a wall-clock time: in UTC it is the instant itself.
    else if ((t === "DATE" || t.startsWith("TIMESTAMP")) && timeZone === "UTC")
      at = `epoch_ms(CAST(${ref(col.timestamp)} AS TIMESTAMP))`;
    else at = null;
  }
  const channel = col.channel < 0 ? "''" : `coalesce(CAST(${ref(col.channel)} AS VARCHAR), '')`;
  if (!from || !to || !weight || !duration || !at) return null;
  return { from, to, at, weight, duration, channel };
}
