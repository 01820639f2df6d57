// The privacy attack suite (issue 13; docs/security.md): generated surveys with 2–3 boundaries and small cells,
// analysed in every view a user can ask for — every choice of boundaries, and a run cut at the first wave (as a
// time window would) — and attacked with every linear combination of every figure published by any of those runs.
// The attacker knows who is in which group (the org chart) and every published n and mean; a set of fewer than k
// respondents whose sum (or count) a combination gives is a leak, and so is any combination, with any coefficients,
// that depends on the answers of fewer than k (s₆ − s₂ gives a respondent who knows their own score another's).
// Shared by test/security/attack-suite.test.ts (1,000 surveys) and npm run fuzz (20,000).
import { analyseSurvey } from "../../src/survey/analyse.js";
import type { SurveySection } from "../../src/result/survey.js";
import type { Dataset } from "../../src/model/types.js";
import { Rng } from "../../scripts/demo/rng.js";
import { findLeak, weightedLeak } from "../helpers/attack.js";
import { signedLeak } from "../survey/privacy-signed-attack.js";
import { surveyDataset } from "../survey/helpers.js";

export interface GeneratedSurvey {
  k: number;
  attributes: string[];
  groups: Record<string, (string | null)[]>;
  waves: (string | null)[];
  answers: Record<string, number[]>;
}

const WAVES = ["2025-03", "2025-09"];

/** A small survey: 8–30 responses per wave, 2–3 boundaries with small, uneven cells and a few missing labels. */
export function generateSurvey(seed: number): GeneratedSurvey {
  const rng = new Rng(seed, 1313);
  const waveCount = 1 + rng.int(2);
  const k = [3, 4, 5, 5, 5][rng.int(5)];
  const orgs = 2 + rng.int(2);
  const teamsPerOrg = 1 + rng.int(3);
  const professions = 2 + rng.int(3);
  const useTeam = rng.float() < 0.6;
  const useProfession = !useTeam || rng.float() < 0.5;
  // Names outside the usual three, some surveys: the plan must order attributes the same way in every view.
  const [team, profession] = rng.float() < 0.3 ? ["directorate", "site"] : ["team", "profession"];
  const attributes = ["organisation", ...(useTeam ? [team] : []), ...(useProfession ? [profession] : [])];
  const groups: Record<string, (string | null)[]> = Object.fromEntries(attributes.map((a) => [a, []]));
  const waves: (string | null)[] = [];
  const answers: Record<string, number[]> = { Q1: [], Q2: [] };
  // Skewed draws make some cells tiny and some empty.
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * rng.float() ** 1.8));
  for (let w = 0; w < waveCount; w++) {
    const rows = 8 + rng.int(23);
    for (let r = 0; r < rows; r++) {
      const org = skewed(orgs);
      const missing = () => rng.float() < 0.04;
      groups.organisation.push(missing() ? null : `Org${String.fromCharCode(65 + org)}`);
      if (useTeam) groups[team].push(missing() ? null : `T${org}${skewed(teamsPerOrg)}`);
      if (useProfession) groups[profession].push(missing() ? null : `P${skewed(professions)}`);
      waves.push(waveCount > 1 ? WAVES[w] : null);
      answers.Q1.push(rng.float() < 0.05 ? NaN : 1 + rng.int(5));
      answers.Q2.push(rng.float() < 0.1 ? NaN : 1 + rng.int(5));
    }
  }
  return { k, attributes, groups, waves, answers };
}

function dataset(survey: GeneratedSurvey, boundaries: string[], rows?: number[]): Dataset {
  const cut = <T>(values: T[]) => (rows ? rows.map((r) => values[r]) : values);
  return surveyDataset(
    {
      groups: Object.fromEntries(Object.entries(survey.groups).map(([a, v]) => [a, cut(v)])),
      answers: Object.fromEntries(Object.entries(survey.answers).map(([i, v]) => [i, cut(v)])),
      waves: cut(survey.waves),
    },
    { minGroupSize: survey.k, boundaries, scales: { s: { items: ["Q1", "Q2"], min: 1, max: 5 } } },
  );
}

/**
 * Every view: each non-empty choice of boundaries (the full choice also in reverse order, as a config could list
 * them), and (with two waves) the run cut at the first wave. The first view shows every boundary.
 */
export function views(survey: GeneratedSurvey): { boundaries: string[]; rows?: number[] }[] {
  const list: { boundaries: string[]; rows?: number[] }[] = [];
  const n = survey.attributes.length;
  for (let mask = (1 << n) - 1; mask >= 1; mask--)
    list.push({ boundaries: survey.attributes.filter((_, i) => mask & (1 << i)) });
  list.push({ boundaries: [...survey.attributes].reverse() });
  if (survey.waves[0] !== null) {
    const first = survey.waves.flatMap((w, r) => (w === WAVES[0] ? [r] : []));
    list.push({ boundaries: survey.attributes, rows: first });
  }
  return list;
}

/** Respondent sets of everything a section publishes, by family and wave ("responses" counts or the scale). */
function publishedSets(
  survey: GeneratedSurvey,
  section: SurveySection,
  rowsOf: number[],
  add: (family: string, wave: string | null, rows: number[]) => void,
): void {
  const scale = section.scales[0];
  const q = [survey.answers.Q1, survey.answers.Q2];
  const scored = (r: number) => q.some((column) => !Number.isNaN(column[r]));
  const inWave = (wave: string | null | undefined) =>
    rowsOf.filter((r) => (wave ?? null) === null || survey.waves[r] === wave);
  const members = (attribute: string | null, value: string | null, wave: string | null | undefined) =>
    inWave(wave).filter((r) => attribute === null || survey.groups[attribute][r] === value);
  const publish = (family: string, wave: string | null | undefined, rows: number[], n: number) => {
    if (rows.length !== n) throw new Error(`attack suite: ${family} ${wave} shows n = ${n} for ${rows.length} rows`);
    add(family, wave ?? null, rows);
  };
  for (const g of scale.groups)
    if (!g.suppressed) publish("scale", g.wave, members(g.attribute, g.value, g.wave).filter(scored), g.n);
  for (const w of scale.waves)
    if (!w.suppressed) publish("scale", w.wave, members(null, null, w.wave).filter(scored), w.n);
  if (!scale.suppressed) publish("scale", scale.wave, members(null, null, scale.wave).filter(scored), scale.n);
  for (const c of scale.changes) {
    if (c.suppressed || "insufficient" in c) continue;
    publish("scale", c.from, members(c.attribute, c.value, c.from).filter(scored), c.n1);
    publish("scale", c.to, members(c.attribute, c.value, c.to).filter(scored), c.n2);
  }
  for (const p of section.participation)
    if (!p.suppressed)
      publish("responses", section.currentWave, members(p.attribute, p.value, section.currentWave), p.responses);
  // A wave's response count is public: survey.csv's rows, run after run (docs/security.md).
  for (const wave of new Set(rowsOf.map((r) => survey.waves[r]))) add("responses", wave, inWave(wave));
}

/** Controls: primary suppression only, or the plan's check of 0/1 combinations only (before signed ones). */
export interface AttackOptions {
  primaryOnly?: boolean;
  setsOnly?: boolean;
}

export interface AttackResult {
  /** A description of the first leak found, or null. */
  leak: string | null;
  figures: number;
}

type PublishedSet = { family: string; wave: string | null; rows: number[] };

/**
 * Each survey's analyses by view and options, kept while the survey object lives: the tests that look at the same
 * surveys again (one safe set, the weighted attack on the view with every boundary) read what the attack analysed
 * instead of analysing it again.
 */
const analyses = new WeakMap<GeneratedSurvey, Map<string, SurveySection>>();

function analysed(
  survey: GeneratedSurvey,
  view: { boundaries: string[]; rows?: number[] },
  options: AttackOptions,
): SurveySection {
  const key = JSON.stringify([view.boundaries, view.rows ?? null, options.primaryOnly, options.setsOnly]);
  const cache = analyses.get(survey) ?? new Map<string, SurveySection>();
  analyses.set(survey, cache);
  const known = cache.get(key);
  if (known) return known;
  const section = analyseSurvey(dataset(survey, view.boundaries, view.rows), options)!;
  cache.set(key, section);
  return section;
}

/** The respondent sets one view publishes, as "family|wave|rows" (rows of the whole survey). */
export function viewSets(
  survey: GeneratedSurvey,
  view: { boundaries: string[]; rows?: number[] },
  options: AttackOptions = {},
): PublishedSet[] {
  const rowsOf = view.rows ?? survey.waves.map((_, r) => r);
  const out: PublishedSet[] = [];
  // Sets are found among the whole survey's rows (a cut run's own rows are its view of them).
  publishedSets(survey, analysed(survey, view, options), rowsOf, (family, wave, rows) =>
    out.push({ family, wave, rows }),
  );
  return out;
}

/** Runs every view of one survey and attacks the union of what they publish. */
export function attackSurvey(survey: GeneratedSurvey, options: AttackOptions = {}): AttackResult {
  const sets = new Map<string, { rows: number[][]; wave: string | null; family: string }>();
  let figures = 0;
  for (const view of views(survey)) {
    for (const { family, wave, rows } of viewSets(survey, view, options)) {
      const key = `${family}|${wave}`;
      const entry = sets.get(key) ?? { rows: [], wave, family };
      entry.rows.push(rows);
      sets.set(key, entry);
      figures++;
    }
  }
  for (const [key, { rows, wave }] of sets) {
    const universe = survey.waves.flatMap((w, r) => (wave === null || w === wave ? [r] : []));
    const index = new Map(universe.map((r, i) => [r, i]));
    const sets = rows.map((set) => set.map((r) => index.get(r)!));
    const leak = findLeak(sets, universe.length, survey.k);
    if (leak) return { leak: `${key}: rows ${leak.respondents.map((i) => universe[i]).join(", ")}`, figures };
    const signed = signedLeak(sets, universe.length, survey.k);
    if (signed)
      return { leak: `${key}: a signed combination of rows ${signed.map((i) => universe[i]).join(", ")}`, figures };
  }
  return { leak: null, figures };
}

/** Weighted attacks need a brute force over sets of people: only waves this small are tried. */
const ITEM_ATTACK_MAX_ROWS = 16;

/** Which figures of the current wave the weighted attacker combines (see attackItems). */
export type ItemAttackFigures = "groups" | "groups and items" | "groups and every item";

/**
 * Figures that weigh each person's answers, on the current wave with every boundary shown: a set of fewer than k
 * people on whose answers alone some combination depends, or null; undefined when the wave is too big to search.
 * A group's (or the total's) scale mean averages the items each person answered, an item mean counts its answers.
 * "groups and every item" is the control: every item with k answers shown, as before issue 13's review.
 */
export function attackItems(
  survey: GeneratedSurvey,
  figuresOf: ItemAttackFigures,
  options: AttackOptions = {},
): number[] | null | undefined {
  const section = analysed(survey, { boundaries: survey.attributes }, options);
  const scale = section.scales[0];
  const rows = survey.waves.flatMap((w, r) => (w === section.currentWave ? [r] : []));
  if (rows.length > ITEM_ATTACK_MAX_ROWS || scale.suppressed) return undefined;
  const items = ["Q1", "Q2"];
  const answered = rows.map((r) => items.map((q) => !Number.isNaN(survey.answers[q][r])));
  const count = (p: number) => answered[p].filter(Boolean).length;
  const mean = (inSet: (p: number) => boolean) => (p: number, i: number) =>
    inSet(p) && answered[p][i] ? 1 / count(p) : 0;
  const figures = [mean(() => true)];
  for (const g of scale.groups)
    if (!g.suppressed && g.wave === (section.currentWave ?? undefined))
      figures.push(mean((p) => survey.groups[g.attribute][rows[p]] === g.value));
  const shown =
    figuresOf === "groups"
      ? []
      : figuresOf === "groups and every item"
        ? items.filter((_, i) => answered.filter((a) => a[i]).length >= survey.k)
        : scale.items.map((item) => item.id);
  for (const id of shown) {
    const i = items.indexOf(id);
    figures.push((p: number, j: number) => (j === i && answered[p][i] ? 1 : 0));
  }
  return weightedLeak(answered, figures, survey.k);
}
