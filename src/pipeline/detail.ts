// The default report, sized for people (issue 15): the analyses and checks have seen everything; the Report keeps
// what its findings, charts and tables use, and says beside each list it cut how many items it had. At M (10,000
// people, 639 teams) the full report is ~88 MB: 31,679 team links with their carriers and depth records, two
// 639 × 639 matrices, 10,000 people and 1,105 series. `--detail full` keeps all of it. Nothing is recomputed here and
// nothing is added: every item kept is the analysis' own object, so no suppressed figure can appear.
import {
  linkLimit,
  type BoundarySection,
  type MixingMatrix,
  type NetworkSection,
  type PersonMetrics,
  type SparseMixing,
} from "../result/network.js";
import type { Series } from "../result/signals.js";
import type { Report, Truncation } from "../result/types.js";

/** People kept: the highest betweenness (the brokers tables show ten) plus every articulation point. */
export const PEOPLE_SHOWN = 100;

/** Most links kept per boundary: a network map with more is a hairball, a table with more is not read. */
const LINKS_MAX = 200;

/**
 * Links (and their depth records) kept per boundary: the most ties first, as many as a network map draws (linkLimit)
 * up to LINKS_MAX, so up to 100 groups the picture is the full report's.
 */
export function linksShown(groups: number): number {
  return Math.min(LINKS_MAX, linkLimit(groups));
}

type Sections = Pick<Report, "network" | "series" | "signals" | "checks" | "leading">;

/** The summary report's sections from the full ones; `truncated` markers only where a list was cut. */
export function summarise<T extends Sections>(report: T): T & Pick<Report, "truncated"> {
  const network = report.network && summariseNetwork(report.network);
  const series = report.series && seriesSaying(report);
  const cut = report.series && series && cutOf(series.length, report.series.length);
  return { ...report, network, series, ...(cut ? { truncated: { series: cut } } : {}) };
}

function summariseNetwork(network: NetworkSection): NetworkSection {
  const boundaries = network.boundaries.map(summariseBoundary);
  const people = peopleShown(network);
  const depth = network.depth && {
    ...network.depth,
    boundaries: network.depth.boundaries.map((d) => {
      const groups = network.boundaries.find((b) => b.attribute === d.attribute)?.groups.length ?? 0;
      const shown = linksShown(groups);
      const cut = cutOf(Math.min(shown, d.links.length), d.links.length);
      return cut ? { ...d, links: d.links.slice(0, shown), truncated: { links: cut } } : d;
    }),
  };
  const cut = cutOf(people.length, network.people.length);
  return { ...network, boundaries, people, depth, ...(cut ? { truncated: { people: cut } } : {}) };
}

function summariseBoundary(boundary: BoundarySection): BoundarySection {
  const shown = linksShown(boundary.groups.length);
  const cut = cutOf(Math.min(shown, boundary.links.length), boundary.links.length);
  return {
    ...boundary,
    mixing: sparseMixing(boundary.mixing),
    links: cut ? boundary.links.slice(0, shown) : boundary.links,
    ...(cut ? { truncated: { links: cut } } : {}),
  };
}

/** Non-zero cells only, row by row: a 639 × 639 matrix has ~48,000 of its 408,000 cells in use at M. */
function sparseMixing(mixing: MixingMatrix | SparseMixing): SparseMixing {
  if ("rows" in mixing) return mixing;
  const rows: SparseMixing["rows"] = [];
  mixing.ties.forEach((row, from) => {
    const cells: SparseMixing["rows"][number] = { from, to: [], ties: [], interactions: [] };
    row.forEach((ties, to) => {
      const interactions = mixing.interactions[from][to];
      if (ties === 0 && interactions === 0) return;
      cells.to.push(to);
      cells.ties.push(ties);
      cells.interactions.push(interactions);
    });
    if (cells.to.length > 0) rows.push(cells);
  });
  return { groups: mixing.groups, rows };
}

/** The highest betweenness (ties by id) and the articulation points, in the analysis' order. */
function peopleShown(network: NetworkSection): PersonMetrics[] {
  if (network.people.length <= PEOPLE_SHOWN) return network.people;
  const kept = new Set(network.articulationPoints);
  const ranked = [...network.people].sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id));
  for (const p of ranked.slice(0, PEOPLE_SHOWN)) kept.add(p.id);
  return network.people.filter((p) => kept.has(p.id));
}

/**
 * Series that say something: those a signal or a finding was read from (the charts, the terminal's trends and the
 * signals tables), and the delivery series the leading indicators compare with. The rest are in `--detail full`.
 */
function seriesSaying(report: Sections): Series[] {
  const named = new Set<string>();
  for (const s of report.signals ?? []) if (s.series) named.add(s.series);
  for (const c of report.checks) for (const f of c.findings) if (f.series) named.add(f.series);
  return (report.series ?? []).filter((s) => named.has(s.id) || s.source.kind === "delivery");
}

function cutOf(shown: number, total: number): Truncation | null {
  return shown < total ? { shown, total } : null;
}
