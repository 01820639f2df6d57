// Burt's (1992) constraint as igraph computes it on the unweighted graph:
//   C_i = Σ_q (p_iq + Σ_j p_ij p_jq)²,  p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki),
// where q runs over i's contacts and j over contacts shared by i and q. Undefined (null) for isolates.
import { hasTie, type Graph } from "./graph.js";

export function constraint(graph: Graph): (number | null)[] {
  const { n } = graph;
  const { start, nbr } = graph.all;
  // a_ij + a_ji ∈ {1, 2}: 2 for a mutual directed pair; always 1 for undirected ties.
  const tieValue = (u: number, v: number) => (graph.directed ? Number(hasTie(graph, u, v)) + Number(hasTie(graph, v, u)) : 1);
  // Σ_k (a_ik + a_ki): total degree (in + out) when directed, degree when undirected.
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    strength[v] = graph.directed ? graph.out.start[v + 1] - graph.out.start[v] + graph.in.start[v + 1] - graph.in.start[v] : start[v + 1] - start[v];
  }
  const contrib = new Float64Array(n);
  const touched = new Int32Array(n);
  const isTouched = new Uint8Array(n);
  const result: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (strength[i] === 0) {
      result[i] = null;
      continue;
    }
    let t = 0;
    const add = (q: number, value: number) => {
      if (!isTouched[q]) {
        isTouched[q] = 1;
        touched[t++] = q;
      }
      contrib[q] += value;
    };
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = nbr[e];
      const pij = tieValue(i, j) / strength[i];
      add(j, pij);
      for (let f = start[j]; f < start[j + 1]; f++) {
        const q = nbr[f];
        if (q === i) continue;
        add(q, (pij * tieValue(j, q)) / strength[j]);
      }
    }
    // Only i's own contacts are summed: two-step alters outside i's network add nothing (as igraph).
    let sum = 0;
    for (let e = start[i]; e < start[i + 1]; e++) sum += contrib[nbr[e]] * contrib[nbr[e]];
    for (let x = 0; x < t; x++) {
      contrib[touched[x]] = 0;
      isTouched[touched[x]] = 0;
    }
    result[i] = sum;
  }
  return result;
}
