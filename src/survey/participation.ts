// Survey participation: responses per group in the current wave, published as the survey's one plan allows
// (src/survey/release.ts), against the headcounts of people.csv.
import type { PeopleData } from "../model/types.js";
import { byName, type Wave } from "./cells.js";
import { figureKey, RESPONSES } from "./release.js";
import type { ParticipationGroup } from "../result/survey.js";
import type { AttributeCodes } from "./wave-groups.js";

/** Responses per group in the current wave (as the plan allows), with headcounts from people.csv. */
export function participation(
  attributes: readonly AttributeCodes[],
  current: Wave,
  people: PeopleData | null,
  release: ReadonlySet<string>,
): ParticipationGroup[] {
  const totalShown = release.has(figureKey(RESPONSES, current.label, null, null));
  const result: ParticipationGroup[] = [];
  for (const { attribute, codes, values: named } of attributes) {
    const responsesOf = responsesByValue(codes, named, current.rows);
    const headcounts = headcountsOf(people, attribute);
    const values = [...new Set([...responsesOf.keys(), ...(headcounts?.keys() ?? [])])].sort(byName);
    for (const value of values) {
      const headcount = headcounts ? (headcounts.get(value) ?? 0) : null;
      const responses = responsesOf.get(value) ?? 0;
      if (responses === 0 || !totalShown || !release.has(figureKey(RESPONSES, current.label, attribute, value)))
        result.push({ attribute, value, headcount, suppressed: true });
      else
        result.push({
          attribute,
          value,
          headcount,
          suppressed: false,
          responses,
          rate: headcount ? responses / headcount : null,
        });
    }
  }
  return result;
}

/** Responses per value of an attribute among some rows (values without one left out), counted by code. */
function responsesByValue(codes: Int32Array, values: readonly string[], rows: readonly number[]): Map<string, number> {
  const counts = new Int32Array(values.length);
  countCodes(codes, rows, counts);
  const byValue = new Map<string, number>();
  for (let g = 0; g < values.length; g++) if (counts[g] > 0) byValue.set(values[g], counts[g]);
  return byValue;
}

// Alone in its function, nothing after the loop (--trace-deopt showed one deoptimisation per attribute before):
// see docs/architecture.md, "Long loops in code that runs once".
function countCodes(codes: Int32Array, rows: readonly number[], counts: Int32Array): void {
  for (let i = 0; i < rows.length; i++) if (codes[rows[i]] >= 0) counts[codes[rows[i]]]++;
}

/** People per value of an attribute (matched case-insensitively), leavers excluded; null when people.csv lacks it. */
function headcountsOf(people: PeopleData | null, attribute: string): Map<string, number> | null {
  const column = people?.attributeColumns.find((c) => c.toLowerCase() === attribute.toLowerCase());
  if (!people || !column) return null;
  const counts = new Map<string, number>();
  // An indexed loop: the function runs once per attribute, mostly before V8 optimises it, and `for … of` made an
  // iterator result per person until then.
  for (let i = 0; i < people.people.length; i++) {
    const person = people.people[i];
    const value = person.attributes[column];
    if (value === undefined || person.left !== undefined) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
