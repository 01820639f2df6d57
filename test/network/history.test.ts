// Relationships, depth/durability and forum effects on a hand-built system whose every count is worked out below.
import { describe, expect, it } from "vitest";
import type { EventAttendance, Person, Tie } from "../../src/model/types.js";
import { periodOf } from "../../src/model/periods.js";
import { depthByBoundary } from "../../src/network/depth.js";
import { forums } from "../../src/network/forums.js";
import { buildGraph } from "../../src/network/graph.js";
import { grouping } from "../../src/network/mixing.js";
import { relationships } from "../../src/network/relationships.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5); // Monday of ISO week 2026-W02
const week = (w: number) => T0 + w * 7 * DAY;

/** A tie with contact in the given weeks (one interaction each) on one channel. */
function tie(from: number, to: number, weeks: number[], channel: string): Tie {
  const periods = new Map(weeks.map((w) => [periodOf(week(w), "week"), 1]));
  return {
    from,
    to,
    weight: weeks.length,
    rows: weeks.length,
    first: week(Math.min(...weeks)),
    last: week(Math.max(...weeks)),
    durationMinutes: 10 * weeks.length,
    channels: { [channel]: weeks.length },
    periods,
  };
}

// Teams: 0, 1, 2 in A; 3, 4, 5 in B.
const people: Person[] = ["A", "A", "A", "B", "B", "B"].map((team, i) => ({ id: `p${i}`, attributes: { team } }));
const ties: Tie[] = [
  tie(0, 1, [0, 1, 2, 10], "1:1"), // within A, weeks 0–10: durable (still in contact 8+ weeks on)
  tie(1, 0, [1, 3], "huddle"), //     the same pair the other way: week 1 counted once → 5 weeks active
  tie(0, 3, [0], "email"), //         across: one week only, not durable
  tie(2, 4, [9], "referral"), //      across: first contact in week 9 (after the event in week 8)
  tie(1, 5, [2, 12], "meeting"), //   across: durable
];
const graph = buildGraph(
  6,
  ties.map((t) => t.from),
  ties.map((t) => t.to),
  true,
);
const rel = relationships(graph, ties);
const teams = grouping(people, "team");
const last = periodOf(week(12), "week");

describe("relationships", () => {
  it("merge a pair's two directed ties, counting a shared week once", () => {
    expect(rel.count).toBe(4);
    const r = 0; // pair (0, 1) comes first in row order
    expect([rel.a[r], rel.b[r], rel.periodsActive[r], rel.interactions[r]]).toEqual([0, 1, 5, 6]);
    expect(rel.first[r]).toBe(week(0));
    expect(rel.relational[r]).toBe(6); // 1:1 and huddle
  });
});

describe("depth and durability (8 weeks)", () => {
  const d = depthByBoundary(rel, teams, 8, last);
  it("within the team: one relationship, 5 weeks active, durable", () => {
    expect(d.within.relationships).toBe(1);
    expect(d.within.medianPeriodsActive).toBe(5);
    expect(d.within.durability).toMatchObject({ eligible: 1, durable: 1, share: 1 });
  });
  it("across: 3 relationships; 2 began ≥ 8 weeks before the end (weeks 0 and 2), of which 1 lasted", () => {
    expect(d.cross.relationships).toBe(3);
    expect(d.cross.repeatShare).toBeCloseTo(1 / 3, 15);
    expect(d.cross.durability).toMatchObject({ eligible: 2, durable: 1, share: 0.5 });
    // Channels across: email 1, referral 1, meeting 2 → relational 2 of 4, transactional 2 of 4.
    expect(d.cross.relationalShare).toBe(0.5);
    expect(d.cross.transactionalShare).toBe(0.5);
  });
});

describe("forum effect", () => {
  // Forum in week 8 with people 0, 2 (A) and 4 (B); non-attendees 1 (A), 3 and 5 (B).
  const events: EventAttendance[] = [0, 2, 4].map((person) => ({ event: "Forum", at: week(8), person }));
  const [f] = forums(events, rel, teams, 28, week(12));
  it("counts first contacts among cross-group attendee pairs after vs before, and among non-attendees", () => {
    // Attendee cross pairs: (0,4), (2,4) = 2; none in contact before; (2,4) first contact in week 9 → 1 new.
    expect(f.attendeesAfter).toEqual({ atRisk: 2, newTies: 1, rate: 0.5 });
    // Non-attendee cross pairs: (1,3), (1,5) = 2; (1,5) in contact since week 2 → 1 at risk, no new contact.
    expect(f.nonAttendeesAfter).toEqual({ atRisk: 1, newTies: 0, rate: 0 });
    expect(f.groupPairs).toEqual([{ groups: ["A", "B"], pairs: 2, tiedBefore: 0, newAfter: 1 }]);
    expect(f.windowComplete).toBe(true);
    // Rate ratio with ½ added to the zero cell: (1.5/3) / (0.5/2) = 2.
    expect(f.rateRatio).toBeCloseTo(2, 12);
  });
});
