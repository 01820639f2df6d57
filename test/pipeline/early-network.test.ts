// Betweenness starts on helper threads as soon as the interactions are read, from the ties' two ends, before their
// Tie objects are built and the other files read (pipeline/audit.ts, InputOptions.onTieEnds). A problem found after
// that — in the interactions' own load (a snapshot cadence the period contradicts) or a later file — must then stop
// the run as before — exit 2, the same message, nothing else printed — with the helper threads terminated, not
// computing on in the process; and the results must be the same bits whether the network starts early or late, on
// one thread or several, directed or not, with people.csv or with the roster grown from the interactions' ids. The
// CLI runs in process from the sources; its helper threads run the bundled worker script (dist/, built by the suite's
// global setup), set for this file only: importing the whole bundle beside the sources cost a second copy of every
// module to load and compile.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInputs } from "../../src/load/inputs.js";
import { analyse } from "../../src/pipeline/audit.js";
import { renderJsonChunks } from "../../src/report/json.js";
import { PARALLEL_MIN_WORK, setWorkerScript } from "../../src/network/betweenness-threads.js";
import { ROOT, runInProcess, type CliResult } from "../helpers/cli.js";
import { seededDraws } from "../helpers/seeded-draws.js";

const AT = "2026-01-01T00:00:00Z";
/** 1,500 people, 20,000 interactions: exact betweenness of 1,500 × ~21,000 units, enough for helper threads. */
const PEOPLE = 1500;
const ROWS = 20_000;

/** The CLI in this process (so its worker threads are this process's), with RELAUDIT_WORKERS. */
const runThreaded = (argv: string[], workers: number): Promise<CliResult> =>
  runInProcess(argv, { env: { RELAUDIT_WORKERS: String(workers), RELAUDIT_TIMINGS: "1" } });

/** The threads betweenness used in a run, from its RELAUDIT_TIMINGS line. */
const threadsUsed = ({ stderr }: CliResult): number =>
  JSON.parse(stderr.split("\n").find((line) => line.startsWith('{"timings"'))!).timings.betweennessThreads;

/**
 * Every worker thread started in this process while this file runs: Node publishes each new Worker on this channel.
 * Asking for them is cheap, where process.report.getReport() (the way before) cost ~3 ms of CPU per look.
 */
const started: Worker[] = [];
const onWorker = (message: unknown) => void started.push((message as { worker: Worker }).worker);

/** Worker threads this process has running: a Worker's threadId is −1 from the moment its thread has stopped. */
const runningWorkers = () => started.filter((worker) => worker.threadId !== -1).length;

/**
 * The most worker threads seen running over the next `ms` milliseconds: one left computing betweenness would be seen
 * for as long as that takes.
 */
async function mostWorkersWithin(ms: number): Promise<number> {
  let most = runningWorkers();
  for (const end = Date.now() + ms; Date.now() < end;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    most = Math.max(most, runningWorkers());
  }
  return most;
}

/** A date in March … August 2026: a moment on the 1x of the month, or with `monthly` the 1st (a monthly snapshot). */
type Stamp = (next: (n: number) => number) => string;
const MOMENTS: Stamp = (next) => `2026-0${3 + next(6)}-1${next(9)}T10:00:00Z`;
const MONTHLY: Stamp = (next) => `2026-0${3 + next(6)}-01`;

/** A seeded system of PEOPLE people in 8 teams of 4 organisations and ROWS timestamped interactions. */
function writeSystem(dir: string, survey: string, stamp = MOMENTS): void {
  mkdirSync(dir, { recursive: true });
  const next = seededDraws(20261203);
  const people = ["id,organisation,team"];
  for (let i = 0; i < PEOPLE; i++) people.push(`P${i},Org ${i % 4},Team ${i % 8}`);
  const rows = ["from,to,timestamp"];
  for (let r = 0; r < ROWS; r++) {
    const from = next(PEOPLE);
    // Most contact within a block of 50, some across: a graph with structure, connected.
    const to = next(4) === 0 ? next(PEOPLE) : (from - (from % 50) + next(50)) % PEOPLE;
    if (to !== from) rows.push(`P${from},P${to},${stamp(next)}`);
  }
  writeFileSync(join(dir, "people.csv"), people.join("\n") + "\n");
  writeFileSync(join(dir, "interactions.csv"), rows.join("\n") + "\n");
  writeFileSync(join(dir, "survey.csv"), survey);
}

const GOOD_SURVEY = "respondent,organisation,Q1\nR1,Org 0,3\nR2,Org 1,4\n";
/** A quote never closed on line 3. */
const BAD_SURVEY = 'respondent,organisation,Q1\nR1,Org 0,3\n"R2,Org 1,4\n';

describe("the network started before the other inputs are read", () => {
  const root = mkdtempSync(join(tmpdir(), "relaudit-early-network-"));
  let sourcesWorker: URL;
  beforeAll(() => {
    subscribe("worker_threads", onWorker);
    sourcesWorker = setWorkerScript(pathToFileURL(join(ROOT, "dist/betweenness-worker.js")));
  });
  afterAll(() => {
    unsubscribe("worker_threads", onWorker);
    setWorkerScript(sourcesWorker);
    rmSync(root, { recursive: true, force: true });
  });
  const good = join(root, "good");
  const bad = join(root, "bad");
  const monthly = join(root, "monthly");
  const anonymous = join(root, "anonymous");
  writeSystem(good, GOOD_SURVEY);
  writeSystem(bad, BAD_SURVEY);
  writeSystem(monthly, GOOD_SURVEY, MONTHLY);
  writeSystem(anonymous, GOOD_SURVEY);
  // Without people.csv: the roster is grown from the interactions' ids, in order of first appearance.
  rmSync(join(anonymous, "people.csv"));
  rmSync(join(anonymous, "survey.csv"));
  const argv = (dir: string) => ["audit", dir, "--format", "json", "--detail", "full", "--generated-at", AT];

  it("the test system is large enough for helper threads", () => {
    expect(PEOPLE * (PEOPLE + ROWS)).toBeGreaterThan(PARALLEL_MIN_WORK);
  });

  it("a later file's problems: exit 2, the same message with and without helper threads, no stray output, no worker left", async () => {
    const before = runningWorkers();
    const startedBefore = started.length;
    const threaded = await runThreaded(argv(bad), 2);
    expect(started.length).toBeGreaterThan(startedBefore);
    // A helper thread not terminated would be computing betweenness (~0.1 s of CPU) after the run returned.
    expect(await mostWorkersWithin(500)).toBeLessThanOrEqual(before);
    const single = await runThreaded(argv(bad), 1);
    expect(threaded.code).toBe(2);
    expect(threaded.stdout).toBe("");
    expect(threaded.stderr).toContain(join(bad, "survey.csv"));
    expect(threaded.stderr).toMatch(/line 3/);
    expect(threaded.stderr).not.toContain("timings");
    expect(single).toEqual(threaded);
  });

  it("a problem in the interactions' load after the network started: exit 2, the message, no worker left", async () => {
    const before = runningWorkers();
    const startedBefore = started.length;
    // Monthly snapshots read with --period week: the problem is found once the Tie objects are built (settlePeriod),
    // after the load handed over the ties' ends and the network started.
    const threaded = await runThreaded([...argv(monthly), "--period", "week"], 2);
    expect(started.length).toBeGreaterThan(startedBefore);
    expect(await mostWorkersWithin(500)).toBeLessThanOrEqual(before);
    const single = await runThreaded([...argv(monthly), "--period", "week"], 1);
    expect(threaded.code).toBe(2);
    expect(threaded.stdout).toBe("");
    expect(threaded.stderr).toContain("the dates are monthly snapshots");
    expect(single).toEqual(threaded);
  });

  it.each([
    ["undirected", good, ["--undirected"], { undirected: true }],
    ["without people.csv", anonymous, [], {}],
  ])(
    "%s: the same bytes with 2 threads as with the network started after every input",
    async (_, dir, flags, extra) => {
      const threaded = await runThreaded([...argv(dir), ...flags], 2);
      expect(threaded.code).toBe(0);
      expect(threadsUsed(threaded)).toBe(2);
      const options = { dir, files: {}, generatedAt: AT, detail: "full" as const, ...extra };
      const late = analyse(await loadInputs(options), options);
      expect([...renderJsonChunks(late)].join("")).toBe(threaded.stdout);
    },
  );

  it("the same bytes with 1 and 2 threads (a helper used) as with the network started after every input", async () => {
    const runs: CliResult[] = [];
    for (const workers of [1, 2]) runs.push(await runThreaded(argv(good), workers));
    expect(runs.map(threadsUsed)).toEqual([1, 2]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs[1].stdout).toBe(runs[0].stdout);
    // Late: loaded whole, then analysed (the network started after every input, as before), from the sources.
    const options = { dir: good, files: {}, generatedAt: AT, detail: "full" as const };
    const late = analyse(await loadInputs(options), options);
    expect([...renderJsonChunks(late)].join("")).toBe(runs[0].stdout);
  });
});
