// The network section of the result (issue 4). A JSON interface: keep field names stable.
// Person ids appear only in person-level lists (people, carriers, articulation points, bridges), never in findings
// about groups.
import type { Truncation } from "./truncation.js";

interface BrokerageRoles {
  coordinator: number;
  itinerant: number;
  representative: number;
  gatekeeper: number;
  liaison: number;
  total: number;
}

export interface PersonMetrics {
  id: string;
  /** Group per boundary attribute (null when the person has no value). */
  groups: Record<string, string | null>;
  /** The person has a `left` date in people.csv. */
  leaver: boolean;
  /** Distinct people this person has a tie with, in either direction. */
  degree: number;
  inDegree: number;
  outDegree: number;
  /** E-I index per boundary attribute (null without ties or group). */
  eiIndex: Record<string, number | null>;
  /** Raw Brandes betweenness (igraph convention); an estimate when betweennessMethod is "sampled". */
  betweenness: number;
  betweennessNormalised: number;
  /** Standard error of the estimate (sampled only). */
  betweennessSe: number | null;
  /** Burt's constraint (igraph); null for isolates. */
  constraint: number | null;
  /** Gould–Fernandez roles on `brokerageAttribute`. */
  brokerage: BrokerageRoles;
}

/** A group's E-I index (Krackhardt & Stern) and how it compares with chance. */
export interface GroupEi {
  value: string;
  n: number;
  /** Ties with one end in the group (directed: arcs out and in). */
  external: number;
  internal: number;
  eiIndex: number | null;
  /** Expected E-I if the group's ties were placed at random among all possible partners (analytic). */
  expectedEiIndex: number | null;
  /** Central 95% of the group's E-I under random relabelling of people (seeded permutation); null when no ties. */
  permutationInterval: [number, number] | null;
  /** Share of permutations with an E-I at or below the observed one (+1 smoothed): small = more inward than chance. */
  pLower: number | null;
}

export interface GroupMetrics extends GroupEi {
  /** Members with no tie at all. */
  isolatedMembers: number;
  /** Members with at least one tie to another group. */
  spanningMembers: number;
  /** Other groups this group has at least one tie with. */
  linkedGroups: number;
  /** True when n < minGroupSize: reported, but checks do not judge the group (it would single people out). */
  small: boolean;
}

interface Carrier {
  id: string;
  group: string;
  /** Ties between the two groups this person is an end of. */
  ties: number;
  /** ties / all ties between the two groups. */
  share: number;
  leaver: boolean;
  articulationPoint: boolean;
}

/** Everything between two groups (unordered pair; `groups` sorted). */
export interface GroupLink {
  groups: [string, string];
  /** Ties between the groups (arcs when directed). */
  ties: number;
  interactions: number;
  /** Directed only: arcs groups[0] → groups[1] and groups[1] → groups[0], and the same for interactions. */
  arcs: [number, number] | null;
  interactionsByDirection: [number, number] | null;
  /** Directed only: pairs with ties both ways / pairs with any tie (igraph "ratio" within the link). */
  pairReciprocity: number | null;
  /** People who are an end of at least one tie between the groups. */
  carrierCount: number;
  /** Top carriers (at most 5), most ties first. */
  carriers: Carrier[];
}

export interface BoundarySection {
  attribute: string;
  /** People without a value for the attribute: their ties are left out of every figure below. */
  unknown: number;
  external: number;
  internal: number;
  eiIndex: number | null;
  /** Analytic expectation under random mixing given group sizes. */
  expectedEiIndex: number | null;
  permutationInterval: [number, number] | null;
  permutations: number;
  groups: GroupMetrics[];
  /** Dense from the analysis (and with `--detail full`); sparse in the default report. */
  mixing: MixingMatrix | SparseMixing;
  /** Group pairs with at least one tie, most ties first. */
  links: GroupLink[];
  /** Default report only: the lists cut to what findings, charts and tables use, with how many items they had. */
  truncated?: { links?: Truncation };
}

/** Ties and interactions from each group (row) to each group (column), in the order of `groups`. */
export interface MixingMatrix {
  groups: string[];
  ties: number[][];
  interactions: number[][];
}

/** The same matrix as its non-zero cells only, row by row: group indices into `groups`, rows without any left out. */
export interface SparseMixing {
  groups: string[];
  rows: { from: number; to: number[]; ties: number[]; interactions: number[] }[];
}

/** Depth of a set of relationships (a relationship = a pair of people in contact either way). */
export interface TieDepth {
  relationships: number;
  medianPeriodsActive: number | null;
  /** Share in contact in two or more periods. */
  repeatShare: number | null;
  /** Share of interactions on relational channels (1:1, huddle, meeting, social …); null when no channel is known. */
  relationalShare: number | null;
  /** Share of interactions on transactional channels (email, referral …). */
  transactionalShare: number | null;
  meanDurationMinutes: number | null;
  /** Relationships first seen at least `durabilityPeriods` before the last period (eligible) that are still in contact then or later. */
  durability: { eligible: number; durable: number; share: number | null; ci: [number, number] | null };
}

interface DepthSection {
  period: "week" | "month";
  periodsObserved: number;
  durabilityPeriods: number;
  boundaries: {
    attribute: string;
    within: TieDepth;
    cross: TieDepth;
    links: (TieDepth & { groups: [string, string] })[];
    /** Default report only (see BoundarySection.truncated). */
    truncated?: { links?: Truncation };
  }[];
}

export interface ForumGroupPair {
  groups: [string, string];
  /** Attendee pairs across these two groups. */
  pairs: number;
  /** … already in contact before the event (connection before content). */
  tiedBefore: number;
  /** … first in contact within the window after the event. */
  newAfter: number;
}

export interface ForumSection {
  event: string;
  date: string;
  attendees: number;
  attribute: string;
  groups: string[];
  windowDays: number;
  /** Cross-group attendee pairs with no contact before the event, and how many first made contact in the window after. */
  attendeesAfter: { atRisk: number; newTies: number; rate: number | null };
  /** The same pairs' new contacts in the window before the event (pairs not in contact before that window). */
  attendeesBefore: { atRisk: number; newTies: number; rate: number | null };
  /** Cross-group pairs of non-attendees from the same groups, same window after. */
  nonAttendeesAfter: { atRisk: number; newTies: number; rate: number | null };
  /** Attendees' rate / non-attendees' rate after the event, with a 95% interval (log method, ½ added to zero cells). */
  rateRatio: number | null;
  rateRatioCi: [number, number] | null;
  /** Whether the window after the event is fully inside the data. */
  windowComplete: boolean;
  groupPairs: ForumGroupPair[];
}

export interface NetworkSection {
  peopleCount: number;
  tieCount: number;
  interactionCount: number;
  directed: boolean;
  density: number | null;
  /** igraph default: share of arcs reciprocated (1 when undirected). */
  reciprocity: number | null;
  /** Mutual pairs / connected pairs (igraph "ratio"). */
  pairReciprocity: number | null;
  isolates: number;
  components: number;
  largestComponentShare: number | null;
  betweennessMethod: "exact" | "sampled";
  /** Sources sampled when betweennessMethod is "sampled". */
  betweennessSampleSize: number | null;
  /** Sampled only: the largest relative standard error among the ten highest estimates (the brokers named). */
  betweennessRelativeError: number | null;
  boundaries: BoundarySection[];
  brokerageAttribute: string | null;
  people: PersonMetrics[];
  articulationPoints: string[];
  bridges: [string, string][];
  /** Null when interactions have no timestamps. */
  depth: DepthSection | null;
  /** Null when there is no events.csv or no timestamps. */
  forums: ForumSection[] | null;
  notes: string[];
  /** Default report only: `people` holds the highest betweenness and the articulation points. */
  truncated?: { people?: Truncation };
}

/**
 * Links a network map of a boundary draws (the most ties first): beyond this a map is a hairball. The default report
 * keeps as many (src/pipeline/detail.ts), so its maps are the full report's.
 */
export function linkLimit(groups: number): number {
  return Math.max(15, 2 * groups);
}
