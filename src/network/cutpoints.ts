// Articulation points and bridges of the undirected skeleton (Hopcroft–Tarjan), with an explicit stack so a
// 100,000-person network cannot overflow the call stack.
import type { Graph } from "./graph.js";

export interface Cutpoints {
  /** People whose removal disconnects their component, ascending. */
  articulationPoints: number[];
  /** Ties whose removal disconnects their component, as [smaller index, larger index], sorted. */
  bridges: [number, number][];
}

export function cutpoints(graph: Graph): Cutpoints {
  const { n } = graph;
  const { start, nbr } = graph.all;
  const discovered = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // position of the next neighbour to visit, per person
  const stack = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (discovered[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    discovered[root] = low[root] = time++;
    next[root] = start[root];
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1];
      if (next[v] < start[v + 1]) {
        const w = nbr[next[v]++];
        if (discovered[w] === -1) {
          parent[w] = v;
          discovered[w] = low[w] = time++;
          next[w] = start[w];
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v] && discovered[w] < low[v]) {
          low[v] = discovered[w];
        }
        continue;
      }
      top--;
      const p = parent[v];
      if (p === -1) continue;
      if (low[v] < low[p]) low[p] = low[v];
      if (low[v] > discovered[p]) bridges.push(p < v ? [p, v] : [v, p]);
      if (p !== root && low[v] >= discovered[p]) isCut[p] = 1;
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  const articulationPoints: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v]) articulationPoints.push(v);
  bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { articulationPoints, bridges };
}
