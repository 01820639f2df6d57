// The floor for reading the inputs: read the same bytes in the same 1 MiB chunks, decode them and split them into
// lines, doing nothing with the lines. No reader of these files can be faster in this runtime; the benchmark
// reports reading and modelling as multiples of it. Prints one JSON line.
// Usage: node scripts/bench/floor.mjs FILE...
import { createReadStream, statSync } from "node:fs";
import { performance } from "node:perf_hooks";

const started = performance.now();
const cpu = process.cpuUsage();
let bytes = 0;
let lines = 0;
for (const file of process.argv.slice(2)) {
  bytes += statSync(file).size;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let carry = "";
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const parts = (carry + decoder.decode(chunk, { stream: true })).split("\n");
    carry = parts.pop();
    lines += parts.length;
  }
  if (carry.length > 0) lines++;
}
const used = process.cpuUsage(cpu);
process.stdout.write(
  JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, bytes, lines }) + "\n",
);
