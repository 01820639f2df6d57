// Entry point of a betweenness worker thread (bundled as dist/betweenness-worker.js): claims chunks of sources
// from the shared job until none is left, then exits.
import { workerData } from "node:worker_threads";
import { workOnChunks, type WorkerJob } from "./betweenness-threads.js";

workOnChunks(workerData as WorkerJob);
