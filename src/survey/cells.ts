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

/** The survey's waves in order (one unlabelled wave when it has none), each with its rows. */
export function wavesOf(survey: SurveyData): Wave[] {
  const all = Array.from({ length: survey.rows }, (_, i) => i);
  if (survey.waveOrder.length === 0) return [{ label: null, rows: all }];
  return survey.waveOrder.map((label) => ({ label, rows: all.filter((r) => survey.waves[r] === label) }));
}
