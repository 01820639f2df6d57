// Practice 5: a scale falling between survey waves in a group (or the whole system) is a relational signal.
// The survey analysis computes the wave changes; this check reads the signals drawn from them.
import type { Check } from "./types.js";
import { signalFinding, signalsReportedBy } from "./signal-common.js";

export const signalSurveyDrop: Check = {
  id: "signal-survey-drop",
  practice: 5,
  title: "Drops in survey scales between waves",
  requires: ["survey"],
  needs: "signals",
  run(section, { survey }) {
    if (!survey || survey.waves.length < 2)
      return { summary: "Needs a survey with at least two waves (a wave column).", findings: [], notApplicable: true };
    const found = signalsReportedBy(section, "signal-survey-drop");
    const compared = survey.scales.reduce(
      (n, s) => n + s.changes.filter((c) => !c.suppressed && !("insufficient" in c)).length,
      0,
    );
    return {
      summary:
        found.length === 0
          ? `No material, significant drop among ${compared} comparisons between waves.`
          : `${found.length} drop${found.length === 1 ? "" : "s"} between waves among ${compared} comparisons.`,
      findings: found.map(signalFinding),
      evidence: [{ label: "group comparisons between waves", value: compared }],
    };
  },
};
