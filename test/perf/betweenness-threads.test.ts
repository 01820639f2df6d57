// Betweenness on worker threads must equal the single-thread result to the last bit (chunks of sources are summed
// separately and added in a fixed order), and a worker that never works or dies mid-chunk must not change it.
// The worker is the bundled dist/betweenness-worker.js (the suite's global setup builds dist/ first).
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { betweenness } from "../../src/network/betweenness.js";
import { chunkBounds, CHUNKS, dependenciesByChunk, PARALLEL_MIN_WORK } from "../../src/network/betweenness-threads.js";
import { accumulateDependencies, brandesBuffers } from "../../src/network/brandes.js";
import { bits, randomGraph } from "../helpers/graphs.js";

const WORKER = pathToFileURL(join(import.meta.dirname, "../../dist/betweenness-worker.js"));

describe("betweenness on threads", () => {
  // 1,500 people and 15,000 arcs: exact work 1,500 × 16,500 ≈ 2.5e7, above the threshold for a second thread.
  const graph = randomGraph(1500, 15_000, 7, { hubs: 10, hubShare: 0.2 });
  const work = graph.n * (graph.n + graph.out.nbr.length);
  // Exact betweenness on the calling thread alone, computed once: the reference of two tests.
  let single: ReturnType<typeof betweenness> | undefined;
  const oneThread = () => (single ??= betweenness(graph, { method: "exact" }, 1, 1));

  it("the test graph is large enough for threads to be used", () => {
    expect(work).toBeGreaterThanOrEqual(PARALLEL_MIN_WORK);
  });

  it("exact: one thread, two and four give the same bits, and that many threads were used", () => {
    const results = [
      oneThread(),
      ...[2, 4].map((threads) => betweenness(graph, { method: "exact" }, 1, threads, WORKER)),
    ];
    expect(results.map((r) => r.threads)).toEqual([1, 2, 4]);
    for (const r of results.slice(1)) expect(bits(r.raw)).toBe(bits(results[0].raw));
  });

  it("sampled (undirected): estimates and standard errors are the same bits with one, two and four threads", () => {
    const undirected = randomGraph(1500, 15_000, 8, { directed: false, hubs: 10, hubShare: 0.2 });
    const plan = { method: "sampled" as const, sources: 900 };
    const results = [1, 2, 4].map((threads) => betweenness(undirected, plan, 3, threads, WORKER));
    expect(results.map((r) => r.threads)).toEqual([1, 2, 4]);
    for (const r of results.slice(1)) {
      expect(bits(r.raw)).toBe(bits(results[0].raw));
      expect(bits(r.se)).toBe(bits(results[0].se));
    }
  });

  it("chunk sums equal a plain pass over each chunk's sources", () => {
    const sources = Int32Array.from({ length: graph.n }, (_, i) => i);
    const sums = dependenciesByChunk(graph.out, graph.n, sources, true, 2, WORKER);
    const bounds = chunkBounds(sources.length);
    expect(bounds.length - 1).toBe(CHUNKS);
    for (const c of [0, 7, CHUNKS - 1]) {
      const total = new Float64Array(graph.n);
      const squares = new Float64Array(graph.n);
      accumulateDependencies(
        graph.out.start,
        graph.out.nbr,
        sources,
        bounds[c],
        bounds[c + 1],
        brandesBuffers(graph.n, graph.out.nbr.length),
        total,
        squares,
      );
      expect(bits(sums.totals[c])).toBe(bits(total));
      expect(bits(sums.squares![c])).toBe(bits(squares));
    }
  });

  it("a worker that does nothing, or claims a chunk and dies, changes nothing: the calling thread finishes the work", () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-workers-"));
    writeFileSync(join(dir, "idle.mjs"), "// starts and exits without claiming any work\n");
    writeFileSync(
      join(dir, "deserter.mjs"),
      'import { workerData } from "node:worker_threads";\nconst control = new Int32Array(workerData.control);\nconst chunk = Atomics.add(control, 0, 1);\nAtomics.store(control, 2 + chunk, 1);\n',
    );
    const reference = oneThread();
    for (const script of ["idle.mjs", "deserter.mjs"]) {
      const result = betweenness(graph, { method: "exact" }, 1, 2, pathToFileURL(join(dir, script)));
      expect(bits(result.raw), script).toBe(bits(reference.raw));
    }
  });

  it("without a worker script (running from sources) the work stays on the calling thread", () => {
    const result = betweenness(graph, { method: "exact" }, 1, 2, pathToFileURL(join(tmpdir(), "no-such-worker.js")));
    expect(result.threads).toBe(1);
  });
});
