// interactions from any source: Parquet files and DuckDB tables are streamed from DuckDB's typed columns when every
// row is plain (src/load/duckdb/interactions.ts); otherwise, and for CSV, the rows are parsed one by one.
import type { PeopleData } from "../model/types.js";
import type { LoadContext } from "./context.js";
import { isTableSource } from "./duckdb/source.js";
import { loadInteractions } from "./interactions.js";

export async function loadInteractionsFile(path: string, people: PeopleData | null, ctx: LoadContext) {
  if (isTableSource(path)) {
    const { loadInteractionsFromTable } = await import("./duckdb/interactions.js");
    const collapsed = await loadInteractionsFromTable(path, people, ctx);
    if (collapsed) return collapsed;
  }
  return loadInteractions(path, people, ctx);
}
