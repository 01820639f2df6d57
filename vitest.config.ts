import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    globalSetup: ["test/helpers/build.ts"],
    testTimeout: 60_000,
    // Two cores: keep the pool small so end-to-end tests that spawn the CLI are not starved.
    maxWorkers: 2,
  },
});
