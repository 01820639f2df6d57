// Shared by the signal-* checks: a breakdown signal becomes a finding with the same subject, evidence and
// questions, and the rule that fired in its message, so every output says why a point or signal was flagged.
import type { Finding } from "../result/types.js";
import type { Signal, SignalKind, SignalsSection } from "../result/signals.js";

export function signalFinding(signal: Signal): Finding {
  return {
    severity: signal.severity,
    subject: signal.subject,
    message: `${signal.message} From ${signal.firstPeriod}. Rule: ${signal.rule}.`,
    evidence: signal.evidence,
    questions: signal.questions,
  };
}

export function signalsOfKinds(section: SignalsSection, kinds: readonly SignalKind[]): Signal[] {
  return section.signals.filter((s) => kinds.includes(s.kind));
}
