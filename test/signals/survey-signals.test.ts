// Survey drops and perception gaps read from a survey section; Holm against base R
// (test/reference/signals-reference.R).
import { isoWaveDates } from "../../src/load/survey.js";
import type { WaveClock } from "../../src/signals/scene.js";
import { describe, expect, it } from "vitest";
import { holm } from "../../src/signals/null-models.js";
import { perceptionGaps, surveyDrops, wavePeriod } from "../../src/signals/survey-signals.js";
import type { Comparison, ScaleResult, SurveySection, WaveChange } from "../../src/result/survey.js";

describe("multiplicity and tails", () => {
  it("Holm matches R p.adjust(method = 'holm')", () => {
    const adjusted = holm([0.01, 0.04, 0.03, 0.005, 0.2]);
    [0.04, 0.09, 0.09, 0.025, 0.2].forEach((v, i) => expect(adjusted[i]).toBeCloseTo(v, 12));
  });
});

// Waves as the loader dates them: only ISO-dated labels have an instant.
const UTC: WaveClock = { timeZone: "UTC", dates: isoWaveDates(["2026-10-12", "2026-05", "2026-10", "Autumn"], "UTC") };

describe("wavePeriod", () => {
  it("dates waves given as dates or periods, and leaves labels undated", () => {
    expect(wavePeriod("2026-10-12", "week", UTC)).toBe("2026-W42");
    expect(wavePeriod("2026-10", "week", UTC)).toBe("2026-W40"); // the week holding 1 October
    expect(wavePeriod("2026-10", "month", UTC)).toBe("2026-10");
    expect(wavePeriod("Spring", "week", UTC)).toBeNull();
  });
});

const comparison = (value: string, difference: number, p: number, g: number): WaveChange => {
  const c: Comparison = {
    suppressed: false,
    n1: 15,
    n2: 15,
    mean1: 5,
    mean2: 5 + difference,
    difference,
    ci: [difference - 0.4, difference + 0.4],
    t: -3,
    df: 27,
    p,
    hedgesG: g,
    hedgesGCi: [g - 0.7, g + 0.7],
    mannWhitney: { u: 50, z: -2.5, p },
    repeatedRespondents: false,
  };
  return { attribute: "team", value, from: "2026-05", to: "2026-10", ...c };
};

function survey(changes: WaveChange[]): SurveySection {
  const scale = {
    id: "psychological_safety",
    label: "Psychological safety",
    min: 1,
    max: 7,
    changes,
  } as unknown as ScaleResult;
  return { scales: [scale], coordination: null, waves: ["2026-05", "2026-10"] } as unknown as SurveySection;
}

describe("surveyDrops", () => {
  it("a material, significant drop that survives Holm over the teams compared is a warning or critical", () => {
    const signals = surveyDrops(
      survey([
        comparison("ED", -1.2, 0.0001, -1.4),
        comparison("AMU", -0.1, 0.7, -0.1),
        comparison("Surgery", 0.2, 0.5, 0.2),
      ]),
      "week",
      UTC,
      null,
    );
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      kind: "survey-drop",
      severity: "critical",
      firstPeriod: "2026-W40",
      subject: { attribute: "team", groups: ["ED"], scale: "psychological_safety" },
    });
    expect(signals[0].questions.length).toBeGreaterThanOrEqual(2);
  });

  it("a nominally significant drop that does not survive Holm is information only", () => {
    // p = 0.03 alone, but 5 teams compared: Holm gives 0.15.
    const changes = [
      comparison("ED", -1, 0.03, -0.9),
      ...["A", "B", "C", "D"].map((t) => comparison(t, 0.1, 0.6, 0.1)),
    ];
    const [signal] = surveyDrops(survey(changes), "week", UTC, null);
    expect(signal.severity).toBe("info");
    expect(signal.rule).toMatch(/not significant once 5 comparisons are made \(Holm-adjusted p = 0\.15\)/);
  });

  it("ignores small drops, rises, suppressed groups, and undatable waves without a fallback", () => {
    expect(surveyDrops(survey([comparison("ED", -0.3, 0.001, -0.5)]), "week", UTC, null)).toEqual([]); // < 10% of the 1–7 range
    expect(surveyDrops(survey([comparison("ED", 1.2, 0.0001, 1.4)]), "week", UTC, null)).toEqual([]);
    expect(
      surveyDrops(
        survey([{ attribute: "team", value: "ED", from: "a", to: "b", suppressed: true }]),
        "week",
        UTC,
        null,
      ),
    ).toEqual([]);
    const labelled = { ...comparison("ED", -1.2, 0.0001, -1.4), to: "Autumn" } as WaveChange;
    expect(surveyDrops(survey([labelled]), "week", UTC, null)).toEqual([]);
    expect(surveyDrops(survey([labelled]), "week", UTC, "2026-W44")[0].firstPeriod).toBe("2026-W44");
  });
});

describe("perceptionGaps", () => {
  it("reports flagged RC asymmetries with the interaction volume between the two groups", () => {
    const section = {
      coordination: {
        raterAttribute: "organisation",
        wave: "2026-10",
        asymmetryThreshold: 0.5,
        asymmetries: [
          {
            groupA: "Hospital",
            groupB: "Social Care",
            aRatesB: 2.7,
            bRatesA: 4.0,
            nA: 40,
            nB: 30,
            difference: -1.3,
            ci: [-1.6, -1.0],
            p: 0.00001,
            hedgesG: -1.5,
            flagged: true,
          },
          {
            groupA: "Hospital",
            groupB: "Community",
            aRatesB: 3.9,
            bRatesA: 4.0,
            nA: 40,
            nB: 30,
            difference: -0.1,
            ci: [-0.4, 0.2],
            p: 0.5,
            hedgesG: -0.1,
            flagged: false,
          },
        ],
      },
    } as unknown as SurveySection;
    const signals = perceptionGaps(section, () => 42, "week", UTC, null);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      kind: "perception-gap",
      severity: "critical",
      firstPeriod: "2026-W40",
    });
    expect(signals[0].message).toBe(
      "Hospital rates its coordination with Social Care at 2.7, while Social Care rates Hospital at 4; they exchange about 42 interactions per week.",
    );
  });
});
