// Relational Coordination matrix (Gittell): rater group × rated group, RC index and dimensions, within- vs
// between-group ties, conventional bands and asymmetry. Privacy goes through planSuppression like every survey
// figure. Formulas in docs/methods.md#survey.
import type { CoordinationConfig } from "../load/config.js";
import { hedgesG, welchTest } from "./compare.js";
import { planSuppression, type Cell, type Parent } from "./privacy.js";
import {
  COMMUNICATION_DIMENSIONS,
  RC_BANDS_NOTE,
  RC_DEFAULT_ASYMMETRY,
  RC_DEFAULT_BANDS,
  RC_DIMENSIONS,
  RELATIONSHIP_DIMENSIONS,
  type RcDimension,
} from "./presets.js";
import { summarise } from "./scoring.js";
import type { CoordinationResult, RcAggregate, RcAsymmetry, RcCell, RcEstimate } from "./section.js";

/** One answer: a person in `raterGroup` rating `ratedGroup` on one dimension. */
export interface RcRating {
  /** Any id unique to the rating person (a survey row, a respondent id's index). */
  person: number;
  raterGroup: string;
  ratedGroup: string;
  dimension: RcDimension;
  score: number;
}

/** One person's ratings of one group: the unit every RC figure averages over. */
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
    // A repeated answer to one dimension keeps the first: loaders report duplicates, the statistic stays defined.
    if (unit.scores[r.dimension] === undefined) unit.scores[r.dimension] = r.score;
  }
  const units = [...byKey.values()];
  for (const u of units) u.index = meanOf(answered(u, RC_DIMENSIONS));
  return units;
}

export interface CoordinationOptions {
  raterAttribute: string;
  wave: string | null;
  source: "wide" | "long";
  config: CoordinationConfig | undefined;
  minGroupSize: number;
}

const cellId = (rater: string, rated: string) => `cell\u0000${rater}\u0000${rated}`;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function analyseCoordination(ratings: readonly RcRating[], options: CoordinationOptions): CoordinationResult {
  const { config, minGroupSize: k } = options;
  const min = config?.min ?? 1;
  const max = config?.max ?? 5;
  const weak = config?.bands?.weak ?? RC_DEFAULT_BANDS.weak;
  const strong = config?.bands?.strong ?? RC_DEFAULT_BANDS.strong;
  const asymmetryThreshold = config?.asymmetryThreshold ?? RC_DEFAULT_ASYMMETRY;
  const warnings: string[] = [];

  const units = toUnits(ratings);
  const personOf = (u: number) => units[u].person;
  const groups = [...new Set(units.flatMap((u) => [u.raterGroup, u.ratedGroup]))].sort(byName);
  const cellUnits = new Map<string, number[]>();
  units.forEach((u, i) => {
    const id = cellId(u.raterGroup, u.ratedGroup);
    const list = cellUnits.get(id);
    if (list) list.push(i);
    else cellUnits.set(id, [i]);
  });
  const all = units.map((_, i) => i);
  const withinUnits = all.filter((i) => units[i].raterGroup === units[i].ratedGroup);
  const betweenUnits = all.filter((i) => units[i].raterGroup !== units[i].ratedGroup);
  const matrix = [...cellUnits.keys()]
    .map((id) => id.split("\u0000").slice(1) as [string, string])
    .sort((a, b) => byName(a[0], b[0]) || byName(a[1], b[1]));

  // Aggregates that include several cells are parents: what they add beyond the shown cells must not expose anyone.
  const cells: Cell[] = [...cellUnits].map(([id, list]) => ({ id, units: list }));
  const parents: Parent[] = [
    { id: "within", units: withinUnits, parts: matrix.filter(([a, b]) => a === b).map(([a, b]) => cellId(a, b)) },
    { id: "between", units: betweenUnits, parts: matrix.filter(([a, b]) => a !== b).map(([a, b]) => cellId(a, b)) },
    ...groups.map((g) => ({
      id: `received\u0000${g}`,
      units: betweenUnits.filter((i) => units[i].ratedGroup === g),
      parts: matrix.filter(([a, b]) => b === g && a !== g).map(([a, b]) => cellId(a, b)),
    })),
  ];
  const hidden = planSuppression({ cells, parents, minGroupSize: k, personOf });

  const bandOf = (x: number): RcEstimate["band"] => (x < weak ? "weak" : x > strong ? "strong" : "moderate");
  const estimates = new Map<string, RcEstimate>();
  const matrixCells: RcCell[] = matrix.map(([raterGroup, ratedGroup]) => {
    const id = cellId(raterGroup, ratedGroup);
    const within = raterGroup === ratedGroup;
    if (hidden.has(id)) return { raterGroup, ratedGroup, within, suppressed: true };
    const members = cellUnits.get(id)!.map((i) => units[i]);
    const s = summarise(members.map((u) => u.index));
    const subIndex = (dims: readonly RcDimension[]) => {
      const values = members.map((u) => meanOf(answered(u, dims))).filter((x) => !Number.isNaN(x));
      return values.length === 0 ? null : meanOf(values);
    };
    const estimate: RcEstimate = {
      suppressed: false,
      n: s.n,
      index: s.mean,
      sd: s.sd,
      ci: s.ci,
      band: bandOf(s.mean),
      communication: subIndex(COMMUNICATION_DIMENSIONS),
      relationship: subIndex(RELATIONSHIP_DIMENSIONS),
      // A dimension answered by fewer than k raters in a shown cell is withheld on its own (primary rule only).
      dimensions: RC_DIMENSIONS.map((dimension) => {
        const values = members.map((u) => u.scores[dimension]).filter((x): x is number => x !== undefined);
        return { dimension, mean: values.length >= k ? meanOf(values) : null };
      }),
    };
    estimates.set(id, estimate);
    return { raterGroup, ratedGroup, within, ...estimate };
  });

  const aggregate = (id: string, list: number[]): RcAggregate => {
    if (hidden.has(id) || list.length === 0) return { suppressed: true };
    return {
      suppressed: false,
      n: new Set(list.map(personOf)).size,
      ratings: list.length,
      index: meanOf(list.map((i) => units[i].index)),
    };
  };

  const asymmetries: RcAsymmetry[] = [];
  for (const [i, a] of groups.entries()) {
    for (const b of groups.slice(i + 1)) {
      const ab = estimates.get(cellId(a, b));
      const ba = estimates.get(cellId(b, a));
      if (!ab || !ba) continue;
      const abScores = cellUnits.get(cellId(a, b))!.map((u) => units[u].index);
      const baScores = cellUnits.get(cellId(b, a))!.map((u) => units[u].index);
      // Later-minus-earlier convention of welchTest: pass B's view first so the difference is A→B minus B→A.
      const welch = welchTest(baScores, abScores);
      const g = hedgesG(baScores, abScores);
      if (!welch || !g) continue;
      asymmetries.push({
        groupA: a,
        groupB: b,
        aRatesB: ab.index,
        bRatesA: ba.index,
        nA: ab.n,
        nB: ba.n,
        difference: welch.difference,
        ci: welch.ci,
        p: welch.p,
        hedgesG: g.g,
        flagged: Math.abs(welch.difference) >= asymmetryThreshold && (welch.ci[0] > 0 || welch.ci[1] < 0),
      });
    }
  }
  asymmetries.sort(
    (x, y) =>
      Math.abs(y.difference) - Math.abs(x.difference) || byName(x.groupA, y.groupA) || byName(x.groupB, y.groupB),
  );

  const outOfRange = ratings.filter((r) => r.score < min || r.score > max).length;
  if (outOfRange > 0)
    warnings.push(`${outOfRange} RC answers lie outside ${min}–${max}: check the coordination block's min and max`);
  const hiddenCells = matrixCells.filter((c) => c.suppressed).length;
  if (hiddenCells > 0)
    warnings.push(
      `${hiddenCells} of ${matrixCells.length} cells are hidden: fewer than ${k} raters, or hiding them keeps a smaller cell from being recomputed`,
    );

  return {
    raterAttribute: options.raterAttribute,
    wave: options.wave,
    source: options.source,
    min,
    max,
    bands: { weak, strong, note: RC_BANDS_NOTE },
    asymmetryThreshold,
    groups,
    cells: matrixCells,
    within: aggregate("within", withinUnits),
    between: aggregate("between", betweenUnits),
    received: groups.map((g) => ({
      group: g,
      ...aggregate(
        `received\u0000${g}`,
        betweenUnits.filter((i) => units[i].ratedGroup === g),
      ),
    })),
    asymmetries,
    warnings,
  };
}

/**
 * Ratings from a wide export: each configured column holds one dimension of one rated group, answered by the
 * row's respondent, whose rater group is the row's value of the rater attribute.
 */
export function wideRatings(
  answers: Record<string, Float64Array>,
  raterGroups: readonly (string | null)[],
  rows: readonly number[],
  columns: NonNullable<CoordinationConfig["columns"]>,
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
