// Entry point of the interactions' worker thread (bundled as dist/interactions-worker.js): reads the stretch of the
// file it is given (interactions-range.ts) and posts what it came to, its arrays moved rather than copied, or null.
import { parentPort, workerData } from "node:worker_threads";
import { readRange, type RangePart } from "./interactions-range.js";
import type { RangeJob } from "./interactions-split.js";

const { path, offset, setup } = workerData as RangeJob;
const part = readRange(path, offset, setup);
parentPort!.postMessage(part, part ? buffersOf(part) : []);

function buffersOf({ tally: { ties } }: RangePart): ArrayBuffer[] {
  const arrays = [
    ties.ends.from,
    ties.ends.to,
    ties.header,
    ...Object.values(ties.channels),
    ...Object.values(ties.periods),
  ];
  return [...new Set(arrays.map((array: Int32Array | Float64Array) => array.buffer as ArrayBuffer))];
}
