// Brandes (2001) betweenness on the unweighted graph: exact, or estimated from a seeded sample of sources
// (Brandes & Pich 2007) with a per-person standard error, when the network is too large for an exact run.
import { finishChunks, startChunks, type ChunkRun } from "./betweenness-threads.js";
import type { Graph } from "./graph.js";
import { seededRandom, shufflePrefix } from "./random.js";

/**
 * Exact up to this much work in sources × (people + arcs): 10,000 people with 150,000 ties either way (an undirected
 * tie is two arcs), 3.1·10⁹ units — so the key-person ranking of a system that size does not depend on a sampling
 * plan (issue 15). At M the batched kernel (brandes-batch.ts) costs ~0.9 ms of CPU per source on a loaded machine,
 * ~9 s for all 10,000, shared by the cores (docs/performance.md).
 */
const EXACT_WORK_LIMIT = 10_000 * (10_000 + 2 * 150_000);
/** Fewest sources in a sample: below this the standard errors themselves are unreliable. */
const MIN_SAMPLE = 100;

export type BetweennessPlan = { method: "exact" } | { method: "sampled"; sources: number };

/**
 * Exact within the work limit. Above it, a sample of sources (Brandes & Pich 2007, each estimate with its standard
 * error) gets as much work as the largest exact run, so a system just past the limit costs no more than one just
 * under it: at XL (50,000 people, ~1M arcs) ~2,900 sources. A sample of half the sources or more saves at most half
 * the work and still carries an error, so the run is exact instead.
 */
export function planBetweenness(graph: Graph, workLimit = EXACT_WORK_LIMIT): BetweennessPlan {
  const perSource = graph.n + graph.out.nbr.length;
  if (graph.n * perSource <= workLimit) return { method: "exact" };
  const sources = Math.max(MIN_SAMPLE, Math.floor(workLimit / perSource));
  return 2 * sources >= graph.n ? { method: "exact" } : { method: "sampled", sources };
}

export interface Betweenness {
  /** Raw betweenness as igraph `betweenness(directed = …, normalized = FALSE)`: undirected pairs counted once. */
  raw: Float64Array;
  /** Standard error of each estimate (sampled runs only; null when exact). */
  se: Float64Array | null;
  plan: BetweennessPlan;
  /** Threads that computed it. */
  threads: number;
}

/** igraph's normalisation: 1/((n−1)(n−2)) directed, 2/((n−1)(n−2)) undirected; 0 below three people. */
export function normalisedBetweenness(raw: number, graph: Graph): number {
  const { n } = graph;
  if (n < 3) return 0;
  return ((graph.directed ? 1 : 2) * raw) / ((n - 1) * (n - 2));
}

/** A betweenness computation under way: its sources, and the chunks of them being summed (perhaps on helper threads). */
export interface BetweennessRun {
  graph: Graph;
  plan: BetweennessPlan;
  sources: Int32Array;
  chunks: ChunkRun;
}

/**
 * Starts Brandes betweenness from every source (exact) or a seeded sample: with `threads` > 1, helper threads start
 * at once (betweenness-threads.ts) while the caller goes on; finishBetweenness collects the result, which does not
 * depend on the number of threads, to the last bit.
 */
export function startBetweenness(
  graph: Graph,
  plan: BetweennessPlan = planBetweenness(graph),
  seed = 1,
  threads = 1,
  workerScript?: URL,
): BetweennessRun {
  const { n } = graph;
  let sources: Int32Array;
  if (plan.method === "sampled") {
    const all = Int32Array.from({ length: n }, (_, i) => i);
    shufflePrefix(all, plan.sources, seededRandom(seed));
    sources = all.slice(0, plan.sources).sort();
  } else {
    sources = Int32Array.from({ length: n }, (_, i) => i);
  }
  return {
    graph,
    plan,
    sources,
    chunks: startChunks(graph.out, n, sources, plan.method === "sampled", threads, workerScript),
  };
}

export function finishBetweenness({ graph, plan, sources, chunks: run }: BetweennessRun): Betweenness {
  const { n } = graph;
  const chunks = finishChunks(run);
  const total = sumInOrder(chunks.totals, n);
  const totalSq = chunks.squares ? sumInOrder(chunks.squares, n) : null;

  // Undirected searches see every pair from both ends.
  const half = graph.directed ? 1 : 0.5;
  if (!totalSq) {
    for (let v = 0; v < n; v++) total[v] *= half;
    return { raw: total, se: null, plan, threads: chunks.threads };
  }
  // Estimate = n × mean dependency over sampled sources; its standard error carries the finite-population
  // correction because sources are drawn without replacement.
  const k = sources.length;
  const se = new Float64Array(n);
  const fpc = 1 - k / n;
  for (let v = 0; v < n; v++) {
    const mean = total[v] / k;
    const variance = k > 1 ? Math.max(0, (totalSq[v] - k * mean * mean) / (k - 1)) : 0;
    total[v] = n * mean * half;
    se[v] = n * Math.sqrt((fpc * variance) / k) * half;
  }
  return { raw: total, se, plan, threads: chunks.threads };
}

/** Brandes betweenness, computed at once (see startBetweenness). */
export function betweenness(
  graph: Graph,
  plan: BetweennessPlan = planBetweenness(graph),
  seed = 1,
  threads = 1,
  workerScript?: URL,
): Betweenness {
  return finishBetweenness(startBetweenness(graph, plan, seed, threads, workerScript));
}

/** Per-person sums of the chunks, added in chunk order. */
function sumInOrder(parts: Float64Array[], n: number): Float64Array {
  const sum = new Float64Array(n);
  for (const part of parts) for (let v = 0; v < n; v++) sum[v] += part[v];
  return sum;
}
