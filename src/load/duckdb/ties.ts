// Ties computed by DuckDB: one GROUP BY per pair of ids (which also yields the checks, the people in order of first
// appearance and the row counts), then one per pair and period and one per pair and channel cell, so JavaScript sees
// one row per tie and per cell instead of one per interaction. The Tie objects are those TieBuilder makes from the
// same rows one by one: ties in order of first appearance, channels in the file's order of first appearance, periods
// ascending, sums exact (whole numbers below 2^53, checked here).
import type { Person, Tie } from "../../model/types.js";
import type { DuckDBDataChunk } from "@duckdb/node-api";
import type { Engine } from "./engine.js";
import { guarded } from "./source.js";
import { tiePeriods } from "../tie-periods.js";

/** A relation with from_id, to_id (text), cell (raw channel text), weight, duration, at_ms, period, outside, __row. */
export interface TypedRows {
  relation: string;
  label: string;
}

export const NO_TIME = "NULL::BIGINT";
/** Whole-number sums stay exact in a double below 2^53. */
const EXACT = 2 ** 53;
/** Instants the CSV reader's dates cover (years 1000 to 9999), in epoch ms. */
const [YEAR_1000, YEAR_9999] = [-30_610_224_000_000, 253_402_300_799_999];
const COUNTED = "from_id <> to_id AND NOT outside";

export interface Pairs {
  ids: { roster: Person[]; index: Map<string, number> };
  total: number;
  selfLoops: number;
  outsideWindow: number;
}

/**
 * Groups the rows by pair (and window side) into a temporary table; null when a row needs the row-by-row path.
 * People come from people.csv or, without it, in order of first appearance, the sender before the recipient of a
 * row, as the CSV loader discovers them (a pair's first row is the first row of each of its ids that it holds).
 */
export async function collapsePairs(
  engine: Engine,
  rows: TypedRows,
  people: { people: Person[]; index: Map<string, number> } | null,
): Promise<Pairs | null> {
  await guarded(rows.label, "not a readable Parquet file", () =>
    engine.run(`CREATE TEMP TABLE pairs AS SELECT from_id, to_id, outside, hash(from_id) AS hf, hash(to_id) AS ht,
        sum(weight)::DOUBLE AS weight, count(*)::DOUBLE AS n, sum(duration)::DOUBLE AS duration,
        coalesce(min(at_ms)::DOUBLE, 'NaN') AS first_at, coalesce(max(at_ms)::DOUBLE, 'NaN') AS last_at,
        min(__row) AS first_row,
        count(*) FILTER (WHERE NOT (weight >= 0 AND weight < ${EXACT} AND weight = trunc(weight))
          OR NOT (duration >= 0 AND duration < ${EXACT} AND duration = trunc(duration))
          OR at_ms < ${YEAR_1000} OR at_ms > ${YEAR_9999})::DOUBLE AS inexact
      FROM ${rows.relation} GROUP BY from_id, to_id, outside`),
  );
  const [check] = await engine.rows(`SELECT sum(n)::DOUBLE AS total, sum(inexact)::DOUBLE AS inexact,
      count(*) FILTER (WHERE from_id IS NULL OR to_id IS NULL)::DOUBLE AS null_ids,
      coalesce(sum(weight), 0)::DOUBLE AS weights, coalesce(sum(duration), 0)::DOUBLE AS minutes,
      coalesce(sum(n) FILTER (WHERE from_id = to_id), 0)::DOUBLE AS self_loops,
      coalesce(sum(n) FILTER (WHERE from_id <> to_id AND outside), 0)::DOUBLE AS outside_window FROM pairs`);
  const n = (key: string) => Number(check[key] ?? 0);
  if (n("inexact") > 0 || n("null_ids") > 0 || !(n("weights") < EXACT && n("minutes") < EXACT)) return null;
  const distinct = await engine.rows(`SELECT id FROM (SELECT from_id AS id, first_row * 2 AS pos FROM pairs
      UNION ALL SELECT to_id, first_row * 2 + 1 FROM pairs) GROUP BY id ORDER BY min(pos)`);
  const roster: Person[] = people ? people.people : [];
  const index = people ? people.index : new Map<string, number>();
  for (const { id: cell } of distinct) {
    const id = String(cell);
    if (id === "" || id !== id.trim()) return null;
    if (index.has(id)) continue;
    if (people) return null;
    index.set(id, roster.length);
    roster.push({ id, attributes: {} });
  }
  return {
    ids: { roster, index },
    total: n("total"),
    selfLoops: n("self_loops"),
    outsideWindow: n("outside_window"),
  };
}

/**
 * Each column of a chunk: numeric columns as their typed arrays (Int32Array, Float64Array: no value is copied or
 * converted, and a row costs an array read), text columns as strings. The typed array is the vector's own `items`
 * (@duckdb/node-api 1.5.6-r.1, pinned; private in its typings): when a version lacks it, the values are converted
 * one by one instead. The queries read here never yield NULL in a numeric column.
 */
function columnsOf(chunk: DuckDBDataChunk): ArrayLike<unknown>[] {
  return Array.from({ length: chunk.columnCount }, (_, i) => {
    const vector = chunk.getColumnVector(i);
    const items = (vector as unknown as { items?: unknown }).items;
    if (items instanceof Float64Array || items instanceof Int32Array) return items;
    return vector.toArray();
  });
}

/** Visits a query's result a chunk at a time, as columns. */
async function eachChunk(engine: Engine, sql: string, visit: (columns: ArrayLike<unknown>[], rows: number) => void) {
  const result = await engine.connection.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    const rows = chunk ? chunk.rowCount : 0;
    if (!chunk || rows === 0) return;
    visit(columnsOf(chunk), rows);
  }
}

/** `into` with `from`'s values at its start. */
function grown<T extends Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

/** The ties of the counted rows, and the channel names in order of first appearance. */
export async function tiesOf(
  engine: Engine,
  rows: TypedRows,
  index: Map<string, number>,
): Promise<{ ties: Tie[]; channels: string[] }> {
  // The cell queries key pairs by the hashes of their ids: a collision would merge two ties, so it is ruled out.
  await engine.run(`CREATE TEMP TABLE tie_numbers AS SELECT hf, ht, from_id, to_id, weight, n, duration, first_at,
      last_at, (row_number() OVER (ORDER BY first_row) - 1)::INTEGER AS tie FROM pairs WHERE ${COUNTED}`);
  const [{ distinct, all }] = await engine.rows(
    "SELECT count(DISTINCT (hf, ht))::DOUBLE AS distinct, count(*)::DOUBLE AS all FROM tie_numbers",
  );
  if (distinct !== all) throw new Error("two pairs of ids share a hash");

  const ties: Tie[] = [];
  const sql = "SELECT from_id, to_id, weight, n, first_at, last_at, duration FROM tie_numbers ORDER BY tie";
  // Each tie's periods are set once all are read (below); until then, one empty map shared by all.
  const none: ReadonlyMap<number, number> = new Map();
  await eachChunk(engine, sql, ([from, to, weight, n, first, last, duration], count) => {
    for (let r = 0; r < count; r++) {
      const [f, l] = [first[r] as number, last[r] as number];
      ties.push({
        from: index.get(from[r] as string)!,
        to: index.get(to[r] as string)!,
        weight: weight[r] as number,
        rows: n[r] as number,
        first: Number.isNaN(f) ? null : f,
        last: Number.isNaN(l) ? null : l,
        durationMinutes: duration[r] as number,
        channels: {},
        periods: none,
      });
    }
  });
  const periods = `SELECT tie, period, cell_weight FROM (SELECT hash(from_id) AS hf, hash(to_id) AS ht, period,
      sum(weight)::DOUBLE AS cell_weight FROM ${rows.relation} WHERE ${COUNTED} AND period IS NOT NULL GROUP BY ALL)
    JOIN tie_numbers USING (hf, ht) ORDER BY tie, period`;
  // Every tie's periods in one pair of arrays, each tie a read-only view of its range (load/tie-periods.ts), as the
  // CSV loader holds them: with a Map per tie the 10⁸-event audit (~24M tie-periods) ran out of V8's heap.
  const start = new Int32Array(ties.length + 1);
  let [period, weight, cells] = [new Int32Array(1 << 16), new Float64Array(1 << 16), 0];
  await eachChunk(engine, periods, ([tie, p, w], count) => {
    if (cells + count > period.length) {
      const size = Math.max(cells + count, Math.ceil(period.length * 1.5));
      [period, weight] = [grown(period, new Int32Array(size)), grown(weight, new Float64Array(size))];
    }
    for (let r = 0; r < count; r++, cells++) {
      start[(tie[r] as number) + 1]++;
      period[cells] = p[r] as number;
      weight[cells] = w[r] as number;
    }
  });
  for (let t = 0; t < ties.length; t++) start[t + 1] += start[t];
  const views = tiePeriods({ start, period: period.subarray(0, cells), weight: weight.subarray(0, cells) });
  ties.forEach((tie, t) => (tie.periods = views[t]));
  return { ties, channels: await addChannels(engine, rows, ties) };
}

/**
 * Each tie's weight per channel, channels in order of first appearance among the counted rows. Cells that differ only
 * in case or surrounding space are one channel, as in the CSV loader: their sums are added (exactly).
 */
async function addChannels(engine: Engine, rows: TypedRows, ties: Tie[]): Promise<string[]> {
  await engine.run(`CREATE TEMP TABLE channel_cells AS SELECT hash(from_id) AS hf, hash(to_id) AS ht, cell,
      sum(weight)::DOUBLE AS cell_weight, min(__row) AS cell_row FROM ${rows.relation} WHERE ${COUNTED} GROUP BY ALL`);
  const cells = await engine.rows("SELECT cell, min(cell_row)::DOUBLE AS first_row FROM channel_cells GROUP BY cell");
  const firstRow = new Map<string, number>();
  for (const { cell, first_row } of cells) {
    const name = String(cell).trim().toLowerCase();
    firstRow.set(name, Math.min(Number(first_row), firstRow.get(name) ?? Infinity));
  }
  const channels = [...firstRow.keys()].sort((a, b) => firstRow.get(a)! - firstRow.get(b)!);
  const rank = new Map(channels.map((name, i) => [name, i]));
  await engine.run("CREATE TEMP TABLE channel_ranks (cell VARCHAR, channel INTEGER)");
  const appender = await engine.connection.createAppender("channel_ranks");
  for (const { cell } of cells) {
    appender.appendVarchar(String(cell));
    appender.appendInteger(rank.get(String(cell).trim().toLowerCase())!);
    appender.endRow();
  }
  appender.closeSync();
  const sql = `SELECT tie, channel, sum(cell_weight)::DOUBLE FROM channel_cells JOIN channel_ranks USING (cell)
    JOIN tie_numbers USING (hf, ht) GROUP BY tie, channel ORDER BY tie, channel`;
  await eachChunk(engine, sql, ([tie, channel, weight], count) => {
    for (let r = 0; r < count; r++)
      ties[tie[r] as number].channels[channels[channel[r] as number]] = weight[r] as number;
  });
  return channels;
}
