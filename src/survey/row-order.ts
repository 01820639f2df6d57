// Responses are exchangeable, but floating-point sums are not: putting rows in an order fixed by their content makes
// every figure independent of the order of the export's rows, to the last bit.
//
// The order is that of each row's fields joined by U+0000 (wave, group columns and items by name, respondent) and
// compared as text. Since U+0000 is the smallest code unit, that is the fields compared one after another, as long
// as no field contains U+0000 itself: then each field is replaced by the rank of its text among the column's
// distinct texts, and rows are ordered rank by rank, without building a key per row (0.2 s for 12,600 rows of
// 60 fields) or comparing rows (a stable counting sort per column, last column first). A field with U+0000 in it
// (never in a real export) takes the joined keys.
import type { SurveyData } from "../model/types.js";
import { byName } from "./cells.js";
import { selectRows } from "./select-rows.js";

const SEPARATOR = "\u0000";

export function canonicalOrder(survey: SurveyData): SurveyData {
  return selectRows(survey, canonicalRows(survey));
}

/** The rows in canonical order (exported for the test that holds it equal to the joined keys' order). */
export function canonicalRows(survey: SurveyData): number[] {
  const fields = fieldsOf(survey);
  const rows = Array.from({ length: survey.rows }, (_, r) => r);
  const texts = fields.map((field) => distinctTexts(field, survey.rows));
  if (texts.some((column) => [...column.keys()].some((text) => text.includes(SEPARATOR)))) {
    const keys = rows.map((r) => fields.map((field) => field(r)).join(SEPARATOR));
    return rows.sort((a, b) => byName(keys[a], keys[b]) || a - b);
  }
  const ranks = fields.map((field, f) => {
    const rankOf = new Map([...texts[f].keys()].sort(byName).map((text, rank) => [text, rank]));
    return Int32Array.from(rows, (r) => rankOf.get(field(r))!);
  });
  // Least significant column first, each pass a stable counting sort: the result is ordered by the first column,
  // then the second, … and, where all are equal, by row number (the order the first pass started from): the
  // comparison of ranks column by column, without a comparator sort's ~200,000 calls.
  let order = Int32Array.from(rows);
  for (let f = ranks.length - 1; f >= 0; f--) order = countingSort(order, ranks[f], texts[f].size);
  return Array.from(order);
}

/** `order` stably sorted by `key` (values 0 … distinct − 1). */
function countingSort(order: Int32Array, key: Int32Array, distinct: number): Int32Array {
  const next = new Int32Array(distinct + 1);
  for (const r of order) next[key[r] + 1]++;
  for (let k = 1; k <= distinct; k++) next[k] += next[k - 1];
  const sorted = new Int32Array(order.length);
  for (const r of order) sorted[next[key[r]]++] = r;
  return sorted;
}

/** Each field of a row as text, in key order: wave, group columns by name, items by name, respondent. */
function fieldsOf(survey: SurveyData): ((r: number) => string)[] {
  const text = (column: readonly (string | null)[]) => (r: number) => column[r] ?? "";
  return [
    text(survey.waves),
    ...Object.keys(survey.groups)
      .sort(byName)
      .map((g) => text(survey.groups[g])),
    ...Object.keys(survey.answers)
      .sort(byName)
      .map((i) => numberText(survey.answers[i])),
    text(survey.respondents),
  ];
}

/** A column of numbers as text; the few distinct answers are turned into text once each. */
function numberText(column: Float64Array): (r: number) => string {
  const texts = new Map<number, string>();
  return (r) => {
    const x = column[r];
    let text = texts.get(x);
    if (text === undefined) texts.set(x, (text = String(x)));
    return text;
  };
}

function distinctTexts(field: (r: number) => string, rows: number): Map<string, true> {
  const seen = new Map<string, true>();
  for (let r = 0; r < rows; r++) seen.set(field(r), true);
  return seen;
}
