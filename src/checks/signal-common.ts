// Shared by the signal-* checks: a breakdown signal becomes a finding with the same subject, evidence and
// questions, and the rule that fired in its message, so every output says why a point or signal was flagged.
import type { Finding } from "../result/types.js";
import type { Signal, SignalKind, SignalsSection } from "../signals/section.js";
import type { CheckOutcome } from "./types.js";

export function signalFinding(signal: Signal): Finding {
  return {
    severity: signal.severity,
    subject: signal.subject,
    message: `${signal.message} From ${signal.firstPeriod}. Rule: ${signal.rule}.`,
    evidence: signal.evidence,
    questions: signal.questions,
  };
}

/** The section, or the outcome that says why there is none. */
export function signalsOrWhy(signals: SignalsSection | null, needs: string): SignalsSection | CheckOutcome {
  if (signals) return signals;
  return { summary: `No signals analysis: it needs ${needs}.`, findings: [], notApplicable: true };
}

export const isOutcome = (x: SignalsSection | CheckOutcome): x is CheckOutcome => !("signals" in x && "series" in x);

export function signalsOfKinds(section: SignalsSection, kinds: readonly SignalKind[]): Signal[] {
  return section.signals.filter((s) => kinds.includes(s.kind));
}
