// Betweenness dependencies summed per chunk of sources, on this thread or shared with worker threads.
//
// The sources are cut into a fixed number of chunks whatever the number of threads; each chunk is summed on its
// own and the chunks are added in order by the caller. Floating-point addition is not associative, so this is
// what makes the result byte-identical with one thread or several. Threads claim chunks from a shared counter
// (the graph and the results live in SharedArrayBuffers) and the calling thread takes chunks too, then waits with
// Atomics.wait: the analysis stays synchronous. A worker that fails to start or dies only slows the run: after a
// generous wait the calling thread computes any chunk still unfinished itself. The kernels run on the people
// renumbered in breadth-first order (locality.ts: nearer memory, same bits); the sums are mapped back here.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { accumulateBatched, batchBuffers, type BatchBuffers } from "./brandes-batch.js";
import type { Adjacency } from "./graph.js";
import { breadthFirstNumbering } from "./locality.js";

/** Chunks of sources: enough for two to four threads to share the work evenly, few enough to sum cheaply. */
export const CHUNKS = 16;
/** Below this much work (sources × (people + arcs)) a second thread costs more to start than it saves. */
export const PARALLEL_MIN_WORK = 2e7;
/** Threads used by default: the machine's cores, at most four. */
export const defaultThreads = (): number => Math.max(1, Math.min(4, availableParallelism()));

/** The worker script helper threads run: the one next to the running bundle (dist/betweenness-worker.js), absent
 * when running from sources unless set below. */
let defaultWorker = new URL("./betweenness-worker.js", import.meta.url);

/**
 * For tests that run the sources in process (test/pipeline/early-network.test.ts): helper threads start from the
 * built worker script instead, so a whole audit uses real threads without importing the CLI's bundle beside the
 * sources (a second copy of every module to load and compile). Returns the script used before, to restore.
 */
export function setWorkerScript(script: URL): URL {
  const before = defaultWorker;
  defaultWorker = script;
  return before;
}

export interface ChunkSums {
  /** Sum of dependencies per person, one array per chunk, in chunk order. */
  totals: Float64Array[];
  /** Sum of squared dependencies per person per chunk (for a sample's standard error); null when not asked for. */
  squares: Float64Array[] | null;
  /** Threads that computed chunks (1 when the work ran on the calling thread alone). */
  threads: number;
}

/** Half-open ranges [bounds[c], bounds[c + 1]) of source positions per chunk. */
export function chunkBounds(sources: number): Int32Array {
  const chunks = Math.max(1, Math.min(CHUNKS, sources));
  return Int32Array.from({ length: chunks + 1 }, (_, c) => Math.floor((c * sources) / chunks));
}

export interface WorkerJob {
  start: SharedArrayBuffer;
  nbr: SharedArrayBuffer;
  sources: SharedArrayBuffer;
  bounds: SharedArrayBuffer;
  /** [next chunk to claim, chunks finished], then one state per chunk: 0 free, 1 claimed, 2 finished. */
  control: SharedArrayBuffer;
  results: SharedArrayBuffer;
  n: number;
  squares: boolean;
}

/** Claims and computes chunks until none is left; the loop shared by the calling thread and the workers. */
export function workOnChunks(job: WorkerJob): number {
  const start = new Int32Array(job.start);
  const nbr = new Int32Array(job.nbr);
  const sources = new Int32Array(job.sources);
  const bounds = new Int32Array(job.bounds);
  const control = new Int32Array(job.control);
  const chunks = bounds.length - 1;
  const buffers = batchBuffers(job.n, nbr.length);
  const total = new Float64Array(job.n);
  const totalSq = job.squares ? new Float64Array(job.n) : null;
  let slowest = 0;
  for (let c = Atomics.add(control, 0, 1); c < chunks; c = Atomics.add(control, 0, 1)) {
    Atomics.store(control, 2 + c, 1);
    const began = performance.now();
    computeChunk(job, c, start, nbr, sources, bounds, buffers, total, totalSq);
    slowest = Math.max(slowest, performance.now() - began);
    Atomics.store(control, 2 + c, 2);
    Atomics.add(control, 1, 1);
    Atomics.notify(control, 1);
  }
  return slowest;
}

function computeChunk(
  job: WorkerJob,
  c: number,
  start: Int32Array,
  nbr: Int32Array,
  sources: Int32Array,
  bounds: Int32Array,
  buffers: BatchBuffers,
  total: Float64Array,
  totalSq: Float64Array | null,
): void {
  total.fill(0);
  totalSq?.fill(0);
  accumulateBatched(start, nbr, sources, bounds[c], bounds[c + 1], buffers, total, totalSq);
  // Written whole at the end, so a chunk computed twice (see the fallback below) is written with the same values.
  const width = job.squares ? 2 : 1;
  new Float64Array(job.results, c * width * job.n * 8, job.n).set(total);
  if (totalSq) new Float64Array(job.results, (c * width + 1) * job.n * 8, job.n).set(totalSq);
}

/** Chunks of sources being summed: the shared job and the helper threads already working on it. */
export interface ChunkRun {
  job: WorkerJob;
  bounds: Int32Array;
  /** The helper threads computing chunks beside the calling thread (none for small work). */
  workers: Worker[];
  /** The number each person has in the job's graph (breadthFirstNumbering). */
  index: Int32Array;
}

/**
 * Starts summing the dependencies of each chunk of `sources` on `adj`: up to `threads` − 1 helper threads start on
 * chunks at once when the work is large enough and a worker script exists. Nothing is computed on this thread
 * until finishChunks, so the caller can do other work meanwhile.
 */
export function startChunks(
  adj: Adjacency,
  n: number,
  sources: Int32Array,
  squares: boolean,
  threads: number,
  workerScript: URL = defaultWorker,
): ChunkRun {
  const bounds = chunkBounds(sources.length);
  const chunks = bounds.length - 1;
  const work = sources.length * (n + adj.nbr.length);
  const helpers =
    work >= PARALLEL_MIN_WORK && existsSync(fileURLToPath(workerScript)) ? Math.min(threads, chunks) - 1 : 0;
  const { adj: local, index } = breadthFirstNumbering(adj);
  const job: WorkerJob = {
    start: shared(local.start),
    nbr: shared(local.nbr),
    sources: shared(sources.map((s) => index[s])),
    bounds: shared(bounds),
    control: new SharedArrayBuffer(4 * (2 + chunks)),
    results: new SharedArrayBuffer(8 * n * chunks * (squares ? 2 : 1)),
    n,
    squares,
  };
  const workers = Array.from({ length: helpers }, () => {
    const worker = new Worker(workerScript, { workerData: job });
    // Errors are covered by the fallback in finishChunks; the process must not wait for a worker to exit.
    worker.on("error", () => undefined);
    worker.unref();
    return worker;
  });
  return { job, bounds, workers, index };
}

/**
 * Abandons a run that will not be finished (the audit stopped before collecting it): its helper threads are
 * terminated mid-chunk, instead of computing for seconds more in a process that goes on (a test runner, explore).
 * Resolves once every one has exited.
 */
export async function stopChunks({ workers }: ChunkRun): Promise<void> {
  await Promise.all(workers.map((worker) => worker.terminate()));
}

/** Takes the chunks still unclaimed on this thread, waits for the helpers' chunks, and returns every chunk's sums. */
export function finishChunks({ job, bounds, workers, index }: ChunkRun): ChunkSums {
  const { n, squares } = job;
  const chunks = bounds.length - 1;
  const slowest = workOnChunks(job);
  waitForChunks(job, bounds, Math.max(2000, 20 * slowest));
  const width = squares ? 2 : 1;
  const view = (c: number, k: number) => {
    const sums = new Float64Array(job.results, (c * width + k) * n * 8, n);
    return Float64Array.from(index, (i) => sums[i]);
  };
  return {
    totals: Array.from({ length: chunks }, (_, c) => view(c, 0)),
    squares: squares ? Array.from({ length: chunks }, (_, c) => view(c, 1)) : null,
    threads: 1 + workers.length,
  };
}

/** Sums the dependencies of each chunk of `sources` on `adj`, with up to `threads` threads. */
export function dependenciesByChunk(
  adj: Adjacency,
  n: number,
  sources: Int32Array,
  squares: boolean,
  threads: number,
  workerScript: URL = defaultWorker,
): ChunkSums {
  return finishChunks(startChunks(adj, n, sources, squares, threads, workerScript));
}

/** Waits for the chunks other threads claimed; computes any still unfinished after `patienceMs` here. */
function waitForChunks(job: WorkerJob, bounds: Int32Array, patienceMs: number): void {
  const control = new Int32Array(job.control);
  const chunks = bounds.length - 1;
  const deadline = performance.now() + patienceMs;
  for (let done = Atomics.load(control, 1); done < chunks; done = Atomics.load(control, 1)) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    Atomics.wait(control, 1, done, left);
  }
  if (Atomics.load(control, 1) >= chunks) return;
  const start = new Int32Array(job.start);
  const nbr = new Int32Array(job.nbr);
  const sources = new Int32Array(job.sources);
  const buffers = batchBuffers(job.n, nbr.length);
  const total = new Float64Array(job.n);
  const totalSq = job.squares ? new Float64Array(job.n) : null;
  for (let c = 0; c < chunks; c++)
    if (Atomics.load(control, 2 + c) !== 2) computeChunk(job, c, start, nbr, sources, bounds, buffers, total, totalSq);
}

function shared(array: Int32Array): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(array.byteLength);
  new Int32Array(buffer).set(array);
  return buffer;
}
