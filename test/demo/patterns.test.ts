// Each planted pattern of fixtures/demo/README.md must be visible in the raw rows by a simple count, and absent
// from the null model (same seed, --null). The counts here are written from the README's description, not from
// the generator's code.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COMMUNITY,
  generateTemp,
  HOSPITAL,
  mean,
  orgOf,
  pearson,
  PRIMARY_CARE,
  readDemo,
  removeDir,
  SOCIAL_CARE,
  VOLUNTARY,
  weeklyRows,
  type Demo,
} from "./read.js";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
function bothWays(d: Demo, x: string, y: string): number[] {
  const back = weeklyRows(d, y, x);
  return weeklyRows(d, x, y).map((v, w) => v + back[w]);
}

/** Harbour person → distinct Eastfield partners they have rows with. */
function harbourEastfieldCarriers(d: Demo): Map<string, Set<string>> {
  const org = orgOf(d);
  const carriers = new Map<string, Set<string>>();
  for (const r of d.interactions) {
    const [a, b] = [org.get(r.from), org.get(r.to)];
    if (!((a === VOLUNTARY && b === PRIMARY_CARE) || (a === PRIMARY_CARE && b === VOLUNTARY))) continue;
    const [harbour, eastfield] = a === VOLUNTARY ? [r.from, r.to] : [r.to, r.from];
    carriers.set(harbour, (carriers.get(harbour) ?? new Set()).add(eastfield));
  }
  return carriers;
}

/** Team → per-wave list of respondents' mean psychological safety, negatively worded items reverse-scored. */
function psByTeam(d: Demo): Map<string, [number[], number[]]> {
  const waves = [...new Set(d.survey.map((s) => s.wave))].sort();
  const out = new Map<string, [number[], number[]]>();
  for (const s of d.survey) {
    const answers = [1, 2, 3, 4, 5, 6, 7].flatMap((i) =>
      s[`PS${i}`] === "" ? [] : [[1, 3, 5].includes(i) ? 8 - Number(s[`PS${i}`]) : Number(s[`PS${i}`])],
    );
    if (answers.length === 0) continue;
    const team = out.get(s.team) ?? [[], []];
    team[waves.indexOf(s.wave)].push(mean(answers));
    out.set(s.team, team);
  }
  return out;
}

function rcMean(d: Demo, rater: string, ratedShort: string): number {
  return mean(
    d.survey
      .filter((s) => s.organisation === rater)
      .flatMap((s) =>
        Object.entries(s)
          .filter(([k, v]) => k.startsWith("RC_") && k.endsWith(`_${ratedShort}`) && v !== "")
          .map(([, v]) => Number(v)),
      ),
  );
}

/** Pairs of attendees from different organisations with no row up to the event week and at least one after it. */
function newCrossPairs(d: Demo, event: string, eventWeek: number): number {
  const org = orgOf(d);
  const attendees = new Set(d.events.filter((e) => e.event === event).map((e) => e.person));
  const before = new Set<string>();
  const after = new Set<string>();
  for (const r of d.interactions) {
    if (!attendees.has(r.from) || !attendees.has(r.to) || org.get(r.from) === org.get(r.to)) continue;
    const pair = [r.from, r.to].sort().join("|");
    (r.week <= eventWeek ? before : after).add(pair);
  }
  return [...after].filter((p) => !before.has(p)).length;
}

const delayedDischarges = (d: Demo) =>
  d.delivery.filter((r) => r.metric === "delayed_discharges").map((r) => Number(r.value));

describe("planted patterns in fixtures/demo, absent with --null", () => {
  const planted = readDemo(join(import.meta.dirname, "../../fixtures/demo"));
  let nullDir: string;
  let nullDemo: Demo;
  beforeAll(async () => {
    nullDir = await generateTemp({ null: true });
    nullDemo = readDemo(nullDir);
  });
  afterAll(() => removeDir(nullDir));

  it("1. hospital ↔ social care contact falls by more than half from the first to the last six weeks", () => {
    const weekly = bothWays(planted, HOSPITAL, SOCIAL_CARE);
    expect(mean(weekly.slice(-6)) / mean(weekly.slice(0, 6))).toBeLessThan(0.5);
    // It falls from the documented week (2026-W32, week 14), not before: the 13 baseline weeks are level.
    expect(planted.planted.patterns?.decayingLink.firstWeek).toBe("2026-W32");
    expect(mean(weekly.slice(7, 13)) / mean(weekly.slice(0, 6))).toBeGreaterThan(0.85);
    const flat = bothWays(nullDemo, HOSPITAL, SOCIAL_CARE);
    expect(mean(flat.slice(-6)) / mean(flat.slice(0, 6))).toBeGreaterThan(0.7);
  });

  it("2. one Harbour person carries > 80% of Harbour ↔ Eastfield ties, leaves in 2026-W36 and has no rows after", () => {
    const carriers = harbourEastfieldCarriers(planted);
    const total = sum([...carriers.values()].map((s) => s.size));
    const [spanner, partners] = [...carriers.entries()].sort((a, b) => b[1].size - a[1].size)[0];
    expect(partners.size / total).toBeGreaterThan(0.8);
    expect(spanner).toBe(planted.planted.patterns?.loneSpanner.person);
    const person = planted.people.find((p) => p.id === spanner)!;
    expect(person.organisation).toBe(VOLUNTARY);
    expect(person.left).toBe("2026-09-04");
    const lastRow = planted.interactions
      .filter((r) => r.from === spanner || r.to === spanner)
      .map((r) => r.timestamp)
      .sort()
      .at(-1)!;
    expect(lastRow.slice(0, 10) <= "2026-09-04").toBe(true);
    expect(lastRow.slice(0, 10) >= "2026-08-31").toBe(true);

    const spread = harbourEastfieldCarriers(nullDemo);
    const spreadTotal = sum([...spread.values()].map((s) => s.size));
    expect(Math.max(...[...spread.values()].map((s) => s.size)) / spreadTotal).toBeLessThan(0.5);
    expect(nullDemo.people.find((p) => p.id === spanner)!.left).toBe("");
  });

  it("3. Riverside → Eastfield is one-way while every other pair of organisations reciprocates", () => {
    const balance = (d: Demo, x: string, y: string) => {
      const [a, b] = [sum(weeklyRows(d, x, y)), sum(weeklyRows(d, y, x))];
      return Math.min(a, b) / Math.max(a, b);
    };
    expect(
      sum(weeklyRows(planted, PRIMARY_CARE, COMMUNITY)) / sum(weeklyRows(planted, COMMUNITY, PRIMARY_CARE)),
    ).toBeLessThan(0.1);
    const orgs = [HOSPITAL, COMMUNITY, PRIMARY_CARE, SOCIAL_CARE, VOLUNTARY];
    for (const x of orgs)
      for (const y of orgs) {
        if (x >= y || (x === PRIMARY_CARE && y === COMMUNITY) || (x === COMMUNITY && y === PRIMARY_CARE)) continue;
        expect(balance(planted, x, y), `${x} ↔ ${y}`).toBeGreaterThan(0.5);
      }
    expect(balance(nullDemo, COMMUNITY, PRIMARY_CARE)).toBeGreaterThan(0.5);
  });

  it("3b. Riverside stops answering the hospital from 2026-W35 (week 17) while the hospital carries on", () => {
    const replies = (d: Demo, from: number, to: number) =>
      sum(weeklyRows(d, COMMUNITY, HOSPITAL).slice(from, to)) / sum(weeklyRows(d, HOSPITAL, COMMUNITY).slice(from, to));
    expect(planted.planted.patterns?.reciprocityCollapse.firstWeek).toBe("2026-W35");
    expect(replies(planted, 0, 16)).toBeGreaterThan(0.7);
    expect(replies(planted, 16, 26)).toBeLessThan(0.2);
    const hospitalToCommunity = weeklyRows(planted, HOSPITAL, COMMUNITY);
    expect(mean(hospitalToCommunity.slice(16))).toBeGreaterThan(0.8 * mean(hospitalToCommunity.slice(0, 16)));
    expect(replies(nullDemo, 16, 26)).toBeGreaterThan(0.7);
  });

  it("4. Emergency Department psychological safety falls about a point between waves; other teams stay within sampling noise", () => {
    const teams = psByTeam(planted);
    const [w1, w2] = teams.get("Emergency Department")!;
    expect(w1.length).toBeGreaterThanOrEqual(12);
    expect(w2.length).toBeGreaterThanOrEqual(12);
    const drop = mean(w1) - mean(w2);
    expect(drop).toBeGreaterThan(0.7);
    expect(drop).toBeLessThan(1.5);
    for (const [team, [a, b]] of teams) {
      if (team === "Emergency Department" || a.length < 5 || b.length < 5) continue;
      expect(Math.abs(mean(b) - mean(a)), team).toBeLessThan(0.7);
    }
    const [n1, n2] = psByTeam(nullDemo).get("Emergency Department")!;
    expect(Math.abs(mean(n2) - mean(n1))).toBeLessThan(0.5);
  });

  it("4b. negatively worded items are reverse-coded in the raw answers", () => {
    const items = (s: Record<string, string>, names: string[]) => names.map((n) => s[n]);
    const complete = planted.survey.filter((s) =>
      items(s, ["PS1", "PS2", "PS4", "PS6", "PS7", "TR1", "TR2", "TR3", "TR4"]).every((v) => v !== ""),
    );
    const positive = complete.map((s) => mean(items(s, ["PS2", "PS4", "PS6", "PS7"]).map(Number)));
    expect(
      pearson(
        complete.map((s) => Number(s.PS1)),
        positive,
      ),
    ).toBeLessThan(-0.3);
    expect(
      pearson(
        complete.map((s) => Number(s.PS2)),
        positive,
      ),
    ).toBeGreaterThan(0.3);
    const trust = complete.map((s) => mean(items(s, ["TR1", "TR2", "TR4"]).map(Number)));
    expect(
      pearson(
        complete.map((s) => Number(s.TR3)),
        trust,
      ),
    ).toBeLessThan(-0.2);
  });

  it("5. Northgate Hospital rates County Social Care about 2.5–3 while Social Care rates the hospital about 4", () => {
    const hospitalRatesSocialCare = rcMean(planted, HOSPITAL, "SocialCare");
    const socialCareRatesHospital = rcMean(planted, SOCIAL_CARE, "Hospital");
    expect(hospitalRatesSocialCare).toBeGreaterThan(2.5);
    expect(hospitalRatesSocialCare).toBeLessThan(3);
    expect(socialCareRatesHospital).toBeGreaterThan(3.7);
    expect(socialCareRatesHospital).toBeLessThan(4.3);
    expect(Math.abs(rcMean(nullDemo, HOSPITAL, "SocialCare") - rcMean(nullDemo, SOCIAL_CARE, "Hospital"))).toBeLessThan(
      0.3,
    );
  });

  it("6. the forum (2026-W26) builds new cross-organisation ties among attendees; the briefing (2026-W30) builds none", () => {
    const forum = "Cross-system discharge forum";
    const briefing = "Winter plan briefing";
    expect(planted.events.filter((e) => e.event === forum)[0].date).toBe("2026-06-24");
    expect(planted.events.filter((e) => e.event === briefing)[0].date).toBe("2026-07-22");
    expect(newCrossPairs(planted, forum, 7)).toBeGreaterThanOrEqual(40);
    expect(newCrossPairs(planted, briefing, 11)).toBeLessThanOrEqual(5);
    expect(newCrossPairs(nullDemo, forum, 7)).toBeLessThanOrEqual(5);
  });

  it("7. delayed discharges rise after the contact decline and follow contact four weeks earlier, week to week", () => {
    const contact = bothWays(planted, HOSPITAL, SOCIAL_CARE);
    const discharges = delayedDischarges(planted);
    expect(mean(discharges.slice(-6)) - mean(discharges.slice(0, 13))).toBeGreaterThan(5);
    // Within the 13 baseline weeks of contact (before any decline) the lag-4 relation already holds.
    expect(pearson(contact.slice(0, 13), discharges.slice(4, 17))).toBeLessThan(-0.5);
    const flatContact = bothWays(nullDemo, HOSPITAL, SOCIAL_CARE);
    const flatDischarges = delayedDischarges(nullDemo);
    expect(Math.abs(mean(flatDischarges.slice(-6)) - mean(flatDischarges.slice(0, 13)))).toBeLessThan(3);
    expect(Math.abs(pearson(flatContact.slice(0, 22), flatDischarges.slice(4)))).toBeLessThan(0.5);
  });

  it("8. small groups exist in both modes: a team under five people and teams under five respondents", () => {
    for (const d of [planted, nullDemo]) {
      const teamSizes = new Map<string, number>();
      for (const p of d.people) teamSizes.set(p.team, (teamSizes.get(p.team) ?? 0) + 1);
      expect(teamSizes.get("Chaplaincy")).toBe(4);
      const respondents = new Map<string, number>();
      for (const s of d.survey.filter((r) => r.wave === "2026-10"))
        respondents.set(s.team, (respondents.get(s.team) ?? 0) + 1);
      expect([...respondents.values()].some((n) => n < 5)).toBe(true);
    }
  });
});
