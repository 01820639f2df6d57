// analyseSignals on small seeded systems with one planted change each, and the same systems without it.
import { describe, expect, it } from "vitest";
import { analyseSignals } from "../../src/signals/analyse.js";
import { relationalBaseline } from "../../src/signals/scene.js";
import { syntheticDataset, FIRST_WEEK } from "./synthetic.js";
import { periodLabel, periodStartDay } from "../../src/model/periods.js";
import type { Dataset } from "../../src/model/types.js";

const week = (w: number) => periodLabel(FIRST_WEEK + w, "week");
const groups = { Acute: 12, Community: 10, Social: 8 };
const links = [
  { from: "Acute", to: "Community", per: 2, rate: 1.2, back: 1.0 },
  { from: "Acute", to: "Social", per: 2, rate: 1.0, back: 1.0 },
  { from: "Community", to: "Social", per: 1, rate: 1.0, back: 0.8 },
  { from: "Acute", to: "Acute", per: 3, rate: 2, back: 2 },
  { from: "Community", to: "Community", per: 3, rate: 2, back: 2 },
  { from: "Social", to: "Social", per: 3, rate: 2, back: 2 },
];
const warnings = (data: Dataset) => analyseSignals(data)!.signals.filter((s) => s.severity !== "info");

describe("analyseSignals on a synthetic system", () => {
  it("stays quiet without a planted change (10 seeds)", () => {
    const noisy = [];
    for (let seed = 1; seed <= 10; seed++) {
      const found = warnings(syntheticDataset({ seed, weeks: 26, groups, links }));
      if (found.length > 0) noisy.push(seed);
    }
    expect(noisy).toEqual([]);
  });

  it("finds falling contact between two groups within two periods of its onset (week 14)", () => {
    const data = syntheticDataset({
      seed: 3,
      weeks: 26,
      groups,
      links,
      change: (a, b, w) =>
        (a === "Acute" && b === "Social") || (a === "Social" && b === "Acute")
          ? w < 14
            ? 1
            : Math.max(0.15, 1 - 0.12 * (w - 13))
          : 1,
    });
    const section = analyseSignals(data)!;
    const falling = section.signals.find((s) => s.kind === "falling-contact");
    expect(falling).toBeDefined();
    expect(falling!.subject).toMatchObject({ attribute: "organisation", groups: ["Acute", "Social"] });
    const onset = FIRST_WEEK + 14;
    const first = section.signals.find((s) => s.kind === "falling-contact")!.firstPeriod;
    const offset = [...Array(6).keys()].map((d) => periodLabel(onset - 2 + d, "week"));
    expect(offset.slice(0, 5)).toContain(first);
    expect(falling!.questions.length).toBeGreaterThanOrEqual(2);
    expect(falling!.questions.length).toBeLessThanOrEqual(4);
    expect(falling!.rule).toMatch(/shift|beyond|trend|two of three/);
    // The series behind it is published with its flagged points and the rule on each.
    const series = section.series.find((s) => s.id === falling!.series)!;
    expect(series.points.at(-1)!.special).toBe("concern");
    expect(series.points.at(-1)!.rules.length).toBeGreaterThan(0);
    expect(series.baselinePoints).toBe(relationalBaseline(26));
  });

  it("finds a reciprocity collapse (Social stops answering Community from week 16)", () => {
    const data = syntheticDataset({
      seed: 4,
      weeks: 26,
      groups,
      links: links.map((l) =>
        l.from === "Community" && l.to === "Social" ? { ...l, per: 3, rate: 1.2, back: 1.2 } : l,
      ),
      change: (a, b, w) => (a === "Social" && b === "Community" && w >= 16 ? 0.05 : 1),
    });
    const collapse = analyseSignals(data)!.signals.find((s) => s.kind === "reciprocity-collapse");
    expect(collapse).toBeDefined();
    expect(collapse!.message).toMatch(/^Social has largely stopped answering Community/);
    expect([week(14), week(15), week(16), week(17), week(18)]).toContain(collapse!.firstPeriod);
  });

  it("finds the departure of the one person who carried a link, and not a departure that others cover", () => {
    // Community1 is the only person tied to Social; they leave in week 15.
    const spanner = [
      { from: "Acute", to: "Community", per: 2, rate: 1.2, back: 1.0 },
      { from: "Acute", to: "Acute", per: 3, rate: 2, back: 2 },
      { from: "Community", to: "Community", per: 3, rate: 2, back: 2 },
      { from: "Social", to: "Social", per: 3, rate: 2, back: 2 },
    ];
    const base = syntheticDataset({ seed: 5, weeks: 26, groups, links: spanner, left: { Community1: 15 } });
    // Add Community1's ties to four people in Social by hand: 2 contacts a week each way until they leave.
    const c1 = base.people!.index.get("Community1")!;
    for (let k = 0; k < 4; k++) {
      const s = base.people!.index.get(`Social${k}`)!;
      for (const [from, to] of [
        [c1, s],
        [s, c1],
      ]) {
        const periods = new Map<number, number>();
        for (let w = 0; w < 15; w++) periods.set(FIRST_WEEK + w, 2);
        base.interactions!.ties.push({
          from,
          to,
          weight: 30,
          rows: 30,
          first: null,
          last: null,
          durationMinutes: 0,
          channels: {},
          periods,
        });
      }
    }
    const departure = analyseSignals(base)!.signals.filter((s) => s.kind === "key-person-departure");
    expect(departure).toHaveLength(1);
    expect(departure[0]).toMatchObject({
      severity: "critical",
      firstPeriod: week(15),
      subject: { attribute: "organisation", groups: ["Community", "Social"] },
    });
    // Nobody is named.
    expect(JSON.stringify(departure[0])).not.toMatch(/Community1/);

    const covered = syntheticDataset({ seed: 5, weeks: 26, groups, links, left: { Community1: 15 } });
    expect(analyseSignals(covered)!.signals.filter((s) => s.kind === "key-person-departure")).toEqual([]);
  });

  it("finds strong ties gone quiet between pairs of groups, each pair counted alone", () => {
    // Four groups, numbered in name order: every person of one group in weekly contact with two people of each other
    // group, and the Acute–Social and Acute–Community ties silent from week 20 of 26, past the four quiet periods
    // that make a strong tie dormant; everyone keeps their other contact. Acute–Social (0, 3) is the pair a tally
    // keyed carelessly (by the sum of the numbers) would merge with Community–Primary (1, 2); Acute–Community (0, 1)
    // has the key of the second boundary's one pair, North–South (0, 1), were the boundaries' tallies mixed.
    const four = { Acute: 8, Community: 8, Primary: 8, Social: 8 };
    const names = Object.keys(four);
    const allPairs = names.flatMap((a, i) => [
      { from: a, to: a, per: 3, rate: 2, back: 2 },
      ...names.slice(i + 1).map((b) => ({ from: a, to: b, per: 2, rate: 1.5, back: 1.5 })),
    ]);
    const quiet = (a: string, b: string) => ["Acute|Community", "Acute|Social"].includes([a, b].sort().join("|"));
    // A second boundary, site, across the organisations (even and odd people): each boundary's pairs are tallied
    // apart, and the first boundary's must not take in the second's.
    const withSites = (data: Dataset) => {
      data.people!.people.forEach((p, i) => (p.attributes.site = i % 2 === 0 ? "North" : "South"));
      data.people!.attributeColumns = ["organisation", "site"];
      data.boundaries = ["organisation", "site"];
      return data;
    };
    const system = (change?: (a: string, b: string, w: number) => number) =>
      withSites(syntheticDataset({ seed: 6, weeks: 26, groups: four, links: allPairs, change }));
    const dormant = analyseSignals(system((a, b, w) => (quiet(a, b) && w >= 20 ? 0 : 1)))!.signals.filter(
      (s) => s.kind === "dormant-ties" && s.subject.attribute === "organisation",
    );
    expect(dormant.map((d) => [...d.subject.groups!].sort().join("|")).sort()).toEqual([
      "Acute|Community",
      "Acute|Social",
    ]);
    for (const d of dormant) {
      const evidence = Object.fromEntries(d.evidence.map((e) => [e.label, e.value]));
      // Acute's 8 people with 2 partners each in the other group: 16 ties, all strong in the baseline, all silent now.
      expect(evidence["strong cross-boundary ties of people still in contact"]).toBe(16);
      expect(evidence["silent for 4 periods"]).toBe(16);
      expect(d.severity).toBe("critical");
    }
    // The same system without the silence raises no dormant-ties signal on either boundary.
    expect(analyseSignals(system())!.signals.filter((s) => s.kind === "dormant-ties")).toEqual([]);
  });

  it("marks a partial last period and leaves it out of the rules", () => {
    const data = syntheticDataset({ seed: 6, weeks: 26, groups, links });
    // The data ends on the Tuesday of week 26 (index 25): a partial week.
    data.window = { since: data.window.since, until: (periodStartDay(FIRST_WEEK + 25, "week") + 2) * 86_400_000 };
    const section = analyseSignals(data)!;
    expect(section.partialLast).toBe(true);
    expect(section.notes.join(" ")).toMatch(/partial period/);
    const last = section.series[0].points.at(-1)!;
    expect(last.excluded).toBe(true);
    expect(last.special).toBeNull();
  });

  it("applies a rebase annotation as a recalculation and shows the note", () => {
    const data = syntheticDataset({ seed: 7, weeks: 26, groups, links });
    data.annotations = [
      {
        at: (periodStartDay(FIRST_WEEK + 20, "week") + 1) * 86_400_000,
        target: "Acute ↔ Community",
        note: "new referral pathway",
        action: "rebase",
        line: 2,
      },
    ];
    const section = analyseSignals(data)!;
    const charted = section.series.find((s) => s.id === "interactions:organisation:Acute|Community")!;
    expect(charted.recalculations).toEqual([week(20)]);
    expect(charted.annotations).toEqual([{ period: week(20), note: "new referral pathway", action: "rebase" }]);
    expect(charted.points[20].mean).not.toBe(charted.points[19].mean);
    const other = section.series.find((s) => s.id === "interactions:organisation:Acute|Social")!;
    expect(other.recalculations).toEqual([]);
    expect(section.annotations).toEqual([
      { period: week(20), note: "Acute ↔ Community: new referral pathway", action: "rebase" },
    ]);
  });

  it("charts delivery metrics with gaps as gaps, and notes a metric without a direction", () => {
    const data = syntheticDataset({ seed: 8, weeks: 20, groups, links });
    const at = (w: number) => periodStartDay(FIRST_WEEK + w, "week") * 86_400_000;
    data.delivery = Array.from({ length: 20 }, (_, w) => ({
      metric: "delays",
      at: at(w),
      value: w === 5 ? null : 30 + (w % 3),
      groups: { organisation: "Acute" },
      line: w + 2,
    }));
    const section = analyseSignals(data)!;
    const delays = section.series.find((s) => s.metric === "delays")!;
    expect(delays.direction).toBe("neither");
    expect(delays.points[5]).toMatchObject({ value: null, special: null, excluded: true });
    expect(delays.notes.join(" ")).toMatch(/1 missing value/);
    expect(section.notes.join(" ")).toMatch(/metrics without a direction in the config \(delays\)/);
    expect(section.leading.map((l) => l.relational)).toEqual(["cross-boundary contact of Acute", "E-I index of Acute"]);
  });

  it("works from a delivery file alone", () => {
    const data = syntheticDataset({ seed: 9, weeks: 16, groups, links });
    const at = (w: number) => periodStartDay(FIRST_WEEK + w, "week") * 86_400_000;
    const alone: Dataset = {
      ...data,
      people: null,
      interactions: null,
      window: { since: null, until: null },
      delivery: Array.from({ length: 16 }, (_, w) => ({
        metric: "waits",
        at: at(w),
        value: w < 10 ? 10 : 20,
        groups: {},
        line: w + 2,
      })),
    };
    alone.config = { ...alone.config, metrics: { waits: { better: "lower", target: 12 } } };
    const section = analyseSignals(alone)!;
    expect(section.series).toHaveLength(1);
    expect(section.series[0]).toMatchObject({ metric: "waits", direction: "lower", chart: "xmr", target: 12 });
    expect(section.series[0].points.slice(10).every((p) => p.special === "concern")).toBe(true);
    expect(section.signals).toEqual([]);
  });
});
