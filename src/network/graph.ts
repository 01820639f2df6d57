// A compact, immutable graph on typed arrays (compressed sparse rows), so every metric runs on flat buffers and
// a 10,000-person, million-interaction system fits in a few megabytes.

/** Neighbour lists in compressed sparse rows: the neighbours of v are nbr[start[v]] … nbr[start[v + 1] − 1], ascending. */
export interface Adjacency {
  start: Int32Array;
  nbr: Int32Array;
}

export interface Graph {
  /** People, isolates included. */
  n: number;
  directed: boolean;
  /** Ties: arcs when directed, unordered pairs when undirected. */
  m: number;
  /** Successors (directed) or neighbours (undirected). */
  out: Adjacency;
  /** Predecessors (directed) or the same object as `out` (undirected). */
  in: Adjacency;
  /** Distinct neighbours ignoring direction: the undirected skeleton (the same object as `out` when undirected). */
  all: Adjacency;
}

/**
 * Rows from pairs (src[i], dst[i]): counting sort by source, each row sorted, duplicates and self-loops dropped.
 * `symmetric` adds every pair in both directions.
 */
function compressedRows(n: number, src: ArrayLike<number>, dst: ArrayLike<number>, symmetric: boolean): Adjacency {
  const count = new Int32Array(n + 1);
  for (let i = 0; i < src.length; i++) {
    if (src[i] === dst[i]) continue;
    count[src[i] + 1]++;
    if (symmetric) count[dst[i] + 1]++;
  }
  for (let v = 0; v < n; v++) count[v + 1] += count[v];
  const raw = new Int32Array(count[n]);
  const fill = count.slice(0, n);
  for (let i = 0; i < src.length; i++) {
    if (src[i] === dst[i]) continue;
    raw[fill[src[i]]++] = dst[i];
    if (symmetric) raw[fill[dst[i]]++] = src[i];
  }
  // Sort each row and squeeze out duplicates in place; `start` is rebuilt as rows shrink.
  const start = new Int32Array(n + 1);
  let write = 0;
  for (let v = 0; v < n; v++) {
    const row = raw.subarray(count[v], count[v + 1]).sort();
    start[v] = write;
    for (let i = 0; i < row.length; i++) if (i === 0 || row[i] !== row[i - 1]) raw[write++] = row[i];
  }
  start[n] = write;
  return { start, nbr: raw.slice(0, write) };
}

/** Build a simple graph from pairs of person indices (0 … n−1). Self-loops and repeated pairs are dropped. */
export function buildGraph(n: number, from: ArrayLike<number>, to: ArrayLike<number>, directed: boolean): Graph {
  for (let i = 0; i < from.length; i++) {
    if (from[i] < 0 || from[i] >= n || to[i] < 0 || to[i] >= n)
      throw new RangeError(`tie ${i} refers to a person outside 0…${n - 1}`);
  }
  if (!directed) {
    const all = compressedRows(n, from, to, true);
    return { n, directed, m: all.nbr.length / 2, out: all, in: all, all };
  }
  const out = compressedRows(n, from, to, false);
  const inn = compressedRows(n, to, from, false);
  const all = compressedRows(n, from, to, true);
  return { n, directed, m: out.nbr.length, out, in: inn, all };
}

/** Calls visit(u, v) once per tie: every arc when directed, every unordered pair (u < v) when undirected. */
export function forEachTie(graph: Graph, visit: (u: number, v: number) => void): void {
  const { start, nbr } = graph.out;
  for (let u = 0; u < graph.n; u++) {
    for (let e = start[u]; e < start[u + 1]; e++) {
      const v = nbr[e];
      if (graph.directed || u < v) visit(u, v);
    }
  }
}

/** Whether the arc u → v exists (binary search in u's sorted row); for undirected graphs, whether u — v exists. */
export function hasTie(graph: Graph, u: number, v: number): boolean {
  const { start, nbr } = graph.out;
  let lo = start[u];
  let hi = start[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nbr[mid] === v) return true;
    if (nbr[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export const degree = (adj: Adjacency, v: number): number => adj.start[v + 1] - adj.start[v];
