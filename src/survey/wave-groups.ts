// Every scale's figures per wave: the wave's total and its groups by each shown attribute, as the release plan allows
// (src/survey/release.ts), and the scored rows of every shown cell for the wave changes.
//
// Written as a few long loops over typed columns, not as a group of rows picked and summarised per figure: a survey is
// analysed once per run, so most of this code runs before V8 has optimised it, and each small function, closure,
// array of row numbers or boxed double per group (~1,300 groups per scale per wave at M) costs more there than the
// arithmetic. Each group's scored rows are found by a counting sort of the wave's scored rows by group, so a group's
// rows stay in row order and every sum is taken in the same order as before, to the last bit.
//
// Each long loop is alone in its function with nothing after it but a return (void, or a bare local):
// see docs/architecture.md, "Long loops in code that runs once".
import type { SurveyData } from "../model/types.js";
import type { Band, Estimate, GroupResult, ScaleBands, WaveResult } from "../result/survey.js";
import { byName, groupCell, numberFirstSeen, TOTAL, type Wave } from "./cells.js";
import { figureKey } from "./release.js";
import type { Reliability } from "./reliability.js";
import { summaryOf } from "./scoring.js";
import type { ScoredScale } from "./scored.js";

/** A shown attribute of the survey as a column of codes: each row's value's rank by name, −1 where it is missing. */
export interface AttributeCodes {
  attribute: string;
  codes: Int32Array;
  /** The attribute's values in name order (a code is an index here). */
  values: string[];
}

export function attributeCodes(survey: SurveyData, attributes: readonly string[]): AttributeCodes[] {
  return attributes.map((attribute) => {
    const seen = new Map<string, number>();
    const codes = numberFirstSeen(survey.groups[attribute], seen);
    const firstSeen = [...seen.keys()];
    const byRank = firstSeen.map((_, code) => code).sort((a, b) => byName(firstSeen[a], firstSeen[b]));
    const rankOf = new Int32Array(byRank.length);
    for (let rank = 0; rank < byRank.length; rank++) rankOf[byRank[rank]] = rank;
    renumber(codes, rankOf);
    return { attribute, codes, values: byRank.map((code) => firstSeen[code]) };
  });
}

function renumber(codes: Int32Array, numberOf: Int32Array): void {
  for (let r = 0; r < codes.length; r++) if (codes[r] >= 0) codes[r] = numberOf[codes[r]];
}

/** A shown cell's scored rows (in row order), their scores and the scores' mean: what the wave changes compare. */
export interface Sample {
  rows: Int32Array;
  scores: Float64Array;
  mean: number;
}

export interface WaveFigures {
  waveResults: WaveResult[];
  groups: GroupResult[];
  /** Per wave, the shown cells (TOTAL or groupCell) and their samples. */
  shownGroups: Map<string, Sample>[];
  /** Per wave, the figure of its total when shown. */
  totals: (Estimate | null)[];
}

/** One scale's wave totals and groups, privacy-planned together. */
export function figuresByWave(
  scale: ScoredScale,
  waves: readonly Wave[],
  attributes: readonly AttributeCodes[],
  release: { family: string; shown: ReadonlySet<string> },
  reliabilityOf: (wave: number) => Reliability,
): WaveFigures {
  const figures: WaveFigures = { waveResults: [], groups: [], shownGroups: [], totals: [] };
  const bands = scale.scale.bands ?? null;
  const sums = new Float64Array(SUMS);
  for (let w = 0; w < waves.length; w++) {
    const label = waves[w].label;
    const total = scoredSample(scale.scores, waves[w].rows);
    const totalShown = release.shown.has(figureKey(release.family, label, null, null));
    const shown = new Map<string, Sample>();
    let totalFigure: Estimate | null = null;
    if (!totalShown) {
      if (label !== null) figures.waveResults.push({ wave: label, suppressed: true });
    } else {
      totalFigure = estimateOf(scale, total.rows, total.scores, 0, total.rows.length, bands, sums);
      shown.set(TOTAL, { ...total, mean: totalFigure.mean });
      if (label !== null) figures.waveResults.push(waveResult(label, totalFigure, reliabilityOf(w).alpha));
    }
    for (const codes of attributes) {
      const grouped = groupedSample(codes, total);
      const { attribute, values } = codes;
      for (let g = 0; g < values.length; g++) {
        const from = grouped.start[g];
        const to = grouped.start[g + 1];
        if (from === to) continue;
        const value = values[g];
        if (!totalShown || !release.shown.has(figureKey(release.family, label, attribute, value))) {
          figures.groups.push(groupResult(attribute, value, label, null));
          continue;
        }
        const figure = estimateOf(scale, grouped.rows, grouped.scores, from, to, bands, sums);
        const rows = grouped.rows.subarray(from, to);
        shown.set(groupCell(attribute, value), { rows, scores: grouped.scores.subarray(from, to), mean: figure.mean });
        figures.groups.push(groupResult(attribute, value, label, figure));
      }
    }
    figures.shownGroups.push(shown);
    figures.totals.push(totalFigure);
  }
  return figures;
}

/** The wave's rows with a score, and their scores. */
function scoredSample(scores: Float64Array, rows: readonly number[]): { rows: Int32Array; scores: Float64Array } {
  const scored = new Int32Array(countScored(scores, rows));
  const values = new Float64Array(scored.length);
  fillScored(scores, rows, scored, values);
  return { rows: scored, scores: values };
}

function countScored(scores: Float64Array, rows: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (!Number.isNaN(scores[rows[i]])) n++;
  return n;
}

function fillScored(scores: Float64Array, rows: readonly number[], scored: Int32Array, values: Float64Array): void {
  for (let i = 0, j = 0; i < rows.length; i++) {
    const x = scores[rows[i]];
    if (Number.isNaN(x)) continue;
    scored[j] = rows[i];
    values[j++] = x;
  }
}

/** A sample's rows and scores put in order of their group (a stable counting sort): group g's are start[g] to start[g + 1]. */
function groupedSample(
  { codes, values }: AttributeCodes,
  sample: { rows: Int32Array; scores: Float64Array },
): { start: Int32Array; rows: Int32Array; scores: Float64Array } {
  const start = new Int32Array(values.length + 1);
  countGroups(codes, sample.rows, start);
  // start[0] counted the missing values (code −1): they are left out, so the first group starts at 0.
  start[0] = 0;
  for (let g = 0; g < values.length; g++) start[g + 1] += start[g];
  const rows = new Int32Array(start[values.length]);
  const scores = new Float64Array(rows.length);
  fillGroups(codes, sample.rows, sample.scores, start.slice(0, values.length), rows, scores);
  return { start, rows, scores };
}

function countGroups(codes: Int32Array, rows: Int32Array, start: Int32Array): void {
  for (let i = 0; i < rows.length; i++) start[codes[rows[i]] + 1]++;
}

function fillGroups(
  codes: Int32Array,
  from: Int32Array,
  fromScores: Float64Array,
  next: Int32Array,
  rows: Int32Array,
  scores: Float64Array,
): void {
  for (let i = 0; i < from.length; i++) {
    const g = codes[from[i]];
    if (g < 0) continue;
    const at = next[g]++;
    rows[at] = from[i];
    scores[at] = fromScores[i];
  }
}

/** The running sums of a figure: Welford's mean and m2, answered items, items in the top two boxes. */
const SUMS = 4;

/**
 * Mean, spread, interval (Welford's update, in row order, as summarise: no score here is NaN, so n counts every one),
 * favourable share (from each row's counts of answered and top-two-box items, so whole numbers summed) and band of
 * the scores from..to of a sample.
 */
function estimateOf(
  { answered, favourable }: ScoredScale,
  rows: Int32Array,
  scores: Float64Array,
  from: number,
  to: number,
  bands: ScaleBands | null,
  sums: Float64Array,
): Estimate {
  sums.fill(0);
  accumulate(answered, favourable, rows, scores, from, to, sums);
  const s = summaryOf(to - from, sums[0], sums[1]);
  return {
    suppressed: false,
    n: s.n,
    mean: s.mean,
    sd: s.sd,
    ci: s.ci,
    favourable: sums[2] === 0 ? NaN : sums[3] / sums[2],
    band: bandOf(s.mean, bands),
  };
}

/** The sums kept in a typed array, not locals: nothing after the loop, and no boxed double per update before V8 optimises it. */
function accumulate(
  answered: Int32Array,
  favourable: Int32Array,
  rows: Int32Array,
  scores: Float64Array,
  from: number,
  to: number,
  sums: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const x = scores[i];
    const delta = x - sums[0];
    sums[0] += delta / (i - from + 1);
    sums[1] += delta * (x - sums[0]);
    sums[2] += answered[rows[i]];
    sums[3] += favourable[rows[i]];
  }
}

function bandOf(mean: number, bands: ScaleBands | null): Band | null {
  if (!bands || (bands.low === undefined && bands.high === undefined)) return null;
  if (bands.low !== undefined && mean < bands.low) return "low";
  if (bands.high !== undefined && mean >= bands.high) return "high";
  return "middle";
}

/** A wave's total figure, keys in their published order. */
function waveResult(wave: string, { n, mean, sd, ci, favourable, band }: Estimate, alpha: number | null): WaveResult {
  return { wave, suppressed: false, n, mean, sd, ci, favourable, band, alpha };
}

/**
 * A group's figure (null when hidden), keys in their published order. Written out, not spread from a `where` object
 * and the estimate: V8 copies a spread's properties one at a time, and that was a tenth of the survey's time at M
 * (~4,000 groups per scale). A field added to Estimate must be added here too.
 */
export function groupResult(
  attribute: string,
  value: string,
  wave: string | null,
  estimate: Estimate | null,
): GroupResult {
  if (!estimate)
    return wave === null ? { attribute, value, suppressed: true } : { attribute, value, wave, suppressed: true };
  const { n, mean, sd, ci, favourable, band } = estimate;
  return wave === null
    ? { attribute, value, suppressed: false, n, mean, sd, ci, favourable, band }
    : { attribute, value, wave, suppressed: false, n, mean, sd, ci, favourable, band };
}
