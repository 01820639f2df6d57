// Which of the eight practices the supplied data can speak to, and what is missing to audit the rest.
// An audit that is silent about what it could not see would overstate the system's health.
import type { Finding, Practice } from "../result/types.js";
import { inputsPresent, REQUIREMENT_TEXT } from "./run.js";
import type { Check, Requirement } from "./types.js";

const PRACTICE_EVIDENCE: { practice: Practice; name: string; needs: Requirement[][] }[] = [
  { practice: 1, name: "audit relational health", needs: [["survey"], ["interactions"]] },
  { practice: 2, name: "connection before content", needs: [["interactions", "timestamps"]] },
  { practice: 3, name: "boundary spanning", needs: [["interactions", "people"]] },
  { practice: 4, name: "slow down to speed up", needs: [["interactions", "timestamps"]] },
  { practice: 5, name: "breakdown as a system signal", needs: [["interactions", "timestamps"], ["survey"]] },
  { practice: 6, name: "relational leadership", needs: [["survey"]] },
  { practice: 7, name: "cross-system forums", needs: [["events", "interactions", "timestamps"]] },
  {
    practice: 8,
    name: "relational quality as a leading indicator",
    needs: [
      ["delivery", "interactions", "timestamps"],
      ["delivery", "survey"],
    ],
  },
];

export const evidenceCoverage: Check = {
  id: "evidence-coverage",
  practice: 1,
  title: "Evidence available for each practice",
  requires: [],
  run({ data }) {
    const have = inputsPresent(data);
    const findings: Finding[] = [];
    let covered = 0;
    for (const { practice, name, needs } of PRACTICE_EVIDENCE) {
      if (needs.some((set) => set.every((r) => have[r]))) {
        covered++;
        continue;
      }
      const cheapest = [...needs].sort(
        (a, b) => a.filter((r) => !have[r]).length - b.filter((r) => !have[r]).length,
      )[0];
      const missing = cheapest.filter((r) => !have[r]).map((r) => REQUIREMENT_TEXT[r]);
      findings.push({
        severity: "info",
        subject: {},
        message: `Practice ${practice} (${name}) cannot be audited: add ${missing.join(" and ")}.`,
        evidence: [],
        questions: [],
      });
    }
    const people = data.people?.people.length ?? 0;
    return {
      summary: `The data speaks to ${covered} of 8 practices.`,
      findings,
      evidence: [
        { label: "practices with evidence", value: covered, n: 8 },
        ...(data.people ? [{ label: "people", value: people }] : []),
        ...(data.interactions
          ? [
              { label: "interaction rows", value: data.interactions.rows },
              { label: "ties", value: data.interactions.ties.length },
            ]
          : []),
        ...(data.survey ? [{ label: "survey responses", value: data.survey.rows }] : []),
        ...(data.delivery ? [{ label: "delivery values", value: data.delivery.length }] : []),
        ...(data.events ? [{ label: "event attendances", value: data.events.length }] : []),
      ],
    };
  },
};
