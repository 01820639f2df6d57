// The one flow: load → model → analyses → checks → one Report. Renderers take it from here.
import packageJson from "../package.json" with { type: "json" };
import { CHECKS } from "./checks/registry.js";
import { runChecks } from "./checks/run.js";
import type { AuditContext, Check } from "./checks/types.js";
import { loadInputs, type InputOptions, type LoadedInputs } from "./load/inputs.js";
import { analyseNetwork } from "./network/analyse.js";
import type { CheckCounts, CheckResult, Report } from "./result/types.js";
import { SCHEMA_VERSION } from "./result/types.js";
import { analyseSignals } from "./signals/analyse.js";
import type { SignalsSection } from "./signals/section.js";
import { analyseSurvey } from "./survey/analyse.js";

export const VERSION: string = packageJson.version;

export interface AuditOptions extends InputOptions {
  /** Fixed timestamp for reproducible output (ISO 8601); default now. */
  generatedAt?: string;
  /** Reports each phase as it starts (for progress on a TTY). */
  onPhase?: (phase: string) => void;
}

export async function audit(options: AuditOptions, checks: readonly Check[] = CHECKS): Promise<Report> {
  options.onPhase?.("reading inputs");
  const loaded = await loadInputs(options);
  return analyse(loaded, options, checks);
}

export function analyse(loaded: LoadedInputs, options: AuditOptions, checks: readonly Check[] = CHECKS): Report {
  const data = loaded.dataset;
  options.onPhase?.("survey");
  const survey = analyseSurvey(data);
  options.onPhase?.("network");
  const network = analyseNetwork(data);
  options.onPhase?.("signals");
  const signals = analyseSignals(data, survey);
  const context: AuditContext = { data, survey, network, signals };
  options.onPhase?.("checks");
  const results = runChecks(checks, context);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "relaudit", version: VERSION },
    generatedAt: options.generatedAt ?? new Date().toISOString(),
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
}

function timelineOf({ signals: _signals, series: _series, leading: _leading, ...timeline }: SignalsSection): Report["timeline"] {
  return timeline;
}

export function countChecks(results: readonly CheckResult[]): CheckCounts {
  const counts: CheckCounts = { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0, findings: { info: 0, warning: 0, critical: 0 } };
  for (const r of results) {
    if (r.status === "not-applicable") counts.notApplicable++;
    else counts[r.status]++;
    for (const f of r.findings) counts.findings[f.severity]++;
  }
  return counts;
}
