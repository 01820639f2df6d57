// Responses are exchangeable, but floating-point sums are not: putting rows in an order fixed by their content makes
// every figure independent of the order of the export's rows, to the last bit.
//
// The order is that of each row's fields joined by U+0000 (wave, group columns and items by name, respondent) and
// compared as text. Since U+0000 is the smallest code unit, that is the fields compared one after another, as long
// as no field contains U+0000 itself: then rows are sorted by the first field, and only rows still tied are sorted
// by the next one, and so on until no two rows are tied (at M after the groups and a few items, not the ~50 items
// and the respondent a pass over every row per field took). Within a field, rows are ordered by the rank of their
// text among the tied rows' distinct texts (a stable counting sort), so no key is built per row, no two rows are
// compared, and no answer is turned into text but the distinct values (distinct numbers have distinct texts, but
// for 0 and −0, which a Map takes as one key). A field with U+0000 in it (never in a real export) takes the joined
// keys.
import type { SurveyData } from "../model/types.js";
import { dictFromEntries } from "../model/dict.js";
import { byName } from "./cells.js";
import { selectRows } from "./select-rows.js";
import { countingOrder } from "../util/counting-order.js";

const SEPARATOR = "\u0000";

/** A survey put in canonical order, and where each of its rows was in the survey as given. */
export interface Ordered {
  survey: SurveyData;
  origin: readonly number[];
}

/**
 * The survey's rows (all, or those given, in ascending order) in canonical order. Answer columns in `leftOut` are not
 * copied into it: their reader takes them from the survey as given, through `origin`.
 */
export function canonicalOrder(
  survey: SurveyData,
  rows: readonly number[] = allRows(survey.rows),
  leftOut?: ReadonlySet<string>,
): Ordered {
  const shared = sharedColumns(survey);
  const origin = rowsInOrder(survey, rows, shared);
  return { survey: selectRows(withSharedTexts(survey, shared), origin, leftOut), origin };
}

/** A column as the numbers of its distinct values (in order of first appearance) and each value's text. */
interface Coded {
  codes: Int32Array;
  texts: string[];
}

/** Wave and group columns (by name) coded over every row: the order reads them, the reordered survey shares their texts. */
interface SharedColumns {
  waves: Coded;
  groups: Map<string, Coded>;
}

/** The rows in canonical order (exported for the test that holds it equal to the joined keys' order). */
export function canonicalRows(survey: SurveyData): number[] {
  return rowsInOrder(survey, allRows(survey.rows), sharedColumns(survey));
}

const allRows = (count: number) => Array.from({ length: count }, (_, r) => r);

function sharedColumns(survey: SurveyData): SharedColumns {
  return {
    waves: codedTexts(survey.waves),
    groups: new Map(groupNames(survey).map((g) => [g, codedTexts(survey.groups[g])])),
  };
}

/**
 * The survey with each wave and group value one string per distinct text (the one its column's coding kept), not
 * one per row as read. Maps keyed by group (every scale's groups, the plan's cells, the RC matrix) then find a key by
 * identity instead of comparing its characters: grouping M's waves by their groups took ~8 times as long before.
 */
function withSharedTexts(survey: SurveyData, shared: SharedColumns): SurveyData {
  return {
    ...survey,
    waves: sharedTexts(survey.waves, shared.waves),
    groups: dictFromEntries(
      Object.entries(survey.groups).map(([g, values]) => [g, sharedTexts(values, shared.groups.get(g)!)] as const),
    ),
  };
}

/** A field of the key: its values' codes and texts for some rows (codes[i] is that of rows[i]). */
type Field = (rows: Int32Array) => Coded;

function rowsInOrder(survey: SurveyData, rows: readonly number[], shared: SharedColumns): number[] {
  if (hasSeparator(survey, shared)) return joinedKeyOrder(survey, rows);
  const order = Int32Array.from(rows);
  // Positions in `order` of rows tied with a neighbour in every field so far, ascending, and each one's run of tied
  // rows: runs are numbered in order and each fills consecutive positions.
  let tied = identity(rows.length);
  let runOf = new Int32Array(rows.length);
  let runs = 1;
  for (const field of fieldsOf(survey, shared)) {
    if (tied.length === 0) break;
    const tiedRows = gather(order, tied);
    const { codes, texts } = field(tiedRows);
    const rank = ranksOf(codes, texts);
    // Stable by run, then by rank within a run: each run's rows stay in its positions, sorted by this field.
    const sorted = countingOrder(countingOrder(identity(tied.length), rank, texts.length), runOf, runs);
    const nextTied = new Int32Array(sorted.length);
    const nextRunOf = new Int32Array(sorted.length);
    const stillTied = place({ order, tied, tiedRows, sorted, runOf, rank }, nextTied, nextRunOf);
    runs = stillTied === 0 ? 0 : nextRunOf[stillTied - 1] + 1;
    tied = nextTied.subarray(0, stillTied);
    runOf = nextRunOf.subarray(0, stillTied);
  }
  return Array.from(order);
}

/**
 * The tied rows put in their sorted order, and those still tied with a neighbour (with their new runs) noted; returns
 * how many. Alone in its function, nothing after the loop but a return (its first call is the first field, every
 * row): see docs/architecture.md, "Long loops in code that runs once".
 */
function place(
  {
    order,
    tied,
    tiedRows,
    sorted,
    runOf,
    rank,
  }: Record<"order" | "tied" | "tiedRows" | "sorted" | "runOf" | "rank", Int32Array>,
  nextTied: Int32Array,
  nextRunOf: Int32Array,
): number {
  let stillTied = 0;
  let runs = 0;
  for (let i = 0; i < sorted.length; i++) {
    order[tied[i]] = tiedRows[sorted[i]];
    const j = i + 1;
    const tiedWithNext = j < sorted.length && sameKey(sorted[i], sorted[j], runOf, rank);
    const tiedWithLast = i > 0 && sameKey(sorted[i - 1], sorted[i], runOf, rank);
    if (!tiedWithNext && !tiedWithLast) continue;
    if (!tiedWithLast) runs++;
    nextTied[stillTied] = tied[i];
    nextRunOf[stillTied++] = runs - 1;
  }
  return stillTied;
}

function identity(count: number): Int32Array {
  const numbers = new Int32Array(count);
  for (let i = 0; i < count; i++) numbers[i] = i;
  return numbers;
}

const sameKey = (a: number, b: number, runOf: Int32Array, rank: Int32Array) =>
  runOf[a] === runOf[b] && rank[a] === rank[b];

/** Each code's rank among the texts (byName), per entry. */
function ranksOf(codes: Int32Array, texts: readonly string[]): Int32Array {
  const rankOfCode = new Int32Array(texts.length);
  texts
    .map((_, code) => code)
    .sort((a, b) => byName(texts[a], texts[b]))
    .forEach((code, rank) => (rankOfCode[code] = rank));
  return gather(rankOfCode, codes);
}

/** The key's fields in order: wave, group columns by name, items by name, respondent. */
function* fieldsOf(survey: SurveyData, shared: SharedColumns): Generator<Field> {
  yield (rows) => picked(shared.waves, rows);
  for (const g of groupNames(survey)) yield (rows) => picked(shared.groups.get(g)!, rows);
  for (const i of Object.keys(survey.answers).sort(byName)) yield (rows) => codedNumbers(survey.answers[i], rows);
  yield (rows) => codedTexts(survey.respondents, rows);
}

/** A coded column narrowed to some rows (its texts, some perhaps unused, kept: only their order is read). */
const picked = ({ codes, texts }: Coded, rows: Int32Array): Coded => ({ codes: gather(codes, rows), texts });

/**
 * values[at[i]] for each i. Loops of the module, not `map` with an arrow made per call: an arrow is a call per value,
 * and this runs once per field over every tied row, mostly before V8 has optimised it.
 */
function gather(values: Int32Array, at: Int32Array): Int32Array {
  const out = new Int32Array(at.length);
  for (let i = 0; i < at.length; i++) out[i] = values[at[i]];
  return out;
}

/** Each value one string per distinct text (its code's); a missing value is coded as "" (for the order) and stays missing. */
function sharedTexts(values: readonly (string | null)[], { codes, texts }: Coded): (string | null)[] {
  // Pushed, not written into `new Array(n)`: that array has holes until filled, and every later read checks for one.
  const out: (string | null)[] = [];
  for (let r = 0; r < values.length; r++) out.push(values[r] === null ? null : texts[codes[r]]);
  return out;
}

/** Whether a text field holds U+0000 (the answers' texts are numbers'). */
function hasSeparator(survey: SurveyData, shared: SharedColumns): boolean {
  const inTexts = ({ texts }: Coded) => texts.some((text) => text.includes(SEPARATOR));
  return (
    inTexts(shared.waves) || [...shared.groups.values()].some(inTexts) || respondentHasSeparator(survey.respondents)
  );
}

/** A loop, not `some` with an arrow: a call per respondent until V8 optimises it. */
function respondentHasSeparator(respondents: readonly (string | null)[]): boolean {
  for (let r = 0; r < respondents.length; r++) if (respondents[r]?.includes(SEPARATOR)) return true;
  return false;
}

/** The plain order: each row's fields joined by U+0000 and compared as text, ties by row. */
function joinedKeyOrder(survey: SurveyData, rows: readonly number[]): number[] {
  const groups = groupNames(survey).map((g) => survey.groups[g]);
  const items = Object.keys(survey.answers)
    .sort(byName)
    .map((i) => survey.answers[i]);
  const keyOf = (r: number) =>
    [
      survey.waves[r] ?? "",
      ...groups.map((values) => values[r] ?? ""),
      ...items.map((answers) => String(answers[r])),
      survey.respondents[r] ?? "",
    ].join(SEPARATOR);
  const keys = new Map(rows.map((r) => [r, keyOf(r)]));
  return [...rows].sort((a, b) => byName(keys.get(a)!, keys.get(b)!) || a - b);
}

const groupNames = (survey: SurveyData) => Object.keys(survey.groups).sort(byName);

/** A missing text reads as "". */
function codedTexts(column: readonly (string | null)[], rows?: Int32Array): Coded {
  const seen = new Map<string, number>();
  const codes = new Int32Array(rows ? rows.length : column.length);
  codeTexts(column, rows, seen, codes);
  return { codes, texts: [...seen.keys()] };
}

// Nothing after the loop: see place().
function codeTexts(
  column: readonly (string | null)[],
  rows: Int32Array | undefined,
  seen: Map<string, number>,
  codes: Int32Array,
): void {
  for (let i = 0; i < codes.length; i++) {
    const text = column[rows ? rows[i] : i] ?? "";
    let code = seen.get(text);
    if (code === undefined) seen.set(text, (code = seen.size));
    codes[i] = code;
  }
}

/** Answers below this whole number are coded through an array indexed by the answer instead of a Map. */
const SMALL_ANSWERS = 64;

function codedNumbers(column: Float64Array, rows: Int32Array): Coded {
  // Answers are nearly all small whole numbers (a Map lookup per answer was a third of the row order's time). Both
  // ways number the values by first appearance, as one Map did; −0 is 0 in both, as a Map key and as an index.
  const codeOfSmall = new Int32Array(SMALL_ANSWERS).fill(-1);
  const seen = new Map<number, number>();
  const values: number[] = [];
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const x = column[rows[i]];
    let code: number | undefined;
    if (x >= 0 && x < SMALL_ANSWERS && Number.isInteger(x)) {
      code = codeOfSmall[x];
      if (code < 0) codeOfSmall[x] = code = values.push(x) - 1;
    } else {
      code = seen.get(x);
      if (code === undefined) seen.set(x, (code = values.push(x) - 1));
    }
    codes[i] = code;
  }
  return { codes, texts: values.map(String) };
}
