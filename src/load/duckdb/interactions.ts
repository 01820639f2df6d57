// interactions as Parquet or a DuckDB table, collapsed by DuckDB (multi-threaded, in its own memory) instead of row
// by row in JavaScript. The ties, people, channels, orders and counts are those the CSV loader gives for the same
// rows (test/load/parquet-inputs.test.ts). Data that only the row-by-row path can judge goes there instead (the
// caller gets null): anything with a problem to report (null, blank or unknown ids, negative or non-finite numbers),
// ids with surrounding space (which the CSV loader trims), text where numbers or timestamps are expected (parsed as in
// CSV), fractional weights or durations (whose sums depend on the order of addition), wall-clock timestamps outside
// UTC, and inline attributes (Viva Insights exports without people.csv).
import type { InteractionData, PeopleData } from "../../model/types.js";
import { summariseFile, DateRange, type LoadContext } from "../context.js";
import { resolveColumns } from "../columns.js";
import { plural } from "../../text/format.js";
import { openEngine, sqlIdent } from "./engine.js";
import { collapsePairs, NO_TIME, tiesOf, type TypedRows } from "./ties.js";
import { asTable, describe, type Column } from "./rows.js";
import { openSource } from "./source.js";
import { INTERACTION_COLUMNS, INLINE_PREFIX } from "../interactions.js";

type Loaded = { interactions: InteractionData; people: PeopleData };

const INTEGER = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*)$/;
const NUMBER = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|INT\d*|FLOAT|REAL|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;
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
    const col = asTable(path, () => resolveColumns(header, INTERACTION_COLUMNS, path));
    const typed = typedColumns(columns, col, ctx.config.timeZone);
    if (!typed) return null;
    if (!people && header.some((h) => Object.values(INLINE_PREFIX).some((p) => h.toLowerCase().startsWith(p))))
      return null;
    const { since, until } = ctx.window;
    const outside = [since === null ? null : `at_ms < ${since}`, until === null ? null : `at_ms >= ${until}`]
      .filter((c) => c !== null)
      .join(" OR ");
    const rows: TypedRows = {
      relation: `(SELECT *, ${periodSql("at_ms", ctx.period)} AS period,
          ${outside === "" ? "false" : `coalesce(${outside}, false)`} AS outside
        FROM (SELECT ${typed.from} AS from_id, ${typed.to} AS to_id, ${typed.channel} AS cell, ${typed.weight} AS weight,
          ${typed.duration} AS duration, ${typed.at} AS at_ms, __row FROM ${source.relation}))`,
      label: path,
    };
    const pairs = await collapsePairs(engine, rows, people);
    if (!pairs) return null;
    const { ties, channels } = await tiesOf(engine, rows, pairs.ids.index);
    const range = new DateRange();
    for (const tie of ties) {
      if (tie.first !== null) range.add(tie.first);
      if (tie.last !== null) range.add(tie.last);
    }
    const { total, selfLoops, outsideWindow } = pairs;
    if (total === 0)
      ctx.problems.add({
        file: path,
        message: "no interactions: the file has a header but no rows",
        expected: "one row per interaction (or per pair and period)",
      });
    if (selfLoops > 0)
      ctx.warnings.push(`${path}: ${plural(selfLoops, "row")} where a person interacts with themselves left out`);
    if (outsideWindow > 0)
      ctx.warnings.push(`${path}: ${plural(outsideWindow, "row")} outside --since/--until left out`);
    const dates = range.value;
    const info = { path, encoding: "utf-8", delimiter: "", header, rows: total, notes: [] };
    ctx.files.push(summariseFile("interactions", info, dates));
    return {
      interactions: {
        ties,
        rows: total,
        selfLoops,
        outsideWindow,
        timestamped: typed.at !== NO_TIME,
        first: dates ? dates[0] : null,
        last: dates ? dates[1] : null,
        channels: channels.filter((c) => c !== "").sort(),
      },
      people: people ?? {
        people: pairs.ids.roster,
        index: pairs.ids.index,
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

/** The period of an instant (epoch ms) in UTC, as periodOf computes it. */
function periodSql(at: string, kind: "week" | "month"): string {
  if (kind === "week") return `CAST(floor((${at} + ${3 * DAY_MS}) / ${7 * DAY_MS}) AS INTEGER)`;
  return `CAST(year(epoch_ms(${at})) * 12 + month(epoch_ms(${at})) - 1 AS INTEGER)`;
}
