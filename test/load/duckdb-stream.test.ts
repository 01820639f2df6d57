// Interactions from Parquet are streamed from DuckDB into the CSV loader's collector (src/load/duckdb/stream.ts) when
// every row is plain, and read row by row as text otherwise. Whatever the rows, the loaded interactions (ties with
// their channels and periods, in order), the roster, the counts, the snapshot cadence, the warnings, the file summary
// and every problem must be those of the same rows written as CSV; and the streamed path must really be taken.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withDuckDB } from "../helpers/duckdb.js";
import { propertyRuns } from "../helpers/size.js";
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import type { LoadContext } from "../../src/load/context.js";
import { loadInteractions } from "../../src/load/interactions.js";
import { loadInteractionsFromTable } from "../../src/load/duckdb/interactions.js";
import { InputError, ProblemLog } from "../../src/model/problems.js";
import type { PeopleData } from "../../src/model/types.js";

const RUNS = propertyRuns(25, 200);
const KNOWN = ["P1", "P2", "P3", "P4"];
const mostly = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: odd });
const plainId = fc.constantFrom(...KNOWN);
const count = fc.constantFrom<number | null>(0, 1, 1, 2, 7, null);
// Instants around week and month ends, in UTC and in London's summer time.
const instant = fc.constantFrom<string | null>(
  "2026-05-03T23:30:00Z",
  "2026-05-04T09:30:00Z",
  "2026-05-10T23:59:59Z",
  "2026-05-31T23:15:00Z",
  "2026-06-01T00:00:00Z",
  "2026-06-08T00:00:00Z",
  null,
);
const channel = fc.constantFrom<string | null>("email", "Email", " meeting ", "1:1", "", "chat", null);
/** A row the streamed path reads, or (irregular) one that may hold values only the row path judges. */
const row = (irregular: boolean) =>
  fc.record({
    from: irregular ? mostly<string | null>(plainId, fc.constantFrom("P9", " P1", "", null)) : plainId,
    to: irregular ? mostly<string | null>(plainId, fc.constantFrom("P9", "P2 ", null)) : plainId,
    at: instant,
    channel,
    // Weights are DOUBLE in the Parquet file, so a fraction may occur (durations are BIGINT).
    weight: irregular ? mostly(count, fc.constantFrom(-1, 2.5)) : count,
    duration: irregular ? mostly(count, fc.constantFrom(-1)) : count,
  });
// Two files in three are plain throughout: one odd value sends a whole file to the row path.
const rows = fc.oneof(
  { weight: 2, arbitrary: fc.array(row(false), { maxLength: 40, size: "medium" }) },
  { weight: 1, arbitrary: fc.array(row(true), { maxLength: 40, size: "medium" }) },
);
const shape = fc.record({
  rows,
  withPeople: fc.boolean(),
  timeZone: fc.constantFrom("UTC", "Europe/London"),
  period: fc.constantFrom<"week" | "month">("week", "month"),
  window: fc.constantFrom<[number | null, number | null]>([null, null], [Date.UTC(2026, 4, 4), Date.UTC(2026, 5, 1)]),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

const people = (): PeopleData => ({
  people: KNOWN.map((id) => ({ id, attributes: {} })),
  index: new Map(KNOWN.map((id, i) => [id, i])),
  attributeColumns: [],
  source: "people",
});

const context = (s: Shape): LoadContext => ({
  config: { ...DEFAULT_CONFIG, timeZone: s.timeZone },
  csv: {},
  period: s.period,
  window: { since: s.window[0], until: s.window[1] },
  problems: new ProblemLog(),
  files: [],
  warnings: [],
});

/** Everything a load leaves, in comparable form; the file's path and delimiter made alike. */
async function loaded(path: string, s: Shape, load: typeof loadInteractions) {
  const ctx = context(s);
  try {
    const { interactions, people: roster, snapshot } = await load(path, s.withPeople ? people() : null, ctx);
    const ties = interactions.ties.map((t) => ({
      ...t,
      channels: Object.entries(t.channels),
      periods: [...t.periods],
    }));
    const files = ctx.files.map((f) => ({ ...f, path: "", delimiter: "", notes: [] }));
    const warnings = ctx.warnings.map((w) => w.replace(path, ""));
    // A CSV file's line 1 is its header; a Parquet file's row 1 is its first row.
    const line = (l: number | undefined) => (l !== undefined && path.endsWith(".csv") ? l - 1 : l);
    const problems = ctx.problems.problems.map((p) => ({
      ...p,
      file: "",
      line: line(p.line),
      ...(p.repeats ? { repeats: { ...p.repeats, lines: p.repeats.lines.map(line) } } : {}),
    }));
    return { interactions: { ...interactions, ties }, roster: roster.people, snapshot, files, warnings, problems };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: error.problems.map((p) => ({ ...p, file: "" })) };
  }
}

// No value holds a comma or a quote: cells are written as they are, a null as an empty cell.
const csvCell = (value: string | number | null) => (value === null ? "" : String(value));
const sql = (value: string | number | null) =>
  value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replace(/'/g, "''")}'`;

// Each value the streamed path must refuse, alone in a plain file (the generator's irregular files hold several).
const PLAIN = { from: "P1", to: "P2", at: "2026-05-04T09:30:00Z", channel: "email", weight: 1, duration: 0 };
const ODD_ONES: Shape[] = [
  { from: " P1" },
  { from: "" },
  { from: null },
  { from: "P9" },
  { to: "P2 " },
  { weight: -1 },
  { weight: 2.5 },
  { duration: -1 },
].flatMap((odd) =>
  [true, false].map((withPeople) => ({
    rows: [PLAIN, { ...PLAIN, ...odd }, { ...PLAIN, from: "P3" }],
    withPeople,
    timeZone: "UTC" as const,
    period: "week" as const,
    window: [null, null] as [null, null],
  })),
);
// Past one DuckDB chunk (2,048 rows): plain throughout (streamed chunk after chunk), and with one odd row at the end
// (the file goes to the row path while the next chunk's fetch is under way).
const LONG = Array.from({ length: 2_100 }, (_, i) => ({ ...PLAIN, from: KNOWN[i % 4], to: KNOWN[(i + 1) % 4] }));
const LONG_ONES: Shape[] = [LONG, [...LONG, { ...PLAIN, weight: 2.5 }]].map((rows) => ({
  rows,
  withPeople: true,
  timeZone: "UTC",
  period: "week",
  window: [null, null],
}));

describe("Parquet interactions streamed from DuckDB equal the same rows read from CSV", () => {
  it(
    "on generated rows, plain and irregular",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "relaudit-duckdb-stream-"));
      let [n, streamed] = [0, 0];
      await withDuckDB((connection) =>
        fc.assert(
          fc.asyncProperty(shape, async (s) => {
            const base = join(dir, `i${n++}`);
            // As DuckDB writes a DOUBLE as text (and the row path reads it): a whole number with ".0".
            const double = (w: number | null) => (w !== null && Number.isInteger(w) ? `${w}.0` : w);
            const lines = s.rows.map((r) =>
              [r.from, r.to, r.at, r.channel, double(r.weight), r.duration].map(csvCell).join(","),
            );
            writeFileSync(`${base}.csv`, ["from,to,timestamp,channel,weight,duration", ...lines].join("\n") + "\n");
            const values = s.rows.map(
              (r) =>
                `(${sql(r.from)}, ${sql(r.to)}, ${r.at === null ? "NULL" : `TIMESTAMPTZ '${r.at}'`}, ${sql(r.channel)}, ${sql(r.weight)}, ${sql(r.duration)})`,
            );
            // An empty file keeps its columns' types: a row that WHERE false leaves out.
            const typed = `SELECT 'P1'::VARCHAR, 'P1'::VARCHAR, NULL::TIMESTAMPTZ, ''::VARCHAR, 0::DOUBLE, 0::BIGINT WHERE false`;
            const union = values.length ? `${typed} UNION ALL VALUES ${values.join(", ")}` : typed;
            await connection.run(
              `COPY (SELECT * FROM (${union}) t("from", "to", "timestamp", channel, weight, duration)) TO '${base}.parquet' (FORMAT parquet)`,
            );
            // As loadInteractionsFile reads a table: streamed, or (null, the context untouched) row by row.
            const parquet = async (path: string, known: PeopleData | null, ctx: LoadContext) => {
              const fast = await loadInteractionsFromTable(path, known, ctx);
              if (fast) streamed += fast.interactions.rows;
              return fast ?? loadInteractions(path, known, ctx);
            };
            const reference = await loaded(`${base}.csv`, s, loadInteractions);
            expect(await loaded(`${base}.parquet`, s, parquet)).toEqual(reference);
          }),
          { numRuns: RUNS, examples: [...ODD_ONES, ...LONG_ONES].map((s) => [s]) },
        ),
      );
      rmSync(dir, { recursive: true, force: true });
      // The generator must give the streamed path plenty of rows, not only files it hands to the row path.
      expect(streamed).toBeGreaterThan(RUNS * 4);
    },
    120_000 + RUNS * 1_000,
  );
});

describe("what the GROUP BYs before the stream got wrong", () => {
  const write = async (name: string, rows: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "relaudit-duckdb-stream-")), name);
    await withDuckDB((connection) =>
      connection.run(
        `COPY (SELECT * FROM (VALUES ${rows}) t("from", "to", "timestamp")) TO '${path}' (FORMAT parquet)`,
      ),
    );
    return path;
  };
  const shapeOf = (timeZone: Shape["timeZone"]): Shape => ({
    rows: [],
    withPeople: true,
    timeZone,
    period: "week",
    window: [null, null],
  });

  it("weeks in the configured time zone: Sunday 23:30 UTC in summer is Monday in London", async () => {
    const path = await write("late-sunday.parquet", "('P1', 'P2', TIMESTAMPTZ '2026-05-03 23:30:00+00')");
    const periods = async (timeZone: Shape["timeZone"]) => {
      const loaded = await loadInteractionsFromTable(path, people(), context(shapeOf(timeZone)));
      return [...loaded!.interactions.ties[0].periods.keys()];
    };
    const [utc, london] = [await periods("UTC"), await periods("Europe/London")];
    expect(london).toEqual([utc[0] + 1]);
    rmSync(join(path, ".."), { recursive: true, force: true });
  });

  it("a monthly snapshot export is recognised, as in CSV", async () => {
    const months = ["2026-04-01", "2026-05-01", "2026-06-01"];
    const path = await write(
      "monthly.parquet",
      months
        .map((m) => `('P1', 'P2', TIMESTAMPTZ '${m} 00:00:00+00'), ('P3', 'P1', TIMESTAMPTZ '${m} 00:00:00+00')`)
        .join(", "),
    );
    const loaded = await loadInteractionsFromTable(path, people(), context(shapeOf("UTC")));
    expect(loaded!.snapshot).toMatchObject({ period: "month", examples: months });
    rmSync(join(path, ".."), { recursive: true, force: true });
  });
});
