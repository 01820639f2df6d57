// `relaudit signals --replay FROM..TO`: the inputs read once, then the signals selection of the one pipeline run on
// each scheduled day's cut of them (src/signals/replay.ts walks the days).
import { loadInputs } from "../load/inputs.js";
import { datasetAsOf } from "../load/as-of.js";
import type { ReplayResult } from "../result/replay.js";
import { replaySignals } from "../signals/replay.js";
import { analyse, SIGNALS_ONLY, type AuditOptions } from "./audit.js";

export async function runReplayPipeline(options: AuditOptions, from: number, to: number): Promise<ReplayResult> {
  const loaded = await loadInputs(options);
  return replaySignals(
    loaded.dataset,
    from,
    to,
    (dataset, at) => datasetAsOf(dataset, at, { interactions: true }),
    (dataset) => analyse({ ...loaded, dataset }, options, SIGNALS_ONLY).signals ?? [],
  );
}
