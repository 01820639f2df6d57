// vitest's file order: the files that take longest from start to end go first, so the two workers end together
// instead of one running a long file alone at the end (a fresh clone has no record of durations, and vitest then
// starts the largest files first: the browser test, ~150 lines and 10-20 s, used to start last).
// The list is by wall time on an idle two-core machine (2026-12-02), longest first; files not in it follow in
// vitest's own order (recorded durations when a previous run left them, else size). A stale entry only costs order.
import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONGEST_FIRST = [
  "test/load/parquet-inputs.test.ts",
  "test/report/html/browser.test.ts",
  "test/security/out-swap.test.ts",
  // Its npm pack and npm install -g (~15 CPU-s) run in beforeAll, which the per-file durations above leave out.
  "test/e2e/install.test.ts",
  "test/security/deck-determinism.test.ts",
  "test/security/pseudonymise.test.ts",
  "test/explore/terminal.test.ts",
  "test/golden/golden.test.ts",
  "test/security/attack-suite.test.ts",
  "test/signals/as-of.test.ts",
  "test/security/robustness.test.ts",
  "test/load/aggregate.test.ts",
];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(`/${path}`));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
