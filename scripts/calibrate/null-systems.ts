// Null systems for calibration: nothing planted, each tie in contact at its own steady Poisson rate, and the
// ordinary ways real contact varies without anything breaking down (docs/methods.md, "Calibration"). Built in
// memory as a Dataset (no CSV round trip), seeded: the same shape, size and seed give the same system.
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import { periodOf, periodStartDay } from "../../src/model/periods.js";
import type { Dataset, Person, Tie } from "../../src/model/types.js";
import { seededRandom } from "../../src/network/random.js";
import { poissonFrom } from "../demo/rng.js";

export const SHAPES = ["steady", "leave", "holiday", "rhythm", "drift", "turnover", "churn"] as const;
export type Shape = (typeof SHAPES)[number];

export const SHAPE_NOTES: Record<Shape, string> = {
  steady: "each tie at its own steady Poisson rate (0.3–4 contacts a week)",
  leave: "steady, and each person on leave 1–3 weeks once or twice (no contact at all)",
  holiday: "steady, with two system-wide holiday dips (contact at 40% for 1–2 weeks)",
  rhythm: "steady, with fortnightly ties (contact every other week) and a 4-weekly system cycle of ±25%",
  drift: "steady, with each organisation pair's contact drifting by −30% to +30% over the run",
  turnover: "steady, with 8% of people leaving, each replaced by a newcomer who takes over their ties",
  churn: "all of the above, and 6% of relationships starting and 6% ending during the run",
};

const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 4, 4);
const FIRST = periodOf(MONDAY, "week");
const ORGANISATIONS = 5;
const TEAM_SIZE = 12;

export interface NullSystemOptions {
  shape: Shape;
  people: number;
  seed: number;
  weeks?: number;
}

interface Relationship {
  a: number;
  b: number;
  rate: number;
  share: number;
  start: number;
  end: number;
  fortnightly: number | null;
}

const has = (shape: Shape, part: Shape) => shape === part || shape === "churn";

export function nullSystem(options: NullSystemOptions): Dataset {
  const { shape, seed } = options;
  const weeks = options.weeks ?? 26;
  const random = seededRandom(seed * 7919 + SHAPES.indexOf(shape) * 104729 + options.people);
  const teams = Math.max(ORGANISATIONS, Math.round(options.people / TEAM_SIZE));
  const teamOf = (i: number) => i % teams;
  const orgOf = (i: number) => teamOf(i) % ORGANISATIONS;
  const n = options.people;
  const members: number[][] = Array.from({ length: teams }, () => []);
  for (let i = 0; i < n; i++) members[teamOf(i)].push(i);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

  const relationships: Relationship[] = [];
  const seen = new Set<number>();
  const relate = (a: number, b: number) => {
    if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) return;
    seen.add(Math.min(a, b) * n + Math.max(a, b));
    const ends = has(shape, "churn") && random() < 0.06;
    const starts = has(shape, "churn") && !ends && random() < 0.06;
    relationships.push({
      a,
      b,
      rate: Math.exp(Math.log(0.3) + random() * Math.log(4 / 0.3)),
      share: 0.3 + 0.4 * random(),
      start: starts ? 1 + Math.floor(random() * (weeks - 2)) : 0,
      end: ends ? 1 + Math.floor(random() * (weeks - 1)) : weeks,
      fortnightly: has(shape, "rhythm") && random() < 0.3 ? Math.floor(random() * 2) : null,
    });
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) relate(i, pick(members[teamOf(i)]));
    const sameOrg = members.filter((_, t) => t % ORGANISATIONS === orgOf(i) && t !== teamOf(i));
    for (let j = 0; j < 2 && sameOrg.length > 0; j++) relate(i, pick(pick(sameOrg)));
    relate(i, Math.floor(random() * n));
  }

  // Leave spells, holiday dips, drift per organisation pair, and turnover (a newcomer takes over the ties).
  const leave: [number, number][][] = Array.from({ length: n }, () => []);
  if (has(shape, "leave"))
    for (let i = 0; i < n; i++)
      for (let s = 0, spells = 1 + Math.floor(random() * 2); s < spells; s++) {
        const from = Math.floor(random() * weeks);
        leave[i].push([from, from + 1 + Math.floor(random() * 3)]);
      }
  const holiday = new Array<number>(weeks).fill(1);
  if (has(shape, "holiday"))
    for (let d = 0; d < 2; d++) {
      const from = Math.floor(random() * weeks);
      for (let w = from; w < Math.min(weeks, from + 1 + Math.floor(random() * 2)); w++) holiday[w] = 0.4;
    }
  const drift = Array.from({ length: ORGANISATIONS * ORGANISATIONS }, () =>
    has(shape, "drift") ? -0.3 + 0.6 * random() : 0,
  );
  const people: Person[] = [];
  for (let i = 0; i < n; i++)
    people.push({ id: `P${i}`, attributes: { organisation: `Org ${orgOf(i)}`, team: `Team ${teamOf(i)}` } });
  const successor = new Map<number, { person: number; week: number }>();
  if (has(shape, "turnover"))
    for (let i = 0; i < n; i++) {
      if (random() >= 0.08) continue;
      const week = 2 + Math.floor(random() * (weeks - 3));
      const person = people.length;
      people[i].left = (periodStartDay(FIRST + week, "week") + 2) * DAY;
      people.push({
        id: `P${person}`,
        attributes: { ...people[i].attributes },
        joined: (periodStartDay(FIRST + week + 1, "week") + 1) * DAY,
      });
      successor.set(i, { person, week: week + 1 });
    }

  const ties = new Map<number, Tie & { periods: Map<number, number> }>();
  const total = people.length;
  const add = (from: number, to: number, week: number, weight: number) => {
    if (weight <= 0) return;
    const key = from * total + to;
    let tie = ties.get(key);
    const at = (periodStartDay(FIRST + week, "week") + 1) * DAY;
    if (!tie) {
      tie = { from, to, weight: 0, rows: 0, first: at, last: at, durationMinutes: 0, channels: {}, periods: new Map() };
      ties.set(key, tie);
    }
    tie.weight += weight;
    tie.rows += weight;
    tie.last = Math.max(tie.last!, at);
    tie.periods.set(FIRST + week, (tie.periods.get(FIRST + week) ?? 0) + weight);
  };
  const onLeave = (i: number, w: number) => leave[i].some(([from, to]) => w >= from && w < to);
  const holder = (i: number, w: number) => {
    const next = successor.get(i);
    return next && w >= next.week ? next.person : next && w >= next.week - 1 ? -1 : i;
  };
  for (const r of relationships) {
    const trend = drift[orgOf(r.a) * ORGANISATIONS + orgOf(r.b)];
    for (let w = r.start; w < r.end; w++) {
      const [a, b] = [holder(r.a, w), holder(r.b, w)];
      if (a < 0 || b < 0 || onLeave(r.a, w) || onLeave(r.b, w)) continue;
      if (r.fortnightly !== null && w % 2 !== r.fortnightly) continue;
      const cycle = has(shape, "rhythm") ? 1 + 0.25 * Math.sin((2 * Math.PI * w) / 4) : 1;
      const rate = r.rate * holiday[w] * (1 + (trend * w) / weeks) * cycle * (r.fortnightly !== null ? 2 : 1);
      add(a, b, w, poissonFrom(random, rate * r.share));
      add(b, a, w, poissonFrom(random, rate * (1 - r.share)));
    }
  }
  const list = [...ties.values()];
  const index = new Map(people.map((p, i) => [p.id, i]));
  const dataset = {
    config: { ...DEFAULT_CONFIG, boundaries: ["organisation", "team"] },
    boundaries: ["organisation", "team"],
    undirected: false,
    period: "week",
    window: { since: MONDAY, until: periodStartDay(FIRST + weeks, "week") * DAY },
    people: { people, index, attributeColumns: ["organisation", "team"], source: "people" },
    interactions: {
      ties: list,
      rows: list.reduce((s, t) => s + t.rows, 0),
      selfLoops: 0,
      outsideWindow: 0,
      timestamped: true,
      first: MONDAY,
      last: periodStartDay(FIRST + weeks, "week") * DAY - 1,
      channels: [],
    },
    survey: null,
    coordination: null,
    delivery: null,
    events: null,
    annotations: null,
  };
  return dataset as Dataset;
}
