// A scale's figures per wave as src/survey/analyse.ts computed them before the typed column store
// (src/survey/wave-groups.ts): each wave's responses grouped per attribute into arrays of rows, narrowed to the scored
// ones, and every figure's scores picked into an array of their own and summarised. Participation likewise, from the
// current wave's rows grouped per attribute.
import type { PeopleData, SurveyData } from "../../../src/model/types.js";
import type {
  Band,
  Estimate,
  GroupResult,
  ParticipationGroup,
  ScaleBands,
  WaveResult,
} from "../../../src/result/survey.js";
import { byName, groupCell, TOTAL, type Wave } from "../../../src/survey/cells.js";
import { figureKey, RESPONSES } from "../../../src/survey/release.js";
import type { Reliability } from "../../../src/survey/reliability.js";
import type { ScoredScale } from "../../../src/survey/scored.js";
import { summarise } from "../../../src/survey/scoring.js";
import { favourableShare, pick } from "./scoring-plain.js";

function groupUnits(units: readonly number[], labelOf: (unit: number) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const u of units) {
    const label = labelOf(u);
    if (label === null) continue;
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(u);
  }
  return groups;
}

function narrowGroups(groups: [string, number[]][], keep: (unit: number) => boolean): [string, number[]][] {
  const narrowed: [string, number[]][] = [];
  for (const [label, units] of groups) {
    const kept = units.filter(keep);
    if (kept.length > 0) narrowed.push([label, kept]);
  }
  return narrowed;
}

function bandOf(mean: number, bands: ScaleBands | null): Band | null {
  if (!bands || (bands.low === undefined && bands.high === undefined)) return null;
  if (bands.low !== undefined && mean < bands.low) return "low";
  if (bands.high !== undefined && mean >= bands.high) return "high";
  return "middle";
}

export function plainFiguresByWave(
  { scale, keyed, scores }: ScoredScale,
  survey: SurveyData,
  waves: Wave[],
  attributes: string[],
  release: { family: string; shown: ReadonlySet<string> },
  reliabilityOf: (wave: number) => Reliability,
) {
  const bands = scale.bands ?? null;
  const estimate = (rows: number[]): Estimate => {
    const s = summarise(pick(scores, rows));
    const favourable = favourableShare(keyed.columns, rows, scale.max);
    return { suppressed: false, ...s, favourable, band: bandOf(s.mean, bands) };
  };
  const waveResults: WaveResult[] = [];
  const groups: GroupResult[] = [];
  const shownGroups: Map<string, number[]>[] = [];
  const totals: (Estimate | null)[] = [];
  const isScored = (r: number) => !Number.isNaN(scores[r]);
  waves.forEach((wave, w) => {
    const scored = wave.rows.filter(isScored);
    const totalShown = release.shown.has(figureKey(release.family, wave.label, null, null));
    const shown = new Map<string, number[]>();
    totals.push(totalShown ? estimate(scored) : null);
    if (!totalShown) {
      if (wave.label !== null) waveResults.push({ wave: wave.label, suppressed: true });
    } else {
      shown.set(TOTAL, scored);
      if (wave.label !== null)
        waveResults.push({ wave: wave.label, ...estimate(scored), alpha: reliabilityOf(w).alpha });
    }
    for (const attribute of attributes) {
      const all = [...groupUnits(wave.rows, (r) => survey.groups[attribute][r])].sort(([a], [b]) => byName(a, b));
      for (const [value, members] of narrowGroups(all, isScored)) {
        const where = wave.label === null ? { attribute, value } : { attribute, value, wave: wave.label };
        if (!totalShown || !release.shown.has(figureKey(release.family, wave.label, attribute, value)))
          groups.push({ ...where, suppressed: true });
        else {
          shown.set(groupCell(attribute, value), members);
          groups.push({ ...where, ...estimate(members) });
        }
      }
    }
    shownGroups.push(shown);
  });
  return { waveResults, groups, shownGroups, totals };
}

export function plainParticipation(
  survey: SurveyData,
  current: Wave,
  attributes: string[],
  people: PeopleData | null,
  release: ReadonlySet<string>,
): ParticipationGroup[] {
  const byAttribute = new Map(
    attributes.map((a) => [a, groupUnits(current.rows, (r) => survey.groups[a][r])] as const),
  );
  const totalShown = release.has(figureKey(RESPONSES, current.label, null, null));
  const result: ParticipationGroup[] = [];
  for (const attribute of attributes) {
    const headcounts = headcountsOf(people, attribute);
    const values = [...new Set([...byAttribute.get(attribute)!.keys(), ...(headcounts?.keys() ?? [])])].sort(byName);
    for (const value of values) {
      const headcount = headcounts ? (headcounts.get(value) ?? 0) : null;
      const responses = byAttribute.get(attribute)!.get(value)?.length ?? 0;
      if (responses === 0 || !totalShown || !release.has(figureKey(RESPONSES, current.label, attribute, value)))
        result.push({ attribute, value, headcount, suppressed: true });
      else
        result.push({
          attribute,
          value,
          headcount,
          suppressed: false,
          responses,
          rate: headcount ? responses / headcount : null,
        });
    }
  }
  return result;
}

/** People per value of an attribute (matched case-insensitively), leavers excluded; null when people.csv lacks it. */
function headcountsOf(people: PeopleData | null, attribute: string): Map<string, number> | null {
  const column = people?.attributeColumns.find((c) => c.toLowerCase() === attribute.toLowerCase());
  if (!people || !column) return null;
  const counts = new Map<string, number>();
  // An indexed loop: the function runs once per attribute, mostly before V8 optimises it, and `for … of` made an
  // iterator result per person until then.
  for (let i = 0; i < people.people.length; i++) {
    const person = people.people[i];
    const value = person.attributes[column];
    if (value === undefined || person.left !== undefined) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
