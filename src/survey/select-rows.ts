// A survey narrowed or reordered to the given rows, every column alike: the one way analyses take a subset of
// responses (the latest submission per respondent) or put them in a canonical order.
import { dictFromEntries } from "../model/dict.js";
import type { SurveyData } from "../model/types.js";

/**
 * The survey at the given rows. Answer columns in `leftOut` are not carried over (not copied): their one reader reads
 * them in the survey as given, through `rows`.
 */
export function selectRows(
  survey: SurveyData,
  rows: readonly number[],
  leftOut: ReadonlySet<string> = new Set(),
): SurveyData {
  const kept = Object.entries(survey.answers).filter(([i]) => !leftOut.has(i));
  return {
    ...survey,
    rows: rows.length,
    respondents: picked(survey.respondents, rows),
    waves: picked(survey.waves, rows),
    groups: dictFromEntries(Object.entries(survey.groups).map(([g, values]) => [g, picked(values, rows)] as const)),
    answers: dictFromEntries(kept.map(([i, values]) => [i, gathered(values, rows)] as const)),
  };
}

/** Texts at the rows: a loop of the module, not `map` with an arrow made per call (a call per value until optimised). */
function picked(values: readonly (string | null)[], rows: readonly number[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < rows.length; i++) out.push(values[rows[i]]);
  return out;
}

/**
 * Answers straight into their typed column, without a JS array of each column's numbers on the way. A function of
 * the module, not a closure made per call: V8 dropped the closure's optimised code on its first call and ran every
 * later column (~50 per call at M) in the interpreter.
 */
function gathered(values: Float64Array, rows: readonly number[]): Float64Array {
  const picked = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) picked[i] = values[rows[i]];
  return picked;
}
