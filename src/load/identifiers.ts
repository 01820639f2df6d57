// Columns that identify people — names, emails, staff numbers — must never become boundaries: a boundary's values
// are printed as group labels, file names and chart titles, where a pseudonym for the person id would be undone by
// the name beside it. A column is judged an identifier by its header, the shape of its values, or their spread.

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

/**
 * Why a column looks like a personal identifier, or null. `values` are its non-empty values (one per row);
 * `personIds` the ids of people.csv, when known (a column of person ids — a manager, a buddy — identifies too).
 */
export function identifierReason(
  header: string,
  values: readonly string[],
  personIds?: ReadonlySet<string>,
): string | null {
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
