// How large the generated-input property tests run. `npm test` runs them small, so the suite stays quick on a busy
// two-core machine; `npm run fuzz` (and RELAUDIT_TEST_SIZE=full npx vitest run test/perf) runs them at full size.
// RELAUDIT_FUZZ_RUNS, when set, overrides the number of runs of every property.
export const FULL_SIZE = process.env.RELAUDIT_TEST_SIZE === "full";

/** Property runs: `quick` in npm test, `full` at full size. */
export const propertyRuns = (quick: number, full: number): number =>
  Number(process.env.RELAUDIT_FUZZ_RUNS ?? 0) || (FULL_SIZE ? full : quick);

/** Why a full-size-only test was skipped. */
export const FULL_SIZE_ONLY = "runs at full size only: npm run fuzz, or RELAUDIT_TEST_SIZE=full";
