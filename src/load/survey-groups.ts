// Which columns of survey.csv are group columns. Survey privacy is planned over every one of them, shown or not
// (src/survey/release.ts), so the set must be the same in every run on the survey, whatever other files it reads and
// however many waves the file holds by then. It was not: with people.csv only people.csv's columns were read, and a
// run with people.csv (which had no team column) and a run on survey.csv alone published from two sets that together
// gave one respondent's answers, team T2 minus the doctors; and without people.csv a column with more than 100 values
// (team, once a second wave brought new teams) was planned in last month's run and not in this month's, which
// together gave the same answer (test/security/dropped-file-privacy.test.ts). So the planned set is decided by the
// header alone: every column but items, the respondent, the wave and free text by its header.
// What a run may *show* is judged as before — on people.csv's columns when it is read, else on the survey's values.
import { dictFromEntries } from "../model/dict.js";
import type { PeopleData, SurveyData } from "../model/types.js";
import { plural } from "../text/format.js";
import type { LoadContext } from "./context.js";
import { MAX_GROUP_VALUES, surveyGroupColumns } from "./identifiers.js";

interface SurveyRun {
  path: string;
  people: PeopleData | null;
  /** The boundaries (chosen from people.csv when it is read, else as requested). */
  named: string[] | undefined;
  allowIdentifiers: boolean;
}

const list = (names: readonly string[]) => `${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""}`;
const lower = (s: string) => s.toLowerCase();

/**
 * The survey with every planned group column (named as people.csv names it where it has it), and the columns a run
 * without people.csv must not show (personal identifiers, free text or too many values, judged on their values).
 */
export function surveyGroups(survey: SurveyData, ctx: LoadContext, run: SurveyRun) {
  const { path, people, named } = run;
  const rater = ctx.config.coordination?.raterAttribute;
  // Every column read is planned over, personal ones too: a manager_name column shown in a run that names it with
  // --allow-identifier-boundary, and left out of the plan in runs that do not, gave two sets whose figures combined
  // to one respondent's answers (test/security/dropped-file-privacy.test.ts). Groups smaller than k cost the plan
  // nothing (release.ts merges them), so a nearly unique column is cheap.
  const planned = Object.entries(survey.groups);
  const judged = surveyGroupColumns(survey, named, run.allowIdentifiers, rater);
  const caseOf = new Map((people?.attributeColumns ?? []).map((c) => [lower(c), c] as const));
  const hidden = judged.dropped.filter((g) => !caseOf.has(lower(g)));
  if (!people) for (const p of judged.problems) ctx.problems.add({ ...p, file: path });
  if (hidden.length > 0)
    ctx.warnings.push(
      `${path}: ${plural(hidden.length, "column")} never shown as groups (personal identifiers, free text or more than ${MAX_GROUP_VALUES} values; read only to decide what may be published): ${list(hidden)}`,
    );
  const unlisted = people
    ? planned
        .map(([g]) => g)
        .filter((g) => !caseOf.has(lower(g)) && !hidden.includes(g) && lower(g) !== lower(rater ?? ""))
    : [];
  if (unlisted.length > 0)
    ctx.warnings.push(
      `${path}: ${plural(unlisted.length, "column")} not in people.csv, so never shown (read only to decide what may be published): ${list(unlisted)}`,
    );
  const groups = dictFromEntries(planned.map(([g, v]) => [caseOf.get(lower(g)) ?? g, v] as const));
  return { survey: { ...survey, groups }, hidden };
}
