// The interactions read on two threads with a real worker thread, the bundled dist/interactions-worker.js (built by
// the suite's global setup), as the CLI runs it: the same bytes out as on one thread; a problem in the worker's
// stretch gives the same messages and exit 2, the worker stopped; a worker that dies only costs time; no worker is
// left running once the run returns; RELAUDIT_WORKERS governs validate and signals too; a file in another encoding
// starts none; progress reaches the whole file once the worker's part is taken.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInputs } from "../../src/load/inputs.js";
import { setSplitPlan, workerRest, type RangeJob, type SplitPlan } from "../../src/load/interactions-split.js";
import { ROOT, runInProcess, type CliResult } from "../helpers/cli.js";
import { seededDraws } from "../helpers/seeded-draws.js";

const AT = "2026-01-01T00:00:00Z";
const PEOPLE = 300;
const ROWS = 20_000;

const started: Worker[] = [];
const onWorker = (message: unknown) => void started.push((message as { worker: Worker }).worker);
const runningWorkers = () => started.filter((worker) => worker.threadId !== -1).length;

/** A seeded system; `odd` rows replace rows from `at` on (3/4: in the worker's stretch). */
function writeSystem(dir: string, odd: string[] = [], at = 0.75, rows = ROWS): void {
  mkdirSync(dir, { recursive: true });
  const next = seededDraws(20261203);
  const people = ["id,organisation,team"];
  for (let i = 0; i < PEOPLE; i++) people.push(`P${i},Org ${i % 4},Team ${i % 8}`);
  const lines = ["from,to,timestamp,channel,weight"];
  for (let r = 0; r < rows; r++) {
    const from = next(PEOPLE);
    const to = (from - (from % 30) + next(30)) % PEOPLE;
    lines.push(
      `P${from},P${to},2026-0${3 + next(6)}-1${next(9)}T10:00:00Z,${next(3) ? "email" : "chat"},${1 + next(3)}`,
    );
  }
  lines.splice(Math.round(at * rows), odd.length, ...odd);
  writeFileSync(join(dir, "people.csv"), people.join("\n") + "\n");
  writeFileSync(join(dir, "interactions.csv"), lines.join("\n") + "\n");
}

describe("the interactions on a worker thread", () => {
  const root = mkdtempSync(join(tmpdir(), "relaudit-interactions-worker-"));
  const good = join(root, "good");
  const hostile = join(root, "hostile");
  writeSystem(good);
  writeSystem(hostile, ["P1,P2,2026-05-04T10:00:00Z,email,x", "P1,Q7,2026-05-04T10:00:00Z,email,1"]);
  // A ragged row stops the main thread's read at once, while the worker reads on.
  const ragged = join(root, "ragged");
  writeSystem(ragged, ["P1,P2,2026-05-04T10:00:00Z,email,1,extra"], 0.25);
  // Several of the reader's 1 MiB chunks, so the main thread's own reads stop well short of the end.
  const large = join(root, "large");
  writeSystem(large, [], 0, 5 * ROWS);
  const dying = join(root, "dying.mjs");
  writeFileSync(dying, 'throw new Error("this worker dies");\n');
  const bundled = workerRest(pathToFileURL(join(ROOT, "dist/interactions-worker.js")));
  let taken = 0;
  const counted = (rest: (job: RangeJob) => ReturnType<typeof bundled>) => (job: RangeJob) => ({
    ...rest(job),
    taken: () => taken++,
  });
  let before: SplitPlan;
  beforeAll(() => {
    subscribe("worker_threads", onWorker);
    before = setSplitPlan({ minBytes: 0, readRest: counted(bundled) });
  });
  afterAll(() => {
    unsubscribe("worker_threads", onWorker);
    setSplitPlan(before);
    rmSync(root, { recursive: true, force: true });
  });
  const audit = (dir: string, workers: number): Promise<CliResult> =>
    runInProcess(["audit", dir, "--format", "json", "--generated-at", AT], {
      env: { RELAUDIT_WORKERS: String(workers) },
    });

  it("the same bytes on two threads as on one, the worker's part merged", async () => {
    const single = await audit(good, 1);
    const takenBefore = taken;
    const threaded = await audit(good, 2);
    expect(taken).toBe(takenBefore + 1);
    expect(single.code).toBe(0);
    expect(threaded).toEqual(single);
    expect(runningWorkers()).toBe(0);
  });

  it("a problem in the worker's stretch: the same messages, exit 2, the worker stopped", async () => {
    const startedBefore = started.length;
    const takenBefore = taken;
    const threaded = await audit(hostile, 2);
    expect(started.length).toBeGreaterThan(startedBefore);
    expect(taken).toBe(takenBefore);
    expect(runningWorkers()).toBe(0);
    const single = await audit(hostile, 1);
    expect(threaded.code).toBe(2);
    expect(threaded.stderr).toContain("invalid weight");
    expect(threaded.stderr).toContain('unknown person id "Q7"');
    expect(threaded).toEqual(single);
  });

  it("a problem in the main thread's stretch: the same message, exit 2, the worker stopped", async () => {
    const startedBefore = started.length;
    const threaded = await audit(ragged, 2);
    expect(started.length).toBeGreaterThan(startedBefore);
    expect(runningWorkers()).toBe(0);
    expect(threaded.code).toBe(2);
    expect(threaded.stderr).toContain("a different number of fields");
    expect(threaded).toEqual(await audit(ragged, 1));
  });

  it("RELAUDIT_WORKERS governs every command that reads the inputs, not only audit", async () => {
    for (const command of [["validate"], ["signals", "--format", "json"]]) {
      const run = (workers: number) => runInProcess([...command, good], { env: { RELAUDIT_WORKERS: String(workers) } });
      const startedBefore = started.length;
      const single = await run(1);
      expect(started.length).toBe(startedBefore);
      expect(single.code).toBe(0);
      const takenBefore = taken;
      expect(await run(2)).toEqual(single);
      expect(taken).toBe(takenBefore + 1);
      expect(runningWorkers()).toBe(0);
    }
  });

  it("progress reaches the whole file when the worker's part is taken (the main thread stops at the cut)", async () => {
    const seen: [number, number][] = [];
    const onProgress = (file: string, read: number, total: number) => {
      if (file.endsWith("interactions.csv")) seen.push([read, total]);
    };
    const takenBefore = taken;
    await loadInputs({ dir: large, files: {}, threads: 2, onProgress });
    expect(taken).toBe(takenBefore + 1);
    const [read, total] = seen.at(-1)!;
    expect(total).toBeGreaterThan(3 << 20);
    expect(read).toBe(total);
    // Before the last report, the main thread's own reads ended near the cut.
    expect(seen.at(-2)![0]).toBeLessThan(total * 0.75);
    expect(runningWorkers()).toBe(0);
  });

  it("a file not read from its bytes (another encoding) starts no worker", async () => {
    const run = (workers: number) =>
      runInProcess(["audit", good, "--encoding", "windows-1252", "--format", "json", "--generated-at", AT], {
        env: { RELAUDIT_WORKERS: String(workers) },
      });
    const startedBefore = started.length;
    const threaded = await run(2);
    expect(started.length).toBe(startedBefore);
    expect(threaded.code).toBe(0);
    expect(threaded).toEqual(await run(1));
  });

  it("a worker that dies only costs time", async () => {
    const single = await audit(good, 1);
    setSplitPlan({ readRest: counted(workerRest(pathToFileURL(dying))) });
    try {
      const takenBefore = taken;
      const threaded = await audit(good, 2);
      expect(taken).toBe(takenBefore);
      expect(threaded).toEqual(single);
      expect(runningWorkers()).toBe(0);
    } finally {
      setSplitPlan({ readRest: counted(bundled) });
    }
  });
});
