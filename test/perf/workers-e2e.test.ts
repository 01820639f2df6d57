// End to end: the built CLI gives byte-identical JSON (and report.md) with one thread and with two, on a generated
// system large enough for the network analysis to start a worker (RELAUDIT_TIMINGS=1 says how many it used).
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSystem } from "../../scripts/generate-demo.js";
import { runBuilt } from "../helpers/cli.js";
import { FULL_SIZE, FULL_SIZE_ONLY } from "../helpers/size.js";

describe("relaudit audit with RELAUDIT_WORKERS=1 and 2", () => {
  it("writes the same bytes", async (ctx) => {
    // Two spawned audits of a 1,500-person system: full size only. test/perf/betweenness-threads.test.ts checks the
    // same bits with one and two threads (the bundled worker) in process on every npm test.
    ctx.skip(!FULL_SIZE, FULL_SIZE_ONLY);
    const dir = mkdtempSync(join(tmpdir(), "relaudit-workers-e2e-"));
    // 1,500 people: an exact betweenness run of about 5e7 units, above the threshold for a second thread.
    await generateSystem({ out: join(dir, "in"), people: 1500, interactionsPerPersonWeek: 5, seed: 11 });
    const runs = [1, 2].map((workers) => {
      const out = join(dir, `out-${workers}`);
      const result = runBuilt(
        [
          "audit",
          join(dir, "in"),
          "--format",
          "json",
          "--out",
          out,
          "--quiet",
          "--generated-at",
          "2026-01-01T00:00:00Z",
        ],
        {
          env: { RELAUDIT_WORKERS: String(workers), RELAUDIT_TIMINGS: "1" },
        },
      );
      expect(result.code, result.stderr).toBeLessThan(2);
      const timings = JSON.parse(result.stderr.split("\n").find((line) => line.startsWith('{"timings"'))!);
      return {
        json: result.stdout,
        md: readFileSync(join(out, "report.md"), "utf8"),
        threads: timings.timings.betweennessThreads,
      };
    });
    expect(runs.map((r) => r.threads)).toEqual([1, 2]);
    expect(runs[1].json).toBe(runs[0].json);
    expect(runs[1].md).toBe(runs[0].md);
    expect(JSON.parse(runs[0].json).network.betweennessMethod).toBe("exact");
  });
});
