import { describe, expect, it } from "vitest";
import { runChecks } from "../../src/checks/run.js";
import { surveyLeadership } from "../../src/checks/survey-leadership.js";
import { surveyReliability } from "../../src/checks/survey-reliability.js";
import { surveyResponseRate } from "../../src/checks/survey-response-rate.js";
import { surveyScaleLevels } from "../../src/checks/survey-scale-levels.js";
import { surveyWeakCoordination } from "../../src/checks/survey-weak-coordination.js";
import type { Check } from "../../src/checks/types.js";
import type { Dataset, PeopleData } from "../../src/model/types.js";
import { analyseSurvey } from "../../src/survey/analyse.js";
import { analyseCoordination } from "../../src/survey/coordination.js";
import type { RcRating } from "../../src/model/types.js";
import { RC_DIMENSIONS } from "../../src/model/coordination.js";
import { fixturePath, readColumns, surveyDataset } from "./helpers.js";

const fixture = readColumns(fixturePath("small-scale.csv"));
const items = ["Q1", "Q2", "Q3", "Q4"];

function fixtureData(scales: Record<string, unknown>, people: PeopleData | null = null, minGroupSize = 3): Dataset {
  return surveyDataset(
    {
      groups: { team: fixture.text.team },
      waves: fixture.text.wave,
      respondents: fixture.text.respondent,
      answers: Object.fromEntries(items.map((i) => [i, fixture.numbers[i]])),
    },
    { minGroupSize, boundaries: ["team"], scales },
    people,
  );
}
function run(check: Check, data: Dataset, survey = analyseSurvey(data)) {
  return runChecks([check], { data, survey, network: null, signals: null })[0];
}

describe("survey-reliability", () => {
  it("fails on a mis-keyed item, naming it with its figures", () => {
    const result = run(surveyReliability, fixtureData({ wellbeing: { items, min: 1, max: 5 } }));
    expect(result.status).toBe("fail");
    const keying = result.findings.filter((f) => f.severity === "critical");
    expect(keying.map((f) => f.message.match(/item (\w+)/)![1])).toEqual(["Q3", "Q4"]);
    expect(keying[0].evidence[0]).toMatchObject({ label: "Q3 item–rest correlation (r.drop)", value: -0.75, n: 10 });
    expect(result.findings.some((f) => f.severity === "warning" && /low internal consistency/.test(f.message))).toBe(
      true,
    );
  });

  it("passes a well-keyed scale, noting only its small n", () => {
    const result = run(surveyReliability, fixtureData({ wellbeing: { items, reverse: ["Q3"], min: 1, max: 5 } }));
    expect(result.findings.map((f) => f.severity)).toEqual(["info"]);
    expect(result.status).toBe("pass");
  });
});

describe("survey-scale-levels and survey-leadership", () => {
  const scales = {
    trust: { items, reverse: ["Q3"], min: 1, max: 5, bands: { low: 3, high: 4 } },
    team_leadership: { items, reverse: ["Q3"], min: 1, max: 5, bands: { low: 2 } },
  };
  const data = fixtureData(scales);

  it("flags groups in the low band: a warning when the CI is below it, information when it reaches it", () => {
    const result = run(surveyScaleLevels, data);
    // Latest wave: Ward B 1.375 (n 4), Ward A 2.90, Ward C 2.875 — all below 3.
    expect(result.findings.map((f) => [f.subject.groups![0], f.severity])).toEqual([
      ["Ward B", "warning"],
      ["Ward A", "info"],
      ["Ward C", "info"],
    ]);
    expect(result.findings[0].evidence[0]).toMatchObject({ value: 1.38, n: 4, reference: 3 });
    expect(result.findings[0].questions.length).toBeGreaterThanOrEqual(2);
  });

  it("judges leadership scales under practice 6 only", () => {
    const result = run(surveyLeadership, data);
    expect(result.practice).toBe(6);
    expect(result.findings.map((f) => f.subject.groups![0])).toEqual(["Ward B"]);
    expect(run(surveyScaleLevels, data).findings.every((f) => f.subject.scale === "trust")).toBe(true);
  });

  it("says levels are not judged without bands", () => {
    const result = run(surveyScaleLevels, fixtureData({ trust: { items, reverse: ["Q3"] } }));
    expect(result.findings).toEqual([]);
    expect(result.notes[0]).toMatch(/no "bands.low"/);
  });
});

describe("survey-response-rate", () => {
  const people: PeopleData = {
    people: [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, attributes: { team: "Ward A" } })),
      ...Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, attributes: { team: "Ward B" } })),
      ...Array.from({ length: 7 }, (_, i) => ({ id: `d${i}`, attributes: { team: "Ward D" } })),
    ],
    index: new Map(),
    attributeColumns: ["team"],
    source: "people",
  };
  it("warns below 50% and lists hidden groups in the notes", () => {
    const result = run(surveyResponseRate, fixtureData({ s: { items, reverse: ["Q3"] } }, people));
    expect(result.findings.map((f) => [f.subject.groups![0], f.evidence[0].value])).toEqual([["Ward A", 40]]);
    expect(result.notes[0]).toMatch(/Ward D \(team, 7 people\)/);
  });
  it("is not applicable without people.csv", () => {
    expect(run(surveyResponseRate, fixtureData({ s: { items } })).status).toBe("not-applicable");
  });
});

describe("survey-weak-coordination", () => {
  const rate = (a: string, b: string, first: number, scores: number[]): RcRating[] =>
    scores.flatMap((s, i) =>
      RC_DIMENSIONS.map((dimension) => ({ person: first + i, raterGroup: a, ratedGroup: b, dimension, score: s })),
    );
  it("judges between-group cells only, against the labelled convention", () => {
    const data = fixtureData({});
    const coordination = analyseCoordination(
      [
        ...rate("Hospital", "Social care", 0, [2, 2, 3, 1]),
        ...rate("Social care", "Hospital", 4, [4, 5, 3, 4]),
        ...rate("Hospital", "Hospital", 0, [1, 2, 1, 2]),
        ...rate("GP", "Hospital", 8, [1, 1, 1, 1, 1, 2]),
      ],
      { raterAttribute: "organisation", wave: null, source: "long", config: undefined, minGroupSize: 3 },
    );
    const result = run(surveyWeakCoordination, data, { ...analyseSurvey(data)!, coordination });
    // GP → Hospital 7/6 with CI far below 3.0: critical; Hospital → Social care 2 (CI upper 3.30 < 3.5): warning;
    // Hospital → Hospital (within) is not judged.
    expect(result.findings.map((f) => [f.subject.groups, f.severity])).toEqual([
      [["GP", "Hospital"], "critical"],
      [["Hospital", "Social care"], "warning"],
    ]);
    expect(result.notes[0]).toMatch(/research convention/);
  });
});
