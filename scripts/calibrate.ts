// `npm run calibrate`: how often each kind of signal fires on systems where nothing happened, and how soon the
// demo's planted patterns are found (docs/methods.md, "Calibration"). Prints a Markdown table; seeded, so the same
// flags give the same table. Usage: npm run calibrate -- [--seeds 20] [--sizes 100,5000] [--shapes steady,...]
// [--planted-seeds 5] [--no-demo] (the last three to rerun part of the table).
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  measureDemoNull,
  measureNull,
  measurePlanted,
  type NullResult,
  type PlantedResult,
} from "./calibrate/measure.js";
import { SHAPE_NOTES, SHAPES } from "./calibrate/null-systems.js";

/** At most 1 warning-or-critical signal per 10 null system-runs of 26 weeks, for every shape. */
export const TARGET_PER_10_RUNS = 1;
export const STRENGTHS = [0.5, 0.75, 1];
const KINDS = [
  "falling-contact",
  "reciprocity-collapse",
  "fragmentation",
  "dormant-ties",
  "key-person-departure",
  "survey-drop",
  "perception-gap",
];

/** Kinds read from a survey: "—" (not measured) for null systems without one. */
const SURVEY_KINDS = new Set(["survey-drop", "perception-gap"]);

const per10 = (count: number, runs: number) => ((10 * count) / runs).toFixed(2);

export function nullTable(results: readonly NullResult[]): string {
  const head = `| shape | people | runs | ${KINDS.join(" | ")} | all kinds | target ≤ ${TARGET_PER_10_RUNS} |`;
  const rule = `|${" --- |".repeat(KINDS.length + 5)}`;
  const rows = results.map((r) => {
    const cells = KINDS.map((k) => (!r.survey && SURVEY_KINDS.has(k) ? "—" : per10(r.byKind[k] ?? 0, r.runs)));
    const ok = (10 * r.total) / r.runs <= TARGET_PER_10_RUNS ? "met" : "**missed**";
    return `| ${r.shape} | ${r.people} | ${r.runs} | ${cells.join(" | ")} | ${per10(r.total, r.runs)} | ${ok} |`;
  });
  return [head, rule, ...rows].join("\n");
}

export function plantedTable(results: readonly PlantedResult[]): string {
  const patterns = [...new Set(results.map((r) => r.pattern))];
  const head = `| pattern (signal) | strength | found | delay after onset, periods (median, max) | within 2 |`;
  const rows: string[] = [];
  for (const pattern of patterns)
    for (const strength of STRENGTHS) {
      const runs = results.filter((r) => r.pattern === pattern && r.strength === strength);
      if (runs.length === 0) continue;
      const delays = runs
        .map((r) => r.delay)
        .filter((d): d is number => d !== null)
        .sort((a, b) => a - b);
      const median = delays.length > 0 ? delays[Math.floor((delays.length - 1) / 2)] : null;
      const within = delays.filter((d) => d <= 2).length;
      rows.push(
        `| ${pattern} (${runs[0].kind}) | ${strength} | ${delays.length} of ${runs.length} | ${median === null ? "—" : `${median}, ${delays.at(-1)}`} | ${within} of ${runs.length} |`,
      );
    }
  return [head, "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: "string", default: "20" },
      sizes: { type: "string", default: "100,5000" },
      shapes: { type: "string", default: SHAPES.join(",") },
      "planted-seeds": { type: "string", default: "5" },
      "no-demo": { type: "boolean", default: false },
    },
  });
  const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => i + 1);
  const sizes = values.sizes.split(",").map(Number);
  const log = (text: string) => process.stderr.write(`${text}\n`);
  const nulls: NullResult[] = [];
  const shapes = SHAPES.filter((s) => values.shapes.split(",").includes(s));
  for (const people of sizes)
    for (const shape of shapes) {
      nulls.push(measureNull(shape, people, seeds));
      log(`null ${shape}, ${people} people: ${nulls.at(-1)!.total} signals in ${seeds.length} runs`);
    }
  if (!values["no-demo"]) {
    nulls.push(await measureDemoNull(seeds));
    log(`demo --null: ${nulls.at(-1)!.total} signals in ${seeds.length} runs`);
  }
  const planted: PlantedResult[] = [];
  for (const strength of STRENGTHS)
    for (let seed = 1; seed <= Number(values["planted-seeds"]); seed++) {
      planted.push(...(await measurePlanted(seed, strength)));
      log(`planted demo, strength ${strength}, seed ${seed}`);
    }
  const notes = shapes.map((s) => `- **${s}**: ${SHAPE_NOTES[s]}`).join("\n");
  process.stdout.write(
    [
      `Null systems: warning-or-critical signals per 10 runs of 26 weeks (seeds 1–${seeds.length}).`,
      "",
      nullTable(nulls),
      "",
      notes,
      "- **demo --null**: `scripts/generate-demo.ts --null`, 450 people, with its survey, delivery and events",
      "",
      `Planted demo patterns (seeds 1–${values["planted-seeds"]}; the weekly job replayed, each run seeing only data before its Monday):`,
      "",
      plantedTable(planted),
      "",
    ].join("\n"),
  );
  return nulls.every((r) => (10 * r.total) / r.runs <= TARGET_PER_10_RUNS) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
