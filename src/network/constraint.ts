// Burt's (1992) constraint as igraph computes it on the unweighted graph:
//   C_i = Σ_q (p_iq + Σ_j p_ij p_jq)²,  p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki),
// where q runs over i's contacts and j over contacts shared by i and q. Undefined (null) for isolates.
import type { Graph } from "./graph.js";

export function constraint(graph: Graph): (number | null)[] {
  const { n } = graph;
  const { start, nbr } = graph.all;
  const value = tieValues(graph);
  // Σ_k (a_ik + a_ki): total degree (in + out) when directed, degree when undirected.
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) for (let e = start[v]; e < start[v + 1]; e++) strength[v] += value[e];
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
    for (let e = start[i]; e < start[i + 1]; e++) {
      const j = nbr[e];
      const pij = value[e] / strength[i];
      if (!isTouched[j]) {
        isTouched[j] = 1;
        touched[t++] = j;
      }
      contrib[j] += pij;
      const scale = pij / strength[j];
      for (let f = start[j]; f < start[j + 1]; f++) {
        const q = nbr[f];
        if (q === i) continue;
        if (!isTouched[q]) {
          isTouched[q] = 1;
          touched[t++] = q;
        }
        contrib[q] += scale * value[f];
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

/**
 * a_ij + a_ji for every entry of the undirected skeleton: 2 for a mutual directed pair, else 1. Found by merging
 * each person's sorted successor and predecessor rows, so no lookups in the inner loops.
 */
function tieValues(graph: Graph): Uint8Array {
  const { start, nbr } = graph.all;
  const value = new Uint8Array(nbr.length).fill(1);
  if (!graph.directed) return value;
  const { out, in: inn } = graph;
  for (let v = 0; v < graph.n; v++) {
    let a = out.start[v];
    let b = inn.start[v];
    for (let e = start[v]; e < start[v + 1]; e++) {
      const w = nbr[e];
      while (a < out.start[v + 1] && out.nbr[a] < w) a++;
      while (b < inn.start[v + 1] && inn.nbr[b] < w) b++;
      const both = a < out.start[v + 1] && out.nbr[a] === w && b < inn.start[v + 1] && inn.nbr[b] === w;
      if (both) value[e] = 2;
    }
  }
  return value;
}
