// Calibration measurements (docs/methods.md, "Calibration"): warning-or-critical signals per kind on null systems,
// and how soon each of the demo's planted patterns is found when the weekly job is replayed over it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetAsOf } from "../../src/load/as-of.js";
import { loadInputs } from "../../src/load/inputs.js";
import { parsePeriodLabel, periodLabel, periodStartDay } from "../../src/model/periods.js";
import type { Dataset } from "../../src/model/types.js";
import { analyseSignals } from "../../src/signals/analyse.js";
import type { Signal } from "../../src/result/signals.js";
import { analyseSurvey } from "../../src/survey/analyse.js";
import type { Manifest } from "../demo/docs.js";
import { generateSystem } from "../generate-demo.js";
import { nullSystem, type Shape } from "./null-systems.js";

const DAY = 86_400_000;

export interface NullResult {
  shape: Shape | "demo --null";
  people: number;
  runs: number;
  /** Warning-or-critical signals per kind over all runs. */
  byKind: Record<string, number>;
  total: number;
  /** Whether the systems had a survey: without one, survey kinds cannot fire and are not measured. */
  survey: boolean;
}

const alarms = (signals: readonly Signal[]) => signals.filter((s) => s.severity !== "info");

export function measureNull(shape: Shape, people: number, seeds: readonly number[]): NullResult {
  const byKind: Record<string, number> = {};
  for (const seed of seeds) {
    const section = analyseSignals(nullSystem({ shape, people, seed }), null);
    for (const s of alarms(section?.signals ?? [])) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
  }
  const total = Object.values(byKind).reduce((a, b) => a + b, 0);
  return { shape, people, runs: seeds.length, byKind, total, survey: false };
}

async function demoDataset(
  seed: number,
  options: { null?: boolean; strength?: number },
): Promise<{ data: Dataset; planted: Manifest }> {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-calibrate-"));
  try {
    await generateSystem({ out: dir, seed, ...options });
    const { dataset } = await loadInputs({ dir, files: {} });
    return { data: dataset, planted: JSON.parse(readFileSync(join(dir, "planted.json"), "utf8")) as Manifest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureDemoNull(seeds: readonly number[]): Promise<NullResult> {
  const byKind: Record<string, number> = {};
  let people = 0;
  for (const seed of seeds) {
    const { data } = await demoDataset(seed, { null: true });
    people = data.people?.people.length ?? 0;
    const section = analyseSignals(data, analyseSurvey(data));
    for (const s of alarms(section?.signals ?? [])) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
  }
  return {
    shape: "demo --null",
    people,
    runs: seeds.length,
    byKind,
    total: Object.values(byKind).reduce((a, b) => a + b, 0),
    survey: true,
  };
}

/** A planted pattern of the demo: the signal that should report it and the week it starts. */
interface Pattern {
  name: string;
  kind: Signal["kind"];
  matches: (s: Signal) => boolean;
  onset: string;
}

const sameGroups = (s: Signal, groups: string[]) =>
  s.subject.attribute === "organisation" &&
  [...(s.subject.groups ?? [])].sort().join("|") === [...groups].sort().join("|");

function patternsOf(planted: Manifest): Pattern[] {
  const p = planted.patterns!;
  const weekOf = (date: string) => periodLabel(Math.floor((Date.parse(date) / DAY + 3) / 7), "week");
  const fielded = planted.waves.find((w) => w.label === p.psychologicalSafetyDrop.waves[1])!.fielded;
  return [
    {
      name: "decaying link",
      kind: "falling-contact",
      matches: (s) => s.kind === "falling-contact" && sameGroups(s, p.decayingLink.groups),
      onset: p.decayingLink.firstWeek,
    },
    {
      name: "reciprocity collapse",
      kind: "reciprocity-collapse",
      matches: (s) => s.kind === "reciprocity-collapse" && sameGroups(s, p.reciprocityCollapse.groups),
      onset: p.reciprocityCollapse.firstWeek,
    },
    {
      name: "lone spanner leaves",
      kind: "key-person-departure",
      matches: (s) => s.kind === "key-person-departure" && sameGroups(s, p.loneSpanner.link),
      onset: p.loneSpanner.leftWeek,
    },
    {
      name: "psychological safety drop",
      kind: "survey-drop",
      matches: (s) =>
        s.kind === "survey-drop" &&
        s.severity !== "info" &&
        s.subject.groups?.[0] === p.psychologicalSafetyDrop.team &&
        s.subject.scale === p.psychologicalSafetyDrop.scale,
      onset: weekOf(fielded),
    },
    {
      name: "coordination asymmetry",
      kind: "perception-gap",
      matches: (s) =>
        s.kind === "perception-gap" &&
        s.severity !== "info" &&
        sameGroups(s, [p.coordinationAsymmetry.rater, p.coordinationAsymmetry.rated]),
      onset: weekOf(planted.waves[0].fielded),
    },
  ];
}

export interface PlantedResult {
  pattern: string;
  kind: string;
  strength: number;
  seed: number;
  onset: string;
  /** Whole periods of data after the onset period before a weekly run first reported it; null: never. */
  delay: number | null;
}

/**
 * The weekly job replayed over a planted demo: a run each Monday from the earliest onset to the end, each seeing
 * only the data before that Monday. A pattern is found in the first run whose signals include it.
 */
export async function measurePlanted(seed: number, strength: number): Promise<PlantedResult[]> {
  const { data, planted } = await demoDataset(seed, { strength });
  const patterns = patternsOf(planted);
  const onsets = patterns.map((p) => parsePeriodLabel(p.onset, "week")!);
  const last = parsePeriodLabel(planted.lastWeek, "week")!;
  const found = new Map<string, number>();
  for (let week = Math.min(...onsets) + 1; week <= last + 1; week++) {
    const cut = datasetAsOf(data, periodStartDay(week, "week") * DAY, { interactions: true });
    const section = analyseSignals(cut, analyseSurvey(cut));
    for (const pattern of patterns)
      if (!found.has(pattern.name) && section?.signals.some(pattern.matches)) found.set(pattern.name, week - 1);
    if (found.size === patterns.length) break;
  }
  return patterns.map((pattern, i) => ({
    pattern: pattern.name,
    kind: pattern.kind,
    strength,
    seed,
    onset: pattern.onset,
    delay: found.has(pattern.name) ? found.get(pattern.name)! - onsets[i] : null,
  }));
}
