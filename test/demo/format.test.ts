// The committed demo honours the input contract (docs/inputs.md) and looks like a real system's exports.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/load/config.js";
import { orgOf, readDemo } from "./read.js";

const DIR = join(import.meta.dirname, "../../fixtures/demo");
const demo = readDemo(DIR);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LABELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

describe("fixtures/demo format", () => {
  it("stays small enough for a repository", () => {
    const bytes = readdirSync(DIR).reduce((s, f) => s + statSync(join(DIR, f)).size, 0);
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
  });

  it("people: unique pseudonymous ids, five organisations, roles and dates", () => {
    const ids = demo.people.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^P\d{4}$/.test(id))).toBe(true);
    expect(new Set(demo.people.map((p) => p.organisation)).size).toBe(5);
    expect(new Set(demo.people.map((p) => p.role))).toEqual(new Set(["leader", "staff"]));
    for (const p of demo.people) {
      expect(p.joined).toMatch(ISO_DATE);
      if (p.left !== "") expect(p.left >= p.joined && ISO_DATE.test(p.left)).toBe(true);
    }
    const leavers = demo.people.filter((p) => p.left !== "").length;
    expect(leavers).toBeGreaterThan(5);
    expect(leavers).toBeLessThan(40);
  });

  it("interactions: known people, no self-loops, weekday UTC timestamps in time order inside the window", () => {
    const people = new Map(demo.people.map((p) => [p.id, p]));
    const stamp = /^2026-\d{2}-\d{2}T(0[89]|1[0-7]):[0-5][05]:00Z$/;
    let previous = "";
    // Plain checks rather than expect() per row: 59k rows.
    for (const r of demo.interactions) {
      const [from, to] = [people.get(r.from), people.get(r.to)];
      if (r.from === r.to || !from || !to) throw new Error(`bad pair ${r.from} → ${r.to}`);
      const weekday = new Date(r.timestamp).getUTCDay();
      if (
        !stamp.test(r.timestamp) ||
        weekday === 0 ||
        weekday === 6 ||
        r.week < 0 ||
        r.week > 25 ||
        r.timestamp < previous
      ) {
        throw new Error(`bad timestamp ${r.timestamp} after ${previous}`);
      }
      // Nobody interacts before joining or after leaving.
      const day = r.timestamp.slice(0, 10);
      for (const p of [from, to])
        if (day < p.joined || (p.left !== "" && day > p.left)) throw new Error(`${p.id} active on ${day}`);
      previous = r.timestamp;
    }
    expect(previous.slice(0, 10)).toBe("2026-10-30");
  });

  it("interactions: channels, weights and durations as documented", () => {
    const channels = new Set(demo.interactions.map((r) => r.channel));
    expect(channels).toEqual(new Set(["email", "meeting", "1:1", "huddle", "referral", "phone", "social"]));
    for (const r of demo.interactions) {
      const messaged = r.channel === "email" || r.channel === "referral";
      if (messaged === (r.duration !== "")) throw new Error(`duration "${r.duration}" on ${r.channel}`);
      if (r.weight !== "1" && r.channel !== "email") throw new Error(`weight ${r.weight} on ${r.channel}`);
    }
    expect(demo.interactions.some((r) => r.weight === "3")).toBe(true);
  });

  it("interactions: homophily — most contact stays within organisations, a good share within teams", () => {
    const people = new Map(demo.people.map((p) => [p.id, p]));
    const sameOrg = demo.interactions.filter(
      (r) => people.get(r.from)!.organisation === people.get(r.to)!.organisation,
    ).length;
    const sameTeam = demo.interactions.filter((r) => people.get(r.from)!.team === people.get(r.to)!.team).length;
    expect(sameOrg / demo.interactions.length).toBeGreaterThan(0.8);
    expect(sameOrg / demo.interactions.length).toBeLessThan(0.97);
    expect(sameTeam / demo.interactions.length).toBeGreaterThan(0.5);
  });

  it("survey: two waves at 60–80% response, answers in range, text labels for leadership, a few missing", () => {
    const waves = [...new Set(demo.survey.map((s) => s.wave))];
    expect(waves).toEqual(["2026-05", "2026-10"]);
    for (const wave of waves) {
      const rate = demo.survey.filter((s) => s.wave === wave).length / demo.people.length;
      expect(rate).toBeGreaterThan(0.6);
      expect(rate).toBeLessThan(0.8);
    }
    const cells = (prefix: RegExp) =>
      demo.survey.flatMap((s) =>
        Object.entries(s)
          .filter(([k]) => prefix.test(k))
          .map(([, v]) => v),
      );
    const inRange = (values: string[], max: number) =>
      values.every((v) => v === "" || (/^\d$/.test(v) && Number(v) >= 1 && Number(v) <= max));
    expect(inRange(cells(/^PS\d$/), 7)).toBe(true);
    expect(inRange(cells(/^TR\d$/), 5)).toBe(true);
    expect(inRange(cells(/^RC_/), 5)).toBe(true);
    expect(cells(/^RL\d$/).every((v) => v === "" || LABELS.includes(v))).toBe(true);
    const answers = cells(/^(PS|TR|RL)\d$|^RC_/);
    const missing = answers.filter((v) => v === "").length / answers.length;
    expect(missing).toBeGreaterThan(0.005);
    expect(missing).toBeLessThan(0.05);
    // Group columns match people.csv combinations; respondents are codes, not person ids.
    const combos = new Set(demo.people.map((p) => `${p.organisation}/${p.team}/${p.profession}`));
    expect(demo.survey.every((s) => combos.has(`${s.organisation}/${s.team}/${s.profession}`))).toBe(true);
    expect(demo.survey.every((s) => /^R\d{4}$/.test(s.respondent))).toBe(true);
  });

  it("delivery: three weekly metrics on Mondays with exactly two gaps", () => {
    expect(new Set(demo.delivery.map((r) => r.metric))).toEqual(
      new Set(["delayed_discharges", "referral_response_days", "care_packages_started"]),
    );
    expect(demo.delivery.length).toBe(3 * 26);
    expect(demo.delivery.every((r) => new Date(`${r.date}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(
      demo.delivery
        .filter((r) => r.value === "" || r.value === "NA")
        .map((r) => r.value)
        .sort(),
    ).toEqual(["", "NA"]);
  });

  it("events: attendees are known people present on the day, from every organisation", () => {
    const people = new Map(demo.people.map((p) => [p.id, p]));
    const org = orgOf(demo);
    for (const e of demo.events) {
      const p = people.get(e.person)!;
      expect(p.joined <= e.date && (p.left === "" || e.date <= p.left)).toBe(true);
    }
    for (const event of new Set(demo.events.map((e) => e.event))) {
      expect(new Set(demo.events.filter((e) => e.event === event).map((e) => org.get(e.person))).size).toBe(5);
    }
  });

  it("the config validates and maps every survey column, label and metric", () => {
    const json = JSON.parse(readFileSync(join(DIR, "relaudit.config.json"), "utf8"));
    const config = parseConfig(json, join(DIR, "relaudit.config.json"));
    const header = Object.keys(demo.survey[0]);
    const rcColumns = header.filter((c) => c.startsWith("RC_"));
    expect(rcColumns.length).toBe(35);
    expect(Object.keys(config.coordination?.columns ?? {}).sort()).toEqual([...rcColumns].sort());
    const organisations = new Set(demo.people.map((p) => p.organisation));
    expect(Object.values(config.coordination!.columns!).every((c) => organisations.has(c.rated))).toBe(true);
    for (const scale of Object.values(config.scales)) expect(scale.items.every((i) => header.includes(i))).toBe(true);
    expect(config.scales.psychological_safety.reverse).toEqual(["PS1", "PS3", "PS5"]);
    expect(Object.keys(config.answerLabels).sort()).toEqual([...LABELS].sort());
    expect(Object.keys(config.metrics).sort()).toEqual([...new Set(demo.delivery.map((r) => r.metric))].sort());
    expect(config.metrics.delayed_discharges.better).toBe("lower");
  });

  it("reciprocity and density match igraph on the committed demo (test/reference/demo-profile.R)", () => {
    const reference = JSON.parse(readFileSync(join(import.meta.dirname, "../reference/demo-profile.json"), "utf8"));
    const ties = new Set(demo.interactions.map((r) => `${r.from}|${r.to}`));
    const mutual = [...ties].filter((t) => ties.has(t.split("|").reverse().join("|"))).length;
    const n = demo.people.length;
    expect(ties.size).toBe(reference.ties);
    expect(mutual / ties.size).toBeCloseTo(reference.reciprocity, 12);
    expect(ties.size / (n * (n - 1))).toBeCloseTo(reference.density, 12);
    // Real email networks: email-Eu-core 0.71, Radoslaw 0.88 (igraph, ../shared/data/networks).
    expect(mutual / ties.size).toBeGreaterThan(0.6);
    expect(mutual / ties.size).toBeLessThan(0.9);
  });
});
