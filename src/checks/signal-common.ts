// Shared by the signal-* checks: a breakdown signal becomes a finding with the same subject, evidence and
// questions, and the rule that fired and its chance under the null model in its message, so every output that lists
// findings says why a point or signal was flagged and how likely chance alone was to flag it.
import type { Finding } from "../result/types.js";
import type { Signal, SignalsSection } from "../result/signals.js";
import { kindsReportedBy, type SignalCheckId } from "../signals/kinds.js";
import { withChance } from "../text/format.js";

export function signalFinding(signal: Signal): Finding {
  return {
    severity: signal.severity,
    subject: signal.subject,
    message: `${signal.message} From ${signal.firstPeriod}. Rule: ${withChance(signal.rule, signal.chance)}.`,
    evidence: signal.evidence,
    questions: signal.questions,
    ...(signal.series === undefined ? {} : { series: signal.series }),
  };
}

/** The signals a check reports: those whose kind the registry (src/signals/kinds.ts) gives to that check. */
export function signalsReportedBy(section: SignalsSection, check: SignalCheckId): Signal[] {
  const kinds = kindsReportedBy(check);
  return section.signals.filter((s) => kinds.includes(s.kind));
}
