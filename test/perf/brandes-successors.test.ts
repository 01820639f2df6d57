// The Brandes kernel's fast path (issue 15): the forward pass writes down each node's successors on shortest paths,
// and the backward pass reads only those. The plain path scans every arc again and keeps those one step further
// from the source. Both add the same terms in the same (arc) order, so they must agree to the last bit, exact or
// sampled, directed or not, with the squares a sample's standard error needs.
import { describe, expect, it } from "vitest";
import { accumulateDependencies, brandesBuffers } from "../../src/network/brandes.js";
import type { Graph } from "../../src/network/graph.js";
import { seededRandom } from "../../src/network/random.js";
import { bits, GRAPH_SHAPES, randomGraph } from "../helpers/graphs.js";

/** The plain backward pass: for each node, every arc scanned, successors picked by their distance. */
function plainDependencies(graph: Graph, sources: number[], total: Float64Array, totalSq: Float64Array): void {
  const { start, nbr } = graph.out;
  for (const s of sources) {
    const dist = new Int32Array(graph.n).fill(-1);
    const sigma = new Float64Array(graph.n);
    const coefficient = new Float64Array(graph.n);
    const order = [s];
    dist[s] = 0;
    sigma[s] = 1;
    for (let head = 0; head < order.length; head++) {
      const v = order[head];
      for (let e = start[v]; e < start[v + 1]; e++) {
        const w = nbr[e];
        if (dist[w] === -1) {
          dist[w] = dist[v] + 1;
          order.push(w);
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (let i = order.length - 1; i > 0; i--) {
      const v = order[i];
      let sum = 0;
      for (let e = start[v]; e < start[v + 1]; e++) if (dist[nbr[e]] === dist[v] + 1) sum += coefficient[nbr[e]];
      const delta = sigma[v] * sum;
      coefficient[v] = (1 + delta) / sigma[v];
      total[v] += delta;
      totalSq[v] += delta * delta;
    }
  }
}

describe("Brandes with recorded successors equals the plain backward pass to the last bit", () => {
  for (const [n, arcs, directed] of GRAPH_SHAPES) {
    it(`${n} people, ${arcs} ${directed ? "arcs" : "edges"}`, () => {
      for (const seed of [1, 2, 3]) {
        const graph = randomGraph(n, arcs, seed, { directed });
        const random = seededRandom(seed + 100);
        // Every source (exact), then a sample in shuffled order through one set of reused buffers.
        const sample = Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.3);
        for (const sources of [Array.from({ length: n }, (_, i) => i), sample]) {
          const fast = new Float64Array(n);
          const fastSq = new Float64Array(n);
          const buffers = brandesBuffers(n, graph.out.nbr.length);
          accumulateDependencies(
            graph.out.start,
            graph.out.nbr,
            Int32Array.from(sources),
            0,
            sources.length,
            buffers,
            fast,
            fastSq,
          );
          const plain = new Float64Array(n);
          const plainSq = new Float64Array(n);
          plainDependencies(graph, sources, plain, plainSq);
          expect(bits(fast)).toBe(bits(plain));
          expect(bits(fastSq)).toBe(bits(plainSq));
        }
      }
    });
  }
});
