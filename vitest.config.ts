import { defineConfig } from "vitest/config";
import LongestFirst from "./test/helpers/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    globalSetup: ["test/helpers/temp-root.ts", "test/helpers/build.ts", "test/helpers/reference-note.ts"],
    setupFiles: ["test/helpers/property-seed.ts", "test/helpers/duckdb-threads.ts", "test/helpers/keep-drawings.ts"],
    // Generous limits: a test never depends on the machine's speed, and a shared CI machine at load 10 runs the
    // suite several times slower than an idle one. Speed is measured by npm run bench, never asserted here.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores: keep the pool small so end-to-end tests that spawn the CLI are not starved.
    maxWorkers: 2,
    // Test files share their worker's module graph instead of re-importing relaudit (Vega, DuckDB, pptxgenjs, …)
    // for each of ~90 files: importing was a third of the suite's time. It also lets test/helpers/demo.ts compute
    // the demo's outputs once per worker. The price: a test that changes a global restores it (afterAll / finally),
    // and no test relies on module state being fresh (pptxgenjs, for one, numbers charts across decks).
    isolate: false,
    sequence: { sequencer: LongestFirst },
  },
});
