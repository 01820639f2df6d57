// Columns that identify people — names, emails, staff numbers — must never become boundaries: a boundary's values
// are printed as group labels, file names and chart titles, where a pseudonym for the person id would be undone by
// the name beside it. A column is judged an identifier by its header, the shape of its values, or their spread.
import type { PeopleData, SurveyData } from "../model/types.js";

/** --allow-identifier-boundary with --pseudonymise: refused. */
export const PSEUDONYMISED_IDENTIFIERS = {
  option: "--allow-identifier-boundary",
  message: "cannot be used with --pseudonymise",
  expected: "one or the other",
  hint: "a boundary's values are printed as group labels, so names, emails or ids there would undo the pseudonyms",
};

/** More distinct values than this make a column something other than groups. */
export const MAX_GROUP_VALUES = 100;

/** Header words that always mean a personal identifier. */
const PERSONAL_WORDS = new Set([
  "name",
  "names",
  "fullname",
  "firstname",
  "surname",
  "lastname",
  "forename",
  "email",
  "mail",
  "phone",
  "mobile",
  "telephone",
  "address",
  "postcode",
  "username",
  "login",
  "upn",
  "nhs",
  "ni",
]);
/** Header words that mean an identifier when most values are distinct (a "team id" with 12 values is a boundary). */
const CODE_WORDS = new Set(["id", "ids", "identifier", "number", "no", "num", "code", "ref", "reference", "key"]);
/**
 * Header words of free-text columns: never read (README, "Privacy"), not even to plan what may be published. Other
 * free text is told by its values (surveyGroupColumns) after it is read.
 */
const FREE_TEXT_WORDS = new Set([
  "comment",
  "comments",
  "feedback",
  "freetext",
  "text",
  "note",
  "notes",
  "remark",
  "remarks",
  "suggestion",
  "suggestions",
  "verbatim",
  "explain",
  "explanation",
]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Fewer values than this cannot be judged by their spread alone. */
const SPREAD_MIN_VALUES = 20;
const NEAR_UNIQUE = 0.9;

/** Header words, split at non-letters and camelCase: "workEmail" → ["work", "email"]. */
function headerWords(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w !== "");
}

/** Whether a survey column's header says it holds free text ("Comments", "any_other_feedback"). */
export const isFreeTextHeader = (header: string) => headerWords(header).some((w) => FREE_TEXT_WORDS.has(w));

/**
 * Why a column looks like a personal identifier, or null. `values` are its non-empty values (one per row);
 * `personIds` the ids of people.csv, when known (a column of person ids — a manager, a buddy — identifies too).
 */
function identifierReason(header: string, values: readonly string[], personIds?: ReadonlySet<string>): string | null {
  const words = headerWords(header);
  const personal = words.find((w) => PERSONAL_WORDS.has(w));
  if (personal) return `its header says "${personal}"`;
  const distinct = new Set(values).size;
  const spread = values.length === 0 ? 0 : distinct / values.length;
  const code = words.find((w) => CODE_WORDS.has(w));
  if (code && spread > 0.5) return `its header says "${code}" and most values are distinct`;
  const emails = values.filter((v) => EMAIL.test(v)).length;
  if (values.length > 0 && emails * 2 >= values.length) return "its values are email addresses";
  if (personIds && values.length > 0 && values.filter((v) => personIds.has(v)).length * 2 >= values.length)
    return "its values are person ids";
  if (values.length >= SPREAD_MIN_VALUES && spread >= NEAR_UNIQUE)
    return `nearly every value is different (${distinct} of ${values.length})`;
  return null;
}

/** Attribute columns of people.csv that look like personal identifiers, with the reason. */
export function identifierColumns(people: PeopleData): Map<string, string> {
  const ids = new Set(people.people.map((p) => p.id));
  const found = new Map<string, string>();
  for (const column of people.attributeColumns) {
    const values = people.people.map((p) => p.attributes[column]).filter((v): v is string => v !== undefined);
    const reason = identifierReason(column, values, ids);
    if (reason) found.set(column, reason);
  }
  return found;
}

export function identifierProblem(name: string, reason: string, flag: string) {
  return {
    option: flag,
    message: `"${name}" looks like a personal identifier (${reason}), so it is not used as a boundary`,
    expected: "a group attribute such as organisation, team or profession",
    hint: "choose another attribute; if the column really holds groups, not people, pass --allow-identifier-boundary",
  };
}

/**
 * Which of the survey's own columns a run without people.csv must not show as boundaries (`dropped`): personal
 * identifiers, free text told by its values and columns with too many values to be groups (unless named and allowed
 * explicitly), and the problem for each one named with --boundary. Every column is planned over all the same
 * (survey-groups.ts).
 */
export function surveyGroupColumns(
  survey: SurveyData,
  requested: string[] | undefined,
  allowIdentifiers: boolean,
  rater: string | undefined,
) {
  const named = (c: string) => requested?.some((b) => b.toLowerCase() === c.toLowerCase()) ?? false;
  const dropped: string[] = [];
  const problems: ReturnType<typeof identifierProblem>[] = [];
  for (const [column, values] of Object.entries(survey.groups)) {
    const present = values.filter((v): v is string => v !== null);
    const reason =
      identifierReason(column, present) ??
      (new Set(present).size > MAX_GROUP_VALUES ? `more than ${MAX_GROUP_VALUES} values` : null);
    const isRater = column.toLowerCase() === rater?.toLowerCase();
    if (reason === null || isRater || (named(column) && allowIdentifiers)) continue;
    dropped.push(column);
    if (named(column)) problems.push(identifierProblem(column, reason, "--boundary"));
  }
  return { dropped, problems };
}
