// Test helper: reads a canonical network folder (nodes.csv id,group; edges.csv source,target,weight; meta.json) and
// the reference values derived for it by test/reference/network-derive.sh.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import type { Dataset, EventAttendance, Person, Tie } from "../../src/model/types.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES = resolve(repo, "test/fixtures/networks");
const SHARED_NETWORKS = resolve(repo, "../shared/data/networks");

/** Where a network's folder is: the shipped copy when its licence allows one, else ../shared/data (may be absent). */
export function networkFolder(name: string): string {
  const local = resolve(FIXTURES, name);
  return existsSync(local) ? local : resolve(SHARED_NETWORKS, name);
}

export const hasNetwork = (name: string) => existsSync(resolve(networkFolder(name), "edges.csv"));

export interface LoadedNetwork {
  ids: string[];
  people: Person[];
  ties: Tie[];
  from: number[];
  to: number[];
  directed: boolean;
}

const rows = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));

export function loadNetwork(name: string): LoadedNetwork {
  const folder = networkFolder(name);
  const meta = JSON.parse(readFileSync(resolve(folder, "meta.json"), "utf8"));
  const nodes = rows(resolve(folder, "nodes.csv"));
  const header = readFileSync(resolve(folder, "nodes.csv"), "utf8").split(/\r?\n/)[0].split(",");
  const groupColumn = header.indexOf("group");
  const ids = nodes.map((r) => r[0]);
  const index = new Map(ids.map((id, i) => [id, i]));
  const people: Person[] = nodes.map((r) => ({ id: r[0], attributes: { group: r[groupColumn] } }));
  const from: number[] = [];
  const to: number[] = [];
  const ties: Tie[] = [];
  for (const [source, target, weight] of rows(resolve(folder, "edges.csv"))) {
    const u = index.get(source)!;
    const v = index.get(target)!;
    from.push(u);
    to.push(v);
    ties.push({
      from: u,
      to: v,
      weight: Number(weight),
      rows: Number(weight),
      first: null,
      last: null,
      durationMinutes: 0,
      channels: {},
      periods: new Map(),
    });
  }
  return { ids, people, ties, from, to, directed: meta.directed === 1 };
}

export interface IgraphReference {
  n: number;
  ties: number;
  density: number;
  reciprocity: number;
  pairReciprocity: number;
  articulationPoints: string[];
  people: Record<
    string,
    { betweenness: number; betweennessNormalised: number; constraint: number | null; brokerage: Record<string, number> }
  >;
}

export interface NetworkxReference {
  eiIndex: number;
  expectedEiIndex: number;
  external: number;
  internal: number;
  groups: Record<
    string,
    { n: number; external: number; internal: number; eiIndex: number | null; expectedEiIndex: number | null }
  >;
  articulationPoints: string[];
  bridges: [string, string][];
  people: Record<string, { eiIndex: number | null; betweenness: number; betweennessNormalised: number }>;
}

export function reference(name: string): { igraph: IgraphReference; networkx: NetworkxReference } {
  const read = (suffix: string) =>
    JSON.parse(readFileSync(resolve(FIXTURES, "expected", `${name}.${suffix}.json`), "utf8"));
  return { igraph: read("igraph-sna"), networkx: read("networkx") };
}

/** |actual − expected| ≤ 1e-9 · max(1, |expected|): exact up to floating point (R prints 15 significant digits). */
export function close(actual: number, expected: number, relative = 1e-9): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

/** A Dataset holding just a network (people + ties), as the loaders would produce it. */
export function networkDataset(
  people: Person[],
  ties: Tie[],
  options: { undirected?: boolean; boundaries?: string[]; events?: EventAttendance[] } = {},
): Dataset {
  const attributeColumns = [...new Set(people.flatMap((p) => Object.keys(p.attributes)))];
  const times = ties.flatMap((t) => (t.first === null ? [] : [t.first, t.last ?? t.first]));
  return {
    config: DEFAULT_CONFIG,
    boundaries: options.boundaries ?? attributeColumns,
    undirected: options.undirected ?? false,
    period: "week",
    window: { since: null, until: null },
    people: { people, index: new Map(people.map((p, i) => [p.id, i])), attributeColumns, source: "people" },
    interactions: {
      ties,
      rows: ties.reduce((s, t) => s + t.rows, 0),
      selfLoops: 0,
      outsideWindow: 0,
      timestamped: times.length > 0,
      first: times.length ? Math.min(...times) : null,
      last: times.length ? Math.max(...times) : null,
      channels: [...new Set(ties.flatMap((t) => Object.keys(t.channels)))],
    },
    survey: null,
    delivery: null,
    events: options.events ?? null,
    coordination: null,
    annotations: null,
  };
}
