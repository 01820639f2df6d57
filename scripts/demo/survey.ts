// survey.csv: two waves of a staff survey. Each answer is a rounded, clamped draw around a latent level made of a
// scale mean, a team effect, a person effect (kept across waves) and item noise; negatively worded items are
// written reverse-coded, as respondents answer them. Respondents carry a pseudonymous code, never a person id.
import { Rng, streamId } from "./rng.js";
import { ORGANISATIONS, present, type Workforce } from "./system.js";
import type { Plan } from "./plan.js";
import type { TextSink } from "./sink.js";

export const AGREEMENT_LABELS = [
  "Strongly disagree",
  "Disagree",
  "Neither agree nor disagree",
  "Agree",
  "Strongly agree",
];

export const RC_DIMENSIONS = [
  "frequent",
  "timely",
  "accurate",
  "problemSolving",
  "sharedGoals",
  "sharedKnowledge",
  "mutualRespect",
] as const;

interface ScaleModel {
  items: string[];
  /** Items written as 8 − x on 1–7 (in general min + max − x). */
  reverse: string[];
  min: number;
  max: number;
  mean: number;
  /** Per-item shift of the mean: items are not equally easy to endorse. */
  offsets: number[];
  noise: number;
  missing: number;
}

export const PSYCHOLOGICAL_SAFETY: ScaleModel = {
  items: ["PS1", "PS2", "PS3", "PS4", "PS5", "PS6", "PS7"],
  reverse: ["PS1", "PS3", "PS5"],
  min: 1,
  max: 7,
  mean: 5.2,
  offsets: [-0.2, 0.1, 0.3, -0.3, 0, 0.1, 0],
  noise: 0.8,
  missing: 0.015,
};

export const TRUST: ScaleModel = {
  items: ["TR1", "TR2", "TR3", "TR4"],
  reverse: ["TR3"],
  min: 1,
  max: 5,
  mean: 3.7,
  offsets: [0.1, 0, -0.2, 0.1],
  noise: 0.6,
  missing: 0.015,
};

/** Answered as agreement labels, not numbers (the config maps them). */
export const RELATIONAL_LEADERSHIP: ScaleModel = {
  items: ["RL1", "RL2", "RL3", "RL4", "RL5"],
  reverse: [],
  min: 1,
  max: 5,
  mean: 3.6,
  offsets: [0.1, -0.1, 0, 0.2, -0.2],
  noise: 0.6,
  missing: 0.015,
};

const RC_MISSING = 0.04;
const RC_NOISE = 0.6;
const RC_DIMENSION_OFFSETS = [0.1, -0.1, 0, -0.1, 0, -0.1, 0.2];
/**
 * Mean rating (1–5) by rater organisation (row) of rated organisation (column), organisations in ORGANISATIONS
 * order. Own-organisation ratings are higher; apart from the planted Hospital → Social Care entry, no pair's two
 * directions differ by more than 0.3.
 */
const RC_MEANS = [
  [4.1, 3.6, 3.3, NaN, 3.4],
  [3.7, 4.2, 3.7, 3.6, 3.6],
  [3.4, 3.8, 4.1, 3.5, 3.7],
  [4.0, 3.6, 3.4, 4.0, 3.8],
  [3.3, 3.7, 3.6, 3.7, 4.3],
];

export function rcColumn(dimension: string, org: number): string {
  return `RC_${dimension}_${ORGANISATIONS[org].short}`;
}

const RC_COLUMNS = ORGANISATIONS.flatMap((_, o) => RC_DIMENSIONS.map((d) => rcColumn(d, o)));

const SURVEY_COLUMNS = [
  "respondent",
  "wave",
  "organisation",
  "team",
  "profession",
  ...PSYCHOLOGICAL_SAFETY.items,
  ...TRUST.items,
  ...RELATIONAL_LEADERSHIP.items,
  ...RC_COLUMNS,
];

const STREAM_TEAM = streamId("survey-team");
const STREAM_PERSON = streamId("survey-person");
const STREAM_RESPONSE = streamId("survey-response");
const STREAM_CODES = streamId("respondent-codes");

export interface SurveyStats {
  rows: number;
  /** Respondents per wave. */
  perWave: [number, number];
  /** Mean positive-keyed psychological safety per team per wave (NaN without respondents), and respondent counts. */
  teamPs: { mean: [number, number]; n: [number, number] }[];
  /** Mean relational coordination rating (all dimensions, both waves) by rater organisation × rated organisation. */
  rc: number[][];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * One answer per item in `model`; NaN = missing. Returns positive-keyed values: reverse coding happens at output.
 * Always draws three uniforms per item so the stream stays aligned whatever happens to the latent level.
 */
function answer(rng: Rng, model: ScaleModel, level: number, out: number[]): void {
  model.items.forEach((_, i) => {
    const value = clamp(Math.round(level + model.offsets[i] + model.noise * rng.normal()), model.min, model.max);
    out.push(rng.float() < model.missing ? NaN : value);
  });
}

export async function writeSurvey(
  sink: TextSink,
  seed: number,
  workforce: Workforce,
  plan: Plan,
  targetResponses: number | null,
): Promise<SurveyStats> {
  const { people, teams } = workforce;
  const teamEffects = teams.map((t) => {
    const r = new Rng(seed, STREAM_TEAM, t.index, 0);
    return { ps: 0.35 * r.normal(), trust: 0.25 * r.normal(), leadership: 0.3 * r.normal() };
  });
  const codes = new Rng(seed, STREAM_CODES).shuffle(people.map((p) => p.index));
  const width = Math.max(4, String(people.length).length);
  const codeOf = new Array<string>(people.length);
  codes.forEach((p, i) => (codeOf[p] = `R${String(i + 1).padStart(width, "0")}`));

  const headcountExpectation = people.reduce((s, p) => s + 2 * ORGANISATIONS[p.org].responseRate, 0);
  const factor = targetResponses === null ? 1 : targetResponses / headcountExpectation;
  const rng = new Rng(seed, STREAM_RESPONSE);
  const psSums = teams.map(() => ({ sum: [0, 0], n: [0, 0] }));
  const perWave: [number, number] = [0, 0];
  const rcSums = ORGANISATIONS.map(() => ORGANISATIONS.map(() => ({ sum: 0, n: 0 })));
  await sink.write(SURVEY_COLUMNS.join(",") + "\n");

  for (let w = 0; w < 2; w++) {
    const wave = plan.waves[w];
    const responses: { key: number; line: string }[] = [];
    for (const person of people) {
      const personRng = new Rng(seed, STREAM_PERSON, person.index, 0);
      const effect = {
        ps: 0.6 * personRng.normal(),
        trust: 0.5 * personRng.normal(),
        leadership: 0.5 * personRng.normal(),
        rc: 0.35 * personRng.normal(),
      };
      rng.reseed(seed, STREAM_RESPONSE, person.index, w);
      const responds = rng.float() < Math.min(0.98, ORGANISATIONS[person.org].responseRate * factor);
      const key = rng.float();
      const team = teamEffects[person.team];
      const drop = plan.planted && w === 1 && person.team === plan.psDropTeam ? plan.psDrop : 0;
      const values: number[] = [];
      answer(rng, PSYCHOLOGICAL_SAFETY, PSYCHOLOGICAL_SAFETY.mean + team.ps + effect.ps - drop, values);
      answer(rng, TRUST, TRUST.mean + team.trust + effect.trust, values);
      answer(rng, RELATIONAL_LEADERSHIP, RELATIONAL_LEADERSHIP.mean + team.leadership + effect.leadership, values);
      const ratings: number[] = [];
      for (let rated = 0; rated < ORGANISATIONS.length; rated++) {
        const mean = rcMean(plan, person.org, rated);
        RC_DIMENSIONS.forEach((_, d) => {
          const value = clamp(Math.round(mean + RC_DIMENSION_OFFSETS[d] + effect.rc + RC_NOISE * rng.normal()), 1, 5);
          ratings.push(rng.float() < RC_MISSING ? NaN : value);
        });
      }
      if (!responds || !present(person, wave.day)) continue;

      ratings.forEach((v, i) => {
        if (Number.isNaN(v)) return;
        const cell = rcSums[person.org][Math.floor(i / RC_DIMENSIONS.length)];
        cell.sum += v;
        cell.n++;
      });

      const ps = values.slice(0, 7).filter((v) => !Number.isNaN(v));
      if (ps.length > 0) {
        psSums[person.team].sum[w] += ps.reduce((a, b) => a + b, 0) / ps.length;
        psSums[person.team].n[w]++;
      }
      const written = [
        ...asWritten(PSYCHOLOGICAL_SAFETY, values.slice(0, 7), String),
        ...asWritten(TRUST, values.slice(7, 11), String),
        ...asWritten(RELATIONAL_LEADERSHIP, values.slice(11, 16), (v) => AGREEMENT_LABELS[v - 1]),
      ];
      const group = [
        codeOf[person.index],
        wave.label,
        ORGANISATIONS[person.org].name,
        teams[person.team].name,
        person.profession,
      ];
      const rc = ratings.map((v) => (Number.isNaN(v) ? "" : String(v)));
      responses.push({ key, line: [...group, ...written, ...rc].join(",") + "\n" });
    }
    // Exports list responses in submission order, not staff order.
    responses.sort((x, y) => x.key - y.key);
    perWave[w] = responses.length;
    await sink.write(responses.map((r) => r.line).join(""));
  }
  return {
    rows: perWave[0] + perWave[1],
    perWave,
    teamPs: psSums.map((t) => ({ mean: [t.sum[0] / t.n[0], t.sum[1] / t.n[1]], n: [t.n[0], t.n[1]] })),
    rc: rcSums.map((row) => row.map((c) => c.sum / c.n)),
  };
}

/** Answers as a respondent writes them: reverse-coded for negatively worded items, empty when missing. */
function asWritten(model: ScaleModel, values: number[], format: (v: number) => string): string[] {
  return values.map((v, i) => {
    if (Number.isNaN(v)) return "";
    return format(model.reverse.includes(model.items[i]) ? model.min + model.max - v : v);
  });
}

function rcMean(plan: Plan, rater: number, rated: number): number {
  const mean = RC_MEANS[rater][rated];
  if (!Number.isNaN(mean)) return mean;
  return plan.planted ? plan.rcHospitalRatesSocialCare : plan.rcHospitalRatesSocialCareNull;
}
