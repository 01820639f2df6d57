// DuckDB, embedded: opened only when a Parquet file or a DuckDB table is read (a dynamic import, so a CSV-only run
// never loads its 70 MB binary). Settled so it never reaches the network: no extension is installed or loaded at run
// time (parquet, json and icu are built into the binary), and only local paths are accepted.
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { InputError } from "../../model/problems.js";
import type * as DuckDB from "@duckdb/node-api";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export interface EngineOptions {
  /** Worker threads (default: the cores; see setDefaultEngineThreads). */
  threads?: number;
  /** DuckDB's memory limit, e.g. "3GB" (default: DuckDB's, 80% of RAM). Spills to a temporary folder beyond it. */
  memoryLimit?: string;
  /** Keep rows in source order (default true; false lets large GROUP BYs stream with less memory). */
  preserveOrder?: boolean;
}

export interface Engine {
  connection: DuckDBConnection;
  /** Runs a statement and returns its rows as plain JS values (small results only). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  run(sql: string): Promise<void>;
  close(): void;
}

/** DuckDB's threads when the caller names none: the cores, unless set below. */
let defaultThreads = (): number => Math.max(1, cpus().length);

/**
 * For the test workers only (test/helpers/duckdb-threads.ts sets 1): two workers already keep both cores busy, and
 * the tests' files are far below one Parquet row group or CSV buffer, which DuckDB scans on one thread anyway, so
 * the other threads only added their start, their hand-overs and their stop (~10–15 ms of CPU per engine).
 */
export function setDefaultEngineThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`DuckDB threads must be 1 or more, not ${threads}`);
  defaultThreads = () => threads;
}

/** Opens an in-memory DuckDB; the caller closes it. A missing binary is a clear error, not a stack trace. */
export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  let api: typeof DuckDB;
  try {
    api = await import("@duckdb/node-api");
  } catch (error) {
    throw new InputError({
      message: "Parquet and DuckDB inputs need DuckDB, which could not be loaded on this machine",
      found: error instanceof Error ? error.message.split("\n")[0] : String(error),
      hint: "reinstall relaudit (npm ci) on a supported platform (Linux, macOS or Windows on x64/arm64), or export the data as CSV",
    });
  }
  // Beyond the memory limit DuckDB spills here: a folder of this run's own, removed on close.
  const spill = mkdtempSync(join(tmpdir(), "relaudit-duckdb-"));
  const instance: DuckDBInstance = await api.DuckDBInstance.create(":memory:", {
    threads: String(options.threads ?? defaultThreads()),
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
    preserve_insertion_order: String(options.preserveOrder ?? true),
    temp_directory: spill,
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    allow_community_extensions: "false",
  });
  const connection = await instance.connect();
  return {
    connection,
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    async run(sql) {
      await connection.run(sql);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}

/** A SQL string literal. */
export const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** A SQL identifier, quoted. */
export const sqlIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
