// The groups of a wave's responses that every scale's figures are cut into, and the published shape of one group's
// figure (src/survey/analyse.ts).
import type { SurveyData } from "../model/types.js";
import type { Estimate, GroupResult } from "../result/survey.js";
import { byName, type Wave } from "./cells.js";
import { groupUnits } from "./groups.js";

/** A wave's responses grouped by each shown attribute, groups in name order: the same for every scale. */
export type WaveGroups = { attribute: string; values: [string, number[]][] }[];

export function groupsOf(survey: SurveyData, wave: Wave, attributes: string[]): WaveGroups {
  return attributes.map((attribute) => ({
    attribute,
    values: [...groupUnits(wave.rows, (r) => survey.groups[attribute][r])].sort(([a], [b]) => byName(a, b)),
  }));
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
