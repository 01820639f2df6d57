// Practice 6: relational leadership (deep listening, holding difference, genuine dialogue) as people experience it,
// scored like any scale and judged per group against the configured bands.
import type { Check } from "./types.js";
import { isShown, lowBandFindings, lowBandSummary, round, roundCi } from "./survey-common.js";

export const surveyLeadership: Check = {
  id: "survey-leadership",
  practice: 6,
  title: "Relational leadership as experienced by each group",
  requires: ["survey"],
  needs: "survey",
  run(section) {
    const scales = section.scales.filter((s) => s.practice === 6);
    if (scales.length === 0) {
      return {
        summary: 'No leadership scale is configured (mark one with "leadership": true).',
        findings: [],
        notApplicable: true,
      };
    }
    const { findings, judged, notes } = lowBandFindings(scales, (group) => [
      `How do people in ${group} experience being listened to when they disagree?`,
      `What space do leaders around ${group} make for difference and for dialogue across boundaries?`,
      `What support would help those who lead ${group} to hold these conversations?`,
    ]);
    const evidence = scales
      .filter(isShown)
      .map((s) => ({ label: s.label, value: round(s.mean), n: s.n, ci: roundCi(s.ci), unit: `${s.min}–${s.max}` }));
    // Nothing judged is not a pass: the scores are shown, but no band says whether they are low.
    if (judged === 0)
      return {
        summary: "Leadership scales are reported but not judged: no bands are configured, or every group is hidden.",
        findings: [],
        notes,
        evidence,
        notApplicable: true,
      };
    return {
      summary: lowBandSummary(findings, judged),
      findings,
      notes,
      evidence,
    };
  },
};
