// The network audit, computed once from the Dataset: every check and renderer reads this section.
import type { Dataset, InteractionData, Person, Tie } from "../model/types.js";
import {
  finishBetweenness,
  normalisedBetweenness,
  planBetweenness,
  startBetweenness,
  type BetweennessRun,
} from "./betweenness.js";
import { stopChunks } from "./betweenness-threads.js";
import { brokerage } from "./brokerage.js";
import { components, density, isolates, reciprocity } from "./cohesion.js";
import { constraint } from "./constraint.js";
import { cutpoints } from "./cutpoints.js";
import { depthByBoundary } from "./depth.js";
import { forums } from "./forums.js";
import { buildGraph, degree, type Graph } from "./graph.js";
import { groupLinks } from "./links.js";
import { eiIndex, grouping, mixingMatrix, type Grouping } from "./mixing.js";
import { relationships } from "./relationships.js";
import { largestRelativeError } from "./stats.js";
import type { BoundarySection, GroupMetrics, NetworkSection, PersonMetrics } from "../result/network.js";

/** Periods after first contact at which a relationship still in contact counts as durable (8 weeks, or 2 months). */
const DURABILITY_PERIODS = { week: 8, month: 2 } as const;
/** Days after (and before) an event in which first contacts are counted. */
const FORUM_WINDOW_DAYS = 56;
/** Carriers listed per pair of groups. */
const CARRIERS_LISTED = 5;
const SEED = 1;
/** People the report names by betweenness: the brokers table lists the ten highest. */
const NAMED_BROKERS = 10;

export interface NetworkOptions {
  /** Threads for betweenness (default 1); the section is identical to the last bit whatever the number. */
  threads?: number;
  /** Told how many threads betweenness actually used (fewer on small networks), for phase timings. */
  onThreads?: (threads: number) => void;
  /** The graph with betweenness already under way (startNetwork), so helper threads work while the caller does other analyses. */
  started?: NetworkStart | null;
}

/** The people, the graph and its betweenness under way. */
export interface NetworkStart {
  people: Person[];
  graph: Graph;
  betweenness: BetweennessRun;
}

/** The graph and its betweenness under way, before the people are at hand (startFromEnds). */
export type GraphStart = Omit<NetworkStart, "people">;

/**
 * Builds the graph from the Tie objects and starts betweenness, the longest part of the analysis: with threads > 1
 * helper threads start on it at once. For an analysis of data already loaded (audit() starts it earlier, from the
 * ties' ends: startFromEnds). Null without interactions.
 */
export function startNetwork(data: Dataset, threads = 1): NetworkStart | null {
  const ties = data.interactions?.ties;
  if (!ties) return null;
  const people: Person[] =
    data.people?.people ?? peopleFromTies(ties.reduce((max, t) => Math.max(max, t.from + 1, t.to + 1), 0));
  const ends = { from: ties.map((t) => t.from), to: ties.map((t) => t.to) };
  return { people, ...startFromEnds(people.length, ends, !data.undirected, threads) };
}

/**
 * startNetwork from n people and each tie's two ends in tie order (the same graph as from the Tie objects), so the
 * load can hand them over before it builds those objects.
 */
export function startFromEnds(
  n: number,
  { from, to }: { from: ArrayLike<number>; to: ArrayLike<number> },
  directed: boolean,
  threads = 1,
): GraphStart {
  const graph = buildGraph(n, from, to, directed);
  return { graph, betweenness: startBetweenness(graph, planBetweenness(graph), SEED, threads) };
}

/** Stops a network started but never to be analysed (the run failed): resolves once its helper threads have exited. */
export async function stopNetwork(started: GraphStart | null): Promise<void> {
  if (started) await stopChunks(started.betweenness.chunks);
}

/** Who in the network is a leaver or an articulation point, for the carriers and person rows. */
interface PersonFlags {
  leaver: (v: number) => boolean;
  articulationPoint: (v: number) => boolean;
}

/** One boundary: E-I with its null model, group metrics, the mixing matrix and the links between groups. */
function boundarySection(
  graph: Graph,
  ties: Tie[],
  g: Grouping,
  ei: ReturnType<typeof eiIndex>,
  people: Person[],
  flags: PersonFlags,
  minGroupSize: number,
): BoundarySection {
  const matrix = mixingMatrix(graph, ties, g);
  return {
    attribute: g.attribute,
    unknown: people.length - g.sizes.reduce((s, x) => s + x, 0),
    external: ei.external,
    internal: ei.internal,
    eiIndex: ei.eiIndex,
    expectedEiIndex: ei.expectedEiIndex,
    permutationInterval: ei.permutationInterval,
    permutations: ei.permutations,
    groups: groupMetrics(graph, g, ei.groups, minGroupSize),
    mixing: { groups: g.values, ...matrix },
    links: groupLinks(graph, ties, g, CARRIERS_LISTED).map((link) => ({
      groups: [g.values[link.a], g.values[link.b]],
      ties: link.ties,
      interactions: link.interactionsAB + link.interactionsBA,
      arcs: graph.directed ? [link.arcsAB, link.arcsBA] : null,
      interactionsByDirection: graph.directed ? [link.interactionsAB, link.interactionsBA] : null,
      pairReciprocity: graph.directed ? link.reciprocated / 2 / (link.ties - link.reciprocated / 2) : null,
      carrierCount: link.carrierCount,
      carriers: link.carriers.map(([v, count]) => ({
        id: people[v].id,
        group: g.values[g.group[v]],
        ties: count,
        share: count / link.ties,
        leaver: flags.leaver(v),
        articulationPoint: flags.articulationPoint(v),
      })),
    })),
  };
}

const NO_ROLES = { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0 };

/** Each person's degree, E-I per boundary, betweenness, constraint and brokerage roles. */
function personMetricsOf(
  people: Person[],
  graph: Graph,
  groupings: Grouping[],
  eiByBoundary: ReturnType<typeof eiIndex>[],
  roles: ReturnType<typeof brokerage> | null,
  between: ReturnType<typeof finishBetweenness>,
  flags: PersonFlags,
): PersonMetrics[] {
  const constraints = constraint(graph);
  return people.map((person, v) => {
    const r = roles
      ? {
          coordinator: roles.coordinator[v],
          itinerant: roles.itinerant[v],
          representative: roles.representative[v],
          gatekeeper: roles.gatekeeper[v],
          liaison: roles.liaison[v],
        }
      : NO_ROLES;
    return {
      id: person.id,
      groups: Object.fromEntries(groupings.map((g) => [g.attribute, g.group[v] >= 0 ? g.values[g.group[v]] : null])),
      leaver: flags.leaver(v),
      degree: degree(graph.all, v),
      inDegree: degree(graph.in, v),
      outDegree: degree(graph.out, v),
      eiIndex: Object.fromEntries(
        groupings.map((g, b) => [
          g.attribute,
          Number.isNaN(eiByBoundary[b].person[v]) ? null : eiByBoundary[b].person[v],
        ]),
      ),
      betweenness: between.raw[v],
      betweennessNormalised: normalisedBetweenness(between.raw[v], graph),
      betweennessSe: between.se ? between.se[v] : null,
      constraint: constraints[v],
      brokerage: { ...r, total: r.coordinator + r.itinerant + r.representative + r.gatekeeper + r.liaison },
    };
  });
}

/** Relationship depth and durability per boundary, measured over the periods observed. */
function depthOf(
  rel: ReturnType<typeof relationships>,
  groupings: Grouping[],
  period: Dataset["period"],
): NonNullable<NetworkSection["depth"]> {
  let lastPeriod = -1;
  let firstPeriod = Infinity;
  for (let r = 0; r < rel.count; r++) {
    if (rel.lastPeriod[r] > lastPeriod) lastPeriod = rel.lastPeriod[r];
    if (rel.firstPeriod[r] >= 0 && rel.firstPeriod[r] < firstPeriod) firstPeriod = rel.firstPeriod[r];
  }
  const durabilityPeriods = DURABILITY_PERIODS[period];
  return {
    period,
    periodsObserved: lastPeriod >= 0 ? lastPeriod - firstPeriod + 1 : 0,
    durabilityPeriods,
    boundaries: groupings.map((g) => depthByBoundary(rel, g, durabilityPeriods, lastPeriod)),
  };
}

export function analyseNetwork(data: Dataset, options: NetworkOptions = {}): NetworkSection | null {
  const interactions = data.interactions;
  const started = options.started ?? startNetwork(data, options.threads ?? 1);
  if (!interactions || !started) return null;
  const ties = interactions.ties;
  const { people, graph } = started;
  const n = people.length;
  const notes: string[] = [];

  const boundaryAttributes = data.boundaries.filter((b) => people.some((p) => (p.attributes[b] ?? "") !== ""));
  const groupings = boundaryAttributes.map((b) => grouping(people, b));
  const eiByBoundary = groupings.map((g) => eiIndex(graph, g, SEED));
  const cut = cutpoints(graph);
  const isArticulation = new Uint8Array(n);
  for (const v of cut.articulationPoints) isArticulation[v] = 1;
  const flags: PersonFlags = {
    leaver: (v) => people[v].left !== undefined,
    articulationPoint: (v) => isArticulation[v] === 1,
  };
  const boundaries = groupings.map((g, b) =>
    boundarySection(graph, ties, g, eiByBoundary[b], people, flags, data.config.minGroupSize),
  );

  const brokerageGrouping = groupings[0] ?? null;
  const roles = brokerageGrouping ? brokerage(graph, brokerageGrouping.group) : null;
  // Before betweenness is collected, so a helper thread computes it meanwhile instead of waiting idle after it.
  const history = interactions.timestamped ? historyOf(data, interactions, graph, groupings, brokerageGrouping) : null;
  // Collected as late as possible: helper threads have been computing it meanwhile.
  const between = finishBetweenness(started.betweenness);
  const plan = between.plan;
  options.onThreads?.(between.threads);
  const relativeError = between.se ? largestRelativeError(between.raw, between.se, NAMED_BROKERS) : null;
  if (plan.method === "sampled") {
    notes.push(
      `Betweenness estimated from ${plan.sources} of ${n} sources (seeded); each person's standard error is given.` +
        (relativeError === null
          ? ""
          : ` Of the ${NAMED_BROKERS} highest estimates (the brokers named), the largest relative standard error is ${Math.round(100 * relativeError)}%; the true errors are likely larger, since these people are named because their estimates came out high.`),
    );
  }
  const personMetrics = personMetricsOf(people, graph, groupings, eiByBoundary, roles, between, flags);

  const comps = components(graph);
  const recip = reciprocity(graph);
  const section: NetworkSection = {
    peopleCount: n,
    tieCount: graph.m,
    interactionCount: ties.reduce((s, t) => s + t.weight, 0),
    directed: graph.directed,
    density: density(graph),
    reciprocity: recip.arcs,
    pairReciprocity: recip.pairRatio,
    isolates: isolates(graph),
    components: comps.count,
    largestComponentShare: n ? comps.sizes.reduce((a, b) => Math.max(a, b), 0) / n : null,
    betweennessMethod: plan.method,
    betweennessSampleSize: plan.method === "sampled" ? plan.sources : null,
    betweennessRelativeError: relativeError,
    boundaries,
    brokerageAttribute: brokerageGrouping?.attribute ?? null,
    people: personMetrics,
    articulationPoints: cut.articulationPoints.map((v) => people[v].id),
    bridges: cut.bridges.map(([u, v]) => [people[u].id, people[v].id]),
    depth: null,
    forums: null,
    notes,
  };
  if (boundaryAttributes.length === 0)
    notes.push("No boundary attribute has values: E-I, mixing, links and brokerage need people's groups.");

  if (!history) {
    notes.push("Interactions have no timestamps: depth, durability and forum effects cannot be measured.");
    return section;
  }
  section.depth = history.depth;
  section.forums = history.forums;
  if (data.events && !brokerageGrouping) notes.push("Forum effects need people's groups on a boundary attribute.");
  return section;
}

/** Depth and durability per boundary, and forum effects on the first boundary when there are events. */
function historyOf(
  data: Dataset,
  interactions: InteractionData,
  graph: Graph,
  groupings: Grouping[],
  brokerageGrouping: Grouping | null,
): Pick<NetworkSection, "depth" | "forums"> {
  const rel = relationships(graph, interactions.ties);
  return {
    depth: depthOf(rel, groupings, data.period),
    forums:
      data.events && brokerageGrouping
        ? forums(data.events, rel, brokerageGrouping, FORUM_WINDOW_DAYS, interactions.last ?? 0)
        : null,
  };
}

function groupMetrics(
  graph: Graph,
  g: Grouping,
  ei: ReturnType<typeof eiIndex>["groups"],
  minGroupSize: number,
): GroupMetrics[] {
  const G = g.values.length;
  const isolated = new Array<number>(G).fill(0);
  const spanning = new Array<number>(G).fill(0);
  const linked = Array.from({ length: G }, () => new Set<number>());
  const { start, nbr } = graph.all;
  for (let v = 0; v < graph.n; v++) {
    const gv = g.group[v];
    if (gv < 0) continue;
    if (start[v + 1] === start[v]) isolated[gv]++;
    let spans = false;
    for (let e = start[v]; e < start[v + 1]; e++) {
      const gw = g.group[nbr[e]];
      if (gw >= 0 && gw !== gv) {
        spans = true;
        linked[gv].add(gw);
      }
    }
    if (spans) spanning[gv]++;
  }
  return ei.map((x, i) => ({
    ...x,
    isolatedMembers: isolated[i],
    spanningMembers: spanning[i],
    linkedGroups: linked[i].size,
    small: x.n < minGroupSize,
  }));
}

/** Without people.csv every person index from the ties stands for itself. */
function peopleFromTies(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({ id: String(i), attributes: {} }));
}
