// Which columns of survey.csv are group columns. Survey privacy is planned over every one of them, shown or not
// (src/survey/release.ts), so the plan must not depend on which other files a run reads. It did: with people.csv only
// people.csv's columns were read, and a run with people.csv (which had no team column) and a run on survey.csv alone
// published from two sets that together gave one respondent's answers, team T2 minus the doctors
// (test/security/dropped-file-privacy.test.ts). A survey column people.csv lacks is now judged as a run without
// people.csv judges it, and planned over (never shown: it is not a boundary).
import { dictFromEntries } from "../model/dict.js";
import type { PeopleData, SurveyData } from "../model/types.js";
import { plural } from "../text/format.js";
import type { LoadContext } from "./context.js";
import { MAX_GROUP_VALUES, surveyGroupColumns } from "./identifiers.js";

interface SurveyRun {
  path: string;
  people: PeopleData | null;
  /** people.csv's attribute columns that look like personal identifiers. */
  identifiers: ReadonlyMap<string, string>;
  /** The boundaries (chosen from people.csv when it is read, else as requested). */
  named: string[] | undefined;
  allowIdentifiers: boolean;
}

const list = (names: readonly string[]) => `${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""}`;
const lower = (s: string) => s.toLowerCase();

/** The survey with its group columns judged, named as people.csv names them where it has them. */
export function surveyGroups(survey: SurveyData, ctx: LoadContext, run: SurveyRun): SurveyData {
  const { path, people, named } = run;
  const rater = ctx.config.coordination?.raterAttribute;
  const judged = surveyGroupColumns(survey, named, run.allowIdentifiers, rater);
  if (!people) {
    for (const p of judged.problems) ctx.problems.add({ ...p, file: path });
    dropNote(ctx, path, judged.dropped);
    return judged.survey;
  }
  // people.csv's columns as before (judged there, named as there); the survey's others as without people.csv.
  const caseOf = new Map(people.attributeColumns.map((c) => [lower(c), c] as const));
  const boundary = new Set((named ?? []).map(lower));
  const keep = (g: string) => {
    const column = caseOf.get(lower(g));
    if (column === undefined) return Object.hasOwn(judged.survey.groups, g);
    return !run.identifiers.has(column) || boundary.has(lower(column)) || lower(g) === lower(rater ?? "");
  };
  const groups = Object.entries(survey.groups).filter(([g]) => keep(g));
  const unlisted = groups.map(([g]) => g).filter((g) => !caseOf.has(lower(g)) && lower(g) !== lower(rater ?? ""));
  dropNote(
    ctx,
    path,
    judged.dropped.filter((g) => !caseOf.has(lower(g))),
  );
  if (unlisted.length > 0)
    ctx.warnings.push(
      `${path}: ${plural(unlisted.length, "column")} not in people.csv, so never shown (read only to decide what may be published): ${list(unlisted)}`,
    );
  return { ...survey, groups: dictFromEntries(groups.map(([g, v]) => [caseOf.get(lower(g)) ?? g, v] as const)) };
}

function dropNote(ctx: LoadContext, path: string, dropped: readonly string[]) {
  if (dropped.length > 0)
    ctx.warnings.push(
      `${path}: ${plural(dropped.length, "column")} not used as groups (personal identifiers, free text or more than ${MAX_GROUP_VALUES} values), so never shown: ${list(dropped)}`,
    );
}
