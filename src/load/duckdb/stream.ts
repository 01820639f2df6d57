// The typed rows of a Parquet file or DuckDB table streamed from DuckDB, in source order, into the CSV loader's own
// collector (load/interaction-collector.ts): the ties, people, channels, dates, orders and sums are those of reading
// the same rows from CSV, because the same code builds them from the same values in the same order.
//
// Why rows and not DuckDB's GROUP BYs: grouping L's 12M rows by pair, by pair and period and by pair and channel cost
// DuckDB ~6 s of CPU (2.5M pair-period groups), more than the collector's whole loop. Only numbers cross into
// JavaScript: text there costs a string per value, so ids and channels come as 53-bit hashes of their text, looked up
// in a table of the file's distinct values (read first, in a small query, and checked for collisions). Per chunk of
// 2,048 rows a fetch costs a hand-over between threads, so the columns are few and the query does no more than
// convert.
import type { DuckDBDataChunk } from "@duckdb/node-api";
import type { PeopleData } from "../../model/types.js";
import type { InteractionCollector } from "../interaction-collector.js";
import type { Engine } from "./engine.js";
import { guarded } from "./source.js";
import { HashCodes } from "./hash-codes.js";

/** A relation with from_id, to_id (text), cell (raw channel text), weight, duration (DOUBLE) and at_ms (or NULL). */
export interface TypedRows {
  relation: string;
  label: string;
}

/** Whole-number sums stay exact in a double below 2^53. */
const EXACT = 2 ** 53;
/** Instants the streamed path takes (years 1000 to 9999), in epoch ms; the row path judges any other date. */
const [YEAR_1000, YEAR_9999] = [-30_610_224_000_000, 253_402_300_799_999];
/** A value's hash as an exact double (DuckDB's hash is 64 bits; its top 53 survive). */
const hashed = (expression: string) => `(hash(${expression}) >> 11)::DOUBLE`;

/** What a person's code stands for: their index, or (without people.csv) their id until they first appear. */
interface Ids {
  codes: HashCodes;
  /** Person index by code; −1 until the code's id first appears (without people.csv). */
  person: Int32Array;
  id: string[];
}

/**
 * The distinct ids of the file, coded; null when a row must go the row-by-row path: a null, blank or padded id (the
 * CSV loader trims and reports), an id people.csv lacks, or two ids with one hash.
 */
async function distinctIds(engine: Engine, rows: TypedRows, people: PeopleData | null): Promise<Ids | null> {
  const found = await guarded(rows.label, "not a readable Parquet file", () =>
    engine.rows(`SELECT id, ${hashed("id")} AS code FROM (SELECT from_id AS id FROM ${rows.relation}
      UNION ALL SELECT to_id FROM ${rows.relation}) GROUP BY id`),
  );
  const codes = new HashCodes(found.length);
  const ids: Ids = { codes, person: new Int32Array(found.length).fill(-1), id: [] };
  for (const { id, code } of found) {
    if (typeof id !== "string" || id === "" || id !== id.trim()) return null;
    const known = people ? people.index.get(id) : undefined;
    if (people && known === undefined) return null;
    const c = codes.add(code as number);
    if (c < 0) return null;
    ids.id[c] = id;
    if (known !== undefined) ids.person[c] = known;
  }
  return ids;
}

/** The distinct channel cells, coded, and each one's channel name (trimmed, lower case, as the CSV loader names it). */
async function distinctChannels(engine: Engine, rows: TypedRows, channelOf: (cell: string) => string) {
  const found = await engine.rows(`SELECT cell, ${hashed("cell")} AS code FROM ${rows.relation} GROUP BY cell`);
  const codes = new HashCodes(found.length);
  const names: string[] = [];
  for (const { cell, code } of found) {
    const c = codes.add(code as number);
    if (c < 0) return null;
    names[c] = channelOf(String(cell));
  }
  return { codes, names };
}

/** Each column of a chunk as its typed array (DOUBLE columns only; see `items` below). */
function columnsOf(chunk: DuckDBDataChunk): Float64Array[] {
  return Array.from({ length: chunk.columnCount }, (_, i) => {
    // The vector's own values, not copied (@duckdb/node-api 1.5.6-r.1, pinned; `items` is private in its typings).
    const items = (chunk.getColumnVector(i) as unknown as { items?: unknown }).items;
    if (!(items instanceof Float64Array)) throw new Error("DuckDB's DOUBLE vectors no longer expose their values");
    return items;
  });
}

/**
 * Streams every row into the collector, as the CSV loader's plain-row readers do; false (having added nothing to the
 * load context) when a row needs the row-by-row path: see distinctIds, and weights or durations that are not whole
 * numbers below 2^53 (as the CSV byte path, which takes only whole-number cells: the row path parses and judges the
 * rest), sums past 2^53, or instants outside the years 1000–9999.
 */
export async function streamRows(
  engine: Engine,
  rows: TypedRows,
  people: PeopleData | null,
  collector: InteractionCollector,
): Promise<boolean> {
  const ids = await distinctIds(engine, rows, people);
  const channels = ids && (await distinctChannels(engine, rows, collector.channelOf));
  if (!ids || !channels) return false;
  /** The person of an id's hash; −1 for a hash not in the table (DuckDB hashed a value differently: never seen). */
  const personOf = (code: number): number => {
    const c = ids.codes.find(code);
    if (c < 0) return -1;
    // Without people.csv, people are numbered in order of first appearance, the sender before the recipient.
    if (ids.person[c] < 0) ids.person[c] = collector.personIndex(ids.id[c], 0, "");
    return ids.person[c];
  };
  let [weights, minutes] = [0, 0];
  /** Adds a chunk's rows; false at the first row that needs the row path. */
  const addRows = ([from, to, at, cell, weight, duration]: Float64Array[], count: number): boolean => {
    for (let r = 0; r < count; r++) {
      const w = weight[r];
      const d = duration[r];
      const t = at[r];
      if (!(w >= 0 && w < EXACT && w === Math.trunc(w)) || !(d >= 0 && d < EXACT && d === Math.trunc(d))) return false;
      if (t < YEAR_1000 || t > YEAR_9999) return false;
      weights += w;
      minutes += d;
      const f = personOf(from[r]);
      const o = personOf(to[r]);
      const c = channels.codes.find(cell[r]);
      if (f < 0 || o < 0 || c < 0) return false;
      collector.rows++;
      collector.accept(f, o, Number.isNaN(t) ? null : t, w, d, channels.names[c]);
    }
    return true;
  };
  const result = await engine.connection.stream(`SELECT ${hashed("from_id")}, ${hashed("to_id")},
      coalesce(at_ms::DOUBLE, 'NaN'::DOUBLE), ${hashed("cell")}, weight::DOUBLE, duration::DOUBLE FROM ${rows.relation}`);
  // The next chunk is asked for before this one is read, so DuckDB decodes it while JavaScript adds this one's rows
  // (one fetch at a time: a result's fetches must not overlap). Without it the main thread waited ~4.6 s of L's read.
  let next = result.fetchChunk();
  try {
    for (;;) {
      const chunk = await guarded(rows.label, "not a readable Parquet file", () => next);
      const count = chunk ? chunk.rowCount : 0;
      if (count === 0) break;
      next = result.fetchChunk();
      if (!addRows(columnsOf(chunk!), count)) return false;
    }
  } finally {
    // A fetch still under way when a row sends the file to the row path ends before the caller closes the engine.
    await next.catch(() => null);
  }
  return weights < EXACT && minutes < EXACT;
}
