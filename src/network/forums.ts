// Forums and events (practices 2 and 7): did people from different groups who attended make first contact in the
// weeks after, more than the same groups' non-attendees did, and more than they themselves did before? And were the
// groups already connected when the joint work began (connection before content)?
import type { EventAttendance } from "../model/types.js";
import type { ForumGroupPair, ForumSection } from "../result/network.js";
import type { Grouping } from "./mixing.js";
import type { Relationships } from "./relationships.js";
import { riskRatio } from "./stats.js";

const DAY_MS = 86_400_000;

/** Pairs of people from different groups among people counted per group: (N² − Σ n_g²) / 2. */
function crossPairs(perGroup: number[]): number {
  let total = 0;
  let squares = 0;
  for (const n of perGroup) {
    total += n;
    squares += n * n;
  }
  return (total * total - squares) / 2;
}

const rate = (newTies: number, atRisk: number) => ({ atRisk, newTies, rate: atRisk > 0 ? newTies / atRisk : null });

export function forums(
  events: EventAttendance[],
  rel: Relationships,
  grouping: Grouping,
  windowDays: number,
  dataEnd: number,
): ForumSection[] {
  const { group, values } = grouping;
  const G = values.length;
  const byEvent = new Map<string, { at: number; people: Set<number> }>();
  for (const row of events) {
    const e = byEvent.get(row.event);
    if (e) {
      e.at = Math.min(e.at, row.at);
      e.people.add(row.person);
    } else byEvent.set(row.event, { at: row.at, people: new Set([row.person]) });
  }
  const window = windowDays * DAY_MS;
  const sections: ForumSection[] = [];
  const attends = new Uint8Array(group.length);
  for (const [event, { at, people }] of [...byEvent.entries()].sort(
    (x, y) => x[1].at - y[1].at || x[0].localeCompare(y[0]),
  )) {
    attends.fill(0);
    const attendeesPerGroup = new Array<number>(G).fill(0);
    for (const p of people) {
      attends[p] = 1;
      if (group[p] >= 0) attendeesPerGroup[group[p]]++;
    }
    const represented = attendeesPerGroup.map((n) => n > 0);
    const othersPerGroup = grouping.sizes.map((size, g) => (represented[g] ? size - attendeesPerGroup[g] : 0));
    const attendeePairs = crossPairs(attendeesPerGroup);
    const otherPairs = crossPairs(othersPerGroup);

    let attTiedBefore = 0; // contact before the event
    let attTiedBeforeWindow = 0; // contact before the window preceding the event
    let attNewBefore = 0;
    let attNewAfter = 0;
    let othTiedBefore = 0;
    let othNewAfter = 0;
    const pairTiedBefore = new Map<number, number>();
    const pairNewAfter = new Map<number, number>();
    for (let r = 0; r < rel.count; r++) {
      const a = rel.a[r];
      const b = rel.b[r];
      const ga = group[a];
      const gb = group[b];
      const first = rel.first[r];
      if (ga < 0 || gb < 0 || ga === gb || Number.isNaN(first)) continue;
      if (attends[a] && attends[b]) {
        const key = Math.min(ga, gb) * G + Math.max(ga, gb);
        if (first < at) {
          attTiedBefore++;
          pairTiedBefore.set(key, (pairTiedBefore.get(key) ?? 0) + 1);
          if (first < at - window) attTiedBeforeWindow++;
          else attNewBefore++;
        } else if (first < at + window) {
          attNewAfter++;
          pairNewAfter.set(key, (pairNewAfter.get(key) ?? 0) + 1);
        }
      } else if (!attends[a] && !attends[b] && represented[ga] && represented[gb]) {
        if (first < at) othTiedBefore++;
        else if (first < at + window) othNewAfter++;
      }
    }
    const attendeesAfter = rate(attNewAfter, attendeePairs - attTiedBefore);
    const nonAttendeesAfter = rate(othNewAfter, otherPairs - othTiedBefore);
    const rr = riskRatio(attNewAfter, attendeesAfter.atRisk, othNewAfter, nonAttendeesAfter.atRisk);
    const groupPairs: ForumGroupPair[] = [];
    for (let x = 0; x < G; x++) {
      for (let y = x + 1; y < G; y++) {
        if (!represented[x] || !represented[y]) continue;
        const key = x * G + y;
        groupPairs.push({
          groups: [values[x], values[y]],
          pairs: attendeesPerGroup[x] * attendeesPerGroup[y],
          tiedBefore: pairTiedBefore.get(key) ?? 0,
          newAfter: pairNewAfter.get(key) ?? 0,
        });
      }
    }
    sections.push({
      event,
      date: new Date(at).toISOString().slice(0, 10),
      attendees: people.size,
      attribute: grouping.attribute,
      groups: values.filter((_, g) => represented[g]),
      windowDays,
      attendeesAfter,
      attendeesBefore: rate(attNewBefore, attendeePairs - attTiedBeforeWindow),
      nonAttendeesAfter,
      rateRatio: rr?.ratio ?? null,
      rateRatioCi: rr?.ci ?? null,
      windowComplete: at + window <= dataEnd,
      groupPairs,
    });
  }
  return sections;
}
