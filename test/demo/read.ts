// Test helpers: read a generated demo folder with plain string splitting (the generator never quotes fields), so
// the checks below do not depend on the product's loaders or on the generator's own code.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSystem, type GenerateOptions } from "../../scripts/generate-demo.js";
import type { Manifest } from "../../scripts/demo/docs.js";

type Row = Record<string, string>;

export interface Interaction {
  from: string;
  to: string;
  timestamp: string;
  /** 0-based week of the window that starts Monday 2026-05-04. */
  week: number;
  channel: string;
  weight: string;
  duration: string;
}

export interface Demo {
  dir: string;
  people: Row[];
  interactions: Interaction[];
  survey: Row[];
  delivery: Row[];
  events: Row[];
  planted: Manifest;
}

const WINDOW_START = Date.parse("2026-05-04T00:00:00Z");
const WEEK_MS = 7 * 86_400_000;

function readCsv(path: string): Row[] {
  const [header, ...lines] = readFileSync(path, "utf8").split("\n");
  const columns = header.split(",");
  return lines
    .filter((l) => l !== "")
    .map((line) => {
      const cells = line.split(",");
      if (cells.length !== columns.length) throw new Error(`${path}: ${cells.length} cells in "${line}"`);
      return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
    });
}

export function readDemo(dir: string): Demo {
  const interactions = readCsv(join(dir, "interactions.csv")).map((r) => ({
    from: r.from,
    to: r.to,
    timestamp: r.timestamp,
    week: Math.floor((Date.parse(r.timestamp) - WINDOW_START) / WEEK_MS),
    channel: r.channel,
    weight: r.weight,
    duration: r.duration_minutes,
  }));
  return {
    dir,
    people: readCsv(join(dir, "people.csv")),
    interactions,
    survey: readCsv(join(dir, "survey.csv")),
    delivery: readCsv(join(dir, "delivery.csv")),
    events: readCsv(join(dir, "events.csv")),
    planted: JSON.parse(readFileSync(join(dir, "planted.json"), "utf8")),
  };
}

/** Generate into a fresh temporary folder; the caller removes it with `removeDir`. */
export async function generateTemp(options: Omit<GenerateOptions, "out">): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-demo-"));
  await generateSystem({ ...options, out: dir });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const FILES = [
  "people.csv",
  "interactions.csv",
  "survey.csv",
  "delivery.csv",
  "events.csv",
  "relaudit.config.json",
  "planted.json",
  "README.md",
];

export const HOSPITAL = "Northgate Hospital";
export const COMMUNITY = "Riverside Community Health";
export const PRIMARY_CARE = "Eastfield Primary Care Network";
export const SOCIAL_CARE = "County Social Care";
export const VOLUNTARY = "Harbour Voluntary Services";

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function pearson(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** Organisation of each person id. */
export function orgOf(demo: Demo): Map<string, string> {
  return new Map(demo.people.map((p) => [p.id, p.organisation]));
}

/** Rows per week from organisation x to organisation y (directed). */
export function weeklyRows(demo: Demo, x: string, y: string, weeks = 26): number[] {
  const org = orgOf(demo);
  const out = new Array<number>(weeks).fill(0);
  for (const r of demo.interactions) if (org.get(r.from) === x && org.get(r.to) === y) out[r.week]++;
  return out;
}
