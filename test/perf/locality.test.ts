// People renumbered in breadth-first order (src/network/locality.ts) must change nothing but where the betweenness
// kernels keep their numbers: every person numbered once, each row the same arcs in the same order, and the
// dependencies, mapped back, the same bits as on the original numbering, for the batched and the one-source kernel.
import { describe, expect, it } from "vitest";
import { accumulateBatched, batchBuffers } from "../../src/network/brandes-batch.js";
import { accumulateDependencies, brandesBuffers } from "../../src/network/brandes.js";
import { buildGraph } from "../../src/network/graph.js";
import { breadthFirstNumbering } from "../../src/network/locality.js";
import { bits, GRAPH_SHAPES, randomGraph } from "../helpers/graphs.js";

describe("breadth-first numbering", () => {
  it("numbers a search's people together, restarts at the first person not reached, keeps each row's arc order", () => {
    // 0 → 3 → 1, 0 → 4; 2 → 5 is a second component, reached only by restarting from 2.
    const graph = buildGraph(6, [0, 0, 3, 2], [4, 3, 1, 5], true);
    const { adj, index } = breadthFirstNumbering(graph.out);
    expect([...index]).toEqual([0, 3, 4, 1, 2, 5]);
    // Row of new 0 (old 0): old arcs 3, 4 → new 1, 2; new 1 (old 3): old 1 → new 3; new 4 (old 2): old 5 → new 5.
    expect([...adj.start]).toEqual([0, 2, 3, 3, 3, 4, 4]);
    expect([...adj.nbr]).toEqual([1, 2, 3, 5]);
  });

  for (const [n, arcs, directed] of GRAPH_SHAPES) {
    it(`${n} people, ${arcs} ${directed ? "arcs" : "edges"}: a permutation, and the same dependencies to the last bit`, () => {
      const graph = randomGraph(n, arcs, 5, { directed });
      const { start, nbr } = graph.out;
      const { adj, index } = breadthFirstNumbering(graph.out);
      expect([...index].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      for (let v = 0; v < n; v++) {
        const row = [...nbr.subarray(start[v], start[v + 1])].map((w) => index[w]);
        expect([...adj.nbr.subarray(adj.start[index[v]], adj.start[index[v] + 1])]).toEqual(row);
      }
      const sources = Int32Array.from({ length: n }, (_, i) => i);
      const renumbered = sources.map((s) => index[s]);
      const back = (xs: Float64Array) => Float64Array.from(index, (i) => xs[i]);
      const [plain, plainSq, single, singleSq, batched, batchedSq] = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(n));
      accumulateDependencies(start, nbr, sources, 0, n, brandesBuffers(n, nbr.length), plain, plainSq);
      accumulateDependencies(adj.start, adj.nbr, renumbered, 0, n, brandesBuffers(n, nbr.length), single, singleSq);
      accumulateBatched(adj.start, adj.nbr, renumbered, 0, n, batchBuffers(n, nbr.length), batched, batchedSq);
      for (const [x, y] of [
        [single, plain],
        [singleSq, plainSq],
        [batched, plain],
        [batchedSq, plainSq],
      ])
        expect(bits(back(x))).toBe(bits(y));
    });
  }
});
