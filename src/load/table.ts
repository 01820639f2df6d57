// Every input file is read through here: CSV by the streaming CSV reader, Parquet files and DuckDB tables by DuckDB
// (loaded only then). Either way the loader's header handler and row consumer see the same header and text fields.
import { readCsv, type CsvFileInfo, type CsvReadOptions, type HeaderHandler } from "./csv.js";
import { isTableSource } from "./duckdb/source.js";

export async function readTable(path: string, options: CsvReadOptions, onHeader: HeaderHandler): Promise<CsvFileInfo> {
  if (!isTableSource(path)) return readCsv(path, options, onHeader);
  const { readTableRows } = await import("./duckdb/rows.js");
  return readTableRows(path, onHeader);
}
