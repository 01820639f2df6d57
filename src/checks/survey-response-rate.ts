// Practice 1: a survey speaks for a group only if enough of it answered. Needs headcounts from people.csv.
import type { Finding } from "../result/types.js";
import type { Check } from "./types.js";
import { plural, round } from "./survey-common.js";

/** Below this share of a group answering, its results may describe the few who chose to answer. */
const LOW_RESPONSE_RATE = 0.5;

export const surveyResponseRate: Check = {
  id: "survey-response-rate",
  practice: 1,
  title: "Survey response rates by group",
  requires: ["survey", "people"],
  needs: "survey",
  run(section) {
    const known = section.participation.filter((p) => p.headcount !== null && p.headcount > 0);
    if (known.length === 0)
      return {
        summary: "people.csv gives no group sizes that match the survey's group columns.",
        findings: [],
        notApplicable: true,
      };
    const findings: Finding[] = [];
    const silent: string[] = [];
    for (const p of known) {
      if (p.suppressed) {
        silent.push(`${p.value} (${p.attribute}, ${p.headcount} people)`);
        continue;
      }
      if (p.rate === null || p.rate >= LOW_RESPONSE_RATE) continue;
      findings.push({
        severity: "warning",
        subject: { attribute: p.attribute, groups: [p.value] },
        message: `Only ${round(p.rate * 100, 0)}% of ${p.value} (${p.attribute}) answered the survey${section.currentWave ? ` in ${section.currentWave}` : ""}: its results may describe the people who chose to answer rather than the group.`,
        evidence: [
          {
            label: "response rate",
            value: round(p.rate * 100, 0),
            unit: "%",
            n: p.headcount!,
            reference: LOW_RESPONSE_RATE * 100,
          },
        ],
        questions: [
          `What would make answering feel safe and worthwhile for people in ${p.value}?`,
          `Did the people in ${p.value} hear what happened after the last survey?`,
        ],
      });
    }
    const shown = known.filter((p) => !p.suppressed);
    return {
      summary:
        findings.length === 0
          ? `No group below ${LOW_RESPONSE_RATE * 100}% response among ${plural(shown.length, "group")} with a headcount.`
          : `${plural(findings.length, "group")} below ${LOW_RESPONSE_RATE * 100}% response, of ${shown.length} with a headcount.`,
      findings,
      notes:
        silent.length > 0
          ? [
              `Results hidden (fewer than ${section.minGroupSize} responses, or to protect such a group): ${silent.join("; ")}.`,
            ]
          : [],
      evidence: shown.length > 0 ? [{ label: "groups with a response rate", value: shown.length }] : [],
    };
  },
};
