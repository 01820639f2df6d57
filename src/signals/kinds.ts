// Every signal kind relaudit can raise: the detector that reads it from the scene, the practice it speaks to and the
// check that reports it. Typed over SignalKind, so a kind declared in the result without a line here (or a line
// without a declared kind) does not compile: a kind cannot be declared and then silently dropped.
// Adding a kind: its name in SignalKind (src/result/signals.ts) and the schema, one detector file, one line here.
import type { Practice } from "../result/evidence.js";
import type { Signal, SignalKind } from "../result/signals.js";
import { fallingContactSignals, fragmentationSignals, reciprocityCollapseSignals } from "./contact.js";
import { keyPersonDepartureSignals } from "./departures.js";
import { dormantTieSignals } from "./people-links.js";
import type { DetectedSignal, SignalScene } from "./scene.js";
import { perceptionGapSignals, surveyDropSignals } from "./survey-signals.js";

/** The checks that report signals (src/checks/signal-*.ts); a test holds each to its registry entries. */
export type SignalCheckId = "signal-breakdown" | "signal-survey-drop" | "signal-perception-gap";

export interface SignalKindEntry {
  practice: Practice;
  check: SignalCheckId;
  detect: (scene: SignalScene) => DetectedSignal[];
}

export const SIGNAL_KINDS: { readonly [K in SignalKind]: SignalKindEntry } = {
  "falling-contact": { practice: 5, check: "signal-breakdown", detect: fallingContactSignals },
  "dormant-ties": { practice: 5, check: "signal-breakdown", detect: dormantTieSignals },
  "reciprocity-collapse": { practice: 5, check: "signal-breakdown", detect: reciprocityCollapseSignals },
  fragmentation: { practice: 5, check: "signal-breakdown", detect: fragmentationSignals },
  "key-person-departure": { practice: 5, check: "signal-breakdown", detect: keyPersonDepartureSignals },
  "survey-drop": { practice: 5, check: "signal-survey-drop", detect: surveyDropSignals },
  "perception-gap": { practice: 1, check: "signal-perception-gap", detect: perceptionGapSignals },
};

const KINDS = Object.keys(SIGNAL_KINDS) as SignalKind[];

/** Every registered detector over the scene, in registry order, each signal stamped with its kind's practice. */
export function detectSignals(scene: SignalScene): Signal[] {
  return KINDS.flatMap((kind) => {
    const { practice, detect } = SIGNAL_KINDS[kind];
    // Rebuilt rather than spread so the practice keeps its place after the severity in every output.
    return detect(scene).map(({ id, kind, severity, ...rest }): Signal => ({ id, kind, severity, practice, ...rest }));
  });
}

/** The kinds a check reports: read from the registry, never listed twice. */
export function kindsReportedBy(check: SignalCheckId): SignalKind[] {
  return KINDS.filter((kind) => SIGNAL_KINDS[kind].check === check);
}
