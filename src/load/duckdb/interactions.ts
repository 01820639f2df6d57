// interactions as Parquet or a DuckDB table, collapsed by DuckDB: one GROUP BY over the rows (multi-threaded, in
// DuckDB's memory) to one row per pair, channel and period, which the tie builder takes in order of each group's
// first row. The ties, people, channels, orders and counts are those the CSV loader gives for the same rows
// (test/load/parquet-inputs.test.ts); only data that the row-by-row path alone can judge goes there instead:
// anything with a problem to report (null or blank ids, unknown ids, negative or non-finite numbers), text columns
// where typed ones are expected (dates and numbers in text are parsed as in CSV), fractional weights or durations
// (whose sums depend on the order of addition), wall-clock times outside UTC, and inline attributes (Viva Insights).
import type { InteractionData, PeopleData, Person } from "../../model/types.js";
import { summariseFile, DateRange, type LoadContext } from "../context.js";
import { resolveColumns } from "../columns.js";
import { TieBuilder } from "../tie-builder.js";
import { plural } from "../../report/format.js";
import { openEngine, sqlIdent, sqlString, type Engine } from "./engine.js";
import { describe, type Column } from "./rows.js";
import { guarded, openSource, type TableSource } from "./source.js";
import { INTERACTION_COLUMNS, INLINE_PREFIX } from "../interactions.js";

type Loaded = { interactions: InteractionData; people: PeopleData };

const INTEGER = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*)$/;
const NUMBER = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*|FLOAT|REAL|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
/** Whole-number sums stay exact in a double below 2^53. */
const EXACT = 2 ** 53;
const DAY_MS = 86_400_000;

/** The collapsed interactions, or null when the rows must go one by one through the CSV row consumer. */
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
    const col = resolveColumns(header, INTERACTION_COLUMNS, path);
    const typed = typedColumns(columns, col, ctx.config.timeZone);
    if (!typed) return null;
    if (!people && header.some((h) => Object.values(INLINE_PREFIX).some((p) => h.toLowerCase().startsWith(p))))
      return null;
    const counts = await checkRows(engine, source, typed);
    if (!counts) return null;
    const ids = await personCodes(engine, source, typed, people);
    if (!ids) return null;
    const channelNames = await channelCodes(engine, source, typed);
    return await collapse(engine, source, typed, { path, header, rows: counts.rows, people, ids, channelNames }, ctx);
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

/** SQL for each field when every column has a type the grouped path reads exactly; null otherwise. */
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
  let at: string | null = "NULL::BIGINT";
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

/** Rows in all; null when any row has something only the row-by-row path can report or sum exactly. */
async function checkRows(engine: Engine, source: TableSource, t: Typed): Promise<{ rows: number } | null> {
  const [check] = await guarded(source.label, "not a readable Parquet file", () =>
    engine.rows(`SELECT count(*)::DOUBLE AS n_rows,
      count(*) FILTER (WHERE ${t.from} IS NULL OR ${t.to} IS NULL)::DOUBLE AS null_ids,
      count(*) FILTER (WHERE NOT (w >= 0 AND w < ${EXACT} AND w = trunc(w)) OR NOT (d >= 0 AND d < ${EXACT} AND d = trunc(d)))::DOUBLE AS inexact,
      coalesce(sum(w), 0) AS weights, coalesce(sum(d), 0) AS minutes,
      count(*) FILTER (WHERE at_ms < -30610224000000 OR at_ms > 253402300799999)::DOUBLE AS far_dates
      FROM (SELECT *, ${t.weight} AS w, ${t.duration} AS d, ${t.at} AS at_ms FROM ${source.relation})`),
  );
  const n = (key: string) => Number(check[key]);
  if (n("null_ids") > 0 || n("inexact") > 0 || n("far_dates") > 0) return null;
  if (!(n("weights") < EXACT && n("minutes") < EXACT)) return null;
  return { rows: n("n_rows") };
}

/**
 * Each distinct id's person number: the row of people.csv, or (without it) the order of first appearance, the
 * sender before the recipient of a row, as the CSV loader discovers them. Null when an id is blank or unknown.
 */
async function personCodes(
  engine: Engine,
  source: TableSource,
  t: Typed,
  people: PeopleData | null,
): Promise<{ roster: Person[]; index: Map<string, number> } | null> {
  const distinct = await engine.rows(`SELECT id, min(pos) AS first_pos FROM (
      SELECT ${t.from} AS id, __row * 2 AS pos FROM ${source.relation}
      UNION ALL SELECT ${t.to} AS id, __row * 2 + 1 AS pos FROM ${source.relation}) GROUP BY id ORDER BY first_pos`);
  const roster: Person[] = people ? people.people : [];
  const index = people ? people.index : new Map<string, number>();
  await engine.run("CREATE TEMP TABLE person_codes (id VARCHAR, code INTEGER)");
  const appender = await engine.connection.createAppender("person_codes");
  try {
    for (const { id: raw } of distinct) {
      const id = String(raw).trim();
      if (id === "") return null;
      let code = index.get(id);
      if (code === undefined) {
        if (people) return null;
        code = roster.length;
        roster.push({ id, attributes: {} });
        index.set(id, code);
      }
      appender.appendVarchar(String(raw));
      appender.appendInteger(code);
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
  return { roster, index };
}

/** Channel names by code: each distinct cell trimmed and lower-cased, as the CSV loader does. */
async function channelCodes(engine: Engine, source: TableSource, t: Typed): Promise<string[]> {
  const cells = await engine.rows(`SELECT DISTINCT ${t.channel} AS cell FROM ${source.relation}`);
  await engine.run("CREATE TEMP TABLE channel_codes (cell VARCHAR, code INTEGER)");
  const names: string[] = [];
  const values = cells.map(({ cell }, code) => {
    names.push(String(cell).trim().toLowerCase());
    return `(${sqlString(String(cell))}, ${code})`;
  });
  if (values.length > 0) await engine.run(`INSERT INTO channel_codes VALUES ${values.join(", ")}`);
  return names;
}

/** The period of an instant (epoch ms) in UTC, as periodOf computes it. */
function periodSql(at: string, kind: "week" | "month"): string {
  if (kind === "week") return `CAST(floor((${at} + ${3 * DAY_MS}) / ${7 * DAY_MS}) AS INTEGER)`;
  return `CAST(year(epoch_ms(${at})) * 12 + month(epoch_ms(${at})) - 1 AS INTEGER)`;
}

async function collapse(
  engine: Engine,
  source: TableSource,
  t: Typed,
  file: {
    path: string;
    header: string[];
    rows: number;
    people: PeopleData | null;
    ids: { roster: Person[]; index: Map<string, number> };
    channelNames: string[];
  },
  ctx: LoadContext,
): Promise<Loaded> {
  const { since, until } = ctx.window;
  const outside = [since === null ? null : `at_ms < ${since}`, until === null ? null : `at_ms >= ${until}`]
    .filter((c) => c !== null)
    .join(" OR ");
  const window = outside === "" ? "false" : `coalesce(${outside}, false)`;
  const grouped = `SELECT f.code AS from_code, r.code AS to_code, c.code AS channel, period, outside,
      sum(weight)::DOUBLE AS weight, count(*)::DOUBLE AS n, sum(duration)::DOUBLE AS duration,
      min(at_ms)::DOUBLE AS first_at, max(at_ms)::DOUBLE AS last_at, min(__row)::DOUBLE AS first_row
    FROM (SELECT *, ${periodSql("at_ms", ctx.period)} AS period, ${window} AS outside
      FROM (SELECT ${t.from} AS from_id, ${t.to} AS to_id, ${t.channel} AS cell, ${t.weight} AS weight,
        ${t.duration} AS duration, ${t.at} AS at_ms, __row FROM ${source.relation})) AS g
      JOIN person_codes f ON g.from_id = f.id JOIN person_codes r ON g.to_id = r.id JOIN channel_codes c ON g.cell = c.cell
    GROUP BY f.code, r.code, c.code, period, outside ORDER BY first_row`;
  const ties = new TieBuilder();
  const channels = new Set<string>();
  const range = new DateRange();
  let selfLoops = 0;
  let outsideWindow = 0;
  const result = await guarded(file.path, "not a readable Parquet file", () => engine.connection.stream(grouped));
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const v = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnVector(i));
    for (let r = 0; r < chunk.rowCount; r++) {
      const from = v[0].getItem(r) as number;
      const to = v[1].getItem(r) as number;
      const rows = v[6].getItem(r) as number;
      if (from === to) {
        selfLoops += rows;
        continue;
      }
      if (v[4].getItem(r) as boolean) {
        outsideWindow += rows;
        continue;
      }
      const channel = file.channelNames[v[2].getItem(r) as number];
      const first = v[8].getItem(r) as number | null;
      const last = v[9].getItem(r) as number | null;
      if (first !== null && last !== null) {
        range.add(first);
        range.add(last);
      }
      channels.add(channel);
      const weight = v[5].getItem(r) as number;
      const duration = v[7].getItem(r) as number;
      ties.addRows(from, to, weight, duration, channel, first, last, v[3].getItem(r) as number | null, rows);
    }
  }
  if (file.rows === 0)
    ctx.problems.add({
      file: file.path,
      message: "no interactions: the file has a header but no rows",
      expected: "one row per interaction (or per pair and period)",
    });
  if (selfLoops > 0)
    ctx.warnings.push(`${file.path}: ${plural(selfLoops, "row")} where a person interacts with themselves left out`);
  if (outsideWindow > 0)
    ctx.warnings.push(`${file.path}: ${plural(outsideWindow, "row")} outside --since/--until left out`);
  const dates = range.value;
  ctx.files.push(
    summariseFile(
      "interactions",
      { path: file.path, encoding: "utf-8", delimiter: "", header: file.header, rows: file.rows, notes: [] },
      dates,
    ),
  );
  return {
    interactions: {
      ties: ties.ties(),
      rows: file.rows,
      selfLoops,
      outsideWindow,
      timestamped: t.at !== "NULL::BIGINT",
      first: dates ? dates[0] : null,
      last: dates ? dates[1] : null,
      channels: [...channels].filter((c) => c !== "").sort(),
    },
    people: file.people ?? {
      people: file.ids.roster,
      index: file.ids.index,
      attributeColumns: [],
      source: "interactions-inline",
    },
  };
}
