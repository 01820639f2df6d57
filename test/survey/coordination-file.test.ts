import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProblemLog } from "../../src/model/problems.js";
import { parseConfig } from "../../src/load/config.js";
import { loadCoordination } from "../../src/load/coordination.js";
import type { LoadContext } from "../../src/load/context.js";
import { analyseSurvey } from "../../src/survey/analyse.js";
import { fixturePath, surveyDataset } from "./helpers.js";

function context(config: Record<string, unknown> = {}): LoadContext {
  return {
    config: parseConfig(config, null),
    csv: {},
    period: "week",
    window: { since: null, until: null },
    problems: new ProblemLog(),
    files: [],
    warnings: [],
  };
}

describe("coordination.csv (long form)", () => {
  it("reads dimensions written loosely, labels, and counts raters by their i-th answer when there is no respondent", async () => {
    const ctx = context({ answerLabels: { Agree: 4 }, coordination: { raterAttribute: "ward" } });
    const { ratings } = await loadCoordination(fixturePath("coordination-long.csv"), ctx);
    expect(ctx.problems.count).toBe(0);
    expect(ratings).toHaveLength(42);
    expect(new Set(ratings.map((r) => r.dimension)).size).toBe(7);
    expect(new Set(ratings.filter((r) => r.raterGroup === "Ward A").map((r) => r.person)).size).toBe(3);
    // Through the analysis: Ward A rates Ward B (2 + 3 + 4)/3 = 3; Ward B rates Ward A (4 + 4 + 5)/3.
    const data = surveyDataset({ answers: {} }, { minGroupSize: 3, coordination: { raterAttribute: "ward" } });
    const rc = analyseSurvey({ ...data, survey: null, coordination: ratings })!.coordination!;
    expect(rc.source).toBe("long");
    const ab = rc.cells.find((c) => c.raterGroup === "Ward A")!;
    const ba = rc.cells.find((c) => c.raterGroup === "Ward B")!;
    expect(ab).toMatchObject({ suppressed: false, n: 3, index: 3 });
    expect(ba).toMatchObject({ suppressed: false, n: 3, index: 13 / 3 });
  });

  it("reports unknown dimensions and answers, and out-of-range scores, with line and column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-rc-"));
    const path = join(dir, "coordination.csv");
    writeFileSync(
      path,
      "rater,rated,dimension,score,respondent\nA,B,timley,3,r1\nA,B,timely,Sometimes,r1\nA,B,accurate,7,r1\n",
    );
    const ctx = context();
    await loadCoordination(path, ctx);
    expect(ctx.problems.problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'unknown RC dimension "timley"'],
      [3, 'unknown answer "Sometimes"'],
      [4, "answer out of range"],
    ]);
    expect(ctx.problems.problems[0].hint).toBe('did you mean "timely"?');
  });
});

describe("wide RC columns in survey.csv", () => {
  it("map labels by the coordination block and by dimension, over the global labels", async () => {
    const { surveyItemRules } = await import("../../src/load/survey.js");
    const rules = surveyItemRules(
      parseConfig(
        {
          answerLabels: { Often: 2 },
          coordination: {
            raterAttribute: "ward",
            columns: { F_B: { rated: "B", dimension: "frequent" }, T_B: { rated: "B", dimension: "timely" } },
            answerLabels: { Often: 4 },
            dimensionLabels: { frequent: { "Too often": 3, "just  right": 5 } },
          },
        },
        null,
      ),
    );
    expect(rules.get("T_B")!.labels.get("often")).toBe(4);
    expect(rules.get("T_B")!.labels.get("too often")).toBeUndefined();
    expect(rules.get("F_B")!.labels.get("too often")).toBe(3);
    expect(rules.get("F_B")!.labels.get("just right")).toBe(5);
  });

  it("reads the rater column even when its header reads as free text, and every other group column", async () => {
    const { loadSurvey } = await import("../../src/load/survey.js");
    const dir = mkdtempSync(join(tmpdir(), "relaudit-rc-"));
    const path = join(dir, "survey.csv");
    writeFileSync(path, "notes,team,T_B\nA,x,3\nB,y,4\n");
    const ctx = context({
      coordination: { raterAttribute: "notes", columns: { T_B: { rated: "B", dimension: "timely" } } },
    });
    const survey = await loadSurvey(path, ctx);
    expect(survey.groups.notes).toEqual(["A", "B"]);
    expect(survey.groups.team).toEqual(["x", "y"]);
    expect([...survey.answers.T_B]).toEqual([3, 4]);
  });
});
