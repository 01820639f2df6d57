// --null must give the same system with only the planted patterns taken out: every row outside them is identical.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COMMUNITY,
  generateTemp,
  HOSPITAL,
  orgOf,
  PRIMARY_CARE,
  readDemo,
  removeDir,
  SOCIAL_CARE,
  VOLUNTARY,
  type Demo,
  type Interaction,
} from "./read.js";
import { expectDeepEqual } from "../helpers/deep-equal.js";

describe("--null differs from the planted demo only in the planted patterns", () => {
  const planted = readDemo(join(import.meta.dirname, "../../fixtures/demo"));
  const spanner = planted.planted.patterns!.loneSpanner.person;
  let dir: string;
  let quiet: Demo;
  beforeAll(async () => {
    dir = await generateTemp({ null: true });
    quiet = readDemo(dir);
  });
  afterAll(() => removeDir(dir));

  it("people: only the spanner's leaving date differs", () => {
    expect(quiet.people.length).toBe(planted.people.length);
    const differing = planted.people.filter((p, i) => JSON.stringify(p) !== JSON.stringify(quiet.people[i]));
    expect(differing.map((p) => p.id)).toEqual([spanner]);
    expect({ ...differing[0], left: "" }).toEqual(quiet.people.find((p) => p.id === spanner));
  });

  it("events, config and the delivery metrics other than delayed discharges are identical", () => {
    expect(quiet.events).toEqual(planted.events);
    const config = (d: Demo) => readFileSync(join(d.dir, "relaudit.config.json"), "utf8");
    expect(config(quiet)).toBe(config(planted));
    const others = (d: Demo) => d.delivery.filter((r) => r.metric !== "delayed_discharges");
    expect(others(quiet)).toEqual(others(planted));
    expect(quiet.delivery.filter((r) => r.metric === "delayed_discharges")).not.toEqual(
      planted.delivery.filter((r) => r.metric === "delayed_discharges"),
    );
  });

  it("interactions: outside the planted pairs, organisations and people, the rows are the same rows in the same order", () => {
    const org = orgOf(planted);
    const forumPairs = new Set(planted.planted.patterns!.forum.newTies.map((pair) => [...pair].sort().join("|")));
    const between = (r: Interaction, x: string, y: string) =>
      (org.get(r.from) === x && org.get(r.to) === y) || (org.get(r.from) === y && org.get(r.to) === x);
    const untouched = (r: Interaction) =>
      !between(r, HOSPITAL, SOCIAL_CARE) &&
      !between(r, COMMUNITY, PRIMARY_CARE) &&
      !between(r, HOSPITAL, COMMUNITY) &&
      !between(r, VOLUNTARY, PRIMARY_CARE) &&
      r.from !== spanner &&
      r.to !== spanner &&
      !forumPairs.has([r.from, r.to].sort().join("|"));
    const a = planted.interactions.filter(untouched);
    const b = quiet.interactions.filter(untouched);
    expect(a.length).toBeGreaterThan(0.7 * planted.interactions.length);
    expectDeepEqual(b, a, "untouched interactions");
    // And the planted parts do differ.
    expect(quiet.interactions.length).not.toBe(planted.interactions.length);
  });

  it("survey: only wave-2 psychological safety in the Emergency Department, hospital ratings of social care, and the spanner's last response differ", () => {
    const key = (s: Record<string, string>) => `${s.respondent}/${s.wave}`;
    const quietRows = new Map(quiet.survey.map((s) => [key(s), s]));
    const plantedKeys = new Set(planted.survey.map(key));
    const onlyQuiet = quiet.survey.filter((s) => !plantedKeys.has(key(s)));
    expect(onlyQuiet.length).toBeLessThanOrEqual(1);
    for (const s of onlyQuiet)
      expect([s.organisation, s.team, s.wave]).toEqual([VOLUNTARY, "Community Connectors", "2026-10"]);

    let changedPs = 0;
    let changedRc = 0;
    for (const s of planted.survey) {
      const q = quietRows.get(key(s));
      expect(q, key(s)).toBeDefined();
      for (const column of Object.keys(s)) {
        if (s[column] === q![column]) continue;
        const psDrop = /^PS\d$/.test(column) && s.team === "Emergency Department" && s.wave === "2026-10";
        const rcAsymmetry = /^RC_.*_SocialCare$/.test(column) && s.organisation === HOSPITAL;
        expect(psDrop || rcAsymmetry, `${key(s)} ${column}`).toBe(true);
        if (psDrop) changedPs++;
        else changedRc++;
      }
    }
    expect(changedPs).toBeGreaterThan(20);
    expect(changedRc).toBeGreaterThan(100);
  });
});
