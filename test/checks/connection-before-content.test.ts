import { describe, expect, it } from "vitest";
import { connectionBeforeContent } from "../../src/checks/connection-before-content.js";
import { runCheck } from "../../src/checks/run.js";
import { parseConfig } from "../../src/load/config.js";
import type { Dataset, Person, Tie } from "../../src/model/types.js";
import { analyseNetwork } from "../../src/network/analyse.js";

const WEEK = 7 * 86_400_000;
const START = Date.UTC(2026, 4, 4);

/** Three organisations of 25; every cross-organisation pair of the same rank talks for 10 weeks on the given channel. */
function system(channelBetween: (a: string, b: string) => string): Dataset {
  const orgs = ["Hospital", "Social Care", "Community"];
  const people: Person[] = orgs.flatMap((org) =>
    Array.from({ length: 25 }, (_, i) => ({ id: `${org[0]}${i}`, attributes: { organisation: org } })),
  );
  const index = new Map(people.map((p, i) => [p.id, i]));
  const ties: Tie[] = [];
  const add = (from: number, to: number, channel: string) => {
    const periods = new Map<number, number>();
    for (let w = 0; w < 10; w++) periods.set(Math.floor((START / 86_400_000 + 3) / 7) + w, 1);
    ties.push({
      from,
      to,
      weight: 10,
      rows: 10,
      first: START,
      last: START + 9 * WEEK,
      durationMinutes: 0,
      channels: { [channel]: 10 },
      periods,
    });
  };
  for (let i = 0; i < 25; i++) {
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const)
      add(a * 25 + i, b * 25 + i, channelBetween(orgs[a], orgs[b]));
    add(i, (i + 1) % 25, "meeting"); // within the hospital
  }
  return {
    config: parseConfig({}, null),
    boundaries: ["organisation"],
    undirected: false,
    period: "week",
    window: { since: null, until: null },
    people: { people, index, attributeColumns: ["organisation"], source: "people" },
    interactions: {
      ties,
      rows: ties.length * 10,
      selfLoops: 0,
      outsideWindow: 0,
      timestamped: true,
      first: START,
      last: START + 9 * WEEK,
      channels: ["email", "meeting"],
    },
    survey: null,
    delivery: null,
    events: null,
    coordination: null,
    annotations: null,
  };
}

const run = (data: Dataset) =>
  runCheck(connectionBeforeContent, { data, survey: null, network: analyseNetwork(data), signals: null });

describe("connection-before-content (practice 2)", () => {
  it("warns about a link that runs only on referrals and email while the others meet", () => {
    const outcome = run(system((a, b) => (a === "Hospital" && b === "Social Care" ? "email" : "meeting")));
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({
      severity: "warning",
      subject: { attribute: "organisation", groups: ["Hospital", "Social Care"] },
    });
    expect(outcome.findings[0].evidence[0]).toMatchObject({ value: 0, n: 25 });
  });

  it("stays quiet when every link has the same channel mix", () => {
    const outcome = run(system(() => "meeting"));
    expect(outcome.findings).toEqual([]);
    expect(outcome.summary).toContain("No link between groups stands out");
  });
});
