// Finds the input files, loads each (collecting every problem), and returns one Dataset. People and interactions
// come first: the interactions' load can hand the ties' ends to the pipeline (onTieEnds), which starts the network
// from them while the rest is modelled and read.
// Precedence: command-line flags > config file > defaults.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError, ProblemLog } from "../model/problems.js";
import { isValidTimeZone, type PeriodKind } from "../model/periods.js";
import type { Dataset, InteractionData, PeopleData } from "../model/types.js";
import type { InputsSummary, SkippedRows } from "../result/types.js";
import { formatNumber, plural } from "../text/format.js";
import { DEFAULT_CONFIG, INPUT_KINDS, type Config, type DateFormat, type InputKind } from "../model/config.js";
import { loadConfig } from "./config.js";
import { summariseFile, type LoadContext } from "./context.js";
import { loadAnnotations } from "./annotations.js";
import { loadCoordination } from "./coordination.js";
import { loadDelivery } from "./delivery.js";
import { loadEvents } from "./events.js";
import { loadInteractionsFile } from "./interactions-file.js";
import { settlePeriod } from "./cadence.js";
import { requireSomeInput, unknownTables, unknownTablesHint } from "./unknown-files.js";
import { loadPeople } from "./people.js";
import type { TieEnds } from "./tie-builder.js";
import { chooseBoundaries } from "./boundaries.js";
import { identifierColumns, PSEUDONYMISED_IDENTIFIERS } from "./identifiers.js";
import { surveyGroups } from "./survey-groups.js";
import { loadSurvey } from "./survey.js";
import { isoDate } from "./values.js";
import { timeWindow } from "./window.js";

export interface InputOptions {
  dir?: string;
  /** Explicit paths from --people, --interactions, ... and --config. */
  files: Partial<Record<InputKind | "config", string>>;
  encoding?: string;
  delimiter?: string;
  skipRows?: number;
  boundaries?: string[];
  /** Let an explicitly named boundary be a column that looks like personal identifiers (--allow-identifier-boundary). */
  allowIdentifierBoundary?: boolean;
  /** The outputs will be pseudonymised: an identifier column is then refused as a boundary even when allowed. */
  pseudonymised?: boolean;
  undirected?: boolean;
  since?: string;
  until?: string;
  minGroupSize?: number;
  period?: PeriodKind;
  timeZone?: string;
  dateFormat?: DateFormat;
  /** Leave out rows with a problem confined to them, recording each, instead of failing (--skip-invalid-rows). */
  skipInvalidRows?: boolean;
  onProgress?: (file: string, bytesRead: number, totalBytes: number) => void;
  /** When given, the time spent turning rows into the model is added here (phase timings). */
  modelTiming?: { modelMs: number };
  /**
   * Called once the interactions are read, before their Tie objects are built, when no problem has been found so
   * far, with all the network is built from. A problem may still be found after it: loadInputs then throws.
   */
  onTieEnds?: (ends: NetworkEnds) => void;
  /** Threads for the interactions' load and the network analysis (default: the cores); no result depends on it. */
  threads?: number;
}

/** The people count, every tie's two ends in tie order, and whether ties are undirected. */
export interface NetworkEnds extends TieEnds {
  people: number;
  undirected: boolean;
}

const CONFIG_FILE = "relaudit.config.json";
const EXTENSIONS = [".csv", ".tsv", ".txt", ".parquet"];
/** Problems (or skipped-row examples) kept per kind; the rest are counted. */
const MAX_PROBLEMS_PER_KIND = 20;

export interface LoadedInputs {
  dataset: Dataset;
  summary: InputsSummary;
}

/** Paths of the known files in a folder (case-insensitive names, .csv/.tsv/.txt). */
function discoverFiles(dir: string): Partial<Record<InputKind | "config", string>> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError({
      file: dir,
      message: "no such folder",
      hint: "pass the folder that holds people.csv, interactions.csv, survey.csv, ...",
    });
  }
  const found: Partial<Record<InputKind | "config", string>> = {};
  const names = readdirSync(dir).sort();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower === CONFIG_FILE) found.config = join(dir, name);
    for (const kind of INPUT_KINDS) {
      if (EXTENSIONS.some((ext) => lower === kind + ext) && !found[kind]) found[kind] = join(dir, name);
    }
  }
  return found;
}

type Paths = Partial<Record<InputKind | "config", string>>;

/** Every input, read and modelled; every problem found (each file read even when an earlier one had problems). */
export async function loadInputs(options: InputOptions): Promise<LoadedInputs> {
  const discovered = options.dir ? discoverFiles(options.dir) : {};
  const configPath = options.files.config ?? discovered.config;
  const fileConfig = configPath ? loadConfig(configPath) : DEFAULT_CONFIG;
  // Checked as the config's timeZone is: Intl throws on an unknown zone at the first date read (exit 3).
  if (options.timeZone !== undefined && !isValidTimeZone(options.timeZone))
    throw new InputError({
      option: "--time-zone",
      message: `unknown time zone "${options.timeZone}"`,
      expected: "an IANA time zone such as Europe/London",
      found: options.timeZone,
    });
  // Flags win over the config file (clig.dev's precedence).
  const config: Config = {
    ...fileConfig,
    ...(options.minGroupSize !== undefined ? { minGroupSize: options.minGroupSize } : {}),
    ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
  const explicit = Object.fromEntries(Object.entries(options.files).filter(([, path]) => path !== undefined));
  const paths: Paths = { ...discovered, ...fileConfig.files, ...explicit };
  // Tables in the folder under other names are named, with the option that would read each.
  const others = unknownTables(options.dir, Object.values(discovered), config);
  requireSomeInput(paths, options.dir, others);
  const ctx = loadContext(options, config, configPath);
  if (others.length > 0)
    ctx.warnings.push(`${options.dir}: not read, as its name is not one relaudit reads: ${unknownTablesHint(others)}`);
  const undirected = options.undirected ?? config.undirected ?? false;
  const first = await readNetworkFiles(paths, ctx, options, undirected);
  const data = await readOtherFiles(paths, ctx, options, first);
  refuseAllSkipped(ctx);
  ctx.problems.throwIfAny();
  const { period, window } = ctx;
  const dataset: Dataset = { config, undirected, period, window, ...data };
  return { dataset, summary: summarise(ctx, data.boundaries, undirected, options.skipInvalidRows ?? false) };
}

function loadContext(options: InputOptions, config: Config, configPath: string | undefined): LoadContext {
  const skipInvalidRows = options.skipInvalidRows ?? false;
  const problems = new ProblemLog(MAX_PROBLEMS_PER_KIND, skipInvalidRows);
  const period: PeriodKind = options.period ?? config.period ?? "week";
  const window = timeWindow(options, config);
  const ctx: LoadContext = {
    config,
    csv: {
      encoding: options.encoding,
      delimiter: options.delimiter,
      skipRows: options.skipRows,
      timing: options.modelTiming,
      ...(skipInvalidRows ? { onInvalidRow: (problem, reason) => problems.invalidRow(problem, reason) } : {}),
    },
    period,
    window,
    problems,
    threads: options.threads,
    files: [],
    warnings: [],
  };
  if (configPath)
    ctx.files.push({ kind: "config", path: configPath, rows: 0, encoding: "utf-8", delimiter: "", columns: [] });
  return ctx;
}

/** The load context with progress reported for one file. */
function withProgress(ctx: LoadContext, options: InputOptions, path: string): LoadContext {
  const { onProgress } = options;
  return { ...ctx, csv: { ...ctx.csv, onProgress: onProgress && ((read, total) => onProgress(path, read, total)) } };
}

/** People, then interactions: what the network is built from. */
async function readNetworkFiles(paths: Paths, ctx: LoadContext, options: InputOptions, undirected: boolean) {
  const { problems } = ctx;
  const { onTieEnds } = options;
  let people: PeopleData | null = paths.people
    ? await tryLoad(() => loadPeople(paths.people!, withProgress(ctx, options, paths.people!)), problems)
    : null;
  let interactions: InteractionData | null = null;
  if (paths.interactions) {
    const loaded = await tryLoad(
      () =>
        loadInteractionsFile(paths.interactions!, people, {
          ...withProgress(ctx, options, paths.interactions!),
          onTieEnds: onTieEnds && ((count, ends) => onTieEnds({ ...ends, people: count, undirected })),
        }),
      problems,
    );
    if (loaded) {
      interactions = loaded.interactions;
      people = loaded.people;
      // A snapshot export's cadence can set the period (monthly Viva Insights queries), or stop the run.
      ctx.period = settlePeriod(loaded, options.period, paths.interactions, ctx);
    }
  }
  return { people, interactions };
}

/** Every file after people and interactions, so `validate` can list every problem at once. */
async function readOtherFiles(
  paths: Paths,
  ctx: LoadContext,
  options: InputOptions,
  first: { people: PeopleData | null; interactions: InteractionData | null },
) {
  const { problems } = ctx;
  const { people, interactions } = first;
  const progress = (path: string) => withProgress(ctx, options, path);
  if (options.pseudonymised && options.allowIdentifierBoundary) problems.add(PSEUDONYMISED_IDENTIFIERS);
  const allowIdentifiers = (options.allowIdentifierBoundary ?? false) && !options.pseudonymised;
  const requested = options.boundaries ?? ctx.config.boundaries;
  const identifiers = people ? identifierColumns(people) : new Map<string, string>();
  const boundaries = chooseBoundaries(requested, people, identifiers, allowIdentifiers, problems);
  const survey = paths.survey
    ? await tryLoad(() => loadSurvey(paths.survey!, progress(paths.survey!)), problems)
    : null;
  const judged =
    survey &&
    surveyGroups(survey, ctx, {
      path: paths.survey!,
      people,
      named: people ? boundaries : requested,
      allowIdentifiers,
    });
  // Without people.csv the boundaries are survey columns: those judged unfit to show are planned over, never shown.
  const shown = judged
    ? boundaries.filter((b) => !judged.hidden.some((h) => h.toLowerCase() === b.toLowerCase()))
    : boundaries;
  const coordination = paths.coordination
    ? await tryLoad(() => loadCoordinationFile(paths.coordination!, progress(paths.coordination!)), problems)
    : null;
  const delivery = paths.delivery
    ? await tryLoad(() => loadDelivery(paths.delivery!, progress(paths.delivery!)), problems)
    : null;
  const annotations = paths.annotations
    ? await tryLoad(() => loadAnnotations(paths.annotations!, progress(paths.annotations!)), problems)
    : null;
  let events = null;
  if (paths.events) {
    if (people) events = await tryLoad(() => loadEvents(paths.events!, people, progress(paths.events!)), problems);
    else
      problems.add({
        file: paths.events,
        message: "events need people: add people.csv or interactions.csv so attendees can be matched",
      });
  }
  return {
    boundaries: shown,
    people,
    interactions,
    survey: judged?.survey ?? null,
    coordination,
    delivery,
    events,
    annotations,
  };
}

/** Skipping is for the odd bad row: a file with nothing left is a wrong file or a wrong setting, not data. */
function refuseAllSkipped({ files, problems }: LoadContext): void {
  for (const file of files) {
    const left = problems
      .skipped()
      .filter((s) => s.file === file.path)
      .reduce((sum, s) => sum + s.rows, 0);
    if (file.rows > 0 && left === file.rows) {
      problems.add({
        file: file.path,
        message: `every row (${formatNumber(left)}) is invalid and was left out`,
        hint: `run relaudit validate to see why (the first problems of each kind are listed)`,
      });
    }
  }
}

function summarise(
  ctx: LoadContext,
  boundaries: string[],
  undirected: boolean,
  skipInvalidRows: boolean,
): InputsSummary {
  const { config, period, window } = ctx;
  const skipped = ctx.problems.skipped();
  const summary: InputsSummary = {
    files: ctx.files,
    warnings: [...ctx.warnings, ...skippedWarnings(skipped)],
    ...(skipInvalidRows ? { skipped } : {}),
    boundaries,
    directed: !undirected,
    period,
    timeZone: config.timeZone,
    window: {
      since: window.since === null ? null : isoDate(window.since),
      until: window.until === null ? null : isoDate(window.until - 86_400_000),
    },
  };
  return summary;
}

/** One line per file for the renderers' data notes; the detail (lines, columns) is in `inputs.skipped`. */
function skippedWarnings(skipped: SkippedRows[]): string[] {
  const byFile = new Map<string, SkippedRows[]>();
  for (const s of skipped) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  return [...byFile].map(([file, reasons]) => {
    const total = reasons.reduce((sum, r) => sum + r.rows, 0);
    const why = reasons.map((r) => `${formatNumber(r.rows)} ${r.reason}`).join("; ");
    return `${file}: ${plural(total, "invalid row")} left out (--skip-invalid-rows): ${why}`;
  });
}

async function loadCoordinationFile(path: string, ctx: LoadContext) {
  const { ratings, info } = await loadCoordination(path, ctx);
  ctx.files.push(summariseFile("coordination", info, null));
  ctx.warnings.push(...info.notes.map((n) => `${path}: ${n}`));
  return ratings;
}

/** Runs a loader; an InputError's problems join the log so the other files are still checked. */
async function tryLoad<T>(load: () => Promise<T>, problems: ProblemLog): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const p of error.problems) problems.add(p, `${p.file}: ${p.message}`);
    return null;
  }
}
