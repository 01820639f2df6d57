// How survey rows are cut for every figure: into waves, and into cells (a wave's total, or one group of a boundary
// attribute) whose ids the privacy plan, the scale figures and the wave changes share.
import type { SurveyData } from "../model/types.js";

export interface Wave {
  label: string | null;
  rows: number[];
}

export const TOTAL = "total";
export const groupCell = (attribute: string, value: string) => `group\u0000${attribute}\u0000${value}`;
export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The survey's waves in order (one unlabelled wave when it has none), each with its rows. One loop over the rows, not
 * a filter with an arrow per wave: a call per row and wave until V8 optimises it, and it runs once per run.
 */
export function wavesOf(survey: SurveyData): Wave[] {
  if (survey.waveOrder.length === 0) {
    const all: number[] = [];
    for (let r = 0; r < survey.rows; r++) all.push(r);
    return [{ label: null, rows: all }];
  }
  const waveOf = new Map(survey.waveOrder.map((label, w) => [label, w]));
  const waves: Wave[] = survey.waveOrder.map((label) => ({ label, rows: [] }));
  for (let r = 0; r < survey.rows; r++) {
    const w = survey.waves[r] === null ? undefined : waveOf.get(survey.waves[r]!);
    if (w !== undefined) waves[w].rows.push(r);
  }
  return waves;
}

/**
 * Each value's number in order of first appearance, the same for the same value; −1 where it is missing. `seen`
 * receives each value with its number.
 */
export function numberFirstSeen(column: readonly (string | null)[], seen: Map<string, number> = new Map()): Int32Array {
  const numbers = new Int32Array(column.length);
  for (let r = 0; r < column.length; r++) {
    const value = column[r];
    let n = -1;
    if (value !== null) {
      n = seen.get(value) ?? seen.size;
      if (n === seen.size) seen.set(value, n);
    }
    numbers[r] = n;
  }
  return numbers;
}
