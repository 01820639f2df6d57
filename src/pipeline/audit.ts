// The one flow: load → model → analyses → checks → one Report. Renderers take it from here. `audit` runs all of
// it; `relaudit signals` runs the same flow with a narrower selection (SIGNALS_ONLY) and prints a projection of the
// Report (pipeline/signals.ts).
import { performance } from "node:perf_hooks";
import packageJson from "../../package.json" with { type: "json" };
import { CHECKS } from "../checks/registry.js";
import { runChecks } from "../checks/run.js";
import type { AuditContext, Check } from "../checks/types.js";
import { loadInputs, type InputOptions, type LoadedInputs, type NetworkEnds } from "../load/inputs.js";
import {
  analyseNetwork,
  startFromEnds,
  startNetwork,
  stopNetwork,
  type GraphStart,
  type NetworkStart,
} from "../network/analyse.js";
import { defaultThreads } from "../network/betweenness-threads.js";
import type { CheckCounts, CheckResult, Detail, Report } from "../result/types.js";
import { SCHEMA_VERSION } from "../result/types.js";
import { analyseSignals } from "../signals/analyse.js";
import type { SignalsSection } from "../result/signals.js";
import { analyseSurvey } from "../survey/analyse.js";
import { summarise } from "./detail.js";

export const VERSION: string = packageJson.version;

export interface AuditOptions extends InputOptions {
  /** Fixed timestamp for reproducible output (ISO 8601); default now. */
  generatedAt?: string;
  /** Reports each phase as it starts (for progress on a TTY). */
  onPhase?: (phase: string) => void;
  /** Threads for the network analysis (default: the machine's cores, at most 4); the report does not depend on it. */
  threads?: number;
  /**
   * "summary" keeps what the findings, charts and tables use (pipeline/detail.ts; the CLI's default); "full" (the
   * default here) every list as analysed. Checks see everything either way.
   */
  detail?: Detail;
  /** When given, filled with each phase's wall-clock milliseconds (RELAUDIT_TIMINGS=1 in the CLI; npm run bench). */
  timings?: Partial<PhaseTimings>;
}

/**
 * Reading (decoding and splitting the files) and modelling (turning rows into people, ties and responses) are
 * interleaved while streaming: modelling is the time spent in the row consumers, reading the rest of the load.
 */
interface PhaseTimings {
  read: number;
  model: number;
  survey: number;
  network: number;
  signals: number;
  checks: number;
  /** Threads betweenness ran on. */
  betweennessThreads: number;
}

/** Which analyses run and which checks read them. A section not analysed is null in the Report. */
export interface Selection {
  network: boolean;
  checks: readonly Check[];
}

const EVERYTHING: Selection = { network: true, checks: CHECKS };

/**
 * Breakdown signals only: the survey (survey drops and perception gaps are read from it) and the signals, and the
 * checks that read the signals section. The network analysis, the longest, is not run.
 */
export const SIGNALS_ONLY: Selection = { network: false, checks: CHECKS.filter((c) => c.needs === "signals") };

export async function audit(options: AuditOptions, selection: Selection = EVERYTHING): Promise<Report> {
  options.onPhase?.("reading inputs");
  const timings = options.timings;
  const modelTiming = timings && { modelMs: 0 };
  const began = performance.now();
  // Betweenness, the longest computation, starts on helper threads as soon as the interactions are read (the load
  // hands over the ties' ends before it builds the Tie objects, and only while no problem has been found), and runs
  // while the Tie objects are built, the other files read and the survey and signals analysed.
  const network: { start: GraphStart | null; ms: number } = { start: null, ms: 0 };
  const threads = options.threads ?? defaultThreads();
  const onTieEnds = (ends: NetworkEnds) => {
    const networkBegan = performance.now();
    network.start = startFromEnds(ends.people, ends, !ends.undirected, threads);
    network.ms = performance.now() - networkBegan;
  };
  try {
    const loaded = await loadInputs({ ...options, modelTiming, onTieEnds: selection.network ? onTieEnds : undefined });
    const people = loaded.dataset.people;
    const started = network.start && people ? { people: people.people, ...network.start } : null;
    if (timings && modelTiming) {
      // The network's start is the network phase's, though it runs in the middle of the reading. Read first, so the
      // timings line keeps its order (read, model, network, …) across versions.
      timings.read = performance.now() - began - modelTiming.modelMs - network.ms;
      timings.model = modelTiming.modelMs;
      timings.network = network.ms;
    }
    return analyse(loaded, options, selection, started);
  } catch (error) {
    // A problem after the start, in the interactions' load or a later file (or a bug): the helper threads must not go
    // on computing, or outlive the run.
    await stopNetwork(network.start);
    throw error;
  }
}

/**
 * Analyses what was loaded, and runs the checks. The network starts here unless `started` (by audit(), from the
 * ties' ends, before the other inputs were read) already did.
 */
export function analyse(
  loaded: LoadedInputs,
  options: AuditOptions,
  selection: Selection = EVERYTHING,
  started: NetworkStart | null = null,
): Report {
  const data = loaded.dataset;
  const phase = <T>(name: "survey" | "network" | "signals" | "checks", run: () => T, announce = true): T => {
    if (announce) options.onPhase?.(name);
    if (!options.timings) return run();
    const began = performance.now();
    const result = run();
    options.timings[name] = (options.timings[name] ?? 0) + performance.now() - began;
    return result;
  };
  // Betweenness runs on helper threads while the survey and the signals (which do not need the network section) are
  // analysed; the network analysis collects it last.
  const threads = options.threads ?? defaultThreads();
  const networkStart = selection.network
    ? (started ?? phase("network", () => startNetwork(data, threads), false))
    : null;
  const survey = phase("survey", () => analyseSurvey(data));
  const signals = phase("signals", () => analyseSignals(data, survey));
  const onThreads = options.timings && ((used: number) => (options.timings!.betweennessThreads = used));
  const network = selection.network
    ? phase("network", () => analyseNetwork(data, { started: networkStart, onThreads }))
    : null;
  const context: AuditContext = { data, survey, network, signals };
  const results = phase("checks", () => runChecks(selection.checks, context));
  const detail = options.detail ?? "full";
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "relaudit", version: VERSION },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    detail,
    minGroupSize: data.config.minGroupSize,
    inputs: loaded.summary,
    summary: countChecks(results),
    checks: results,
    survey,
    network,
    signals: signals?.signals ?? null,
    series: signals?.series ?? null,
    leading: signals?.leading ?? null,
    timeline: signals ? timelineOf(signals) : null,
  };
  // Cut after the checks, which have read everything.
  return detail === "summary" ? summarise(report) : report;
}

function timelineOf({
  signals: _signals,
  series: _series,
  leading: _leading,
  ...timeline
}: SignalsSection): Report["timeline"] {
  return timeline;
}

export function countChecks(results: readonly CheckResult[]): CheckCounts {
  const counts: CheckCounts = {
    pass: 0,
    warn: 0,
    fail: 0,
    notApplicable: 0,
    error: 0,
    findings: { info: 0, warning: 0, critical: 0 },
  };
  for (const r of results) {
    if (r.status === "not-applicable") counts.notApplicable++;
    else counts[r.status]++;
    for (const f of r.findings) counts.findings[f.severity]++;
  }
  return counts;
}
