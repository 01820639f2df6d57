// The demo system's planted survey patterns (fixtures/demo/README.md) are found, and nothing else of the kind:
// the planted demo is audited in full; the --null demo (same system, patterns taken out) must stay quiet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChecks } from "../../src/checks/run.js";
import { surveyLeadership } from "../../src/checks/survey-leadership.js";
import { surveyReliability } from "../../src/checks/survey-reliability.js";
import { surveyResponseRate } from "../../src/checks/survey-response-rate.js";
import { surveyScaleLevels } from "../../src/checks/survey-scale-levels.js";
import { surveyWeakCoordination } from "../../src/checks/survey-weak-coordination.js";
import { loadInputs } from "../../src/load/inputs.js";
import type { Report } from "../../src/result/types.js";
import { analyseSurvey } from "../../src/survey/analyse.js";
import type { Comparison, SurveySection } from "../../src/result/survey.js";
import { generateTemp, removeDir } from "../demo/read.js";
import { demoReport } from "../helpers/demo.js";

const HOSPITAL = "Northgate Hospital";
const SOCIAL_CARE = "County Social Care";
const SURVEY_CHECKS = [
  surveyReliability,
  surveyScaleLevels,
  surveyWeakCoordination,
  surveyResponseRate,
  surveyLeadership,
];

describe("planted demo", () => {
  let report: Report;
  let survey: SurveySection;
  beforeAll(async () => {
    report = await demoReport();
    survey = report.survey as unknown as SurveySection;
  });
  const check = (id: string) => report.checks.find((c) => c.id === id)!;

  it("finds the psychological-safety drop in the Emergency Department, and only there", () => {
    const ps = survey.scales.find((s) => s.id === "psychological_safety")!;
    const ed = ps.changes.find((c) => c.value === "Emergency Department") as Comparison;
    // README: measured team mean 5.28 → 4.09 with 15 / 20 respondents.
    expect(ed.n1).toBe(15);
    expect(ed.n2).toBe(20);
    expect(ed.mean1).toBeCloseTo(5.28, 2);
    expect(ed.mean2).toBeCloseTo(4.09, 2);
    expect(ed.ci[1]).toBeLessThan(0);
    const drops = check("signal-survey-drop").findings;
    expect(drops.map((f) => f.subject.groups)).toEqual([["Emergency Department"]]);
    expect(drops[0].subject.scale).toBe("psychological_safety");
  });

  it("finds the RC asymmetry Northgate Hospital → County Social Care, and only that", () => {
    const rc = survey.coordination!;
    const flagged = rc.asymmetries.filter((a) => a.flagged);
    expect(flagged.map((a) => [a.groupA, a.groupB].sort())).toEqual([[SOCIAL_CARE, HOSPITAL]]);
    const cell = rc.cells.find((c) => c.raterGroup === HOSPITAL && c.ratedGroup === SOCIAL_CARE)!;
    if (cell.suppressed) throw new Error("cell hidden");
    // README: the hospital rates social care around 2.7, social care rates the hospital 4.03 (both waves).
    expect(cell.index).toBeCloseTo(2.7, 1);
    expect(check("signal-perception-gap").findings.map((f) => f.subject.groups)).toHaveLength(1);
    const weak = check("survey-weak-coordination").findings.filter((f) => f.severity === "critical");
    expect(weak.map((f) => f.subject.groups)).toEqual([[HOSPITAL, SOCIAL_CARE]]);
  });

  it("hides the small teams in every wave", () => {
    for (const scale of survey.scales) {
      for (const team of ["Chaplaincy", "PCN Management", "Harbour Office"]) {
        const groups = scale.groups.filter((g) => g.attribute === "team" && g.value === team);
        expect(groups).toHaveLength(2);
        expect(groups.every((g) => g.suppressed && !("n" in g))).toBe(true);
      }
    }
  });

  it("finds the scales reliable, and speaks of groups, never of people", () => {
    expect(check("survey-reliability").status).toBe("pass");
    for (const id of SURVEY_CHECKS.map((c) => c.id)) {
      for (const f of check(id).findings) {
        expect(f.subject.people).toBeUndefined();
        expect(f.questions.length).toBeGreaterThanOrEqual(2);
        expect(f.questions.length).toBeLessThanOrEqual(4);
        expect(f.evidence.some((e) => e.n !== undefined)).toBe(true);
      }
    }
    expect(JSON.stringify(report.survey)).not.toMatch(/P\d{4}|R\d{4}/);
  });
});

describe("null demo (no planted patterns)", () => {
  let dir: string;
  let survey: SurveySection;
  let results: ReturnType<typeof runChecks>;
  beforeAll(async () => {
    dir = await generateTemp({ seed: 2026, people: 450, weeks: 26, interactionsPerPersonWeek: 5, null: true });
    const loaded = await loadInputs({ dir, files: {} });
    survey = analyseSurvey(loaded.dataset)!;
    results = runChecks(SURVEY_CHECKS, { data: loaded.dataset, survey, network: null, signals: null });
  });
  afterAll(() => removeDir(dir));

  it("no asymmetric relationship and no material, significant team drop", () => {
    expect(survey.coordination!.asymmetries.filter((a) => a.flagged)).toEqual([]);
    for (const scale of survey.scales) {
      for (const c of scale.changes) {
        if (c.suppressed || "insufficient" in c) continue;
        const material = -c.difference >= 0.1 * (scale.max - scale.min);
        expect(material && c.p < 0.001, `${scale.id} ${c.value}`).toBe(false);
      }
    }
  });

  it("no critical survey finding", () => {
    expect(results.filter((r) => r.severity === "critical").map((r) => r.id)).toEqual([]);
    expect(results.find((r) => r.id === "survey-reliability")!.status).toBe("pass");
    expect(results.find((r) => r.id === "survey-scale-levels")!.status).toBe("pass");
  });
});
