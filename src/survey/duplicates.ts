// One person, one response per wave. Five submissions by one respondent id must not make a group of five: within a
// wave only the latest submission of each id counts (the last in the file — exports list submissions in the order
// they arrived), and the others are left out and counted, never listed (an id can identify a person).
import type { SurveyData } from "../model/types.js";

export interface Deduplicated {
  /** The rows that count, ascending. */
  rows: number[];
  /**
   * Each row's respondent as a number, the same for the same id, −1 where the id is missing (every row as read; the
   * wave changes' repeated respondents). Numbers are below the count of rows that count: each id has one.
   */
  respondents: Int32Array;
  /** Submissions left out because a later one by the same respondent id in the same wave counts. */
  dropped: number;
  /** What was left out, for the survey's notes (a count, never an id); null when nothing was. */
  note: string | null;
}

export function latestSubmissions(survey: SurveyData): Deduplicated {
  // From the last row back, a row counts unless its id was already seen in its wave (a missing wave as ""): each id
  // numbered once, by one lookup per row, and marked per wave, instead of a text key joining wave and id made twice
  // per row; the numbers serve the wave changes too.
  const respondents = new Int32Array(survey.rows);
  const rows = latestFromTheEnd(survey, respondents);
  rows.reverse();
  const dropped = survey.rows - rows.length;
  return {
    rows,
    respondents,
    dropped,
    note:
      dropped === 0
        ? null
        : `${dropped} earlier submission${dropped === 1 ? "" : "s"} by respondents who answered again in the same wave left out: only the latest counts`,
  };
}

/**
 * The rows that count, from the last back; each row's respondent number written. Alone in its function, nothing
 * after the loop but a return: see docs/architecture.md, "Long loops in code that runs once".
 */
function latestFromTheEnd(survey: SurveyData, respondents: Int32Array): number[] {
  const numberOf = new Map<string, number>();
  const waveNumber = new Map<string, number>();
  // (wave, respondent) pairs seen, as wave number × rows + respondent number (below 2^53 while rows < 9e7): one set
  // whatever the number of waves (an array per wave grew as rows × waves: 1.5 GB for 40,000 one-row waves).
  const seen = new Set<number>();
  const rows: number[] = [];
  for (let r = survey.rows - 1; r >= 0; r--) {
    const id = survey.respondents[r];
    if (id === null) {
      respondents[r] = -1;
      rows.push(r);
      continue;
    }
    let n = numberOf.get(id);
    if (n === undefined) numberOf.set(id, (n = numberOf.size));
    respondents[r] = n;
    const wave = survey.waves[r] ?? "";
    let w = waveNumber.get(wave);
    if (w === undefined) waveNumber.set(wave, (w = waveNumber.size));
    const pair = w * survey.rows + n;
    if (seen.has(pair)) continue;
    seen.add(pair);
    rows.push(r);
  }
  return rows;
}
