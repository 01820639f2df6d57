// A small synthetic system for signal tests: two or three groups, person-to-person ties with weekly Poisson
// contact, and hooks to plant a change. Seeded, so every test sees the same data.
import type { Config } from "../../src/model/config.js";
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import { periodOf, periodStartDay } from "../../src/model/periods.js";
import type { Dataset, Person, Tie } from "../../src/model/types.js";

/** The product's seeded generator (mulberry32), under the name these tests use. */
import { seededRandom as mulberry32 } from "../../src/network/random.js";
import { tieWith } from "../helpers/ties.js";

export { mulberry32 };

export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

const MONDAY_2026_05_04 = Date.UTC(2026, 4, 4);
export const FIRST_WEEK = periodOf(MONDAY_2026_05_04, "week");

export interface SyntheticOptions {
  seed: number;
  weeks: number;
  groups: Record<string, number>;
  /** Ties between people of two groups (every person of the first with `per` people of the second), contacts per week each way. */
  links: { from: string; to: string; per: number; rate: number; back: number }[];
  /** Contact multiplier by (direction "from>to" of groups, week index); 1 = unchanged. */
  change?: (fromGroup: string, toGroup: string, week: number, tie: { from: number; to: number }) => number;
  left?: Record<string, number>;
}

export function syntheticDataset(options: SyntheticOptions, config: Partial<Config> = {}): Dataset {
  const random = mulberry32(options.seed);
  const people: Person[] = [];
  for (const [group, size] of Object.entries(options.groups))
    for (let i = 0; i < size; i++) people.push({ id: `${group}${i}`, attributes: { organisation: group } });
  for (const [id, week] of Object.entries(options.left ?? {}))
    people.find((p) => p.id === id)!.left = (periodStartDay(FIRST_WEEK + week, "week") + 1) * 86_400_000;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const members = (g: string) =>
    people
      .map((p, i) => [p, i] as const)
      .filter(([p]) => p.attributes.organisation === g)
      .map(([, i]) => i);
  const ties = new Map<string, Tie & { periods: Map<number, number> }>();
  const add = (from: number, to: number, week: number, weight: number) => {
    if (weight <= 0) return;
    const key = `${from}>${to}`;
    let tie = ties.get(key);
    if (!tie) ties.set(key, (tie = { ...tieWith(from, to), periods: new Map() }));
    const at = (periodStartDay(FIRST_WEEK + week, "week") + 1) * 86_400_000;
    tie.weight += weight;
    tie.rows += weight;
    tie.first = tie.first === null ? at : Math.min(tie.first, at);
    tie.last = tie.last === null ? at : Math.max(tie.last, at);
    tie.periods.set(FIRST_WEEK + week, (tie.periods.get(FIRST_WEEK + week) ?? 0) + weight);
  };
  for (const link of options.links) {
    const a = members(link.from);
    const b = members(link.to);
    a.forEach((i, k) => {
      for (let j = 0; j < link.per; j++) {
        const partner = b[(k + j) % b.length];
        for (let week = 0; week < options.weeks; week++) {
          const leftBy = (p: number) =>
            people[p].left !== undefined &&
            people[p].left! <= (periodStartDay(FIRST_WEEK + week, "week") + 1) * 86_400_000;
          if (leftBy(i) || leftBy(partner)) continue;
          const out = options.change?.(link.from, link.to, week, { from: i, to: partner }) ?? 1;
          const back = options.change?.(link.to, link.from, week, { from: partner, to: i }) ?? 1;
          add(i, partner, week, poisson(random, link.rate * out));
          add(partner, i, week, poisson(random, link.back * back));
        }
      }
    });
  }
  const list = [...ties.values()];
  const firsts = list.map((t) => t.first!).filter((x) => x !== null);
  const lasts = list.map((t) => t.last!).filter((x) => x !== null);
  // Built untyped, then asserted: Dataset is gaining input kinds (coordination, annotations) these tests leave empty.
  const dataset = {
    config: { ...DEFAULT_CONFIG, ...config },
    boundaries: ["organisation"],
    undirected: false,
    period: "week",
    window: { since: MONDAY_2026_05_04, until: periodStartDay(FIRST_WEEK + options.weeks, "week") * 86_400_000 },
    people: { people, index, attributeColumns: ["organisation"], source: "people" },
    interactions: {
      ties: list,
      rows: list.reduce((s, t) => s + t.rows, 0),
      selfLoops: 0,
      outsideWindow: 0,
      timestamped: true,
      first: Math.min(...firsts),
      last: Math.max(...lasts),
      channels: [],
    },
    survey: null,
    delivery: null,
    events: null,
    coordination: null,
    annotations: null,
  };
  return dataset as Dataset;
}
