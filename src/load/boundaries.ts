// Which boundaries the audit reads groups from: the ones asked for (checked against people's attributes, and never
// a personal identifier unless allowed), else the usual ones, else every low-cardinality attribute.
import { didYouMean, type ProblemLog } from "../model/problems.js";
import type { PeopleData } from "../model/types.js";
import { identifierProblem, MAX_GROUP_VALUES } from "./identifiers.js";

const DEFAULT_BOUNDARIES = ["organisation", "team", "profession"];

/**
 * Explicit boundaries must exist and must not be personal identifiers (unless allowed); by default
 * organisation/team/profession, else every low-cardinality attribute — never an identifier.
 */
export function chooseBoundaries(
  requested: string[] | undefined,
  people: PeopleData | null,
  identifiers: Map<string, string>,
  allowIdentifiers: boolean,
  problems: ProblemLog,
): string[] {
  const columns = people?.attributeColumns ?? [];
  if (requested && requested.length > 0) {
    if (!people) return requested;
    const resolved: string[] = [];
    for (const name of requested) {
      const match = columns.find((c) => c.toLowerCase() === name.toLowerCase());
      const reason = match && identifiers.get(match);
      if (match && reason && !allowIdentifiers) problems.add(identifierProblem(match, reason, "--boundary"));
      else if (match) resolved.push(match);
      else {
        const suggestion = didYouMean(name, columns);
        problems.add({
          option: "--boundary",
          message: `unknown boundary "${name}"`,
          expected: `an attribute of people: ${columns.join(", ") || "(none)"}`,
          hint: suggestion ? `did you mean "${suggestion}"?` : "boundaries are attribute columns of people.csv",
        });
      }
    }
    return resolved;
  }
  // Without people, survey group columns are matched against the usual boundary names.
  if (!people) return DEFAULT_BOUNDARIES;
  const candidates = columns.filter((c) => !identifiers.has(c));
  const preferred = DEFAULT_BOUNDARIES.map((b) => candidates.find((c) => c.toLowerCase() === b)).filter(
    (c): c is string => c !== undefined,
  );
  if (preferred.length > 0) return preferred;
  return candidates.filter((column) => {
    const values = new Set<string>();
    for (const person of people.people) {
      const value = person.attributes[column];
      if (value !== undefined) values.add(value);
      if (values.size > MAX_GROUP_VALUES) return false;
    }
    return values.size > 1;
  });
}
