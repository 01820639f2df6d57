// `relaudit aggregate`: raw collaboration events (one row per email, message, call or meeting) → interactions, one row
// per sender, recipient, period and channel. The work is sql/aggregate-interactions.sql — the file warehouse teams run
// on their own engine — run by DuckDB over the raw file: streaming, on every core, within a memory limit (spilling to
// a temporary folder beyond it). This module maps the raw columns onto the SQL's input and writes the result.
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../../model/problems.js";
import type { PeriodKind } from "../../model/periods.js";
import { resolveColumns } from "../columns.js";
import { openEngine, sqlIdent, sqlString, type Engine } from "./engine.js";
import { asTable, describe, type Column } from "./rows.js";
import { guarded } from "./source.js";

const RAW_EVENT_COLUMNS = {
  sender: {
    aliases: ["sender", "from", "organiser", "organizer", "source"],
    required: true,
    description: "who sent it or organised it",
  },
  recipients: {
    aliases: ["recipients", "recipient", "to", "attendees", "participants", "target"],
    required: true,
    description: "who received it or attended, separated by ';' (or a list column)",
  },
  timestamp: {
    aliases: ["timestamp", "time", "datetime", "date", "sent", "start", "start_time", "event_time"],
    required: true,
    description: "when it happened",
  },
  channel: { aliases: ["channel", "type", "medium", "kind"], description: "email, chat, call, meeting, ..." },
  duration: { aliases: ["duration_minutes", "duration", "minutes"], description: "minutes spent" },
} as const;

export interface AggregateOptions {
  /** Raw events: a Parquet file or glob, or a CSV file (read by DuckDB's CSV reader). */
  input: string;
  /** Where to write, and as what. */
  out: string;
  format: "parquet" | "csv";
  period: PeriodKind;
  timeZone: string;
  /** Events with more recipients are left out; 0 = no limit. */
  maxRecipients: number;
  threads?: number;
  memoryLimit?: string;
  /** Passes over the events, each for one range of senders (default: enough to stay within the memory limit). */
  passes?: number;
  /** Told when each pass starts (progress for a long run). */
  onPass?: (pass: number, passes: number) => void;
  /** Told of each temporary part file before it is written, so the face can remove it if a signal stops the run. */
  onTempFile?: (path: string) => void;
}

export interface AggregateSummary {
  events: number;
  rows: number;
  pairs: number;
  interactions: number;
  first: string | null;
  last: string | null;
  /** Passes the work took (each over one range of senders). */
  passes: number;
}

// DuckDB's hash aggregates (the DISTINCT over events and the GROUP BY over pairs) do not stay within its memory limit
// on their own: the whole log in one pass ran out of memory at 10⁸ events under 3 GB, having spilled 12 GiB. Every
// step of the SQL is keyed by sender, so it runs once per range of senders: each pass is exact, and the passes, in
// sender order, are the whole output in the SQL's own order. A pass gets about BYTES_PER_EVENT of the memory limit
// per event, after SCAN_RESERVE for reading the file (DuckDB decodes a Parquet row group of up to 10⁶ rows per
// thread: ~230 MiB on two threads). Each pass reads the file again (~1.7 CPU-s per 10⁷ events); at 10⁷ events four
// passes took the CPU of one and a third of its memory.
const BYTES_PER_EVENT = 150;
const SCAN_RESERVE = 512 * 2 ** 20;

/** The SQL file as shipped (beside dist/ when bundled, two folders up from src/load/duckdb otherwise). */
function aggregateSql(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const root of [join(here, ".."), join(here, "..", "..", "..")]) {
    try {
      return readFileSync(join(root, "sql", "aggregate-interactions.sql"), "utf8");
    } catch {
      // not this layout
    }
  }
  throw new Error("sql/aggregate-interactions.sql is missing from the installation");
}

/** The SQL with relaudit's settings in place of the file's defaults (the line marked "relaudit: settings"). */
function configuredSql(settings: { maxRecipients: number; period: PeriodKind }): string {
  const sql = aggregateSql().replace(/;\s*$/, "");
  const line = /^\s*SELECT \d+ AS max_recipients, '(week|month)' AS period -- relaudit: settings$/m;
  if (!line.test(sql)) throw new Error("the settings line of sql/aggregate-interactions.sql has changed");
  return sql.replace(
    line,
    `  SELECT ${settings.maxRecipients} AS max_recipients, '${settings.period}' AS period -- relaudit: settings`,
  );
}

/** Runs the aggregation and writes `out`; returns what was read and written. */
export async function aggregateEvents(options: AggregateOptions): Promise<AggregateSummary> {
  const engine = await openEngine({ threads: options.threads, memoryLimit: options.memoryLimit, preserveOrder: false });
  try {
    await engine.run(`SET TimeZone = ${sqlString(options.timeZone)}`).catch(() => {
      throw new InputError({ option: "--time-zone", message: `unknown time zone "${options.timeZone}"` });
    });
    const scan = await rawScan(engine, options.input);
    const columns = await describe(engine, { label: options.input, kind: "parquet", relation: scan });
    await engine.run(`CREATE TEMP VIEW all_events AS ${rawEventsView(columns, scan, options)}`);
    const [read] = await engine.rows(`SELECT count(*)::DOUBLE AS events FROM ${scan}`);
    const events = Number(read.events);
    const perPass = Math.max(100_000, ((await memoryLimitBytes(engine)) - SCAN_RESERVE) / BYTES_PER_EVENT);
    const passes = options.passes ?? Math.max(1, Math.ceil(events / perPass));
    const ranges = passes > 1 ? await senderRanges(engine, options.input, passes) : [""];
    const sql = configuredSql(options);
    const format = options.format === "csv" ? "(FORMAT csv, HEADER)" : "(FORMAT parquet, COMPRESSION zstd)";
    const parts = ranges.map((_, i) => (ranges.length === 1 ? options.out : `${options.out}.${i}.parquet`));
    if (ranges.length > 1) for (const part of parts) options.onTempFile?.(part);
    try {
      for (const [i, range] of ranges.entries()) {
        options.onPass?.(i + 1, ranges.length);
        await engine.run(`CREATE OR REPLACE TEMP VIEW raw_events AS SELECT * FROM all_events ${range}`);
        const to = ranges.length === 1 ? format : "(FORMAT parquet, COMPRESSION snappy)";
        await guarded(options.input, "the events could not be aggregated", () =>
          engine.run(`COPY (${sql}) TO ${sqlString(parts[i])} ${to}`),
        );
      }
      // The passes in sender order are the output in order: read back in that order and written as one file.
      if (ranges.length > 1) {
        await engine.run("SET preserve_insertion_order = true");
        await guarded(options.input, "the events could not be aggregated", () =>
          engine.run(
            `COPY (SELECT * FROM read_parquet([${parts.map(sqlString).join(", ")}])) TO ${sqlString(options.out)} ${format}`,
          ),
        );
      }
    } finally {
      if (ranges.length > 1) for (const part of parts) rmSync(part, { force: true });
    }
    const output =
      options.format === "csv"
        ? `read_csv(${sqlString(options.out)}, header = true, delim = ',', quote = '"', escape = '"')`
        : `read_parquet(${sqlString(options.out)})`;
    const [written] = await engine.rows(`SELECT count(*)::DOUBLE AS n_rows,
        count(DISTINCT ("from", "to"))::DOUBLE AS pairs, coalesce(sum(weight), 0)::DOUBLE AS interactions,
        strftime(min("date"), '%Y-%m-%d') AS first_date, strftime(max("date"), '%Y-%m-%d') AS last_date
      FROM ${output}`);
    return {
      events,
      rows: Number(written.n_rows),
      pairs: Number(written.pairs),
      interactions: Number(written.interactions),
      first: (written.first_date as string | null) ?? null,
      last: (written.last_date as string | null) ?? null,
      passes: ranges.length,
    };
  } finally {
    engine.close();
  }
}

/** DuckDB's memory limit in bytes, from its own setting (e.g. "2.7 GiB"). */
async function memoryLimitBytes(engine: Engine): Promise<number> {
  const [row] = await engine.rows("SELECT current_setting('memory_limit') AS limit");
  const match = /^([\d.]+)\s*(bytes|[KMGTP]i?B)$/i.exec(String(row.limit).trim());
  if (!match) throw new Error(`unexpected DuckDB memory_limit setting "${String(row.limit)}"`);
  const unit = match[2].toUpperCase();
  const power = unit === "BYTES" ? 0 : "KMGTP".indexOf(unit[0]) + 1;
  return Number(match[1]) * (unit.includes("I") ? 1024 : 1000) ** power;
}

/**
 * WHERE clauses splitting the events into `passes` ranges of (trimmed) sender, as the SQL trims it, with about as
 * many events in each: from each sender's event count, so one pass over the sender column. Senders without a name
 * fall in the first range, where the SQL leaves them out as it would in one pass.
 */
async function senderRanges(engine: Engine, input: string, passes: number): Promise<string[]> {
  const bounds = await guarded(input, "the events could not be read", () =>
    engine.rows(`WITH senders AS (SELECT TRIM(sender) AS sender, count(*) AS n FROM all_events
        WHERE sender IS NOT NULL GROUP BY 1),
      placed AS (SELECT sender, floor((sum(n) OVER (ORDER BY sender ROWS UNBOUNDED PRECEDING) - n) * ${passes}
        / sum(n) OVER ()) AS range FROM senders)
      SELECT min(sender) AS bound FROM placed WHERE range > 0 GROUP BY range ORDER BY 1`),
  );
  const at = bounds.map((b) => sqlString(String(b.bound)));
  return [...at, null].map((bound, i) => {
    const from = i === 0 ? null : `TRIM(sender) >= ${at[i - 1]}`;
    const below = bound === null ? null : `TRIM(sender) < ${bound}`;
    return from || below ? `WHERE ${[from, below].filter(Boolean).join(" AND ")}` : "";
  });
}

/** A FROM clause over the raw file: Parquet (a file or glob) or CSV (DuckDB's reader, types detected). */
async function rawScan(engine: Engine, input: string): Promise<string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input))
    throw new InputError({
      file: input,
      message: "only local files are read",
      hint: "copy the files to this machine first",
    });
  const files = await guarded(input, "not a readable path", () =>
    engine.rows(`SELECT file FROM glob(${sqlString(input)})`),
  );
  if (files.length === 0)
    throw new InputError({ file: input, message: "no such file (or no file matches the pattern)" });
  const reader = /\.parquet$/i.test(input) ? "read_parquet" : "read_csv";
  const scan = `${reader}(${sqlString(input)})`;
  await guarded(input, `not a readable ${reader === "read_parquet" ? "Parquet" : "CSV"} file`, () =>
    engine.rows(`SELECT * FROM ${scan} LIMIT 1`),
  );
  return `(SELECT *, 0 AS __row FROM ${scan})`;
}

/** raw_events as the SQL file expects it: text sender and recipients, a wall-clock event_time, text channel. */
function rawEventsView(columns: Column[], scan: string, options: AggregateOptions): string {
  const header = columns.map((c) => c.name);
  const resolve = () => resolveColumns(header, RAW_EVENT_COLUMNS, options.input);
  // A raw CSV's header is its line 1; a Parquet file has column names but no header line.
  const col = /\.parquet$/i.test(options.input) ? asTable(options.input, resolve) : resolve();
  const ref = (i: number) => sqlIdent(columns[i].name);
  const type = (i: number) => columns[i].type.toUpperCase();
  const expect = (i: number, expected: string) =>
    new InputError({
      file: options.input,
      column: columns[i].name,
      message: `column "${columns[i].name}" holds ${type(i)} values`,
      expected,
      hint: "convert the column in the export, or point the option at the right column",
    });
  const recipients = type(col.recipients).endsWith("[]")
    ? `array_to_string(${ref(col.recipients)}, ';')`
    : `CAST(${ref(col.recipients)} AS VARCHAR)`;
  const t = type(col.timestamp);
  let at: string;
  // An instant in UTC is its own wall-clock time: from its microseconds by arithmetic, where timezone() looks the
  // zone up row by row (about 1 µs a row, 25 times the arithmetic: minutes at 10⁸ events). ±infinity has no
  // microseconds (make_timestamp gives NULL and the event would vanish), so it keeps the timezone() reading.
  if ((t === "TIMESTAMP WITH TIME ZONE" || t === "TIMESTAMPTZ") && options.timeZone === "UTC")
    at = `CASE WHEN isfinite(${ref(col.timestamp)}) THEN make_timestamp(epoch_us(${ref(col.timestamp)})) ELSE timezone('UTC', ${ref(col.timestamp)}) END`;
  else if (t === "TIMESTAMP WITH TIME ZONE" || t === "TIMESTAMPTZ")
    at = `timezone(${sqlString(options.timeZone)}, ${ref(col.timestamp)})`;
  else if (t.startsWith("TIMESTAMP") || t === "DATE") at = `CAST(${ref(col.timestamp)} AS TIMESTAMP)`;
  else throw expect(col.timestamp, "timestamps (a TIMESTAMP or DATE column, or text DuckDB reads as one)");
  const duration = col.duration < 0 ? "0" : ref(col.duration);
  if (col.duration >= 0 && !/INT|DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC/.test(type(col.duration)))
    throw expect(col.duration, "numbers of minutes");
  return `SELECT CAST(${ref(col.sender)} AS VARCHAR) AS sender, ${recipients} AS recipients, ${at} AS event_time,
      ${col.channel < 0 ? "''" : `CAST(${ref(col.channel)} AS VARCHAR)`} AS channel,
      CAST(${duration} AS DOUBLE) AS duration_minutes
    FROM ${scan}`;
}
