// A readable view of a boundary with many groups (a trust's 600 teams): the groups the findings name, then the
// largest, each drawn; the rest merged into one "other N groups" node. Only network figures are merged here (people
// and ties, which the network section publishes for every group); survey charts merge no scores (scale-groups.ts).
import type { BoundarySection, GroupLink } from "../../result/network.js";
import type { Report } from "../../result/types.js";
import { plural } from "../../text/format.js";
import { bySeverity } from "../../model/severity.js";

/** Above this many groups a chart shows a readable selection instead of every group. */
export const MANY_GROUPS = 25;
/** Groups drawn in a readable view, the merged node aside. */
export const GROUPS_SHOWN = 15;
/** Of those, at most this many are picked because findings name them; the rest are the largest. */
const FOCUS_SHOWN = 10;

/** Groups of `attribute` that findings and signals name, most severe first (critical, warning, then notes). */
export function focusGroups(report: Report, attribute: string, scale?: string): string[] {
  const subjects = [
    ...report.checks.flatMap((c) => c.findings.map((f) => ({ severity: f.severity, subject: f.subject }))),
    ...(report.signals ?? []).map((s) => ({ severity: s.severity, subject: s.subject })),
  ].filter((x) => x.subject.attribute === attribute && (scale === undefined || x.subject.scale === scale));
  subjects.sort((a, b) => bySeverity(a.severity, b.severity));
  return [...new Set(subjects.flatMap((x) => x.subject.groups ?? []))];
}

/**
 * Which groups a readable view keeps: those in `focus` (up to FOCUS_SHOWN, in its order), then the largest by
 * `size` until GROUPS_SHOWN; ties in size go by name so the choice is the same every run.
 */
export function groupsToShow(
  groups: readonly { value: string; size: number }[],
  focus: readonly string[],
  shown = GROUPS_SHOWN,
): Set<string> {
  const known = new Set(groups.map((g) => g.value));
  const keep = new Set(focus.filter((g) => known.has(g)).slice(0, Math.min(FOCUS_SHOWN, shown)));
  const largest = [...groups].sort((a, b) => b.size - a.size || a.value.localeCompare(b.value));
  for (const g of largest) {
    if (keep.size >= shown) break;
    keep.add(g.value);
  }
  return keep;
}

export interface MapGroup {
  value: string;
  n: number;
  /** The node stands for several groups merged. */
  merged: boolean;
}

export type MapLink = Pick<GroupLink, "groups" | "ties" | "pairReciprocity">;

/** What a network map draws: groups in circle order and their links, most ties first. */
export interface MapView {
  groups: MapGroup[];
  links: MapLink[];
  /** Groups merged into the "other" node (0 when every group is drawn). */
  mergedGroups: number;
  /**
   * False when the report keeps only the links with most ties (`--detail summary`): the links to the merged groups
   * cannot be added up from a cut list, so none is drawn rather than an undercount.
   */
  otherLinksDrawn: boolean;
}

/** Why a map of a cut link list draws no link to the merged node. */
export const otherLinksCut = (boundary: BoundarySection) =>
  `Links to the merged groups are not drawn: this report keeps only the ${boundary.links.length} links with most ties (--detail full draws them)`;

/** The name of the node that stands for the merged groups. */
export function otherGroupsName(count: number): string {
  return `other ${plural(count, "group")}`;
}

/**
 * Links between kept groups stay; links to merged groups add up into one link to the "other" node; links among
 * merged groups fall inside it. A merged link's pair reciprocity is exact: a link of t arcs with pair reciprocity r
 * has t / (1 + r) pairs in contact, r of them both ways, so pairs and mutual pairs add up across links.
 */
function mergeLinks(links: readonly GroupLink[], keep: Set<string>, other: string, complete: boolean): MapLink[] {
  const merged = new Map<string, { groups: [string, string]; ties: number; pairs: number; mutual: number | null }>();
  for (const link of links) {
    const ends = link.groups.map((g) => (keep.has(g) ? g : other)) as [string, string];
    if (ends[0] === other && ends[1] === other) continue;
    if (!complete && (ends[0] === other || ends[1] === other)) continue;
    const groups = [...ends].sort((a, b) => (a === other ? 1 : b === other ? -1 : a.localeCompare(b))) as [
      string,
      string,
    ];
    const key = groups.join("\u0000");
    const r = link.pairReciprocity;
    const pairs = r === null ? 0 : link.ties / (1 + r);
    const entry = merged.get(key) ?? { groups, ties: 0, pairs: 0, mutual: 0 };
    entry.ties += link.ties;
    entry.pairs += pairs;
    entry.mutual = r === null || entry.mutual === null ? null : entry.mutual + r * pairs;
    merged.set(key, entry);
  }
  return [...merged.values()]
    .map((m) => ({
      groups: m.groups,
      ties: m.ties,
      pairReciprocity: m.mutual === null || m.pairs === 0 ? null : m.mutual / m.pairs,
    }))
    .sort((a, b) => b.ties - a.ties || a.groups.join().localeCompare(b.groups.join()));
}

/** Every group when there are few; the groups that matter, the largest and one merged node when there are many. */
export function mapView(boundary: BoundarySection, focus: readonly string[] = []): MapView {
  const order = boundary.mixing.groups.length ? boundary.mixing.groups : boundary.groups.map((g) => g.value);
  const byValue = new Map(boundary.groups.map((g) => [g.value, g]));
  const all = order.flatMap((value) => {
    const g = byValue.get(value);
    return g ? [{ value, n: g.n, merged: false }] : [];
  });
  if (all.length <= MANY_GROUPS)
    return { groups: all, links: [...boundary.links], mergedGroups: 0, otherLinksDrawn: true };
  const keep = groupsToShow(
    all.map((g) => ({ value: g.value, size: g.n })),
    focus,
  );
  const rest = all.filter((g) => !keep.has(g.value));
  const other = otherGroupsName(rest.length);
  const complete = boundary.truncated?.links === undefined;
  return {
    groups: [
      ...all.filter((g) => keep.has(g.value)),
      { value: other, n: rest.reduce((sum, g) => sum + g.n, 0), merged: true },
    ],
    links: mergeLinks(boundary.links, keep, other, complete),
    mergedGroups: rest.length,
    otherLinksDrawn: complete,
  };
}

/**
 * Links the view stands for: its merged links, or every pair of groups in contact — as many as the default report's
 * truncation marker says when it cut the list (pipeline/detail.ts).
 */
export function linksInView(view: MapView, boundary: BoundarySection): number {
  return view.mergedGroups ? view.links.length : (boundary.truncated?.links?.total ?? view.links.length);
}
