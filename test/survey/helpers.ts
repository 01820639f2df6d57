// Test helpers: read the plain fixture CSVs (no quoting, no BOM) and the R reference values.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export const fixturePath = (name: string) => `${root}test/fixtures/survey/${name}`;

/** Columns of a simple CSV: numeric columns as Float64Array (empty or NA → NaN), others as strings. */
export function readColumns(path: string): {
  rows: number;
  text: Record<string, string[]>;
  numbers: Record<string, Float64Array>;
} {
  const [header, ...lines] = readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const names = header.split(",").map((h) => h.replace(/^"|"$/g, ""));
  const cells = lines.map((line) => line.split(","));
  const text: Record<string, string[]> = {};
  const numbers: Record<string, Float64Array> = {};
  names.forEach((name, j) => {
    text[name] = cells.map((c) => c[j].replace(/^"|"$/g, ""));
    numbers[name] = Float64Array.from(text[name], (v) => (v === "" || v === "NA" ? NaN : Number(v)));
  });
  return { rows: cells.length, text, numbers };
}

export interface AlphaReference {
  alpha: number;
  alphaStandardised: number;
  averageR: number;
  mean: number;
  sd: number;
  items: { id: string; mean: number; sd: number; n: number; rDrop: number; alphaIfDeleted: number }[];
}

export interface TwoSampleReference {
  difference: number;
  ci: [number, number];
  t: number;
  df: number;
  p: number;
  u: number;
  pMannWhitney: number;
  hedgesG: number;
}

/** Produced by test/reference/survey-reference.R (R psych 2.2.9, base stats). */
export const reference = JSON.parse(readFileSync(`${root}test/reference/survey-reference.json`, "utf8")) as {
  small: AlphaReference & {
    scoreMean: number;
    scoreN: number;
    waveChange: TwoSampleReference;
    latestWave: AlphaReference & { scoreMean: number; scoreSd: number; scoreCi: [number, number] };
    teamMeans: Record<string, { n: number; mean: number }>;
    unkeyed: AlphaReference;
  };
  ties: TwoSampleReference;
  tCdf: { p: number[]; q: number[] };
  normal: number[];
  bfi?: Record<string, AlphaReference & { meanMinHalf: number; nMinHalf: number }>;
};

import { parseConfig } from "../../src/load/config.js";
import { isoWaveDates } from "../../src/load/survey.js";
import type { Dataset, PeopleData, SurveyData } from "../../src/model/types.js";

/** A Dataset holding only a survey (and optionally people), with a config validated like a real one. */
export function surveyDataset(
  columns: {
    groups?: Record<string, (string | null)[]>;
    answers: Record<string, ArrayLike<number>>;
    waves?: (string | null)[];
    respondents?: (string | null)[];
  },
  configJson: Record<string, unknown>,
  people: PeopleData | null = null,
): Dataset {
  const config = parseConfig(configJson, null);
  const rows = Object.values(columns.answers)[0]?.length ?? 0;
  const waves = columns.waves ?? new Array<string | null>(rows).fill(null);
  const survey: SurveyData = {
    rows,
    respondents: columns.respondents ?? new Array<string | null>(rows).fill(null),
    waves,
    waveOrder: [...new Set(waves.filter((w): w is string => w !== null))].sort(),
    waveDates: isoWaveDates(waves, "UTC"),
    groups: columns.groups ?? {},
    answers: Object.fromEntries(Object.entries(columns.answers).map(([k, v]) => [k, Float64Array.from(v)])),
  };
  return {
    config,
    boundaries: config.boundaries ?? Object.keys(survey.groups),
    undirected: false,
    period: "week",
    window: { since: null, until: null },
    people,
    interactions: null,
    survey,
    delivery: null,
    events: null,
    coordination: null,
    annotations: null,
  };
}

/** Exact rank of an integer matrix by fraction-free (Bareiss) elimination: the attacker's tool in the privacy tests. */
export function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  let previous = 1n;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    for (let i = r + 1; i < m.length; i++) {
      for (let j = c + 1; j < cols; j++) m[i][j] = (m[r][c] * m[i][j] - m[i][c] * m[r][j]) / previous;
      m[i][c] = 0n;
    }
    previous = m[r][c];
    r++;
  }
  return r;
}
