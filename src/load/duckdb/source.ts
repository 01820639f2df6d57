// Which inputs DuckDB reads, and how each becomes a relation: a Parquet file or glob, or a table of a DuckDB database
// (written FILE.duckdb#TABLE, as --db FILE --interactions-table TABLE and the config's "database"/"tables" produce).
import { existsSync } from "node:fs";
import { InputError } from "../../model/problems.js";
import { sqlIdent, sqlString, type Engine } from "./engine.js";

export interface TableSource {
  /** The name shown to the user (the path, or FILE#TABLE). */
  label: string;
  kind: "parquet" | "duckdb";
  /** A FROM clause giving the source's columns plus `__row`, its 1-based row number in source order. */
  relation: string;
}

const DATABASE_TABLE = /^(.+\.(?:duckdb|ddb|db))#([^#]+)$/i;

/** True when the path names a Parquet file or glob, or a DuckDB table (FILE.duckdb#TABLE). */
export function isTableSource(path: string): boolean {
  return /\.parquet$/i.test(path) || DATABASE_TABLE.test(path);
}

/** How a DuckDB table is named in a path. */
export const databaseTable = (database: string, table: string) => `${database}#${table}`;

/**
 * Attaches the database (read-only) or lists the Parquet files, and returns the relation. Rows are numbered in the
 * order the source holds them: file by file (sorted by name) and row by row for Parquet, by rowid for a table.
 */
export async function openSource(engine: Engine, path: string, alias: string): Promise<TableSource> {
  const table = DATABASE_TABLE.exec(path);
  if (table) {
    const [, database, name] = table;
    if (!existsSync(database)) throw new InputError({ file: database, message: "no such DuckDB database file" });
    const schema = `db_${alias}`;
    await guarded(path, "not a readable DuckDB database", () =>
      engine.run(`ATTACH ${sqlString(database)} AS ${sqlIdent(schema)} (READ_ONLY)`),
    );
    const tables = (
      await engine.rows(`SELECT table_name FROM duckdb_tables() WHERE database_name = ${sqlString(schema)}`)
    ).map((r) => String(r.table_name));
    if (!tables.includes(name))
      throw new InputError({
        file: database,
        message: `no table "${name}" in the database`,
        expected: tables.length
          ? `one of ${tables.map((t) => `"${t}"`).join(", ")}`
          : "a table (the database has none)",
      });
    const qualified = `${sqlIdent(schema)}.${sqlIdent(name)}`;
    return {
      label: path,
      kind: "duckdb",
      relation: `(SELECT *, row_number() OVER (ORDER BY rowid) AS __row FROM ${qualified})`,
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path))
    throw new InputError({
      file: path,
      message: "only local files are read",
      hint: "relaudit makes no network calls: copy the files to this machine first",
    });
  const files = (
    await guarded(path, "not a readable path", () => engine.rows(`SELECT file FROM glob(${sqlString(path)})`))
  )
    .map((r) => String(r.file))
    .sort();
  if (files.length === 0)
    throw new InputError({
      file: path,
      message: /[*?[]/.test(path) ? "no files match this pattern" : "no such file",
      hint: "check the path (a glob such as data/interactions-*.parquet reads every match)",
    });
  const list = `[${files.map(sqlString).join(", ")}]`;
  // Rows are numbered by (file, row in file): one file's rows come before the next file's, as in one long table.
  const scan = `read_parquet(${list}, filename = true, file_row_number = true)`;
  const offsets = files.length === 1 ? "0" : `(list_position(${list}, filename) - 1) * 1099511627776`;
  return {
    label: path,
    kind: "parquet",
    relation: `(SELECT * EXCLUDE (filename, file_row_number), ${offsets} + file_row_number + 1 AS __row FROM ${scan})`,
  };
}

/** Runs a DuckDB step whose failure means the input is unreadable: the error names the file and what DuckDB said. */
export async function guarded<T>(file: string, message: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A query relaudit wrote that DuckDB cannot bind or parse is a bug, not a problem with the file.
    if (/^(Binder|Parser|Catalog|Internal|INTERNAL) Error/i.test(error instanceof Error ? error.message : ""))
      throw error;
    // Running out of memory is no fault of the file: say so, and how to give DuckDB room.
    if (
      /Out of Memory|failed to pin block|failed to allocate|could not allocate/i.test(
        error instanceof Error ? error.message : "",
      )
    )
      throw new InputError({
        file,
        message: "DuckDB ran out of memory (its memory limit, or the machine's) before it finished",
        found: duckdbMessage(error),
        hint: "free memory on the machine, or split the input by period; `relaudit aggregate` also takes --passes (more passes, each over fewer senders, need less memory), --memory-limit (raise it if the machine has room) and --threads (use fewer); for logs far beyond 10⁸ events run sql/aggregate-interactions.sql in the warehouse (docs/scale.md)",
      });
    throw new InputError({
      file,
      message,
      found: duckdbMessage(error),
      hint: "check that the file is complete and really is Parquet (or a DuckDB database); re-export it if need be",
    });
  }
}

/** The first line of DuckDB's message, without its "… Error:" prefix. */
export function duckdbMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0].replace(/^[A-Za-z ]*Error: /, "");
}
