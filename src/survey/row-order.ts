// Responses are exchangeable, but floating-point sums are not: putting rows in an order fixed by their content makes
// every figure independent of the order of the export's rows, to the last bit.
//
// The order is that of each row's fields joined by U+0000 (wave, group columns and items by name, respondent) and
// compared as text. Since U+0000 is the smallest code unit, that is the fields compared one after another, as long
// as no field contains U+0000 itself: then each field is replaced by the rank of its text among the column's
// distinct texts, and rows are ordered rank by rank by a stable counting sort per column, last column first. So no
// key is built per row (that took 0.2 s for 12,600 rows of 60 fields), no two rows are compared, and no answer is
// turned into text but the column's distinct values (distinct numbers have distinct texts, but for 0 and −0, which
// a Map takes as one key): 55 ms of CPU for M's 12,596 rows. A field with U+0000 in it (never in a real export)
// takes the joined keys.
import type { SurveyData } from "../model/types.js";
import { dictFromEntries } from "../model/dict.js";
import { byName } from "./cells.js";
import { selectRows } from "./select-rows.js";
import { countingOrder } from "../util/counting-order.js";

const SEPARATOR = "\u0000";

export function canonicalOrder(survey: SurveyData): SurveyData {
  const columns = columnsOf(survey);
  return selectRows(withSharedTexts(survey, columns), rowsInOrder(survey.rows, columns));
}

/** A column as the numbers of its distinct values (in order of first appearance) and each value's text. */
interface Coded {
  codes: Int32Array;
  texts: string[];
}

/** The rows in canonical order (exported for the test that holds it equal to the joined keys' order). */
export function canonicalRows(survey: SurveyData): number[] {
  return rowsInOrder(survey.rows, columnsOf(survey));
}

/**
 * The survey with each wave and group value one string per distinct text (the one its column's coding kept), not
 * one per row as read. Maps keyed by group (every scale's groups, the plan's cells, the RC matrix) then find a key by
 * identity instead of comparing its characters: grouping M's waves by their groups took ~8 times as long before.
 */
function withSharedTexts(survey: SurveyData, columns: readonly Coded[]): SurveyData {
  // A missing value is coded as "" (for the order) and stays missing.
  const shared = (values: readonly (string | null)[], { codes, texts }: Coded) =>
    values.map((value, r) => (value === null ? null : texts[codes[r]]));
  const names = groupNames(survey);
  return {
    ...survey,
    waves: shared(survey.waves, columns[0]),
    groups: dictFromEntries(
      Object.entries(survey.groups).map(([g, values]) => [g, shared(values, columns[1 + names.indexOf(g)])] as const),
    ),
  };
}

function rowsInOrder(count: number, columns: readonly Coded[]): number[] {
  const rows = Array.from({ length: count }, (_, r) => r);
  if (columns.some(({ texts }) => texts.some((text) => text.includes(SEPARATOR)))) {
    const keys = rows.map((r) => columns.map(({ codes, texts }) => texts[codes[r]]).join(SEPARATOR));
    return rows.sort((a, b) => byName(keys[a], keys[b]) || a - b);
  }
  // Least significant column first, each pass a stable counting sort of the ranks: the result is ordered by the
  // first column, then the second, … and, where all are equal, by row number (the order the first pass started from).
  let order: Int32Array = Int32Array.from(rows);
  for (let f = columns.length - 1; f >= 0; f--) {
    const { codes, texts } = columns[f];
    const rankOfCode = new Int32Array(texts.length);
    texts
      .map((_, code) => code)
      .sort((a, b) => byName(texts[a], texts[b]))
      .forEach((code, rank) => (rankOfCode[code] = rank));
    order = countingOrder(
      order,
      codes.map((code) => rankOfCode[code]),
      texts.length,
    );
  }
  return Array.from(order);
}

/** Each column coded, in key order: wave, group columns by name, items by name, respondent. */
function columnsOf(survey: SurveyData): Coded[] {
  return [
    codedTexts(survey.waves),
    ...groupNames(survey).map((g) => codedTexts(survey.groups[g])),
    ...Object.keys(survey.answers)
      .sort(byName)
      .map((i) => codedNumbers(survey.answers[i])),
    codedTexts(survey.respondents),
  ];
}

const groupNames = (survey: SurveyData) => Object.keys(survey.groups).sort(byName);

/** A missing text reads as "". */
function codedTexts(column: readonly (string | null)[]): Coded {
  const seen = new Map<string, number>();
  const codes = new Int32Array(column.length);
  for (let r = 0; r < column.length; r++) {
    const text = column[r] ?? "";
    let code = seen.get(text);
    if (code === undefined) seen.set(text, (code = seen.size));
    codes[r] = code;
  }
  return { codes, texts: [...seen.keys()] };
}

/** Answers below this whole number are coded through an array indexed by the answer instead of a Map. */
const SMALL_ANSWERS = 64;

function codedNumbers(column: Float64Array): Coded {
  // Answers are nearly all small whole numbers (a Map lookup per answer was a third of the row order's time). Both
  // ways number the values by first appearance, as one Map did; −0 is 0 in both, as a Map key and as an index.
  const codeOfSmall = new Int32Array(SMALL_ANSWERS).fill(-1);
  const seen = new Map<number, number>();
  const values: number[] = [];
  const codes = new Int32Array(column.length);
  for (let r = 0; r < column.length; r++) {
    const x = column[r];
    let code: number | undefined;
    if (x >= 0 && x < SMALL_ANSWERS && Number.isInteger(x)) {
      code = codeOfSmall[x];
      if (code < 0) codeOfSmall[x] = code = values.push(x) - 1;
    } else {
      code = seen.get(x);
      if (code === undefined) seen.set(x, (code = values.push(x) - 1));
    }
    codes[r] = code;
  }
  return { codes, texts: values.map(String) };
}
