// The batched Brandes kernel (32 sources per breadth-first search, src/network/brandes-batch.ts) must add exactly
// what the one-source kernel adds, to the last bit: exact or sampled, directed or not, with the squares a sample's
// standard error needs, on ranges that do not start or end on a batch boundary. Networks whose path counts reach
// 2^53, or whose shortest paths are longer than the batch keeps levels for, go to the one-source kernel.
import { describe, expect, it } from "vitest";
import { accumulateBatched, batchBuffers } from "../../src/network/brandes-batch.js";
import { accumulateDependencies, brandesBuffers } from "../../src/network/brandes.js";
import { buildGraph, type Graph } from "../../src/network/graph.js";
import { seededRandom } from "../../src/network/random.js";
import { bits, GRAPH_SHAPES, randomGraph } from "../helpers/graphs.js";

/** Layers of `width` people, each joined to every person of the next layer: width^(layers − 1) shortest paths end to end. */
function layered(width: number, layers: number): Graph {
  const from: number[] = [];
  const to: number[] = [];
  for (let l = 0; l + 1 < layers; l++)
    for (let a = 0; a < width; a++)
      for (let b = 0; b < width; b++) [from, to].forEach((x, i) => x.push((l + i) * width + (i ? b : a)));
  return buildGraph(width * layers, from, to, true);
}

/** A path 0 → 1 → … → n − 1, with a shortcut or two so some people have two successors. */
function path(n: number): Graph {
  const from = Array.from({ length: n - 1 }, (_, i) => i);
  const to = from.map((i) => i + 1);
  return buildGraph(n, [...from, 3, 10], [...to, 5, 12], true);
}

function compare(
  graph: Graph,
  sources: Int32Array,
  from: number,
  to: number,
  buffers = batchBuffers(graph.n, graph.out.nbr.length),
): number {
  const { n } = graph;
  const { start, nbr } = graph.out;
  const [single, singleSq, batched, batchedSq] = [0, 1, 2, 3].map(() => new Float64Array(n));
  accumulateDependencies(start, nbr, sources, from, to, brandesBuffers(n, nbr.length), single, singleSq);
  const done = accumulateBatched(start, nbr, sources, from, to, buffers, batched, batchedSq);
  expect(bits(batched)).toBe(bits(single));
  expect(bits(batchedSq)).toBe(bits(singleSq));
  return done;
}

describe("batched Brandes equals the one-source kernel to the last bit", () => {
  for (const [n, arcs, directed] of [...GRAPH_SHAPES, [1200, 9000, true] as const]) {
    it(`${n} people, ${arcs} ${directed ? "arcs" : "edges"}`, () => {
      for (const seed of [1, 2, 3]) {
        const graph = randomGraph(n, arcs, seed, { directed });
        const all = Int32Array.from({ length: n }, (_, i) => i);
        const random = seededRandom(seed + 100);
        const sample = all.filter(() => random() < 0.3);
        // Every source; a range that starts and ends inside batches; a sample (the sources are not neighbours).
        expect(compare(graph, all, 0, n)).toBe(n);
        expect(compare(graph, all, 5, n - 7)).toBe(n - 12);
        expect(compare(graph, sample, 0, sample.length)).toBe(sample.length);
      }
    });
  }

  it("path counts of 2^53 or more go to the one-source kernel, and those just below stay batched", () => {
    // 2^55 paths end to end from the first layer (width 32, 13 layers: 32^11); 2^50 with 12 layers.
    const deep = layered(32, 13);
    const all = Int32Array.from({ length: deep.n }, (_, i) => i);
    expect(compare(deep, all, 0, 32)).toBe(0);
    expect(compare(deep, all, 32, deep.n)).toBe(deep.n - 32);
    const shallow = layered(32, 12);
    expect(compare(shallow, all.subarray(0, shallow.n), 0, shallow.n)).toBe(shallow.n);
  });

  it("shortest paths longer than the levels a batch keeps go to the one-source kernel", () => {
    const long = path(100);
    const all = Int32Array.from({ length: long.n }, (_, i) => i);
    // Sources 0–31 reach 64 levels and more; sources from 64 on see fewer than 36.
    expect(compare(long, all, 0, 32)).toBe(0);
    expect(compare(long, all, 64, 100)).toBe(36);
  });

  it("a batch with more levels per person and more path-carrying arcs than first allocated grows its lists", () => {
    // On a path each of 32 sources reaches a person at its own distance: up to 32 levels per person, and as many
    // records per arc, where the first allocation has room for 4 and 3.
    const long = path(100);
    const all = Int32Array.from({ length: long.n }, (_, i) => i);
    const buffers = batchBuffers(long.n, long.out.nbr.length);
    const [slots, records] = [buffers.active.length, buffers.heads.length];
    expect(compare(long, all, 64, 100, buffers)).toBe(36);
    expect(buffers.active.length).toBeGreaterThan(slots);
    expect(buffers.heads.length).toBeGreaterThan(records);
  });
});
