// A survey narrowed or reordered to the given rows, every column alike: the one way analyses take a subset of
// responses (the latest submission per respondent) or put them in a canonical order.
import { dictFromEntries } from "../model/dict.js";
import type { SurveyData } from "../model/types.js";

export function selectRows(survey: SurveyData, rows: readonly number[]): SurveyData {
  const pick = <T>(values: ArrayLike<T>) => rows.map((r) => values[r]);
  // Answers straight into their typed column, without a JS array of each column's numbers on the way.
  const pickNumbers = (values: Float64Array) => {
    const picked = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) picked[i] = values[rows[i]];
    return picked;
  };
  return {
    ...survey,
    rows: rows.length,
    respondents: pick(survey.respondents),
    waves: pick(survey.waves),
    groups: dictFromEntries(Object.entries(survey.groups).map(([g, values]) => [g, pick(values)] as const)),
    answers: dictFromEntries(Object.entries(survey.answers).map(([i, values]) => [i, pickNumbers(values)] as const)),
  };
}
