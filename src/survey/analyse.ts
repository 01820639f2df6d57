// Survey analysis: scales (scores, reliability, keying audit), groups by each boundary and wave, wave-to-wave
// change, participation and the relational coordination matrix — computed once, privacy-suppressed here, so
// checks and renderers only ever see publishable figures.
import type { Dataset, SurveyData } from "../model/types.js";
import { byName, wavesOf, type Wave } from "./cells.js";
import { analyseCoordination, analyseWideCoordination } from "./coordination.js";
import type { RcRating } from "../model/types.js";
import { latestSubmissions } from "./duplicates.js";
import { attributeCodes, figuresByWave, type AttributeCodes } from "./wave-groups.js";
import { itemResults, shownItems } from "./items.js";
import { isLeadershipScale } from "../model/presets.js";
import { cronbachAlpha, type Reliability } from "./reliability.js";
import { participation } from "./participation.js";
import { plannedAttributes, planRelease, RESPONSES, scaleFamily } from "./release.js";
import { scoreScale, type ScoredScale } from "./scored.js";
import type { KeyedItems } from "./scoring.js";
import type { ScaleResult, SurveySection } from "../result/survey.js";
import { respondentsAt, waveChanges } from "./wave-changes.js";
import { canonicalOrder, type Ordered } from "./row-order.js";

/** Below this α a scale's score is not trustworthy as a measure (a common rule of thumb; Nunnally 1978 asks 0.7). */
export const LOW_ALPHA = 0.6;
/** Fewer respondents than this make α, SDs and group comparisons imprecise. */
export const SMALL_N = 30;

export interface SurveyOptions {
  /** Primary suppression only, no check of combinations: the control run of the privacy attack tests, never the CLI. */
  primaryOnly?: boolean;
  /** Only 0/1 combinations checked (sums over sets), as before signed ones were: the control of the signed attack. */
  setsOnly?: boolean;
}

export function analyseSurvey(data: Dataset, options: SurveyOptions = {}): SurveySection | null {
  const deduplicated = data.survey && latestSubmissions(data.survey);
  // The latest submissions put in canonical order: the survey's columns copied once, for both, but for those only the
  // RC matrix reads (35 of M's 52), which it reads where they are.
  const ordered = deduplicated && canonicalOrder(data.survey!, deduplicated.rows, readByRcOnly(data));
  const survey = ordered?.survey ?? null;
  const longFormRatings = data.coordination;
  if (!survey && !longFormRatings) return null;
  const k = data.config.minGroupSize;
  const notes: string[] = [];
  if (deduplicated?.note) notes.push(deduplicated.note);
  const waves = survey ? wavesOf(survey) : [];
  const current = waves.at(-1) ?? { label: null, rows: [] };
  const attributes = survey ? attributesOf(survey, data.boundaries, data.config.coordination?.raterAttribute) : [];
  if (survey && waves.length > 1)
    notes.push(`${waves.length} waves; headline figures describe the latest, ${current.label}`);
  const unwaved = survey ? survey.waves.filter((w) => w === null).length : 0;
  if (survey && survey.waveOrder.length > 0 && unwaved > 0)
    notes.push(`${unwaved} responses have no wave and are left out of wave figures`);

  const scored = survey ? Object.entries(data.config.scales).map(([id, scale]) => scoreScale(id, scale, survey)) : [];
  // One plan for every run: all attributes and waves of the data, whatever this run shows (src/survey/release.ts).
  const release = survey
    ? planRelease({
        waves,
        attributes: plannedAttributes(survey.groups),
        families: [
          { id: RESPONSES, member: () => true },
          ...scored.map((s) => ({ id: scaleFamily(s.id), member: (r: number) => !Number.isNaN(s.scores[r]) })),
        ],
        minGroupSize: k,
        primaryOnly: options.primaryOnly,
        setsOnly: options.setsOnly,
      })
    : new Set<string>();
  const codes = survey ? attributeCodes(survey, attributes) : [];
  // Each row's respondent as numbered by latestSubmissions, in the survey's order (the wave changes' repeated ones).
  const respondents = deduplicated && ordered ? respondentsAt(deduplicated.respondents, ordered.origin) : null;
  const scales = survey && respondents ? analyseScales(scored, survey, respondents, waves, codes, release, k) : [];
  return {
    responses: survey?.rows ?? 0,
    waves: survey?.waveOrder ?? [],
    currentWave: current.label,
    minGroupSize: k,
    attributes,
    participation: survey ? participation(codes, current, data.people, release) : [],
    scales,
    coordination: coordination(data, ordered, current, longFormRatings, notes),
    notes,
  };
}

/** The RC matrix's answer columns that are no scale's items. */
function readByRcOnly(data: Dataset): Set<string> {
  const items = new Set(Object.values(data.config.scales).flatMap((scale) => scale.items));
  return new Set(Object.keys(data.config.coordination?.columns ?? {}).filter((column) => !items.has(column)));
}

/**
 * The survey group columns this run shows (its boundaries and the RC rater column), in the order of the boundaries.
 * The survey holds every boundary attribute of the data; the others are planned for but not shown.
 */
function attributesOf(survey: SurveyData, boundaries: readonly string[], rater: string | undefined): string[] {
  const position = (a: string) => {
    const i = boundaries.findIndex((b) => b.toLowerCase() === a.toLowerCase());
    return i < 0 ? boundaries.length : i;
  };
  const shown = (a: string) => position(a) < boundaries.length || a.toLowerCase() === rater?.toLowerCase();
  return Object.keys(survey.groups)
    .filter(shown)
    .sort((a, b) => position(a) - position(b) || byName(a, b));
}

/** Every scale's figures, with the respondents numbered once for all of them. */
function analyseScales(
  scored: ScoredScale[],
  survey: SurveyData,
  respondents: Int32Array,
  waves: Wave[],
  attributes: AttributeCodes[],
  release: ReadonlySet<string>,
  k: number,
): ScaleResult[] {
  return scored.map((s) => analyseScale(s, survey, respondents, waves, attributes, release, k));
}

function analyseScale(
  scored: ScoredScale,
  survey: SurveyData,
  respondents: Int32Array,
  waves: Wave[],
  attributes: AttributeCodes[],
  release: ReadonlySet<string>,
  k: number,
): ScaleResult {
  const { id, scale, present, keyed, share } = scored;
  const warnings: string[] = [];
  const missing = scale.items.filter((item) => !survey.answers[item]);
  if (missing.length > 0) warnings.push(`item columns not in the survey, left out: ${missing.join(", ")}`);
  const bands = scale.bands ?? null;
  const base = {
    id,
    label: scale.label ?? id,
    preset: scale.preset ?? null,
    practice: isLeadershipScale(id, scale) ? (6 as const) : (1 as const),
    min: scale.min,
    max: scale.max,
    bands,
    minAnswered: share,
    wave: waves.at(-1)?.label ?? null,
    warnings,
  };
  // α of a wave is asked for its figure and again, for the latest wave, for the headline: computed once.
  const reliabilities: Reliability[] = [];
  const reliabilityOf = (w: number) => (reliabilities[w] ??= cronbachAlpha(keyed.columns, waves[w].rows));
  const { waveResults, groups, shownGroups, totals } = figuresByWave(
    scored,
    waves,
    attributes,
    { family: scaleFamily(id), shown: release },
    reliabilityOf,
  );

  const changes = waveChanges(waves, shownGroups, respondents, scored.scores);
  const current = waves.at(-1)!;
  const headline = totals.at(-1);
  if (!headline) {
    warnings.push(`fewer than ${k} respondents have a score in ${current.label ?? "the survey"}: the scale is hidden`);
    return { ...base, waves: waveResults, groups, changes, suppressed: true };
  }
  const reliability = reliabilityOf(waves.length - 1);
  const { items: allItems, anyAnswered } = itemResults(present, keyed, current.rows, scale.max, reliability);
  const shown = shownItems(allItems, anyAnswered, reliability.together, k);
  const few = allItems.filter((item, i) => !shown[i] && item.n < k).map((item) => item.id);
  const skipped = allItems.filter((item, i) => !shown[i] && item.n >= k).map((item) => item.id);
  if (few.length > 0) warnings.push(`item means withheld for ${few.join(", ")}: fewer than ${k} answers`);
  if (skipped.length > 0)
    warnings.push(
      `item means withheld for ${skipped.join(", ")}: some respondents skipped items, and with the group means every item would single them out`,
    );
  const items = allItems.filter((_, i) => shown[i]);
  const keying = items
    .filter((i) => i.rDrop !== null && i.rDrop < 0)
    .map((i) => ({ item: i.id, rDrop: i.rDrop!, reversed: i.reversed }));
  // A withheld item is not named even for having no variance: that alone would say every answer to it was the same.
  const excluded = reliability.excluded.filter((i) => shown[i]);
  warnings.push(...measurementWarnings(keyed, excluded, reliability, headline.n, keying));
  return {
    ...base,
    waves: waveResults,
    groups,
    changes,
    suppressed: false,
    n: headline.n,
    mean: headline.mean,
    sd: headline.sd,
    ci: headline.ci,
    favourable: headline.favourable,
    alpha: reliability.alpha,
    alphaStandardised: reliability.alphaStandardised,
    averageR: reliability.averageR,
    items,
    keying,
  };
}

function measurementWarnings(
  keyed: KeyedItems,
  excluded: number[],
  { alpha, unestimable }: Pick<Reliability, "alpha" | "unestimable">,
  n: number,
  keying: { item: string; rDrop: number; reversed: boolean }[],
): string[] {
  const warnings: string[] = [];
  for (const problem of keying) {
    warnings.push(
      `item ${problem.item} correlates negatively with the rest of the scale (r.drop ${problem.rDrop.toFixed(2)}): it is probably keyed the wrong way — ${problem.reversed ? "it is reversed now; check whether it should be" : "check whether it should be listed under reverse"}; do not trust scores built on it until this is settled`,
    );
  }
  if (excluded.length > 0)
    warnings.push(`no variance in ${excluded.map((i) => keyed.ids[i]).join(", ")}: left out of α (still in the score)`);
  if (keyed.ids.length < 2) warnings.push("a one-item scale has no reliability estimate");
  else if (unestimable === "pairs")
    warnings.push("α cannot be estimated: some item pairs were never answered together");
  else if (unestimable === "total")
    warnings.push("α cannot be estimated: the items cancel out, so everyone's total score is the same");
  else if (alpha === null) warnings.push("α cannot be estimated: fewer than two items vary");
  else if (alpha < LOW_ALPHA)
    warnings.push(`low reliability: α ${alpha.toFixed(2)} < ${LOW_ALPHA}; the items may not measure one thing`);
  if (n < SMALL_N) warnings.push(`only ${n} respondents: α, SDs and comparisons are imprecise`);
  return warnings;
}

function coordination(
  data: Dataset,
  ordered: Ordered | null,
  current: Wave,
  longForm: readonly RcRating[] | null,
  notes: string[],
): SurveySection["coordination"] {
  const config = data.config.coordination;
  const minGroupSize = data.config.minGroupSize;
  if (longForm && longForm.length > 0) {
    return analyseCoordination(longForm, {
      raterAttribute: config?.raterAttribute ?? "rater_group",
      wave: null,
      source: "long",
      config,
      minGroupSize,
    });
  }
  const survey = ordered?.survey;
  if (!survey || !config?.columns) return null;
  const raterGroups =
    survey.groups[config.raterAttribute] ??
    survey.groups[
      Object.keys(survey.groups).find((g) => g.toLowerCase() === config.raterAttribute.toLowerCase()) ?? ""
    ];
  if (!raterGroups) {
    notes.push(
      `relational coordination: the rater column "${config.raterAttribute}" is not among the survey's group columns, so the RC matrix is not computed`,
    );
    return null;
  }
  const result = analyseWideCoordination(
    // The answers as read (the ordered survey leaves the RC columns out), each row's where its origin says.
    {
      answers: data.survey!.answers,
      raterGroups,
      rows: current.rows,
      answerRows: ordered.origin,
      columns: config.columns,
    },
    { raterAttribute: config.raterAttribute, wave: current.label, source: "wide", config, minGroupSize },
  );
  if (!result) notes.push("relational coordination: none of the configured RC columns has an answer");
  return result;
}
