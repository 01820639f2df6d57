// DuckDB for the tests that write Parquet files or DuckDB databases as fixtures: a new instance per use, one thread
// (the tests run beside each other on few cores), closed afterwards even when a statement fails.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

/** Runs `use` with a connection to a new in-memory DuckDB, and closes it. */
export async function withDuckDB<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
