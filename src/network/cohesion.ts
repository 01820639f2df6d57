// Whole-network cohesion: density, reciprocity (igraph's two definitions), isolates and weak components.
import { degree, type Graph } from "./graph.js";

/** igraph `edge_density(loops = FALSE)`: m / (n(n−1)) directed, 2m / (n(n−1)) undirected; null below 2 people. */
export function density(graph: Graph): number | null {
  const { n, m } = graph;
  if (n < 2) return null;
  return graph.directed ? m / (n * (n - 1)) : (2 * m) / (n * (n - 1));
}

/** Arcs whose reverse also exists (each mutual pair counts 2). */
function reciprocatedArcs(graph: Graph): number {
  if (!graph.directed) return 2 * graph.m;
  // Both rows are sorted, so u's successors and predecessors merge in one pass: an arc u → v is reciprocated
  // exactly when v is also a predecessor of u.
  let count = 0;
  const { out, in: inn } = graph;
  for (let u = 0; u < graph.n; u++) {
    let a = out.start[u];
    let b = inn.start[u];
    const aEnd = out.start[u + 1];
    const bEnd = inn.start[u + 1];
    while (a < aEnd && b < bEnd) {
      const x = out.nbr[a];
      const y = inn.nbr[b];
      if (x === y) {
        count++;
        a++;
        b++;
      } else if (x < y) a++;
      else b++;
    }
  }
  return count;
}

/**
 * igraph `reciprocity()` (mode "default"): share of arcs whose reverse exists; 1 for undirected graphs, null without ties.
 * `pairRatio` is igraph's mode "ratio": mutual pairs / connected pairs = r / (2 − r).
 */
export function reciprocity(graph: Graph): {
  arcs: number | null;
  pairRatio: number | null;
  mutualPairs: number;
  connectedPairs: number;
} {
  const reciprocated = reciprocatedArcs(graph);
  const mutualPairs = graph.directed ? reciprocated / 2 : graph.m;
  const connectedPairs = graph.directed ? graph.m - mutualPairs : graph.m;
  if (graph.m === 0) return { arcs: null, pairRatio: null, mutualPairs, connectedPairs };
  return {
    arcs: reciprocated / (graph.directed ? graph.m : 2 * graph.m),
    pairRatio: mutualPairs / connectedPairs,
    mutualPairs,
    connectedPairs,
  };
}

export function isolates(graph: Graph): number {
  let count = 0;
  for (let v = 0; v < graph.n; v++) if (degree(graph.all, v) === 0) count++;
  return count;
}

/** Weakly connected components (direction ignored), by iterative breadth-first search. */
export function components(graph: Graph): { label: Int32Array; count: number; sizes: number[] } {
  const { n, all } = graph;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (label[root] !== -1) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    label[root] = c;
    while (head < tail) {
      const v = queue[head++];
      for (let e = all.start[v]; e < all.start[v + 1]; e++) {
        const w = all.nbr[e];
        if (label[w] === -1) {
          label[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  return { label, count: sizes.length, sizes };
}
