// The units of the relational coordination matrix (src/survey/coordination.ts) as columns: a unit is one person's
// ratings of one group. At M that is ~31,000 units; as objects each with its own Float64Array of scores they were
// most of the matrix's cold cost (allocation and garbage collection, code run before V8 optimised it), so each unit
// is a position in a few typed arrays, written by one loop over the export.
import type { CoordinationConfig } from "../model/config.js";
import type { RcRating } from "../model/types.js";
import { RC_DIMENSIONS } from "../model/coordination.js";

const DIMENSIONS = RC_DIMENSIONS.length;
const DIMENSION_NUMBERS = new Map(RC_DIMENSIONS.map((d, j) => [d, j]));

/** The units, in order of their first rating; one per (person, rated group), the rater group of its first rating. */
export interface UnitTable {
  count: number;
  /** Group names by number (some may be no unit's group). */
  names: string[];
  /** Persons numbered 0, 1, … (a unit's person matters only as the same or another one). */
  person: Int32Array;
  persons: number;
  rater: Int32Array;
  rated: Int32Array;
  /** Bit j set when dimension RC_DIMENSIONS[j] was answered. */
  answered: Uint8Array;
  /** Per dimension in RC_DIMENSIONS order, each unit's score; NaN where not answered. */
  scores: Float64Array[];
  /** The mean of the unit's answered dimensions, summed in dimension order. */
  index: Float64Array;
}

/** An empty table with room for `capacity` units. */
function table(capacity: number): UnitTable {
  return {
    count: 0,
    names: [],
    person: new Int32Array(capacity),
    persons: 0,
    rater: new Int32Array(capacity),
    rated: new Int32Array(capacity),
    answered: new Uint8Array(capacity),
    scores: RC_DIMENSIONS.map(() => new Float64Array(capacity).fill(NaN)),
    index: new Float64Array(capacity),
  };
}

/** The number of a group name, numbering it when new. */
function numberOf(names: string[], numbers: Map<string, number>, name: string): number {
  let n = numbers.get(name);
  if (n === undefined) {
    numbers.set(name, (n = names.length));
    names.push(name);
  }
  return n;
}

/** Records one answer of unit u (a repeated answer to a dimension keeps the first: loaders report duplicates). */
function answer(t: UnitTable, u: number, dimension: number, score: number): void {
  const bit = 1 << dimension;
  if (t.answered[u] & bit) return;
  t.answered[u] |= bit;
  t.scores[dimension][u] = score;
}

/** Each bit set: every dimension. */
const ALL_DIMENSIONS = (1 << DIMENSIONS) - 1;

/** Mean of the answered dimensions of unit u among `mask`, summed in dimension order (NaN when none). */
export function meanAnswered(t: UnitTable, u: number, mask: number): number {
  let sum = 0;
  let n = 0;
  for (let j = 0; j < DIMENSIONS; j++)
    if (t.answered[u] & mask & (1 << j)) {
      sum += t.scores[j][u];
      n++;
    }
  return n === 0 ? NaN : sum / n;
}

/** Each unit's index: the mean of its answered dimensions. */
function indexUnits(t: UnitTable): UnitTable {
  for (let u = 0; u < t.count; u++) t.index[u] = meanAnswered(t, u, ALL_DIMENSIONS);
  return t;
}

/** The units of long-form ratings. */
export function unitsFromRatings(ratings: readonly RcRating[]): UnitTable {
  const t = table(ratings.length);
  const numbers = new Map<string, number>();
  const personNumbers = new Map<number, number>();
  const byRated = new Map<string, Map<number, number>>();
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    let raters = byRated.get(r.ratedGroup);
    if (!raters) byRated.set(r.ratedGroup, (raters = new Map()));
    let u = raters.get(r.person);
    if (u === undefined) {
      raters.set(r.person, (u = t.count++));
      let person = personNumbers.get(r.person);
      if (person === undefined) personNumbers.set(r.person, (person = personNumbers.size));
      t.person[u] = person;
      t.rater[u] = numberOf(t.names, numbers, r.raterGroup);
      t.rated[u] = numberOf(t.names, numbers, r.ratedGroup);
    }
    answer(t, u, DIMENSION_NUMBERS.get(r.dimension)!, r.score);
  }
  t.persons = personNumbers.size;
  return indexUnits(t);
}

/** A wide export: each configured column holds one dimension of one rated group. */
export interface WideRatings {
  answers: Record<string, Float64Array>;
  /** Each row's rater group: its value of the rater attribute. */
  raterGroups: readonly (string | null)[];
  rows: readonly number[];
  /** Where each row's answers are in `answers`' columns, when not at the row itself (a reordered survey's origin). */
  answerRows?: readonly number[];
  columns: NonNullable<CoordinationConfig["columns"]>;
}

/**
 * The units of a wide export, row by row (the respondent is the row) and within a row in order of the columns, as
 * unitsFromRatings makes them from the ratings read in that order (test/perf/survey-fast-paths.test.ts holds the
 * two equal), without a rating object per answer; a row's units are made while reading that row. Also counts the
 * answers outside min–max.
 */
export function unitsFromWide(
  { answers, raterGroups, rows, answerRows, columns }: WideRatings,
  min: number,
  max: number,
) {
  const mapped = Object.entries(columns).filter(([column]) => answers[column] !== undefined);
  const values = mapped.map(([column]) => answers[column]);
  const ratedNames = mapped.map(([, c]) => c.rated);
  const dimension = mapped.map(([, c]) => DIMENSION_NUMBERS.get(c.dimension)!);
  // A row's unit for a rated group sits in the slot of the group's first column.
  const slot = ratedNames.map((group) => ratedNames.indexOf(group));
  const t = table(rows.length * new Set(ratedNames).size);
  const numbers = new Map<string, number>();
  // Names of groups no unit rates are numbered too: the matrix lists only the groups of its units.
  const rated = ratedNames.map((name) => numberOf(t.names, numbers, name));
  const open = new Int32Array(mapped.length);
  const personOf = new Map<number, number>();
  let outOfRange = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const raterGroup = raterGroups[row];
    if (raterGroup === null) continue;
    let rater = -1;
    let person = -1;
    open.fill(-1);
    const at = answerRows ? answerRows[row] : row;
    for (let c = 0; c < mapped.length; c++) {
      const score = values[c][at];
      if (Number.isNaN(score)) continue;
      if (score < min || score > max) outOfRange++;
      let u = open[slot[c]];
      if (u < 0) {
        if (rater < 0) rater = numberOf(t.names, numbers, raterGroup);
        if (person < 0) {
          person = personOf.get(row) ?? personOf.size;
          personOf.set(row, person);
        }
        u = open[slot[c]] = t.count++;
        t.person[u] = person;
        t.rater[u] = rater;
        t.rated[u] = rated[c];
      }
      answer(t, u, dimension[c], score);
    }
  }
  t.persons = personOf.size;
  return { units: indexUnits(t), outOfRange };
}
