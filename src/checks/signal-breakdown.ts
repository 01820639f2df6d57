// Practice 5: relational breakdown is a system signal. Falling contact between groups, strong ties going dormant,
// one side no longer answering, a group turning inward, and departures that took a cross-group link with them.
import type { Series } from "../result/signals.js";
import type { Check } from "./types.js";
import { signalFinding, signalsReportedBy } from "./signal-common.js";

export const signalBreakdown: Check = {
  id: "signal-breakdown",
  practice: 5,
  title: "Relational breakdown between groups over time",
  requires: ["interactions", "timestamps", "people"],
  needs: "signals",
  run(section) {
    const found = signalsReportedBy(section, "signal-breakdown");
    const links = section.series.filter((s) => s.source.kind === "pair" && s.source.measure === "interactions");
    const charted = links.length;
    const period = section.period === "week" ? "weeks" : "months";
    // Too few periods for any rule to fire (no limits, and a run chart too short to signal) is not a pass.
    if (found.length === 0 && !links.some(canSignal))
      return {
        summary:
          charted === 0
            ? `No contact between groups big enough to report could be charted (${section.firstPeriod} to ${section.lastPeriod}).`
            : `Too few ${period} to judge (${section.firstPeriod} to ${section.lastPeriod}): no chart of contact between groups is long enough for an SPC rule to fire.`,
        findings: [],
        notes: section.notes,
        notApplicable: true,
      };
    return {
      summary:
        found.length === 0
          ? `No breakdown signal across ${charted} charted links between groups (${section.firstPeriod} to ${section.lastPeriod}).`
          : `${found.length} breakdown signal${found.length === 1 ? "" : "s"} across ${charted} charted links between groups.`,
      findings: found.map(signalFinding),
      evidence: [
        { label: "links between groups charted (SPC)", value: charted },
        { label: `${period} covered`, value: `${section.firstPeriod} to ${section.lastPeriod}` },
      ],
      notes: section.notes,
    };
  },
};

/** A chart on which some rule could fire: it has process limits, or enough points for a run-chart rule. */
function canSignal(series: Series): boolean {
  if (series.points.some((p) => p.upperLimit !== null)) return true;
  const runs = series.runs;
  return runs !== null && (runs.longestRunMax < runs.useful || runs.crossingsMin > 0);
}
