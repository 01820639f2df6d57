// Groups on one boundary, the group mixing matrix, and the E-I index (Krackhardt & Stern 1988) for the network,
// each group and each person, with its expectation under random mixing.
import type { Person, Tie } from "../model/types.js";
import type { GroupEi } from "../result/network.js";
import { forEachTie, type Graph } from "./graph.js";
import { seededRandom, shufflePrefix } from "./random.js";

/** People's groups on one boundary attribute. */
export interface Grouping {
  attribute: string;
  /** Group names, sorted (numeric-aware) so reports are stable. */
  values: string[];
  /** Group index per person; −1 when the person has no value for the attribute. */
  group: Int32Array;
  sizes: number[];
}

const collator = new Intl.Collator("en", { numeric: true });

export function grouping(people: Person[], attribute: string): Grouping {
  const values = [
    ...new Set(people.map((p) => p.attributes[attribute]).filter((v): v is string => v !== undefined && v !== "")),
  ].sort(collator.compare);
  const index = new Map(values.map((v, i) => [v, i]));
  const group = new Int32Array(people.length).fill(-1);
  const sizes = new Array<number>(values.length).fill(0);
  people.forEach((p, i) => {
    const g = index.get(p.attributes[attribute]);
    if (g !== undefined) {
      group[i] = g;
      sizes[g]++;
    }
  });
  return { attribute, values, group, sizes };
}

export interface MixingMatrix {
  /**
   * ties[a][b]: directed → arcs from group a to group b; undirected → ties between a and b (symmetric), ties within a
   * on the diagonal, so the upper triangle with the diagonal adds up to the ties between known groups.
   */
  ties: number[][];
  /** The same cells counting interactions (summed tie weights). */
  interactions: number[][];
}

export function mixingMatrix(graph: Graph, ties: Tie[], grouping: Grouping): MixingMatrix {
  const size = grouping.values.length;
  const zero = () => Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const result: MixingMatrix = { ties: zero(), interactions: zero() };
  const { group } = grouping;
  const add = (cells: number[][], a: number, b: number, amount: number) => {
    cells[a][b] += amount;
    if (!graph.directed && a !== b) cells[b][a] += amount;
  };
  forEachTie(graph, (u, v) => {
    if (group[u] >= 0 && group[v] >= 0) add(result.ties, group[u], group[v], 1);
  });
  for (const tie of ties) {
    if (tie.from === tie.to || group[tie.from] < 0 || group[tie.to] < 0) continue;
    add(result.interactions, group[tie.from], group[tie.to], tie.weight);
  }
  return result;
}

const ei = (external: number, internal: number): number | null =>
  external + internal > 0 ? (external - internal) / (external + internal) : null;

export interface EiIndex {
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
export function eiIndex(graph: Graph, grouping: Grouping, seed = 1): EiIndex {
  const { group, sizes, values } = grouping;
  const G = values.length;
  const known: number[] = [];
  for (let v = 0; v < graph.n; v++) if (group[v] >= 0) known.push(v);
  const N = known.length;

  const { ties: tieCount, count } = labelCounter(graph, group, known, G);

  const external = new Float64Array(G);
  const internal = new Float64Array(G);
  const observedLabels = Int32Array.from(known, (v) => group[v]);
  const [E, I] = count(observedLabels, external, internal);

  // Possible ties: ordered pairs when directed; the undirected factor ½ cancels in every ratio but the group's.
  const possibleInternal = sizes.reduce((s, n) => s + n * (n - 1), 0);
  const possibleExternal = N * (N - 1) - possibleInternal;
  const expected = ei(possibleExternal, possibleInternal);

  const permutations = tieCount === 0 ? 0 : Math.min(999, Math.max(99, Math.floor(PERMUTATION_WORK / tieCount)));
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

/** Counts a labelling's (one group per position in `known`) external and internal ties, overall and per group. */
interface LabelCounter {
  /** Ties between people with a group. */
  ties: number;
  count(labels: Int32Array, external: Float64Array, internal: Float64Array): [external: number, internal: number];
}

function labelCounter(graph: Graph, group: Int32Array, known: number[], G: number): LabelCounter {
  const N = known.length;
  // Ties between known people, as rows by their first end's position in `known` (forEachTie goes person by person):
  // a permutation's labels (one per position) are read directly, and a row's tie ends are compared with its first
  // end's label in a register, so the count per group is stored once per row instead of once per tie (with few
  // groups those stores made a chain of dependent additions through memory).
  const position = new Int32Array(graph.n);
  known.forEach((v, k) => (position[v] = k));
  const rowStart = new Int32Array(N + 1);
  const all = new Int32Array(graph.m);
  let ties = 0;
  forEachTie(graph, (u, v) => {
    if (group[u] < 0 || group[v] < 0) return;
    rowStart[position[u] + 1]++;
    all[ties++] = position[v];
  });
  for (let k = 0; k < N; k++) rowStart[k + 1] += rowStart[k];
  const ends = all.subarray(0, ties);

  // Each person's number of ties among these: a group's tie ends are its external ties plus twice its internal
  // ones, so a labelling's external counts follow from its internal counts without a second write per tie.
  const degree = new Float64Array(N);
  for (let k = 0; k < N; k++) degree[k] += rowStart[k + 1] - rowStart[k];
  for (let t = 0; t < ties; t++) degree[ends[t]]++;
  // Counts are whole numbers, exact in any order: the same as counting tie by tie.
  const count = (labels: Int32Array, external: Float64Array, internal: Float64Array): [number, number] => {
    external.fill(0);
    internal.fill(0);
    let i = 0;
    for (let k = 0; k < N; k++) {
      const a = labels[k];
      let same = 0;
      // Without a branch: with few groups a random labelling makes a tie internal unpredictably often.
      for (let t = rowStart[k], end = rowStart[k + 1]; t < end; t++) same += +(labels[ends[t]] === a);
      internal[a] += same;
      i += same;
    }
    for (let k = 0; k < N; k++) external[labels[k]] += degree[k];
    for (let g = 0; g < G; g++) external[g] -= 2 * internal[g];
    return [ties - i, i];
  };
  return { ties, count };
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
