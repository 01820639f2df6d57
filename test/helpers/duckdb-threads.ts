// vitest setupFiles: the CLI's DuckDB engines, opened in process by the tests, run on one thread (the reasons are
// at setDefaultEngineThreads). Spawned CLIs, npm run bench and users keep the default, a thread per core; an
// explicit --threads (relaudit aggregate) still wins.
import { setDefaultEngineThreads } from "../../src/load/duckdb/engine.js";

setDefaultEngineThreads(1);
