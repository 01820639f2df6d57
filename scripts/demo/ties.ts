// Working relationships: who is in contact with whom, how often, through which channels and in which direction.
// Homophily comes from how partners are drawn: several teammates, one colleague in another team of the same
// organisation, and a fixed number of cross-organisation links per pair of organisations, mostly from interface teams.
import { cumulativeOf, pickCumulative, Rng, streamId } from "./rng.js";
import { HOSPITAL, PRIMARY_CARE, SOCIAL_CARE, VOLUNTARY, COMMUNITY, teamNamed, type Workforce } from "./system.js";
import type { Plan } from "./plan.js";

export const CHANNELS = ["email", "meeting", "1:1", "huddle", "referral", "phone", "social"] as const;

type TieKind = "team" | "organisation" | "cross" | "acquaintance" | "harbour-eastfield" | "forum";

/** Channel mix per kind of relationship, in CHANNELS order. Cross-organisation work is more transactional. */
const CHANNEL_MIX: Record<TieKind, number[]> = {
  team: [0.25, 0.2, 0.15, 0.25, 0, 0.05, 0.1],
  organisation: [0.4, 0.3, 0.1, 0, 0, 0.15, 0.05],
  cross: [0.35, 0.15, 0.05, 0, 0.25, 0.2, 0],
  acquaintance: [0.5, 0.2, 0.05, 0, 0, 0.2, 0.05],
  "harbour-eastfield": [0.3, 0.15, 0.15, 0, 0.2, 0.2, 0],
  forum: [0.2, 0.3, 0.3, 0, 0, 0.2, 0],
};
const CHANNEL_CUMULATIVE = Object.fromEntries(
  Object.entries(CHANNEL_MIX).map(([k, w]) => [k, cumulativeOf(w)]),
) as Record<TieKind, Float64Array>;

/** Relative strength of a relationship by kind, before the log-normal spread of individual ties. */
const KIND_STRENGTH: Record<TieKind, number> = {
  team: 1,
  organisation: 0.45,
  cross: 0.6,
  acquaintance: 0.08,
  "harbour-eastfield": 1,
  forum: 0.9,
};

/**
 * Cross-organisation relationships per pair, as a share of all people. Harbour ↔ Eastfield is absent on purpose:
 * those ties are placed by hand (the lone boundary spanner, or spread out under --null).
 */
const CROSS_PAIRS: [number, number, number][] = [
  [HOSPITAL, COMMUNITY, 0.1],
  [HOSPITAL, PRIMARY_CARE, 0.06],
  [HOSPITAL, SOCIAL_CARE, 0.12],
  [HOSPITAL, VOLUNTARY, 0.03],
  [COMMUNITY, PRIMARY_CARE, 0.08],
  [COMMUNITY, SOCIAL_CARE, 0.07],
  [COMMUNITY, VOLUNTARY, 0.03],
  [PRIMARY_CARE, SOCIAL_CARE, 0.05],
  [SOCIAL_CARE, VOLUNTARY, 0.04],
];

const TEAMMATES_PER_PERSON = 4;
/**
 * Light, occasional contacts (a question, a one-off email) per person: a few rows over the whole window, often one
 * way. They keep reciprocity and tie counts realistic; without them every tie would be heavy and mutual.
 */
const ACQUAINTANCES_PER_PERSON = 5;
const ACQUAINTANCES_ACROSS = 0.25;
/** The density at which the hand-placed rates below were chosen (rows per person-week). */
const DEFAULT_INTERACTIONS = 5;
const HARBOUR_EASTFIELD_TIES = 7;

export interface Relationship {
  a: number;
  b: number;
  kind: TieKind;
  /** Expected interaction rows per week. */
  rate: number;
  /** Probability that a given interaction goes a → b (else b → a). */
  bias: number;
  /** Active weeks [start, end): ordinary churn makes some ties start late and others go quiet. */
  start: number;
  end: number;
  channels: Float64Array;
}

const STREAM_TIES = streamId("ties");
const STREAM_SPECIAL = streamId("harbour-eastfield");
const STREAM_FORUM = streamId("forum");

const pairKey = (a: number, b: number, n: number) => (a < b ? a * n + b : b * n + a);

/**
 * Base relationships first (identical with and without --null), then the hand-placed Harbour ↔ Eastfield ties,
 * then (planted only) the ties the forum builds. Indices are stable, so each relationship's weekly random
 * stream is the same in both modes.
 */
export function buildRelationships(
  seed: number,
  workforce: Workforce,
  plan: Plan,
  interactionsPerPersonWeek: number,
): Relationship[] {
  const { people, teams } = workforce;
  const n = people.length;
  const W = plan.calendar.weeks;
  const rng = new Rng(seed, STREAM_TIES);
  const seen = new Set<number>();
  const out: Relationship[] = [];
  const add = (a: number, b: number, kind: TieKind, r: Rng, start = 0, end = W): boolean => {
    if (a === b || seen.has(pairKey(a, b, n))) return false;
    seen.add(pairKey(a, b, n));
    const strength = KIND_STRENGTH[kind] * Math.exp(0.7 * r.normal());
    // Most relationships run both ways; some are led from one side (a manager who emails, a referrer), and
    // occasional contacts always are (a question asked, a notice sent).
    const led = r.float() < 0.4 || kind === "acquaintance";
    const lean = 0.8 + 0.2 * r.float();
    const bias = led ? (r.float() < 0.5 ? lean : 1 - lean) : 0.5;
    out.push({ a, b, kind, rate: strength, bias, start, end, channels: CHANNEL_CUMULATIVE[kind] });
    return true;
  };
  /** A base relationship; ordinary churn makes 6% start during the window and 6% go quiet during it. */
  const addBase = (a: number, b: number, kind: TieKind): boolean => {
    const u = rng.float();
    const week = 1 + rng.int(Math.max(1, W - 2));
    if (u < 0.06) return add(a, b, kind, rng, week, W);
    if (u < 0.12) return add(a, b, kind, rng, 0, week + 1);
    return add(a, b, kind, rng);
  };

  for (const team of teams) {
    for (const p of team.members) {
      const others = team.members.filter((q) => q !== p);
      for (const q of rng.sample(others, TEAMMATES_PER_PERSON)) addBase(p, q, "team");
    }
  }

  const byOrg = [0, 1, 2, 3, 4].map((o) => people.filter((p) => p.org === o).map((p) => p.index));
  const byOrgProfession = new Map<string, number[]>();
  for (const p of people) {
    const key = `${p.org}/${p.profession}`;
    const group = byOrgProfession.get(key);
    if (group) group.push(p.index);
    else byOrgProfession.set(key, [p.index]);
  }
  for (const person of people) {
    const colleagues = byOrg[person.org].filter((q) => people[q].team !== person.team);
    if (colleagues.length === 0) continue;
    addBase(person.index, rng.pick(colleagues), "organisation");
  }

  // Cross-organisation ends are drawn in proportion to their team's outward weight; 40% look for their own profession.
  const outwardCumulative = byOrg.map((members) =>
    cumulativeOf(members.map((p) => teams[people[p].team].spec.outward ?? 1)),
  );
  const drawEnd = (org: number, r: Rng) => byOrg[org][pickCumulative(outwardCumulative[org], r.float())];
  for (const [x, y, share] of CROSS_PAIRS) {
    const wanted = Math.round(share * n);
    let made = 0;
    for (let attempt = 0; made < wanted && attempt < wanted * 20; attempt++) {
      const a = drawEnd(x, rng);
      let b = drawEnd(y, rng);
      if (rng.float() < 0.4) {
        const same = byOrgProfession.get(`${y}/${people[a].profession}`);
        if (same) b = rng.pick(same);
      }
      if (addBase(a, b, "cross")) made++;
    }
  }

  // Acquaintances across organisations follow the same pairs (and so never join Harbour with Eastfield).
  const pairsOf = byOrg.map((_, o) => CROSS_PAIRS.filter(([x, y]) => x === o || y === o));
  const pairCumulative = pairsOf.map((pairs) => cumulativeOf(pairs.map(([, , share]) => share)));
  for (const person of people) {
    for (let k = 0; k < ACQUAINTANCES_PER_PERSON; k++) {
      const across = rng.float() < ACQUAINTANCES_ACROSS;
      const [x, y] = pairsOf[person.org][pickCumulative(pairCumulative[person.org], rng.float())];
      const nearby = rng.float() < 0.5 ? teams[person.team].members : byOrg[person.org];
      const other = across ? drawEnd(x === person.org ? y : x, rng) : rng.pick(nearby);
      addBase(person.index, other, "acquaintance");
    }
  }

  // Ties are scaled so that the base network produces the requested rows per person-week, counting each tie only
  // for the share of the window in which it is active and both people are in post.
  const scale = (interactionsPerPersonWeek * n) / out.reduce((s, r) => s + r.rate * activeShare(r, workforce, plan), 0);
  for (const r of out) r.rate *= scale;

  addHarbourEastfield(seed, workforce, plan, out, add, interactionsPerPersonWeek / DEFAULT_INTERACTIONS);
  if (plan.planted) addForumTies(seed, workforce, plan, out, add, scale);
  return out;
}

/** Share of the window's weekdays on which a relationship can produce contact. */
function activeShare(r: Relationship, workforce: Workforce, plan: Plan): number {
  const { startDay, weeks } = plan.calendar;
  const a = workforce.people[r.a];
  const b = workforce.people[r.b];
  const first = Math.max(startDay + 7 * r.start, a.joined, b.joined);
  const last = Math.min(startDay + 7 * r.end - 1, a.left ?? Infinity, b.left ?? Infinity);
  return Math.max(0, last - first + 1) / (7 * weeks);
}

type Add = (a: number, b: number, kind: TieKind, r: Rng, start?: number, end?: number) => boolean;

/**
 * Harbour Voluntary Services ↔ Eastfield PCN: seven ties. Planted, six belong to the spanner and one weak tie to a
 * Carers Support worker; under --null the same seven ties belong to seven Harbour people. Both candidate sets are
 * drawn in both modes so the random streams stay aligned.
 */
function addHarbourEastfield(
  seed: number,
  workforce: Workforce,
  plan: Plan,
  out: Relationship[],
  add: Add,
  density: number,
): void {
  const rng = new Rng(seed, STREAM_SPECIAL);
  const eastfield = [
    ...teamNamed(workforce, "Social Prescribing").members,
    ...teamNamed(workforce, "Care Coordination").members,
  ];
  const eastfieldEnds = rng.sample(eastfield, HARBOUR_EASTFIELD_TIES);
  const harbour = workforce.people
    .filter((p) => p.org === VOLUNTARY && p.left === null && p.index !== plan.spanner)
    .map((p) => p.index);
  const spreadEnds = rng.sample(harbour, HARBOUR_EASTFIELD_TIES);
  const carers = teamNamed(workforce, "Carers Support").members.filter((p) => workforce.people[p].left === null);
  const weakEnd = rng.pick(carers);
  const first = out.length;
  eastfieldEnds.forEach((e, i) => {
    const h = plan.planted ? (i < HARBOUR_EASTFIELD_TIES - 1 ? plan.spanner : weakEnd) : spreadEnds[i];
    add(h, e, "harbour-eastfield", rng);
  });
  // Fixed rates rather than random strengths: the link is worth about 7 rows a week, the weak tie one every 4 weeks.
  for (let i = first; i < out.length; i++) out[i].rate = density * (i === out.length - 1 ? 0.25 : 1.2);
}

/** Forum attendees from different organisations who had no relationship start one after the forum week. */
function addForumTies(
  seed: number,
  workforce: Workforce,
  plan: Plan,
  out: Relationship[],
  add: Add,
  scale: number,
): void {
  const rng = new Rng(seed, STREAM_FORUM);
  const { attendees, week } = plan.forum;
  const orgOf = workforce.orgOf;
  const harbourEastfield = (a: number, b: number) =>
    (orgOf[a] === VOLUNTARY && orgOf[b] === PRIMARY_CARE) || (orgOf[a] === PRIMARY_CARE && orgOf[b] === VOLUNTARY);
  const first = out.length;
  for (const a of attendees) {
    for (let made = 0, attempt = 0; made < plan.forumTiesPerAttendee && attempt < 50; attempt++) {
      const b = rng.pick(attendees);
      // Harbour ↔ Eastfield stays the spanner's alone, so pattern 2 keeps its meaning.
      if (orgOf[a] === orgOf[b] || harbourEastfield(a, b)) continue;
      if (add(a, b, "forum", rng, week + 1, plan.calendar.weeks)) made++;
    }
  }
  for (let i = first; i < out.length; i++) out[i].rate *= scale;
}
