import { describe, expect, it } from "vitest";
import type { SurveyData } from "../../src/model/types.js";
import { analyseSurvey } from "../../src/survey/analyse.js";
import { demoInputs } from "../helpers/demo.js";
import { FULL_SIZE } from "../helpers/size.js";

/** The same responses in another order (a seeded shuffle). */
function shuffled(survey: SurveyData, seed: number): SurveyData {
  const order = Array.from({ length: survey.rows }, (_, i) => i);
  let state = seed;
  for (let i = order.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const pick = <T>(values: ArrayLike<T>) => order.map((r) => values[r]);
  return {
    ...survey,
    respondents: pick(survey.respondents),
    waves: pick(survey.waves),
    groups: Object.fromEntries(Object.entries(survey.groups).map(([g, v]) => [g, pick(v)])),
    answers: Object.fromEntries(Object.entries(survey.answers).map(([i, v]) => [i, Float64Array.from(pick(v))])),
  };
}

describe("survey figures do not depend on the order of the rows", () => {
  it("gives bit-identical results for shuffled responses of the demo", async () => {
    const { dataset } = await demoInputs();
    const reference = JSON.stringify(analyseSurvey(dataset));
    // One shuffle in npm test; three at full size (npm run fuzz, RELAUDIT_TEST_SIZE=full).
    for (const seed of FULL_SIZE ? [1, 2, 3] : [1])
      expect(JSON.stringify(analyseSurvey({ ...dataset, survey: shuffled(dataset.survey!, seed) }))).toBe(reference);
  });
});
