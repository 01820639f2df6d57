// The seeded demo-system generator: a synthetic integrated care system with documented planted patterns
// (fixtures/demo/README.md), or with --null the same system without them, for false-positive rates and benchmarks.
// Same flags → byte-identical files. Usage: node --import tsx scripts/generate-demo.ts [--out DIR] [--seed N] ...
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  buildWorkforce,
  dayOf,
  DEFAULT_PEOPLE,
  DEFAULT_START,
  isoDate,
  ORGANISATIONS,
  type Workforce,
} from "./demo/system.js";
import { makePlan } from "./demo/plan.js";
import { buildRelationships } from "./demo/ties.js";
import { writeInteractions } from "./demo/interactions.js";
import { writeSurvey } from "./demo/survey.js";
import { deliveryCsv } from "./demo/delivery.js";
import { eventsCsv } from "./demo/events.js";
import { demoConfig, manifest, type Manifest } from "./demo/docs.js";
import { readme } from "./demo/readme.js";
import { TextSink, writeText } from "./demo/sink.js";

export interface GenerateOptions {
  out: string;
  seed?: number;
  people?: number;
  weeks?: number;
  interactionsPerPersonWeek?: number;
  /** Planted changes scaled by this factor in (0, 1] (calibration); 1, the default, is the documented demo. */
  strength?: number;
  /** No planted change: the null model. */
  null?: boolean;
  /** Approximate total survey responses over both waves (default: each organisation's usual response rate). */
  surveyResponses?: number | null;
}

export interface GeneratedSystem {
  out: string;
  /** File name → data rows (header excluded). */
  files: Record<string, number>;
  manifest: Manifest;
}

export const DEFAULTS = {
  out: "fixtures/demo",
  seed: 2026,
  people: DEFAULT_PEOPLE,
  weeks: 26,
  interactionsPerPersonWeek: 5,
};

function checkOptions(
  o: Required<Omit<GenerateOptions, "surveyResponses" | "null" | "strength">> & { surveyResponses: number | null },
): void {
  const whole = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${v}`);
  };
  whole("--seed", o.seed, 0);
  if (o.seed > 0xffffffff) throw new RangeError(`--seed must be below 2^32, got ${o.seed}`);
  // Below ~100 people the named teams shrink to nothing and the planted people cannot be placed.
  whole("--people", o.people, 100);
  // The forum, both survey waves and the decay need room: the default timings stretch down to 12 weeks.
  whole("--weeks", o.weeks, 12);
  if (!(o.interactionsPerPersonWeek > 0))
    throw new RangeError(`--interactions-per-person-week must be > 0, got ${o.interactionsPerPersonWeek}`);
  if (o.surveyResponses !== null) whole("--survey-responses", o.surveyResponses, 1);
}

export async function generateSystem(options: GenerateOptions): Promise<GeneratedSystem> {
  const o = {
    out: options.out,
    seed: options.seed ?? DEFAULTS.seed,
    people: options.people ?? DEFAULTS.people,
    weeks: options.weeks ?? DEFAULTS.weeks,
    interactionsPerPersonWeek: options.interactionsPerPersonWeek ?? DEFAULTS.interactionsPerPersonWeek,
    surveyResponses: options.surveyResponses ?? null,
  };
  checkOptions(o);
  const planted = !options.null;
  const calendar = { startDay: dayOf(DEFAULT_START), weeks: o.weeks };
  const workforce = buildWorkforce(o.seed, o.people, calendar);
  const plan = makePlan(o.seed, workforce, calendar, planted, options.strength ?? 1);
  // The spanner leaves only after the ties are built, so rates are scaled identically in both modes.
  const relationships = buildRelationships(o.seed, workforce, plan, o.interactionsPerPersonWeek);
  if (planted) workforce.people[plan.spanner].left = plan.spannerLeaves;

  mkdirSync(o.out, { recursive: true });
  const files: Record<string, number> = {};
  await writeText(join(o.out, "people.csv"), peopleCsv(workforce));
  files["people.csv"] = workforce.people.length;

  const sink = new TextSink(join(o.out, "interactions.csv"));
  const interactions = await writeInteractions(sink, o.seed, workforce, plan, relationships);
  await sink.close();
  files["interactions.csv"] = interactions.rows;

  const surveySink = new TextSink(join(o.out, "survey.csv"));
  const survey = await writeSurvey(surveySink, o.seed, workforce, plan, o.surveyResponses);
  await surveySink.close();
  files["survey.csv"] = survey.rows;

  const delivery = deliveryCsv(o.seed, workforce, plan, interactions);
  await writeText(join(o.out, "delivery.csv"), delivery.csv);
  files["delivery.csv"] = Object.values(delivery.series).reduce((s, xs) => s + xs.length, 0);
  await writeText(join(o.out, "events.csv"), eventsCsv(workforce, plan));
  files["events.csv"] = plan.forum.attendees.length + plan.briefing.attendees.length;

  await writeText(join(o.out, "relaudit.config.json"), JSON.stringify(demoConfig(), null, 2) + "\n");
  const facts = manifest({
    seed: o.seed,
    workforce,
    plan,
    relationships,
    interactions,
    survey,
    delivery,
    interactionsPerPersonWeek: o.interactionsPerPersonWeek,
  });
  await writeText(join(o.out, "planted.json"), JSON.stringify(facts, null, 2) + "\n");
  await writeText(join(o.out, "README.md"), readme(facts, workforce, files));
  return { out: o.out, files, manifest: facts };
}

function peopleCsv({ people, teams }: Workforce): string {
  const lines = people.map(
    (p) =>
      `${p.id},${ORGANISATIONS[p.org].name},${teams[p.team].name},${p.profession},${p.role},${isoDate(p.joined)},${p.left === null ? "" : isoDate(p.left)}`,
  );
  return ["id,organisation,team,profession,role,joined,left", ...lines].join("\n") + "\n";
}

const USAGE = `Usage: node --import tsx scripts/generate-demo.ts [options]
  --out DIR                           output folder (default ${DEFAULTS.out})
  --seed N                            random seed (default ${DEFAULTS.seed})
  --people N                          people in the system (default ${DEFAULTS.people}, at least 100)
  --weeks N                           ISO weeks from Monday ${DEFAULT_START} (default ${DEFAULTS.weeks}, at least 12)
  --interactions-per-person-week X    interaction rows per person per week (default ${DEFAULTS.interactionsPerPersonWeek})
  --survey-responses N                approximate survey responses over both waves
  --null                              no planted patterns (the null model)`;

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new RangeError(`${flag} expects a number, got "${text}"`);
  return value;
}

/** The command line: its exit code (exported so its test maps the flags in process, without starting tsx). */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        seed: { type: "string" },
        people: { type: "string" },
        weeks: { type: "string" },
        "interactions-per-person-week": { type: "string" },
        "survey-responses": { type: "string" },
        null: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  try {
    const result = await generateSystem({
      out: values.out ?? DEFAULTS.out,
      seed: number("--seed", values.seed),
      people: number("--people", values.people),
      weeks: number("--weeks", values.weeks),
      interactionsPerPersonWeek: number("--interactions-per-person-week", values["interactions-per-person-week"]),
      surveyResponses: number("--survey-responses", values["survey-responses"]),
      null: values.null ?? false,
    });
    const counts = Object.entries(result.files)
      .map(([file, rows]) => `${file} ${rows}`)
      .join(", ");
    process.stderr.write(
      `wrote ${result.out} (${result.manifest.mode}, seed ${result.manifest.seed}) in ${Date.now() - started} ms: ${counts}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RangeError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
