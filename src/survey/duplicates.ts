// One person, one response per wave. Five submissions by one respondent id must not make a group of five: within a
// wave only the latest submission of each id counts (the last in the file — exports list submissions in the order
// they arrived), and the others are left out and counted, never listed (an id can identify a person).
import type { SurveyData } from "../model/types.js";

export interface Deduplicated {
  /** The rows that count, ascending. */
  rows: number[];
  /** Submissions left out because a later one by the same respondent id in the same wave counts. */
  dropped: number;
  /** What was left out, for the survey's notes (a count, never an id); null when nothing was. */
  note: string | null;
}

export function latestSubmissions(survey: SurveyData): Deduplicated {
  // From the last row back, a row counts unless its id was already seen in its wave (a missing wave as ""): one
  // lookup per row in a Set per wave, instead of a text key joining wave and id made twice per row.
  const rows = latestFromTheEnd(survey);
  rows.reverse();
  const dropped = survey.rows - rows.length;
  return {
    rows,
    dropped,
    note:
      dropped === 0
        ? null
        : `${dropped} earlier submission${dropped === 1 ? "" : "s"} by respondents who answered again in the same wave left out: only the latest counts`,
  };
}

/**
 * The rows that count, from the last back. Alone in its function, nothing after the loop but a return:
 * see docs/architecture.md, "Long loops in code that runs once".
 */
function latestFromTheEnd(survey: SurveyData): number[] {
  const seenIn = new Map<string, Set<string>>();
  const rows: number[] = [];
  for (let r = survey.rows - 1; r >= 0; r--) {
    const id = survey.respondents[r];
    if (id !== null) {
      const wave = survey.waves[r] ?? "";
      let seen = seenIn.get(wave);
      if (!seen) seenIn.set(wave, (seen = new Set()));
      if (seen.has(id)) continue;
      seen.add(id);
    }
    rows.push(r);
  }
  return rows;
}
