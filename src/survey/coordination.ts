// Relational Coordination matrix (Gittell): rater group × rated group, RC index and dimensions, within- vs
// between-group ties, conventional bands and asymmetry. Which cells, aggregates, dimensions and sub-indices may be
// shown is decided in coordination-privacy.ts; the units are read in coordination-units.ts and laid out in
// coordination-matrix.ts. Formulas in docs/methods.md#survey.
import type { CoordinationConfig } from "../model/config.js";
import type { RcRating } from "../model/types.js";
import { hedgesG, welchTest } from "./compare.js";
import { cellDetail, planCoordination } from "./coordination-privacy.js";
import {
  meanAnswered,
  unitsFromRatings,
  unitsFromWide,
  type UnitTable,
  type WideRatings,
} from "./coordination-units.js";
import { RC_BANDS_NOTE, RC_DEFAULT_ASYMMETRY, RC_DEFAULT_BANDS } from "../model/presets.js";
import {
  COMMUNICATION_DIMENSIONS,
  RC_DIMENSIONS,
  RELATIONSHIP_DIMENSIONS,
  type RcDimension,
} from "../model/coordination.js";
import { summarise } from "./scoring.js";
import { byName, cellId, matrixOf, type Cell, type Matrix } from "./coordination-matrix.js";
import type { CoordinationResult, RcAggregate, RcAsymmetry, RcCell, RcEstimate } from "../result/survey.js";

export type { WideRatings } from "./coordination-units.js";

const maskOf = (dims: readonly RcDimension[]) => dims.reduce((mask, d) => mask | (1 << RC_DIMENSIONS.indexOf(d)), 0);
const COMMUNICATION = maskOf(COMMUNICATION_DIMENSIONS);
const RELATIONSHIP = maskOf(RELATIONSHIP_DIMENSIONS);

export interface CoordinationOptions {
  raterAttribute: string;
  wave: string | null;
  source: "wide" | "long";
  config: CoordinationConfig | undefined;
  minGroupSize: number;
}

const receivedId = (group: string) => `received\u0000${group}`;

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

/** Cells and aggregates to hide (src/survey/coordination-privacy.ts). */
function hiddenIds(t: UnitTable, m: Matrix, minGroupSize: number): Set<string> {
  return planCoordination(
    m.cells.map(({ id, raterGroup, ratedGroup, from, to }) => {
      const persons = new Set<number>();
      for (let i = from; i < to; i++) persons.add(t.person[m.order[i]]);
      return { id, raterGroup, ratedGroup, persons };
    }),
    minGroupSize,
  );
}

/** The mean over the members of their means of the dimensions in `mask` (members answering none left out). */
function subIndex(t: UnitTable, members: Int32Array, mask: number): number | null {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < members.length; i++) {
    const mean = meanAnswered(t, members[i], mask);
    if (Number.isNaN(mean)) continue;
    sum += mean;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** The mean of dimension j over the members who answered it. */
function dimensionMean(t: UnitTable, members: Int32Array, j: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < members.length; i++)
    if (t.answered[members[i]] & (1 << j)) {
      sum += t.scores[j][members[i]];
      n++;
    }
  return n === 0 ? NaN : sum / n;
}

/**
 * RC index, sub-indices and dimension means of one shown cell. Sub-indices and dimensions need k raters each and,
 * beside the index, must not single out raters by the dimensions they answered; `withheld` counts cells that hold one back.
 */
function cellEstimate(
  t: UnitTable,
  m: Matrix,
  cell: Cell,
  k: number,
  bandOf: (x: number) => RcEstimate["band"],
  withheld: { cells: number },
): RcEstimate {
  const s = summarise(m.indices.subarray(cell.from, cell.to));
  const members = m.order.subarray(cell.from, cell.to);
  const detail = cellDetail(t, members, k);
  let answeredAny = 0;
  for (let i = 0; i < members.length; i++) answeredAny |= t.answered[members[i]];
  if (RC_DIMENSIONS.some((_, j) => !detail.dimensions[j] && answeredAny & (1 << j))) withheld.cells++;
  return {
    suppressed: false,
    n: s.n,
    index: s.mean,
    sd: s.sd,
    ci: s.ci,
    band: bandOf(s.mean),
    communication: detail.communication ? subIndex(t, members, COMMUNICATION) : null,
    relationship: detail.relationship ? subIndex(t, members, RELATIONSHIP) : null,
    dimensions: RC_DIMENSIONS.map((dimension, j) => ({
      dimension,
      mean: detail.dimensions[j] ? dimensionMean(t, members, j) : null,
    })),
  };
}

/** How each pair of groups rates the other, both directions shown, largest difference first. */
function asymmetriesOf(m: Matrix, estimates: Map<string, RcEstimate>, threshold: number): RcAsymmetry[] {
  const scoresOf = new Map(m.cells.map((c) => [c.id, m.indices.subarray(c.from, c.to)]));
  const asymmetries: RcAsymmetry[] = [];
  for (let i = 0; i < m.groups.length; i++) {
    for (let j = i + 1; j < m.groups.length; j++) {
      const [a, b] = [m.groups[i], m.groups[j]];
      const ab = estimates.get(cellId(a, b));
      const ba = estimates.get(cellId(b, a));
      if (!ab || !ba) continue;
      const abScores = scoresOf.get(cellId(a, b))!;
      const baScores = scoresOf.get(cellId(b, a))!;
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

/** Pools of units by rating: persons counted once (marked with the pool's number), indices summed in unit order. */
class Pool {
  ratings = 0;
  sum = 0;
  persons = 0;
  constructor(
    private readonly marks: Int32Array,
    private readonly mark: number,
  ) {}
  add(person: number, index: number) {
    this.ratings++;
    this.sum += index;
    if (this.marks[person] !== this.mark) {
      this.marks[person] = this.mark;
      this.persons++;
    }
  }
  result(hidden: boolean): RcAggregate {
    if (hidden || this.ratings === 0) return { suppressed: true };
    return { suppressed: false, n: this.persons, ratings: this.ratings, index: this.sum / this.ratings };
  }
}

/** The within-group pool, the between-group pool and each group's received pool (between-group, by rated group). */
function poolsOf(t: UnitTable, m: Matrix) {
  const within = new Pool(new Int32Array(t.persons), 1);
  const between = new Pool(new Int32Array(t.persons), 1);
  poolUnits(t, within, between);
  // Group by group (m.byRated), so the received pools share one marks array: one each grows as groups × persons.
  const marks = new Int32Array(t.persons);
  const received = m.groups.map((_, g) => new Pool(marks, g + 1));
  poolReceived(t, m, received);
  return { within, between, received };
}

// Each loop alone in its function (the two in poolsOf were compiled on-stack there): see docs/architecture.md, "Long
// loops in code that runs once".
function poolUnits(t: UnitTable, within: Pool, between: Pool): void {
  for (let u = 0; u < t.count; u++) {
    if (t.rater[u] === t.rated[u]) within.add(t.person[u], t.index[u]);
    else between.add(t.person[u], t.index[u]);
  }
}

function poolReceived(t: UnitTable, m: Matrix, received: Pool[]): void {
  for (let i = 0; i < t.count; i++) {
    const u = m.byRated[i];
    if (t.rater[u] !== t.rated[u]) received[m.rank[t.rated[u]]].add(t.person[u], t.index[u]);
  }
}

export function analyseCoordination(ratings: readonly RcRating[], options: CoordinationOptions): CoordinationResult {
  const { min, max } = settingsOf(options.config);
  let outOfRange = 0;
  for (let i = 0; i < ratings.length; i++) if (ratings[i].score < min || ratings[i].score > max) outOfRange++;
  return analyseUnits(unitsFromRatings(ratings), outOfRange, options);
}

/** The RC matrix from a wide export (see unitsFromWide); null when none of the configured columns has an answer. */
export function analyseWideCoordination(wide: WideRatings, options: CoordinationOptions): CoordinationResult | null {
  const { min, max } = settingsOf(options.config);
  const { units, outOfRange } = unitsFromWide(wide, min, max);
  return units.count === 0 ? null : analyseUnits(units, outOfRange, options);
}

function analyseUnits(t: UnitTable, outOfRange: number, options: CoordinationOptions): CoordinationResult {
  const k = options.minGroupSize;
  const { min, max, weak, strong, asymmetryThreshold } = settingsOf(options.config);
  const m = matrixOf(t);
  const hidden = hiddenIds(t, m, k);

  const bandOf = (x: number): RcEstimate["band"] => (x < weak ? "weak" : x > strong ? "strong" : "moderate");
  const estimates = new Map<string, RcEstimate>();
  const withheld = { cells: 0 };
  const cells: RcCell[] = m.cells.map((cell) => {
    const { raterGroup, ratedGroup } = cell;
    const within = raterGroup === ratedGroup;
    if (hidden.has(cell.id)) return { raterGroup, ratedGroup, within, suppressed: true };
    const e = cellEstimate(t, m, cell, k, bandOf, withheld);
    estimates.set(cell.id, e);
    const { n, index, sd, ci, band, communication, relationship, dimensions } = e;
    // Written out, not spread: the same keys in the same order as `{ raterGroup, ratedGroup, within, ...e }`.
    return {
      raterGroup,
      ratedGroup,
      within,
      suppressed: false,
      n,
      index,
      sd,
      ci,
      band,
      communication,
      relationship,
      dimensions,
    };
  });
  const pools = poolsOf(t, m);

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
    within: pools.within.result(hidden.has("within")),
    between: pools.between.result(hidden.has("between")),
    received: m.groups.map((group, i) => ({ group, ...pools.received[i].result(hidden.has(receivedId(group))) })),
    asymmetries: asymmetriesOf(m, estimates, asymmetryThreshold),
    warnings,
  };
}
