// Gould & Fernandez (1989) brokerage roles, counted exactly as sna::brokerage: every open two-path i → j → k
// (i ≠ k and no arc i → k) credits the middle person j with one role, decided by the three people's groups.
import type { Graph } from "./graph.js";

export interface BrokerageCounts {
  coordinator: Int32Array; // A → A → A
  itinerant: Int32Array; // A → B → A
  representative: Int32Array; // A → A → B
  gatekeeper: Int32Array; // A → B → B
  liaison: Int32Array; // A → B → C
}

/**
 * `group[v]` is a group index, or −1 when v's group is unknown: two-paths touching an unknown group are not
 * classified (sna would need a class for everyone). Undirected graphs count both directions of each two-path,
 * as sna does for a symmetric adjacency matrix.
 */
export function brokerage(graph: Graph, group: Int32Array): BrokerageCounts {
  const { n } = graph;
  const { start, nbr } = graph.out;
  const counts: BrokerageCounts = {
    coordinator: new Int32Array(n),
    itinerant: new Int32Array(n),
    representative: new Int32Array(n),
    gatekeeper: new Int32Array(n),
    liaison: new Int32Array(n),
  };
  // mark[k] === i + 1 ⇔ the arc i → k exists, so "open" is one array lookup.
  const mark = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const gi = group[i];
    if (gi < 0) continue;
    for (let e = start[i]; e < start[i + 1]; e++) mark[nbr[e]] = i + 1;
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = nbr[e];
      const gj = group[j];
      if (gj < 0) continue;
      for (let f = start[j]; f < start[j + 1]; f++) {
        const k = nbr[f];
        if (k === i || mark[k] === i + 1) continue;
        const gk = group[k];
        if (gk < 0) continue;
        if (gi === gj) {
          if (gj === gk) counts.coordinator[j]++;
          else counts.representative[j]++;
        } else if (gj === gk) counts.gatekeeper[j]++;
        else if (gi === gk) counts.itinerant[j]++;
        else counts.liaison[j]++;
      }
    }
  }
  return counts;
}
