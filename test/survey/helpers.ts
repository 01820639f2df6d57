// Test helpers: read the plain fixture CSVs (no quoting, no BOM) and the R reference values.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export const fixturePath = (name: string) => `${root}test/fixtures/survey/${name}`;
export const sharedDataPath = (name: string) => `${root}../shared/data/${name}`;
export const sharedDataExists = (name: string) => existsSync(sharedDataPath(name));

/** Columns of a simple CSV: numeric columns as Float64Array (empty or NA → NaN), others as strings. */
export function readColumns(path: string): { rows: number; text: Record<string, string[]>; numbers: Record<string, Float64Array> } {
  const [header, ...lines] = readFileSync(path, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
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
  hedgesGCi: [number, number];
}

/** Produced by test/reference/survey-reference.R (R psych 2.2.9, base stats). */
export const reference = JSON.parse(readFileSync(`${root}test/reference/survey-reference.json`, "utf8")) as {
  small: AlphaReference & { scoreMean: number; scoreN: number; waveChange: TwoSampleReference; latestWave: AlphaReference };
  ties: TwoSampleReference;
  tCdf: { p: number[]; q: number[] };
  normal: number[];
  bfi?: Record<string, AlphaReference & { meanMinHalf: number; nMinHalf: number }>;
};
