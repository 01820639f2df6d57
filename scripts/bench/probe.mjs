// Loaded with `node --import` into each benchmarked CLI run: at exit it records the process's peak resident memory
// and CPU time in the file named by RELAUDIT_BENCH_PROBE, so the product itself carries no measuring code.
import { writeFileSync } from "node:fs";

const target = process.env.RELAUDIT_BENCH_PROBE;
if (target) {
  process.once("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        maxRssBytes: usage.maxRSS * 1024,
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
      }),
    );
  });
}
