// Random graphs and bit-exact comparison for the betweenness kernel tests, which must agree to the last bit.
import { buildGraph, type Graph } from "../../src/network/graph.js";
import { seededRandom } from "../../src/network/random.js";

/**
 * n people and `arcs` random arcs, a share of them (`hubShare`) pointing at a few hubs, so path counts vary widely
 * and ties in distance are common.
 */
export function randomGraph(
  n: number,
  arcs: number,
  seed: number,
  { directed = true, hubs = 6, hubShare = 0.3 } = {},
): Graph {
  const random = seededRandom(seed);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < arcs; i++) {
    from.push(Math.floor(random() * n));
    to.push(random() < hubShare ? Math.floor(random() * hubs) : Math.floor(random() * n));
  }
  return buildGraph(n, from, to, directed);
}

/** People, arcs and direction of the random graphs every kernel is compared on; the last has many isolates. */
export const GRAPH_SHAPES: readonly (readonly [number, number, boolean])[] = [
  [40, 60, true],
  [300, 1500, true],
  [300, 900, false],
  [500, 400, true],
];

/** The exact bits of a vector, to compare results that must be identical, not merely close. */
export const bits = (xs: Float64Array | null) =>
  xs ? Buffer.from(xs.buffer, xs.byteOffset, xs.byteLength).toString("hex") : null;
