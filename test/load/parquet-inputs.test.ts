// Parquet files and DuckDB tables give the same reports as the same data in CSV. The Parquet files are written here
// from the CSV fixtures by DuckDB (typed columns as DuckDB's CSV reader detects them, or every column as text), so
// no binary is committed. Reports are compared byte for byte after the file descriptions (path, delimiter and the
// CSV-only reading notes) are made alike. The CSV side is the fixture's golden JSON report, which golden.test.ts
// proves in the same run is what the CLI prints (auditing the CSV again here cost a demo audit).
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runInProcess } from "../helpers/cli.js";
import { golden } from "../helpers/demo.js";
import { withDuckDB } from "../helpers/duckdb.js";
import { loadInteractionsFromTable } from "../../src/load/duckdb/interactions.js";
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import { ProblemLog } from "../../src/model/problems.js";
import type { LoadContext } from "../../src/load/context.js";

const AT = "2026-11-23T06:00:00Z";
/** The fixtures, by the name of their golden outputs, as the paths golden.test.ts audits (relative to the root). */
const FIXTURES = {
  demo: "fixtures/demo",
  small: "test/fixtures/inputs/small",
  viva: "test/fixtures/inputs/viva-inline",
};
let work: string;

/** The fixture folders already written as Parquet, by destination: the demo's typed copy serves two tests. */
const written = new Map<string, Promise<void>>();

/** A copy of a fixture folder with each CSV as Parquet, written once per destination (later calls share it). */
function asParquet(from: string, to: string, mode: "typed" | "text"): Promise<void> {
  if (!written.has(to)) written.set(to, writeParquet(from, to, mode));
  return written.get(to)!;
}

async function writeParquet(fixture: string, to: string, mode: "typed" | "text"): Promise<void> {
  const from = join(ROOT, fixture);
  cpSync(from, to, { recursive: true, filter: (f) => !f.endsWith(".csv") });
  await withDuckDB(async (connection) => {
    for (const file of readdirSync(from).filter((f) => f.endsWith(".csv"))) {
      // The small fixture is semicolon-separated with decimal commas: the same numbers, read as such.
      const options = [
        mode === "text" ? "all_varchar = true" : "",
        file === "interactions.csv" && fixture === FIXTURES.small ? "decimal_separator = ','" : "",
      ]
        .filter(Boolean)
        .map((o) => `, ${o}`)
        .join("");
      await connection.run(
        `COPY (SELECT * FROM read_csv('${join(from, file)}'${options})) TO '${join(to, file.replace(/\.csv$/, ".parquet"))}' (FORMAT parquet)`,
      );
    }
  });
}

/** The report with file paths, delimiters and CSV reading notes made alike. */
function normalised(report: string, dir: string, reference: string): string {
  return report
    .replaceAll(dir, reference)
    .replace(/\.parquet\b/g, ".csv")
    .replace(/"delimiter": "[^"]*"/g, '"delimiter": ""')
    .replace(/\n\s*"[^"\n]*: (semicolon|tab|pipe)-separated",?/g, "");
}

async function report(dir: string, extra: string[] = []) {
  const result = await runInProcess(["audit", dir, "--format", "json", "--generated-at", AT, ...extra]);
  expect(result.stderr).toBe("");
  return result.stdout;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "relaudit-parquet-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The CSV side of a fixture's comparisons: its golden JSON report, with the file descriptions made alike. */
function csvReport(name: string, dir: string): string {
  return normalised(golden(`${name}.audit.json`).stdout, dir, dir);
}

// A case audits the demo; a shared two-core machine needs minutes, not the default minute.
describe("Parquet inputs give the CSV reports", { timeout: 300_000 }, () => {
  for (const [name, dir] of Object.entries(FIXTURES)) {
    // The small fixture's decimal commas are numbers only in its semicolon-separated CSV: as text they are errors.
    for (const mode of name === "small" ? (["typed"] as const) : (["typed", "text"] as const)) {
      it(`${name}, ${mode} columns`, async () => {
        const parquet = join(work, `${name}-pq-${mode}`);
        await asParquet(dir, parquet, mode);
        const expected = csvReport(name, dir);
        expect(normalised(await report(parquet), parquet, dir)).toBe(expected);
        expect(expected).toContain('"ties"');
      });
    }
  }

  it("the demo's interactions are collapsed by DuckDB, not read row by row", async () => {
    const parquet = join(work, "demo-pq-typed");
    await asParquet(FIXTURES.demo, parquet, "typed");
    const ctx: LoadContext = {
      config: DEFAULT_CONFIG,
      csv: {},
      period: "week",
      window: { since: null, until: null },
      problems: new ProblemLog(),
      files: [],
      warnings: [],
    };
    const loaded = await loadInteractionsFromTable(join(parquet, "interactions.parquet"), null, ctx);
    expect(loaded).not.toBeNull();
    expect(loaded!.interactions.ties.length).toBeGreaterThan(1000);
  });
});

describe("DuckDB tables", { timeout: 300_000 }, () => {
  it("--db with --*-table gives the CSV report", async () => {
    const db = join(work, "demo.duckdb");
    await withDuckDB(async (connection) => {
      await connection.run(`ATTACH '${db}' AS demo`);
      for (const kind of ["people", "interactions", "survey", "delivery"])
        await connection.run(
          `CREATE TABLE demo.${kind} AS SELECT * FROM read_csv('${join(ROOT, FIXTURES.demo, `${kind}.csv`)}')`,
        );
      await connection.run("DETACH demo");
    });
    // The demo's events come from its CSV file beside the tables (a database holds no events table), so the CSV side
    // is the demo's golden JSON report, as for the Parquet copies above.
    const demo = join(ROOT, FIXTURES.demo);
    const tables = ["people", "interactions", "survey", "delivery"].flatMap((k) => [`--${k}-table`, k]);
    const files = ["--config", join(demo, "relaudit.config.json"), "--events", join(demo, "events.csv")];
    const actual = await report("", [...files, "--db", db, ...tables]);
    const strip = (s: string) => s.replace(/[^"\s]*demo\.duckdb#(\w+)/g, `${demo}/$1.csv`);
    expect(normalised(strip(actual), demo, FIXTURES.demo)).toBe(csvReport("demo", FIXTURES.demo));
  });

  it("a table the database lacks is named, with the tables it has", async () => {
    const result = await runInProcess(["audit", "--db", join(work, "demo.duckdb"), "--interactions-table", "meetings"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no table "meetings" in the database');
    expect(result.stderr).toContain('"interactions"');
  });
});

describe("bad Parquet", () => {
  const write = async (name: string, select: string) => {
    const path = join(work, name);
    await withDuckDB((connection) => connection.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`));
    return path;
  };

  it("a corrupt file: exit 2, the file named, no stack trace", async () => {
    const path = join(work, "corrupt.parquet");
    writeFileSync(path, "PAR1 this is not really parquet");
    const result = await runInProcess(["audit", "--interactions", path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}: not a readable Parquet file`);
    expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("a missing column: exit 2, as for CSV", async () => {
    const path = await write("no-to.parquet", "SELECT 'a' AS sender, TIMESTAMP '2026-05-04 09:00' AS date");
    const result = await runInProcess(["audit", "--interactions", path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}: missing required column "to"`);
    // A Parquet file has column names, not a header line: no "line 1", and no header row to rename in.
    expect(result.stderr).not.toContain("line 1");
    expect(result.stderr).toContain("rename the column in the export (or the table)");
  });

  it("wrong types: the row, column, expected and found, as for CSV", async () => {
    const path = await write(
      "wrong-types.parquet",
      "SELECT * FROM (VALUES ('a', 'b', 'true', DATE '2026-05-04'), ('b', 'a', '2026-05-04', DATE '2026-05-05')) t(\"from\", \"to\", \"timestamp\", weight)",
    );
    const result = await runInProcess(["validate", "--interactions", path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}, line 1, column "timestamp": not a valid date`);
    expect(result.stderr).toContain('found:    "true"');
    expect(result.stderr).toContain('found:    "2026-05-05"');
    expect(result.stderr).toContain(`${path}, line 2, column "weight": invalid weight`);
  });

  it("a list column where text is expected: exit 2 with a hint", async () => {
    const path = await write("list.parquet", "SELECT 'a' AS \"from\", ['b', 'c'] AS \"to\"");
    const result = await runInProcess(["audit", "--interactions", path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('column "to" holds VARCHAR[] values');
  });
});
