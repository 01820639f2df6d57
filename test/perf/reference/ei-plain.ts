// E-I with its permutation test as computed before issue 15's network session (src/network/mixing.ts at c5ad7d9): the
// ties as flat pairs, each tie's internal count added to its group's cell. The fast path must give the same
// counts, draws, intervals and p-values, to the last bit.
import type { GroupEi } from "../../../src/result/network.js";
import { forEachTie, type Graph } from "../../../src/network/graph.js";
import type { Grouping } from "../../../src/network/mixing.js";
import { seededRandom, shufflePrefix } from "../../../src/network/random.js";

const ei = (external: number, internal: number): number | null =>
  external + internal > 0 ? (external - internal) / (external + internal) : null;

interface EiIndex {
  external: number;
  internal: number;
  eiIndex: number | null;
  expectedEiIndex: number | null;
  permutationInterval: [number, number] | null;
  permutations: number;
  groups: GroupEi[];
  /** Per person (NaN without ties or without a group): ties to other groups vs own group, arcs both ways. */
  person: Float64Array;
}

/**
 * Work budget (permutations × ties) for the permutation test; 999 permutations for small networks, fewer (never
 * below 99) for large ones so the test costs well under a second.
 */
const PERMUTATION_WORK = 3e7;

/**
 * E-I over ties between people who both have a group. Expectation: analytic, from the possible ties given group sizes,
 * E-I* = (E_possible − I_possible) / (E_possible + I_possible) — Krackhardt & Stern's baseline, which UCINET also
 * prints. Spread: a seeded permutation of the group labels over people (degrees and structure kept).
 */
export function plainEiIndex(graph: Graph, grouping: Grouping, seed = 1): EiIndex {
  const { group, sizes, values } = grouping;
  const G = values.length;
  const known: number[] = [];
  for (let v = 0; v < graph.n; v++) if (group[v] >= 0) known.push(v);
  const N = known.length;

  // Ties between known people, as flat pairs of their positions in `known`, so a permutation's labels (one per
  // position) are read directly and permutations re-read a compact buffer.
  const position = new Int32Array(graph.n);
  known.forEach((v, k) => (position[v] = k));
  const endpoints: number[] = [];
  forEachTie(graph, (u, v) => {
    if (group[u] >= 0 && group[v] >= 0) endpoints.push(position[u], position[v]);
  });
  const pairs = Int32Array.from(endpoints);

  // Each person's number of ties among these pairs: a group's tie ends are its external ties plus twice its
  // internal ones, so a labelling's external counts follow from its internal counts without a second write per tie.
  const ends = new Float64Array(N);
  for (let t = 0; t < pairs.length; t++) ends[pairs[t]]++;
  const count = (labels: Int32Array, external: Float64Array, internal: Float64Array): [number, number] => {
    external.fill(0);
    internal.fill(0);
    let i = 0;
    for (let t = 0; t < pairs.length; t += 2) {
      // Without a branch: with few groups a random labelling makes a tie internal unpredictably often.
      const a = labels[pairs[t]];
      const same = +(a === labels[pairs[t + 1]]);
      internal[a] += same;
      i += same;
    }
    for (let k = 0; k < N; k++) external[labels[k]] += ends[k];
    for (let g = 0; g < G; g++) external[g] -= 2 * internal[g];
    return [pairs.length / 2 - i, i];
  };

  const external = new Float64Array(G);
  const internal = new Float64Array(G);
  const observedLabels = Int32Array.from(known, (v) => group[v]);
  const [E, I] = count(observedLabels, external, internal);

  // Possible ties: ordered pairs when directed; the undirected factor ½ cancels in every ratio but the group's.
  const possibleInternal = sizes.reduce((s, n) => s + n * (n - 1), 0);
  const possibleExternal = N * (N - 1) - possibleInternal;
  const expected = ei(possibleExternal, possibleInternal);

  const permutations =
    pairs.length === 0 ? 0 : Math.min(999, Math.max(99, Math.floor(PERMUTATION_WORK / (pairs.length / 2))));
  const networkDraws = new Float64Array(permutations);
  const groupDraws = Array.from({ length: G }, () => new Float64Array(permutations));
  const atOrBelow = new Int32Array(G);
  const observedGroup = Array.from({ length: G }, (_, g) => ei(external[g], internal[g]));
  if (permutations > 0) {
    const random = seededRandom(seed);
    const shuffled = observedLabels.slice();
    const pe = new Float64Array(G);
    const pi = new Float64Array(G);
    for (let r = 0; r < permutations; r++) {
      shufflePrefix(shuffled, shuffled.length, random);
      const [e, i] = count(shuffled, pe, pi);
      networkDraws[r] = (e - i) / (e + i);
      for (let g = 0; g < G; g++) {
        const value = ei(pe[g], pi[g]);
        // A group with no ties under this labelling has no E-I; it sits at the neutral 0 so the interval stays defined.
        groupDraws[g][r] = value ?? 0;
        const observed = observedGroup[g];
        if (observed !== null && value !== null && value <= observed + 1e-12) atOrBelow[g]++;
      }
    }
  }

  const groups = groupEi(
    graph,
    grouping,
    N,
    { external, internal, observed: observedGroup },
    {
      draws: groupDraws,
      atOrBelow,
      permutations,
    },
  );
  const person = personEi(graph, group);
  return {
    external: E,
    internal: I,
    eiIndex: ei(E, I),
    expectedEiIndex: expected,
    permutationInterval: permutations === 0 ? null : quantiles(networkDraws),
    permutations,
    groups,
    person,
  };
}

/** Each group's E-I against its own baseline (ties touching the group), with its permutation interval and p. */
function groupEi(
  graph: Graph,
  { sizes, values }: Grouping,
  N: number,
  counts: { external: Float64Array; internal: Float64Array; observed: (number | null)[] },
  { draws, atOrBelow, permutations }: { draws: Float64Array[]; atOrBelow: Int32Array; permutations: number },
): GroupEi[] {
  return values.map((value, g) => {
    const n = sizes[g];
    // Ties touching the group: n(n−1) internal ordered pairs (halved when undirected); n(N−n) external pairs each way.
    const pIn = graph.directed ? n * (n - 1) : (n * (n - 1)) / 2;
    const pOut = graph.directed ? 2 * n * (N - n) : n * (N - n);
    const observed = counts.observed[g];
    return {
      value,
      n,
      external: counts.external[g],
      internal: counts.internal[g],
      eiIndex: observed,
      expectedEiIndex: ei(pOut, pIn),
      permutationInterval: observed === null || permutations === 0 ? null : quantiles(draws[g]),
      pLower: observed === null || permutations === 0 ? null : (atOrBelow[g] + 1) / (permutations + 1),
    };
  });
}

/** Each person's E-I (NaN without a group or ties to people with one). */
function personEi(graph: Graph, group: Int32Array): Float64Array {
  // Per person: arcs out and arcs in when directed (a mutual pair is two ties), neighbours when undirected.
  const person = new Float64Array(graph.n).fill(NaN);
  const rows = graph.directed ? [graph.out, graph.in] : [graph.out];
  for (let v = 0; v < graph.n; v++) {
    if (group[v] < 0) continue;
    let e = 0;
    let i = 0;
    for (const { start, nbr } of rows) {
      for (let x = start[v]; x < start[v + 1]; x++) {
        const w = group[nbr[x]];
        if (w < 0) continue;
        if (w === group[v]) i++;
        else e++;
      }
    }
    person[v] = ei(e, i) ?? NaN;
  }
  return person;
}

/** 2.5% and 97.5% quantiles (type 7, as R's default). */
function quantiles(draws: Float64Array): [number, number] {
  const sorted = Float64Array.from(draws).sort();
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
  };
  return [at(0.025), at(0.975)];
}
