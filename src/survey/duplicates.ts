// One person, one response per wave. Five submissions by one respondent id must not make a group of five: within a
// wave only the latest submission of each id counts (the last in the file — exports list submissions in the order
// they arrived), and the others are left out and counted, never listed (an id can identify a person).
import { selectRows } from "./select-rows.js";
import type { SurveyData } from "../model/types.js";

export interface Deduplicated {
  survey: SurveyData;
  /** Submissions left out because a later one by the same respondent id in the same wave counts. */
  dropped: number;
  /** What was left out, for the survey's notes (a count, never an id); null when nothing was. */
  note: string | null;
}

export function latestSubmissions(survey: SurveyData): Deduplicated {
  const latest = new Map<string, number>();
  for (let r = 0; r < survey.rows; r++) {
    const id = survey.respondents[r];
    if (id !== null) latest.set(`${survey.waves[r] ?? ""}\u0000${id}`, r);
  }
  const keep: number[] = [];
  for (let r = 0; r < survey.rows; r++) {
    const id = survey.respondents[r];
    if (id === null || latest.get(`${survey.waves[r] ?? ""}\u0000${id}`) === r) keep.push(r);
  }
  if (keep.length === survey.rows) return { survey, dropped: 0, note: null };
  const dropped = survey.rows - keep.length;
  return {
    survey: selectRows(survey, keep),
    dropped,
    note: `${dropped} earlier submission${dropped === 1 ? "" : "s"} by respondents who answered again in the same wave left out: only the latest counts`,
  };
}
