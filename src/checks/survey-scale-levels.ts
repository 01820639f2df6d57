// Practice 1: trust and psychological safety per group, against the bands the user configured. Leadership scales
// are judged by survey-leadership (practice 6).
import type { Check } from "./types.js";
import { lowBandFindings, lowBandSummary } from "./survey-common.js";

export const surveyScaleLevels: Check = {
  id: "survey-scale-levels",
  practice: 1,
  title: "Groups with low trust or psychological safety",
  requires: ["survey"],
  needs: "survey",
  run(section) {
    const scales = section.scales.filter((s) => s.practice === 1);
    if (scales.length === 0)
      return {
        summary: "No relational scales (trust, psychological safety) are configured.",
        findings: [],
        notApplicable: true,
      };
    const { findings, judged, notes } = lowBandFindings(scales, (group, scale) => [
      `What makes it hard for people in ${group} to speak up, ask for help or admit a mistake at the moment?`,
      `Where in ${group}'s working relationships, inside the team and across its boundaries, is ${scale.toLowerCase()} strongest, and what is different there?`,
      `Who could ${group} explore these results with safely, without it becoming a search for someone to blame?`,
    ]);
    // Nothing judged is not a pass: the check could not look.
    if (judged === 0)
      return {
        summary: "No group could be judged against bands (none configured, or every group is hidden).",
        findings: [],
        notes,
        notApplicable: true,
      };
    return {
      summary: lowBandSummary(findings, judged),
      findings,
      notes,
      evidence: [{ label: "group scores judged against bands", value: judged }],
    };
  },
};
