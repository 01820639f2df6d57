import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    globalSetup: ["test/helpers/build.ts"],
    // Generous limits: a test never depends on the machine's speed, and a shared CI machine at load 10 runs the
    // suite several times slower than an idle one. Speed is measured by npm run bench, never asserted here.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores: keep the pool small so end-to-end tests that spawn the CLI are not starved.
    maxWorkers: 2,
  },
});
