// npm run fuzz — the long soak behind test/fuzz and test/security:
//   1. the property and fuzz tests (test/fuzz, test/security, and test/perf at full size) with many more runs
//      (RELAUDIT_FUZZ_RUNS, default 3000; fast-check picks a new seed
//      each time and prints it with any counterexample, so a failure can be replayed);
//   2. a 1,000,000-row interactions file with 1% bad rows, audited with --skip-invalid-rows in process: prints the
//      time, peak memory and the bounded summary of what was left out (measured, never asserted).
// Usage: npm run fuzz [-- --runs 10000] [-- --rows 2000000] [-- --surveys 20000] [-- --skip-tests]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../src/cli/main.js";
import { writeLargeBadFile } from "../test/fuzz/large.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option("runs", 3000);
const rows = option("rows", 1_000_000);

if (!args.includes("--skip-tests")) {
  console.log(`relaudit fuzz: property and fuzz tests with ${runs} runs each`);
  // test/perf's generated-input tests, and the shuffles of row-order, run small in npm test and at full size here
  // (RELAUDIT_TEST_SIZE=full).
  const files = ["test/fuzz", "test/security", "test/perf", "test/survey/row-order.test.ts"];
  const tests = spawnSync("npx", ["vitest", "run", ...files], {
    stdio: "inherit",
    // The privacy attack suite (test/security/attack-suite.test.ts) attacks 20,000 generated surveys instead of 1,000.
    env: {
      ...process.env,
      RELAUDIT_FUZZ_RUNS: String(runs),
      RELAUDIT_ATTACK_SURVEYS: String(option("surveys", 20_000)),
      RELAUDIT_TEST_SIZE: "full",
    },
  });
  if (tests.status !== 0) process.exit(tests.status ?? 1);
}

console.log(`\nrelaudit fuzz: ${rows.toLocaleString("en-GB")} interactions, 1% bad, with --skip-invalid-rows`);
const dir = mkdtempSync(join(tmpdir(), "relaudit-soak-"));
try {
  writeLargeBadFile(dir, rows, 2000);
  const bytes = statSync(join(dir, "interactions.csv")).size;
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (s: string) => void (stdout += s), isTTY: false },
    stderr: { write: (s: string) => void (stderr += s), isTTY: false },
    stdinIsTTY: false,
    env: {},
  };
  const started = performance.now();
  const code = await run(["audit", dir, "--skip-invalid-rows", "--format", "json"], io);
  const seconds = (performance.now() - started) / 1000;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  if (code !== 0) {
    console.error(stderr);
    process.exit(1);
  }
  const report = JSON.parse(stdout);
  console.log(
    `  file: ${(bytes / 2 ** 20).toFixed(1)} MiB; exit ${code} in ${seconds.toFixed(1)} s; peak resident memory ${peakMiB.toFixed(0)} MiB`,
  );
  console.log(
    `  interactions kept: ${report.network.interactionCount.toLocaleString("en-GB")}; report ${(stdout.length / 1024).toFixed(0)} KiB`,
  );
  for (const s of report.inputs.skipped)
    console.log(`  left out: ${s.rows.toLocaleString("en-GB")} × ${s.reason} (${s.examples.length} examples listed)`);

  const strict = { code: 0, stderr: "" };
  io.stderr.write = (s: string) => void (strict.stderr += s);
  strict.code = await run(["audit", dir, "--format", "json"], io);
  console.log(
    `  without --skip-invalid-rows: exit ${strict.code}, ${strict.stderr.split("\n\n").length} problem paragraphs, ${(strict.stderr.length / 1024).toFixed(1)} KiB on stderr`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
