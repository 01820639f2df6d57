// The relational coordination cell figures as they were computed before units kept their scores in typed arrays
// and answer patterns became bit masks: objects keyed by dimension name, text keys, map and filter. The fast path
// (src/survey/coordination.ts, coordination-privacy.ts, patterns.ts) must give the same numbers to the last bit.
import { RC_DIMENSIONS, COMMUNICATION_DIMENSIONS, RELATIONSHIP_DIMENSIONS } from "../../../src/model/coordination.js";
import type { RcDimension } from "../../../src/model/coordination.js";
import type { RcRating } from "../../../src/model/types.js";
import type { AnswerPattern, Figure } from "../../../src/survey/patterns.js";
import { weight } from "../../../src/survey/patterns.js";
import { chooseDetail } from "../../../src/survey/coordination-privacy.js";
import { summarise } from "../../../src/survey/scoring.js";

interface Unit {
  person: number;
  raterGroup: string;
  ratedGroup: string;
  scores: Partial<Record<RcDimension, number>>;
  index: number;
}

const meanOf = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, x) => a + x, 0) / xs.length);
const answered = (unit: Unit, dims: readonly RcDimension[]) =>
  dims.map((d) => unit.scores[d]).filter((x): x is number => x !== undefined);

function toUnits(ratings: readonly RcRating[]): Unit[] {
  const byKey = new Map<string, Unit>();
  for (const r of ratings) {
    const key = `${r.person}\u0000${r.ratedGroup}`;
    let unit = byKey.get(key);
    if (!unit)
      byKey.set(
        key,
        (unit = { person: r.person, raterGroup: r.raterGroup, ratedGroup: r.ratedGroup, scores: {}, index: NaN }),
      );
    if (unit.scores[r.dimension] === undefined) unit.scores[r.dimension] = r.score;
  }
  const units = [...byKey.values()];
  for (const u of units) u.index = meanOf(answered(u, RC_DIMENSIONS));
  return units;
}

/** Respondents grouped by which items they answered, keyed by text. */
export function plainAnswerPatterns(columns: readonly ArrayLike<number>[], rows: readonly number[]): AnswerPattern[] {
  const byKey = new Map<string, AnswerPattern>();
  for (const r of rows) {
    const answeredItems = columns.map((c) => !Number.isNaN(c[r]));
    if (!answeredItems.some(Boolean)) continue;
    const key = answeredItems.map((a) => (a ? "1" : "0")).join("");
    const pattern = byKey.get(key);
    if (pattern) pattern.persons++;
    else byKey.set(key, { persons: 1, answered: answeredItems });
  }
  return [...byKey.values()];
}

function cellDetail(units: readonly Unit[], k: number) {
  const columns = RC_DIMENSIONS.map((d) => units.map((u) => u.scores[d] ?? NaN));
  const patterns = plainAnswerPatterns(
    columns,
    units.map((_, i) => i),
  );
  const share = (dims: readonly RcDimension[]): Figure => {
    const inSet = RC_DIMENSIONS.map((d) => dims.includes(d));
    return (p, i) => {
      if (!inSet[i]) return 0;
      let n = 0;
      for (let j = 0; j < inSet.length; j++) if (inSet[j] && p.answered[j]) n++;
      return weight(1, n);
    };
  };
  const raters = (dims: readonly RcDimension[]) =>
    units.filter((u) => dims.some((d) => u.scores[d] !== undefined)).length;
  // Which figures are offered and kept is not part of the fast path: the shared choice, given the plain parts.
  return chooseDetail(patterns, share, raters, k);
}

function cellEstimate(members: Unit[], k: number) {
  const s = summarise(members.map((u) => u.index));
  const detail = cellDetail(members, k);
  const subIndex = (dims: readonly RcDimension[], shown: boolean) => {
    const values = members.map((u) => meanOf(answered(u, dims))).filter((x) => !Number.isNaN(x));
    return !shown || values.length === 0 ? null : meanOf(values);
  };
  return {
    n: s.n,
    index: s.mean,
    sd: s.sd,
    ci: s.ci,
    communication: subIndex(COMMUNICATION_DIMENSIONS, detail.communication),
    relationship: subIndex(RELATIONSHIP_DIMENSIONS, detail.relationship),
    dimensions: RC_DIMENSIONS.map((dimension, j) => {
      const values = members.map((u) => u.scores[dimension]).filter((x): x is number => x !== undefined);
      return { dimension, mean: detail.dimensions[j] ? meanOf(values) : null };
    }),
    withholds: RC_DIMENSIONS.some((d, j) => !detail.dimensions[j] && members.some((u) => u.scores[d] !== undefined)),
  };
}

/** Every cell's figures (whether shown or not), keyed "rater→rated", and the within and between means. */
export function plainCoordination(ratings: readonly RcRating[], k: number) {
  const units = toUnits(ratings);
  const cells = new Map<string, Unit[]>();
  for (const u of units) {
    const key = `${u.raterGroup}→${u.ratedGroup}`;
    cells.set(key, [...(cells.get(key) ?? []), u]);
  }
  const pool = (within: boolean) =>
    meanOf(units.filter((u) => (u.raterGroup === u.ratedGroup) === within).map((u) => u.index));
  return {
    cells: new Map([...cells].map(([key, members]) => [key, cellEstimate(members, k)])),
    within: pool(true),
    between: pool(false),
  };
}

/**
 * Ratings from a wide export as analyse.ts made them before the units were read from the columns directly: a
 * rating per answer, row by row, columns in the configuration's order.
 */
export function plainWideRatings(
  answers: Record<string, Float64Array>,
  raterGroups: readonly (string | null)[],
  rows: readonly number[],
  columns: Record<string, { rated: string; dimension: RcDimension }>,
): RcRating[] {
  const ratings: RcRating[] = [];
  const mapped = Object.entries(columns).filter(([column]) => answers[column] !== undefined);
  for (const row of rows) {
    const raterGroup = raterGroups[row];
    if (raterGroup === null) continue;
    for (const [column, { rated, dimension }] of mapped) {
      const score = answers[column][row];
      if (!Number.isNaN(score)) ratings.push({ person: row, raterGroup, ratedGroup: rated, dimension, score });
    }
  }
  return ratings;
}
