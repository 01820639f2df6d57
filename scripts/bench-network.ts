// Network audit benchmark: a generated 10,000-person system with about a million interactions, built in memory
// with a seeded generator (no files), then analyseNetwork timed with its peak memory.
// Usage: node --import tsx scripts/bench-network.ts [--people N] [--interactions N] [--undirected]
import { performance } from "node:perf_hooks";
import { DEFAULT_CONFIG } from "../src/load/config.js";
import type { Dataset, Person, Tie } from "../src/model/types.js";
import { analyseNetwork } from "../src/network/analyse.js";
import { seededRandom } from "../src/network/random.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PEOPLE = arg("--people", 10_000);
const INTERACTIONS = arg("--interactions", 1_000_000);
const WEEKS = 26;
const START = Date.UTC(2026, 0, 5); // a Monday
const CHANNELS = ["email", "meeting", "1:1", "huddle", "referral", "phone"];

/** Organisations of unequal size, teams of 10–40, professions across them; 3% have left. */
function makePeople(random: () => number): Person[] {
  const people: Person[] = [];
  let team = 0;
  while (people.length < PEOPLE) {
    const size = 10 + Math.floor(random() * 31);
    const organisation = `Org ${1 + Math.floor(Math.sqrt(random()) * 8)}`;
    for (let i = 0; i < size && people.length < PEOPLE; i++) {
      const left = random() < 0.03 ? START + Math.floor(random() * WEEKS * 7) * 86_400_000 : undefined;
      people.push({ id: `P${people.length}`, attributes: { organisation, team: `Team ${team}`, profession: `Prof ${Math.floor(random() * 12)}` }, left });
    }
    team++;
  }
  return people;
}

/** Interactions: 70% within the team, 20% within the organisation, 10% anywhere; collapsed into ties as the loader does. */
function makeTies(people: Person[], random: () => number): Tie[] {
  const byTeam = new Map<string, number[]>();
  const byOrg = new Map<string, number[]>();
  people.forEach((p, i) => {
    const t = byTeam.get(p.attributes.team) ?? byTeam.set(p.attributes.team, []).get(p.attributes.team)!;
    t.push(i);
    const o = byOrg.get(p.attributes.organisation) ?? byOrg.set(p.attributes.organisation, []).get(p.attributes.organisation)!;
    o.push(i);
  });
  const ties = new Map<number, Tie>();
  const pick = (list: number[]) => list[Math.floor(random() * list.length)];
  for (let k = 0; k < INTERACTIONS; k++) {
    const from = Math.floor(random() * people.length);
    const r = random();
    const pool = r < 0.7 ? byTeam.get(people[from].attributes.team)! : r < 0.9 ? byOrg.get(people[from].attributes.organisation)! : null;
    const to = pool ? pick(pool) : Math.floor(random() * people.length);
    if (to === from) continue;
    const at = START + Math.floor(random() * WEEKS * 7 * 24) * 3_600_000;
    const period = Math.floor((Math.floor(at / 86_400_000) + 3) / 7);
    const channel = CHANNELS[Math.floor(random() * CHANNELS.length)];
    const key = from * people.length + to;
    let tie = ties.get(key);
    if (!tie) {
      tie = { from, to, weight: 0, rows: 0, first: at, last: at, durationMinutes: 0, channels: {}, periods: new Map() };
      ties.set(key, tie);
    }
    tie.weight++;
    tie.rows++;
    if (at < tie.first!) tie.first = at;
    if (at > tie.last!) tie.last = at;
    tie.durationMinutes += channel === "meeting" ? 30 : 0;
    tie.channels[channel] = (tie.channels[channel] ?? 0) + 1;
    tie.periods.set(period, (tie.periods.get(period) ?? 0) + 1);
  }
  return [...ties.values()];
}

const random = seededRandom(2026);
const people = makePeople(random);
const ties = makeTies(people, random);
// Events: three forums of 60 people each.
const events = [0, 1, 2].flatMap((e) =>
  Array.from({ length: 60 }, () => ({ event: `Forum ${e + 1}`, at: START + (4 + 6 * e) * 7 * 86_400_000, person: Math.floor(random() * people.length) })),
);
const data: Dataset = {
  config: DEFAULT_CONFIG,
  boundaries: ["organisation", "team", "profession"],
  undirected: process.argv.includes("--undirected"),
  period: "week",
  window: { since: null, until: null },
  people: { people, index: new Map(people.map((p, i) => [p.id, i])), attributeColumns: ["organisation", "team", "profession"], source: "people" },
  interactions: { ties, rows: INTERACTIONS, selfLoops: 0, outsideWindow: 0, timestamped: true, first: START, last: START + WEEKS * 7 * 86_400_000, channels: CHANNELS },
  survey: null,
  coordination: null,
  delivery: null,
  events,
  annotations: null,
};

const before = process.memoryUsage().rss;
const t0 = performance.now();
const section = analyseNetwork(data)!;
const seconds = (performance.now() - t0) / 1000;
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  `network audit: ${PEOPLE.toLocaleString("en")} people, ${INTERACTIONS.toLocaleString("en")} interactions → ${section.tieCount.toLocaleString("en")} ties` +
    ` (${section.directed ? "directed" : "undirected"})`,
);
console.log(
  `  time ${seconds.toFixed(2)} s; betweenness ${section.betweennessMethod}` +
    (section.betweennessSampleSize ? ` (${section.betweennessSampleSize} sources, median relative SE of the top 10: ${(section.betweennessRelativeError! * 100).toFixed(1)}%)` : ""),
);
console.log(`  peak memory (max RSS) ${peakMiB.toFixed(0)} MiB; RSS before the audit ${(before / 1048576).toFixed(0)} MiB (input data)`);
