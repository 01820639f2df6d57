// Brandes (2001) betweenness on the unweighted graph: exact, or estimated from a seeded sample of sources
// (Brandes & Pich 2007) with a per-person standard error, when the network is too large for an exact run.
import type { Graph } from "./graph.js";
import { seededRandom, shufflePrefix } from "./random.js";

/**
 * Work budget in sources × (people + arcs) for an exact run. Chosen by benchmark (scripts/bench-network.ts, 2-core
 * machine under load): one unit costs 15–30 ns, so an exact run stays within about 5 seconds — e.g. 1,000 people with
 * 250,000 ties, or 5,000 people with 45,000 — and larger networks are sampled in the same time.
 */
export const EXACT_WORK_LIMIT = 2.5e8;
/** Fewest sources in a sample: below this the standard errors themselves are unreliable. */
export const MIN_SAMPLE = 100;

export type BetweennessPlan = { method: "exact" } | { method: "sampled"; sources: number };

export function planBetweenness(graph: Graph, workLimit = EXACT_WORK_LIMIT): BetweennessPlan {
  const perSource = graph.n + graph.out.nbr.length;
  if (graph.n * perSource <= workLimit) return { method: "exact" };
  const sources = Math.max(MIN_SAMPLE, Math.floor(workLimit / perSource));
  return sources >= graph.n ? { method: "exact" } : { method: "sampled", sources };
}

export interface Betweenness {
  /** Raw betweenness as igraph `betweenness(directed = …, normalized = FALSE)`: undirected pairs counted once. */
  raw: Float64Array;
  /** Standard error of each estimate (sampled runs only; null when exact). */
  se: Float64Array | null;
  plan: BetweennessPlan;
}

/** igraph's normalisation: 1/((n−1)(n−2)) directed, 2/((n−1)(n−2)) undirected; 0 below three people. */
export function normalisedBetweenness(raw: number, graph: Graph): number {
  const { n } = graph;
  if (n < 3) return 0;
  return ((graph.directed ? 1 : 2) * raw) / ((n - 1) * (n - 2));
}

export function betweenness(graph: Graph, plan: BetweennessPlan = planBetweenness(graph), seed = 1): Betweenness {
  const { n } = graph;
  const { start, nbr } = graph.out;
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const delta = new Float64Array(n);
  const total = new Float64Array(n);
  const sampled = plan.method === "sampled";
  const totalSq = sampled ? new Float64Array(n) : null;

  let sources: Int32Array;
  if (plan.method === "sampled") {
    const all = Int32Array.from({ length: n }, (_, i) => i);
    shufflePrefix(all, plan.sources, seededRandom(seed));
    sources = all.slice(0, plan.sources).sort();
  } else {
    sources = Int32Array.from({ length: n }, (_, i) => i);
  }

  for (const s of sources) {
    // Breadth-first search from s; `order` doubles as the queue and, read backwards, as the stack.
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      const next = dist[v] + 1;
      for (let e = start[v]; e < start[v + 1]; e++) {
        const w = nbr[e];
        if (dist[w] === -1) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) sigma[w] += sigma[v];
      }
    }
    // Dependencies in reverse BFS order; successors on shortest paths are the neighbours one step further,
    // so no predecessor lists are stored.
    for (let i = tail - 1; i >= 0; i--) {
      const v = order[i];
      const next = dist[v] + 1;
      let d = 0;
      for (let e = start[v]; e < start[v + 1]; e++) {
        const w = nbr[e];
        if (dist[w] === next) d += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      delta[v] = d;
    }
    for (let i = 1; i < tail; i++) {
      const v = order[i];
      total[v] += delta[v];
      if (totalSq) totalSq[v] += delta[v] * delta[v];
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      sigma[v] = 0;
      dist[v] = -1;
      delta[v] = 0;
    }
  }

  // Undirected searches see every pair from both ends.
  const half = graph.directed ? 1 : 0.5;
  if (!totalSq) {
    for (let v = 0; v < n; v++) total[v] *= half;
    return { raw: total, se: null, plan };
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
  return { raw: total, se, plan };
}
