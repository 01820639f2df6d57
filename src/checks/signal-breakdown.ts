// Practice 5: relational breakdown is a system signal. Falling contact between groups, strong ties going dormant,
// one side no longer answering, a group turning inward, and departures that took a cross-group link with them.
import type { Check } from "./types.js";
import { signalFinding, signalsOfKinds } from "./signal-common.js";

const KINDS = [
  "falling-contact",
  "dormant-ties",
  "reciprocity-collapse",
  "fragmentation",
  "key-person-departure",
] as const;

export const signalBreakdown: Check = {
  id: "signal-breakdown",
  practice: 5,
  title: "Relational breakdown between groups over time",
  requires: ["interactions", "timestamps", "people"],
  needs: "signals",
  run(section) {
    const found = signalsOfKinds(section, KINDS);
    const charted = section.series.filter(
      (s) => s.source.kind === "pair" && s.source.measure === "interactions",
    ).length;
    const period = section.period === "week" ? "weeks" : "months";
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
