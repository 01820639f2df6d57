// A Parquet file or DuckDB table read row by row as text, through the same header handler and row consumer as a CSV
// file: every alias, value rule and problem message is the CSV loader's own. Typed values are written as a CSV export
// would hold them (numbers in shortest round-trip form, dates ISO, instants in UTC with Z, wall-clock timestamps
// without a zone), and a null is an empty cell.
import { InputError } from "../../model/problems.js";
import type { CsvFileInfo, HeaderHandler, RowConsumer } from "../csv-types.js";
import { openEngine, sqlIdent, type Engine } from "./engine.js";
import { duckdbMessage, guarded, openSource, type TableSource } from "./source.js";

export interface Column {
  name: string;
  type: string;
}

/** The columns of a source, in order (without the row number). */
export async function describe(engine: Engine, source: TableSource): Promise<Column[]> {
  const rows = await guarded(source.label, "not a readable Parquet file", () =>
    engine.rows(`DESCRIBE SELECT * FROM ${source.relation}`),
  );
  return rows
    .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }))
    .filter((c) => c.name !== "__row");
}

/** The SQL that writes a column's values as text, as a CSV export of the same data would. */
function asText(column: Column): string {
  const c = sqlIdent(column.name);
  const type = column.type.toUpperCase();
  if (type === "VARCHAR") return c;
  if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type === "TIMESTAMPTZ")
    return `strftime(timezone('UTC', ${c}), '%Y-%m-%dT%H:%M:%S.%gZ')`;
  if (type.startsWith("TIMESTAMP")) return `strftime(${c}::TIMESTAMP, '%Y-%m-%dT%H:%M:%S.%g')`;
  if (type === "DATE") return `strftime(${c}, '%Y-%m-%d')`;
  if (type.endsWith("[]") || type.startsWith("STRUCT") || type.startsWith("MAP") || type === "BLOB")
    throw new InputError({
      column: column.name,
      message: `column "${column.name}" holds ${type} values`,
      expected: "text, numbers, dates or timestamps",
      hint: "flatten it into plain columns before passing the file to relaudit",
    });
  return `CAST(${c} AS VARCHAR)`;
}

/**
 * Reads the source's rows as text and hands each to the loader's row consumer, with `line` the 1-based row number.
 * Like readCsv: the handler sees the header first; the returned info describes the file.
 */
export async function readTableRows(path: string, onHeader: HeaderHandler): Promise<CsvFileInfo> {
  const engine = await openEngine();
  try {
    const source = await openSource(engine, path, "rows");
    const columns = await describe(engine, source).catch((error: unknown) => {
      throw error instanceof InputError ? withFile(error, path) : error;
    });
    const header = columns.map((c) => c.name);
    const info: CsvFileInfo = { path, encoding: "utf-8", delimiter: "", header, rows: 0, notes: [] };
    const handler = asTable(path, () => onHeader(header, info));
    const consume: RowConsumer = typeof handler === "function" ? handler : handler.row;
    let select: string;
    try {
      select = columns.map(asText).join(", ");
    } catch (error) {
      throw error instanceof InputError ? withFile(error, path) : error;
    }
    const result = await guarded(path, "not a readable Parquet file", () =>
      engine.connection.stream(`SELECT __row, ${select} FROM ${source.relation}`),
    );
    const fields: string[] = new Array<string>(columns.length);
    for (;;) {
      const chunk = await result.fetchChunk().catch((error: unknown) => {
        throw new InputError({
          file: path,
          message: "the file could not be read to the end",
          found: duckdbMessage(error),
        });
      });
      if (!chunk || chunk.rowCount === 0) break;
      const rowNumbers = chunk.getColumnVector(0);
      const vectors = columns.map((_, i) => chunk.getColumnVector(i + 1));
      for (let r = 0; r < chunk.rowCount; r++) {
        let blank = true;
        for (let c = 0; c < vectors.length; c++) {
          fields[c] = (vectors[c].getItem(r) as string | null) ?? "";
          if (blank && fields[c].trim() !== "") blank = false;
        }
        // As in CSV, where a line of only delimiters is skipped: a row of nothing but nulls carries no data.
        if (blank) continue;
        info.rows++;
        consume(fields.slice(), Number(rowNumbers.getItem(r)));
      }
    }
    return info;
  } finally {
    engine.close();
  }
}

function withFile(error: InputError, file: string): InputError {
  return new InputError(error.problems.map((p) => ({ file, ...p })));
}

/**
 * Runs a header step of a loader shared with CSV (the column resolver) on a table's columns: its problems are said of
 * the table's column names, with no "line 1" (a Parquet file or DuckDB table has no header line) and a hint that fits.
 */
export function asTable<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.problems.map(({ line, ...p }) => ({
        ...p,
        file: p.file || file,
        ...(line !== undefined && line > 1 ? { line } : {}),
        hint: p.hint?.replace("rename the column in the header row", "rename the column in the export (or the table)"),
      })),
    );
  }
}
