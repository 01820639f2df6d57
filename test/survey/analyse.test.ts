import { describe, expect, it } from "vitest";
import { analyseSurvey } from "../../src/survey/analyse.js";
import type { ScaleHeadline, ScaleResult, SurveySection } from "../../src/result/survey.js";
import type { PeopleData } from "../../src/model/types.js";
import { fixturePath, readColumns, reference, surveyDataset } from "./helpers.js";

const fixture = readColumns(fixturePath("small-scale.csv"));
const items = ["Q1", "Q2", "Q3", "Q4"];

function analyse(
  minGroupSize: number,
  scale: Record<string, unknown> = { items, reverse: ["Q3"], min: 1, max: 5 },
  people: PeopleData | null = null,
): SurveySection {
  const data = surveyDataset(
    {
      groups: { team: fixture.text.team },
      waves: fixture.text.wave,
      respondents: fixture.text.respondent,
      answers: Object.fromEntries(items.map((i) => [i, fixture.numbers[i]])),
    },
    { minGroupSize, boundaries: ["team"], scales: { wellbeing: scale } },
    people,
  );
  return analyseSurvey(data)!;
}
const shown = (s: ScaleResult) => {
  if (s.suppressed) throw new Error("scale unexpectedly suppressed");
  return s as ScaleResult & ScaleHeadline;
};

describe("scale analysis on the fixture (reference: R, test/reference/survey-reference.R)", () => {
  const section = analyse(3);
  const scale = shown(section.scales[0]);

  it("reports the latest wave as the headline, with psych's reliability figures", () => {
    expect(section.waves).toEqual(["2025-03", "2025-09"]);
    expect(scale.wave).toBe("2025-09");
    const ref = reference.small.latestWave;
    expect(scale.n).toBe(12);
    expect(scale.mean).toBeCloseTo(ref.scoreMean, 10);
    expect(scale.sd).toBeCloseTo(ref.scoreSd, 10);
    expect(scale.ci![0]).toBeCloseTo(ref.scoreCi[0], 8);
    expect(scale.ci![1]).toBeCloseTo(ref.scoreCi[1], 8);
    expect(scale.alpha).toBeCloseTo(ref.alpha, 10);
    expect(scale.alphaStandardised).toBeCloseTo(ref.alphaStandardised, 10);
    // Some respondents skipped items, so one item mean is withheld (src/survey/items.ts); the others match psych.
    expect(scale.items).toHaveLength(3);
    for (const item of scale.items) {
      const expected = ref.items.find((r) => r.id === item.id)!;
      expect(item.rDrop).toBeCloseTo(expected.rDrop, 10);
      expect(item.alphaIfDeleted).toBeCloseTo(expected.alphaIfDeleted, 10);
      expect(item.mean).toBeCloseTo(expected.mean, 10);
      expect(item.reversed).toBe(item.id === "Q3");
    }
    expect(scale.keying).toEqual([]);
  });

  it("gives each team in each wave", () => {
    for (const g of scale.groups) {
      const ref = reference.small.teamMeans[`${g.wave}|${g.value}`];
      expect(g.suppressed).toBe(false);
      if (g.suppressed) continue;
      expect(g.n).toBe(ref.n);
      expect(g.mean).toBeCloseTo(ref.mean, 10);
    }
    expect(scale.groups).toHaveLength(6);
  });

  it("computes the wave-to-wave change with Welch, Hedges and Mann–Whitney", () => {
    const overall = scale.changes.find((c) => c.attribute === null)!;
    const ref = reference.small.waveChange;
    if (overall.suppressed || "insufficient" in overall) throw new Error("change missing");
    expect(overall.difference).toBeCloseTo(ref.difference, 10);
    expect(overall.p).toBeCloseTo(ref.p, 10);
    expect(overall.hedgesG).toBeCloseTo(ref.hedgesG, 10);
    expect(overall.mannWhitney.u).toBe(ref.u);
    expect(overall.mannWhitney.p).toBeCloseTo(ref.pMannWhitney, 10);
    expect(overall.repeatedRespondents).toBe(false);
  });

  it("% favourable counts top-two-box answers after reverse keying", () => {
    // Counted by hand in the latest wave (r13–r24): 43 answered item responses, 5 of them 4 or 5 after keying
    // (r17 Q2 = 4; r21 Q2 = 4; r14 Q4 = 4; r14 Q3 = 2 → 4; r24 Q3 = 2 → 4).
    expect(scale.favourable).toBeCloseTo(5 / 43, 12);
  });
});

describe("keying audit", () => {
  it("names an item keyed the wrong way, with its r.drop", () => {
    const scale = shown(analyse(3, { items, min: 1, max: 5 }).scales[0]);
    const q3 = reference.small.unkeyed.items[2];
    expect(scale.keying).toHaveLength(2);
    expect(scale.keying[0]).toEqual({ item: "Q3", rDrop: expect.closeTo(q3.rDrop, 10), reversed: false });
    expect(scale.warnings.find((w) => w.startsWith("item Q3 correlates negatively"))).toMatch(
      /probably keyed the wrong way/,
    );
    expect(scale.warnings.some((w) => w.startsWith("low reliability"))).toBe(true);
  });
});

describe("privacy in the analysis", () => {
  it("hides small teams and the next smallest, in groups and in wave changes", () => {
    const scale = analyse(4).scales[0];
    const first = scale.groups.filter((g) => g.wave === "2025-03");
    // Ward A has 3 scored respondents in the first wave (< 4); total − B − C would reveal it, so one of B and C
    // goes too: both have 4, the first by name is offered first and kept.
    expect(first.map((g) => [g.value, g.suppressed])).toEqual([
      ["Ward A", true],
      ["Ward B", false],
      ["Ward C", true],
    ]);
    expect(first[0]).toEqual({ attribute: "team", value: "Ward A", wave: "2025-03", suppressed: true });
    const teamChanges = scale.changes.filter((c) => c.attribute === "team");
    expect(teamChanges.map((c) => [c.value, c.suppressed])).toEqual([
      ["Ward A", true],
      ["Ward B", false],
      ["Ward C", true],
    ]);
    expect(teamChanges[0]).toEqual({
      attribute: "team",
      value: "Ward A",
      from: "2025-03",
      to: "2025-09",
      suppressed: true,
    });
  });

  it("hides the whole scale when fewer than k respondents have a score", () => {
    const scale = analyse(13).scales[0];
    expect(scale.suppressed).toBe(true);
    expect(JSON.stringify(scale)).not.toMatch(/"alpha"|"mean"|"items"/);
  });
});

describe("participation", () => {
  const people: PeopleData = {
    people: [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, attributes: { Team: "Ward A" } })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, attributes: { Team: "Ward B" } })),
      { id: "b-left", attributes: { Team: "Ward B" }, left: 0 },
      ...Array.from({ length: 6 }, (_, i) => ({ id: `d${i}`, attributes: { Team: "Ward D" } })),
    ],
    index: new Map(),
    attributeColumns: ["Team"],
    source: "people",
  };
  it("gives responses against headcounts (leavers excluded); silent groups are hidden, not zero", () => {
    const section = analyse(3, undefined, people);
    expect(section.participation).toEqual([
      { attribute: "team", value: "Ward A", headcount: 10, suppressed: false, responses: 4, rate: 0.4 },
      { attribute: "team", value: "Ward B", headcount: 4, suppressed: false, responses: 4, rate: 1 },
      { attribute: "team", value: "Ward C", headcount: 0, suppressed: false, responses: 4, rate: null },
      { attribute: "team", value: "Ward D", headcount: 6, suppressed: true },
    ]);
  });
});

describe("scale presets", () => {
  it("Edmondson's psychological safety reverses items 1, 3 and 5 on 1–7", () => {
    const ids = ["PS1", "PS2", "PS3", "PS4", "PS5", "PS6", "PS7"];
    // Six respondents; every keyed answer is 6, so raw answers are 2 on the reversed items.
    const answers = Object.fromEntries(ids.map((id, i) => [id, new Array(6).fill([0, 2, 4].includes(i) ? 2 : 6)]));
    const data = surveyDataset(
      { answers },
      { scales: { ps: { preset: "edmondson-psychological-safety", items: ids } } },
    );
    const scale = shown(analyseSurvey(data)!.scales[0]);
    expect(scale.label).toBe("Psychological safety");
    expect(scale.items.filter((i) => i.reversed).map((i) => i.id)).toEqual(["PS1", "PS3", "PS5"]);
    expect(scale.mean).toBe(6);
    expect(scale.practice).toBe(1);
  });

  it("a leadership scale serves practice 6", () => {
    const data = surveyDataset(
      { answers: { L1: [1, 2, 3, 4, 5], L2: [2, 2, 3, 5, 5] } },
      { scales: { relational_leadership: { items: ["L1", "L2"] } } },
    );
    expect(analyseSurvey(data)!.scales[0].practice).toBe(6);
  });
});
