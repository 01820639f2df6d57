// The relational coordination matrix as computed before its units became columns (src/survey/coordination-units.ts):
// a Unit object per (person, rated group) with its own Float64Array of scores, cells as lists of units, aggregates by
// map and filter, answer patterns from per-cell columns. test/perf/rc-fast-path.test.ts holds the column path equal
// to this one on the whole result. A copy of src/survey/coordination.ts at 37727b0 (only imports and names changed).
import type { CoordinationConfig } from "../../../src/model/config.js";
import type { RcRating } from "../../../src/model/types.js";
import { hedgesG, welchTest } from "../../../src/survey/compare.js";
import { chooseDetail, planCoordination, type CellDetail } from "../../../src/survey/coordination-privacy.js";
import { answerPatterns, weight, type Figure } from "../../../src/survey/patterns.js";
import { RC_BANDS_NOTE, RC_DEFAULT_ASYMMETRY, RC_DEFAULT_BANDS } from "../../../src/model/presets.js";
import {
  COMMUNICATION_DIMENSIONS,
  RC_DIMENSIONS,
  RELATIONSHIP_DIMENSIONS,
  type RcDimension,
} from "../../../src/model/coordination.js";
import { summarise } from "../../../src/survey/scoring.js";
import type { CoordinationResult, RcAggregate, RcAsymmetry, RcCell, RcEstimate } from "../../../src/result/survey.js";

/** One person's ratings of one group: the unit every RC figure averages over. */
interface Unit {
  person: number;
  raterGroup: string;
  ratedGroup: string;
  /** Score per dimension in RC_DIMENSIONS order, where `answered` has the dimension's bit. */
  scores: Float64Array;
  /** Bit j set when dimension RC_DIMENSIONS[j] was answered. */
  answered: number;
  index: number;
}

const meanOf = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, x) => a + x, 0) / xs.length);
const DIMENSION_NUMBERS = new Map(RC_DIMENSIONS.map((d, j) => [d, j]));
const maskOf = (dims: readonly RcDimension[]) => dims.reduce((mask, d) => mask | (1 << DIMENSION_NUMBERS.get(d)!), 0);
const ALL = maskOf(RC_DIMENSIONS);
const COMMUNICATION = maskOf(COMMUNICATION_DIMENSIONS);
const RELATIONSHIP = maskOf(RELATIONSHIP_DIMENSIONS);

/** Mean of the unit's answered dimensions among `mask`, summed in dimension order (NaN when none). */
function meanAnswered(unit: Unit, mask: number): number {
  let sum = 0;
  let n = 0;
  for (let j = 0; j < RC_DIMENSIONS.length; j++)
    if (unit.answered & mask & (1 << j)) {
      sum += unit.scores[j];
      n++;
    }
  return n === 0 ? NaN : sum / n;
}

/** Units in order of their first rating; one per (person, rated group), the rater group taken from its first rating. */
function toUnits(ratings: readonly RcRating[]): Unit[] {
  const byRated = new Map<string, Map<number, Unit>>();
  const units: Unit[] = [];
  for (const r of ratings) {
    let raters = byRated.get(r.ratedGroup);
    if (!raters) byRated.set(r.ratedGroup, (raters = new Map()));
    let unit = raters.get(r.person);
    if (!unit) {
      const scores = new Float64Array(RC_DIMENSIONS.length);
      unit = { person: r.person, raterGroup: r.raterGroup, ratedGroup: r.ratedGroup, scores, answered: 0, index: NaN };
      raters.set(r.person, unit);
      units.push(unit);
    }
    // A repeated answer to one dimension keeps the first: loaders report duplicates, the statistic stays defined.
    const bit = 1 << DIMENSION_NUMBERS.get(r.dimension)!;
    if (!(unit.answered & bit)) {
      unit.answered |= bit;
      unit.scores[DIMENSION_NUMBERS.get(r.dimension)!] = r.score;
    }
  }
  for (const u of units) u.index = meanAnswered(u, ALL);
  return units;
}

interface CoordinationOptions {
  raterAttribute: string;
  wave: string | null;
  source: "wide" | "long";
  config: CoordinationConfig | undefined;
  minGroupSize: number;
}

const cellId = (rater: string, rated: string) => `cell\u0000${rater}\u0000${rated}`;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The configured scale, bands and asymmetry threshold, with the conventional defaults. */
function settingsOf(config: CoordinationConfig | undefined) {
  return {
    min: config?.min ?? 1,
    max: config?.max ?? 5,
    weak: config?.bands?.weak ?? RC_DEFAULT_BANDS.weak,
    strong: config?.bands?.strong ?? RC_DEFAULT_BANDS.strong,
    asymmetryThreshold: config?.asymmetryThreshold ?? RC_DEFAULT_ASYMMETRY,
  };
}

/** The units laid out as a matrix: each cell's units (rater group → rated group), and within- and between-group units. */
interface Matrix {
  units: Unit[];
  groups: string[];
  cellUnits: Map<string, number[]>;
  withinUnits: number[];
  betweenUnits: number[];
  /** [rater group, rated group] of every non-empty cell, in name order. */
  pairs: [string, string][];
}

function matrixOf(units: Unit[]): Matrix {
  // A unit's cell is found by its two groups: a cell's text id is made once, not once per unit (~31,000 at M).
  const byRater = new Map<string, Map<string, number[]>>();
  const cellUnits = new Map<string, number[]>();
  units.forEach((u, i) => {
    let byRated = byRater.get(u.raterGroup);
    if (!byRated) byRater.set(u.raterGroup, (byRated = new Map()));
    let list = byRated.get(u.ratedGroup);
    if (!list) {
      byRated.set(u.ratedGroup, (list = []));
      cellUnits.set(cellId(u.raterGroup, u.ratedGroup), list);
    }
    list.push(i);
  });
  const all = units.map((_, i) => i);
  const withinUnits = all.filter((i) => units[i].raterGroup === units[i].ratedGroup);
  const betweenUnits = all.filter((i) => units[i].raterGroup !== units[i].ratedGroup);
  const pairs = [...cellUnits.keys()]
    .map((id) => id.split("\u0000").slice(1) as [string, string])
    .sort((a, b) => byName(a[0], b[0]) || byName(a[1], b[1]));
  const groups = [...new Set([...byRater].flatMap(([rater, byRated]) => [rater, ...byRated.keys()]))].sort(byName);
  return { units, groups, cellUnits, withinUnits, betweenUnits, pairs };
}

/** Units rating group g from another group. */
const receivedBy = (m: Matrix, g: string) => m.betweenUnits.filter((i) => m.units[i].ratedGroup === g);

function cellDetail(units: readonly { scores: ArrayLike<number>; answered: number }[], k: number): CellDetail {
  // Per dimension j, each unit's score where bit j of `answered` is set, else NaN (not answered).
  const columns = RC_DIMENSIONS.map((_, j) => units.map((u) => (u.answered & (1 << j) ? u.scores[j] : NaN)));
  const patterns = answerPatterns(
    columns,
    units.map((_, i) => i),
  );
  // 1/n for every count of answered dimensions, once: the search calls each figure for every pattern and dimension.
  const reciprocal = Array.from({ length: RC_DIMENSIONS.length + 1 }, (_, n) => (n === 0 ? 0 : weight(1, n)));
  const share = (dims: readonly RcDimension[]): Figure => {
    const inSet = RC_DIMENSIONS.map((d) => dims.includes(d));
    return (p, i) => {
      if (!inSet[i]) return 0;
      let answered = 0;
      for (let j = 0; j < inSet.length; j++) if (inSet[j] && p.answered[j]) answered++;
      return reciprocal[answered];
    };
  };
  const raters = (dims: readonly RcDimension[]) => {
    const mask = dims.reduce((m, d) => m | (1 << RC_DIMENSIONS.indexOf(d)), 0);
    let n = 0;
    for (const u of units) if (u.answered & mask) n++;
    return n;
  };
  return chooseDetail(patterns, share, raters, k);
}

/** Cells and aggregates to hide (src/survey/coordination-privacy.ts). */
function hiddenIds(m: Matrix, minGroupSize: number): Set<string> {
  return planCoordination(
    m.pairs.map(([raterGroup, ratedGroup]) => ({
      id: cellId(raterGroup, ratedGroup),
      raterGroup,
      ratedGroup,
      persons: new Set(m.cellUnits.get(cellId(raterGroup, ratedGroup))!.map((u) => m.units[u].person)),
    })),
    minGroupSize,
  );
}

/**
 * RC index, sub-indices and dimension means of one shown cell. Sub-indices and dimensions need k raters each and,
 * beside the index, must not single out raters by the dimensions they answered; `withheld` counts cells that hold one back.
 */
function cellEstimate(
  members: Unit[],
  k: number,
  bandOf: (x: number) => RcEstimate["band"],
  withheld: { cells: number },
): RcEstimate {
  const s = summarise(members.map((u) => u.index));
  const detail = cellDetail(members, k);
  // Indexed loops: until V8 optimises them, `for … of` makes an iterator result per unit.
  let answeredAny = 0;
  for (let i = 0; i < members.length; i++) answeredAny |= members[i].answered;
  if (RC_DIMENSIONS.some((_, j) => !detail.dimensions[j] && answeredAny & (1 << j))) withheld.cells++;
  const subIndex = (mask: number, shown: boolean) => {
    if (!shown) return null;
    const values: number[] = [];
    for (let i = 0; i < members.length; i++) {
      const mean = meanAnswered(members[i], mask);
      if (!Number.isNaN(mean)) values.push(mean);
    }
    return values.length === 0 ? null : meanOf(values);
  };
  return {
    suppressed: false,
    n: s.n,
    index: s.mean,
    sd: s.sd,
    ci: s.ci,
    band: bandOf(s.mean),
    communication: subIndex(COMMUNICATION, detail.communication),
    relationship: subIndex(RELATIONSHIP, detail.relationship),
    dimensions: RC_DIMENSIONS.map((dimension, j) => {
      if (!detail.dimensions[j]) return { dimension, mean: null };
      const values: number[] = [];
      for (let i = 0; i < members.length; i++) if (members[i].answered & (1 << j)) values.push(members[i].scores[j]);
      return { dimension, mean: meanOf(values) };
    }),
  };
}

/** How each pair of groups rates the other, both directions shown, largest difference first. */
function asymmetriesOf(m: Matrix, estimates: Map<string, RcEstimate>, threshold: number): RcAsymmetry[] {
  const asymmetries: RcAsymmetry[] = [];
  for (const [i, a] of m.groups.entries()) {
    for (const b of m.groups.slice(i + 1)) {
      const ab = estimates.get(cellId(a, b));
      const ba = estimates.get(cellId(b, a));
      if (!ab || !ba) continue;
      const abScores = m.cellUnits.get(cellId(a, b))!.map((u) => m.units[u].index);
      const baScores = m.cellUnits.get(cellId(b, a))!.map((u) => m.units[u].index);
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
        flagged: Math.abs(welch.difference) >= threshold && (welch.ci[0] > 0 || welch.ci[1] < 0),
      });
    }
  }
  return asymmetries.sort(
    (x, y) =>
      Math.abs(y.difference) - Math.abs(x.difference) || byName(x.groupA, y.groupA) || byName(x.groupB, y.groupB),
  );
}

export function objectCoordination(ratings: readonly RcRating[], options: CoordinationOptions): CoordinationResult {
  const { min, max } = settingsOf(options.config);
  return analyseUnits(toUnits(ratings), ratings.filter((r) => r.score < min || r.score > max).length, options);
}

/** The RC matrix from a wide export (see wideUnits); null when none of the configured columns has an answer. */
export function objectWideCoordination(wide: WideRatings, options: CoordinationOptions): CoordinationResult | null {
  const { min, max } = settingsOf(options.config);
  const { units, outOfRange } = wideUnits(wide, min, max);
  return units.length === 0 ? null : analyseUnits(units, outOfRange, options);
}

function analyseUnits(units: Unit[], outOfRange: number, options: CoordinationOptions): CoordinationResult {
  const k = options.minGroupSize;
  const { min, max, weak, strong, asymmetryThreshold } = settingsOf(options.config);
  const m = matrixOf(units);
  const hidden = hiddenIds(m, k);

  const bandOf = (x: number): RcEstimate["band"] => (x < weak ? "weak" : x > strong ? "strong" : "moderate");
  const estimates = new Map<string, RcEstimate>();
  const withheld = { cells: 0 };
  const cells: RcCell[] = m.pairs.map(([raterGroup, ratedGroup]) => {
    const id = cellId(raterGroup, ratedGroup);
    const within = raterGroup === ratedGroup;
    if (hidden.has(id)) return { raterGroup, ratedGroup, within, suppressed: true };
    const estimate = cellEstimate(
      m.cellUnits.get(id)!.map((i) => m.units[i]),
      k,
      bandOf,
      withheld,
    );
    estimates.set(id, estimate);
    return { raterGroup, ratedGroup, within, ...estimate };
  });

  const aggregate = (id: string, list: number[]): RcAggregate => {
    if (hidden.has(id) || list.length === 0) return { suppressed: true };
    return {
      suppressed: false,
      n: new Set(list.map((i) => m.units[i].person)).size,
      ratings: list.length,
      index: meanOf(list.map((i) => m.units[i].index)),
    };
  };

  const warnings: string[] = [];
  if (outOfRange > 0)
    warnings.push(`${outOfRange} RC answers lie outside ${min}–${max}: check the coordination block's min and max`);
  if (withheld.cells > 0)
    warnings.push(
      `${withheld.cells} shown ${withheld.cells === 1 ? "cell withholds" : "cells withhold"} some dimensions: fewer than ${k} raters answered them, or with the index and sub-indices they would single out the few raters who skipped dimensions`,
    );
  const hiddenCells = cells.filter((c) => c.suppressed).length;
  if (hiddenCells > 0)
    warnings.push(
      `${hiddenCells} of ${cells.length} cells are hidden: fewer than ${k} raters, or hiding them keeps a smaller cell from being recomputed`,
    );

  return {
    raterAttribute: options.raterAttribute,
    wave: options.wave,
    source: options.source,
    min,
    max,
    bands: { weak, strong, note: RC_BANDS_NOTE },
    asymmetryThreshold,
    groups: m.groups,
    cells,
    within: aggregate("within", m.withinUnits),
    between: aggregate("between", m.betweenUnits),
    received: m.groups.map((g) => ({ group: g, ...aggregate(`received\u0000${g}`, receivedBy(m, g)) })),
    asymmetries: asymmetriesOf(m, estimates, asymmetryThreshold),
    warnings,
  };
}

/** A wide export: each configured column holds one dimension of one rated group. */
interface WideRatings {
  answers: Record<string, Float64Array>;
  /** Each row's rater group: its value of the rater attribute. */
  raterGroups: readonly (string | null)[];
  rows: readonly number[];
  columns: NonNullable<CoordinationConfig["columns"]>;
}

/**
 * The units of a wide export, row by row (the respondent is the row) and within a row in order of the columns, as
 * toUnits makes them from the ratings read in that order (test/perf/survey-fast-paths.test.ts holds the two
 * equal): without a rating object per answer (~200,000 for 6,000 respondents and 35 columns), nor a lookup of the
 * unit by rated group and person, since a row's units are made while reading that row.
 */
function wideUnits({ answers, raterGroups, rows, columns }: WideRatings, min: number, max: number) {
  const mapped = Object.entries(columns).filter(([column]) => answers[column] !== undefined);
  const values = mapped.map(([column]) => answers[column]);
  const rated = mapped.map(([, c]) => c.rated);
  const dimension = mapped.map(([, c]) => DIMENSION_NUMBERS.get(c.dimension)!);
  const slot = rated.map((group) => rated.indexOf(group));
  const open = new Array<Unit | undefined>(mapped.length);
  const units: Unit[] = [];
  let outOfRange = 0;
  for (const row of rows) {
    const raterGroup = raterGroups[row];
    if (raterGroup === null) continue;
    open.fill(undefined, 0, mapped.length);
    for (let c = 0; c < mapped.length; c++) {
      const score = values[c][row];
      if (Number.isNaN(score)) continue;
      if (score < min || score > max) outOfRange++;
      let unit = open[slot[c]];
      if (!unit) {
        const scores = new Float64Array(RC_DIMENSIONS.length);
        unit = { person: row, raterGroup, ratedGroup: rated[c], scores, answered: 0, index: NaN };
        open[slot[c]] = unit;
        units.push(unit);
      }
      const bit = 1 << dimension[c];
      if (!(unit.answered & bit)) {
        unit.answered |= bit;
        unit.scores[dimension[c]] = score;
      }
    }
  }
  for (const u of units) u.index = meanAnswered(u, ALL);
  return { units, outOfRange };
}
