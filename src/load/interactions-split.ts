// interactions.csv on two threads: the main thread reads the file up to a line end near the middle while a worker
// thread reads the rest (interactions-range.ts); the worker's tally is then merged in after the main thread's, as if
// its rows had come next. The result is the same to the last bit as reading the file on one thread, because
// - the cut is the start of a record: the main thread takes the worker's part only when every byte before the cut was
//   read on the byte path as ASCII without a quote or a carriage return (csv-bytes.ts cutChunks), and the worker reads
//   only lines of that kind;
// - people, ties and channels are numbered in order of first appearance: the worker's new ones follow the main
//   thread's, in the worker's order (tie-builder.ts merge);
// - counts, minima, maxima and sets merge exactly in any order; sums of weights and durations do when every value is
//   a whole number and every sum stays below 2^53, which the worker's reader guarantees for its rows and
//   `mergeable` checks for the main thread's;
// - the worker stops at any row its byte reader would leave to the row consumer (a problem among them), and the main
//   thread then reads the stretch itself: every message comes from the main thread, in file order, as before.
// A worker that fails to start or dies only slows the run; none is left running once the load returns or fails.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ByteCut } from "./csv-types.js";
import { isTableSource } from "./duckdb/source.js";
import { readRange, type RangePart, type RangeSetup } from "./interactions-range.js";

/** What a worker is given: the file, where its stretch begins, and what its rows need. */
export interface RangeJob {
  path: string;
  offset: number;
  setup: RangeSetup;
}

/** A stretch being read elsewhere: its part when done (null when it was not for a range reader), and a way to stop. */
export interface RestRead {
  part: Promise<RangePart | null>;
  stop: () => Promise<void>;
  /** Told when the part is merged (tests count the cuts that took the two-thread path). */
  taken?: () => void;
}

export interface SplitPlan {
  /** Files smaller than this are read on one thread: a worker would cost more to start than it saves. */
  minBytes: number;
  /** Where the worker's stretch should begin in a file of `size` bytes (moved on to the next line's start). */
  cutAt: (size: number) => number;
  /** Reads a stretch: on a worker thread, or (tests) in process. */
  readRest: (job: RangeJob) => RestRead;
}

/** A stretch read on a worker thread running `script`. */
export function workerRest(script: URL): (job: RangeJob) => RestRead {
  return (job) => {
    if (!existsSync(fileURLToPath(script))) return { part: Promise.resolve(null), stop: async () => undefined };
    const worker = new Worker(script, { workerData: job });
    // The process must not wait for the worker; its errors and its exit without a message only mean no part.
    worker.unref();
    const part = new Promise<RangePart | null>((resolve) => {
      worker.once("message", resolve);
      worker.once("error", () => resolve(null));
      worker.once("exit", () => resolve(null));
    });
    return { part, stop: async () => void (await worker.terminate()) };
  };
}

/** A stretch read in this process (the property tests). */
export const inProcessRest = (job: RangeJob): RestRead => ({
  part: Promise.resolve(readRange(job.path, job.offset, job.setup)),
  stop: async () => undefined,
});

let plan: SplitPlan = {
  // Measured (docs/performance.md, task x-load): at M (interactions.csv 55 MB) the worker saved the main thread ~0.2 s
  // of CPU and cost ~0.7 s more in all (its start, its compiling, the merge); at L (555 MB) it saved ~3 s for ~1.2 s
  // more, and L's whole audit took ~4 s less on an idle machine (the lead's section).
  minBytes: 128 << 20,
  cutAt: (size) => Math.floor(size / 2),
  // Next to the running bundle (dist/interactions-worker.js); absent when running from sources, unless set.
  readRest: workerRest(new URL("./interactions-worker.js", import.meta.url)),
};

/** For tests: another plan (every field given replaces the current one's); returns the plan before, to restore. */
export function setSplitPlan(changes: Partial<SplitPlan>): SplitPlan {
  const before = plan;
  plan = { ...plan, ...changes };
  return before;
}

/** Bytes looked through for the line end after the planned cut. */
const LOOK = 1 << 16;

export class InteractionsSplit {
  private rest: RestRead | null = null;
  /** The worker's part, once the main thread has taken it at the cut. */
  part: RangePart | null = null;

  private constructor(
    private readonly path: string,
    private readonly offset: number,
  ) {}

  /** The split of a CSV file on `threads` threads, or null when it is read on one (too small, one thread). */
  static of(path: string, threads: number): InteractionsSplit | null {
    if (threads < 2 || isTableSource(path)) return null;
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    if (size < Math.max(1, plan.minBytes)) return null;
    const from = Math.min(size, Math.max(1, plan.cutAt(size)));
    const near = Buffer.alloc(Math.min(LOOK, size - from + 1));
    const file = openSync(path, "r");
    try {
      // From the byte before the planned cut: a cut just after a line end stays there.
      const read = readSync(file, near, 0, near.length, from - 1);
      const lf = near.subarray(0, read).indexOf(10);
      return lf < 0 || from + lf >= size ? null : new InteractionsSplit(path, from + lf);
    } finally {
      closeSync(file);
    }
  }

  /** Starts reading the stretch after the cut elsewhere. */
  start(setup: RangeSetup): void {
    this.rest = plan.readRest({ path: this.path, offset: this.offset, setup });
  }

  /** For the CSV reader (CsvReadOptions.cut): the worker's part is taken when the bytes before were clean and it is `mergeable`. */
  cut(mergeable: (part: RangePart) => boolean): ByteCut {
    return {
      offset: this.offset,
      takeRest: async (clean) => {
        const part = this.rest && clean ? await this.rest.part : null;
        if (part && mergeable(part)) {
          this.part = part;
          this.rest!.taken?.();
        } else await this.stop();
        return this.part !== null;
      },
    };
  }

  /** Stops the worker if it is still reading (the load failed, or reads the stretch itself). */
  async stop(): Promise<void> {
    await this.rest?.stop();
  }
}
