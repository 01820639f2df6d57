// Practice 7: forums that strengthen cross-system relationships. After each event, did attendees from different
// groups make first contact with each other more than non-attendees of the same groups did?
import type { Evidence, Finding } from "../result/types.js";
import { fixed, percent } from "./network-common.js";
import type { Check } from "./types.js";
import { formatInterval } from "../text/voice.js";

/** Fewest cross-group attendee pairs without prior contact for an event to be judged. */
const MIN_PAIRS = 10;

export const networkForums: Check = {
  id: "network-forums",
  practice: 7,
  title: "Forums that build new cross-boundary ties",
  requires: ["interactions", "timestamps", "people", "events"],
  needs: "network",
  run(network) {
    const forums = network.forums;
    if (!forums)
      return {
        summary: "Forum effects need events.csv, timestamped interactions and people's groups.",
        findings: [],
        notApplicable: true,
      };
    const findings: Finding[] = [];
    const notes: string[] = [];
    let building = 0;
    for (const f of forums) {
      const a = f.attendeesAfter;
      const pairs = f.groupPairs.reduce((s, p) => s + p.pairs, 0);
      if (a.atRisk < MIN_PAIRS || f.rateRatioCi === null) {
        notes.push(`${f.event}: too few cross-group attendee pairs to judge (${a.atRisk}).`);
        continue;
      }
      const evidence: Evidence[] = [
        {
          label: "new cross-group ties among attendees per pair, after",
          value: a.rate,
          n: a.atRisk,
          reference: `before: ${fixed(f.attendeesBefore.rate, 4)} (${f.attendeesBefore.newTies} of ${f.attendeesBefore.atRisk})`,
        },
        {
          label: "same among non-attendees of the same groups",
          value: f.nonAttendeesAfter.rate,
          n: f.nonAttendeesAfter.atRisk,
        },
        { label: "rate ratio, attendees vs non-attendees", value: f.rateRatio, ci: f.rateRatioCi, ciLevel: 0.95 },
        // Connection before content (practice 2): how many attendee pairs across groups already knew each other.
        {
          label: "cross-group attendee pairs already in contact before",
          value: pairs ? (pairs - a.atRisk) / pairs : null,
          n: pairs,
        },
      ];
      const window = `${f.windowDays} days${f.windowComplete ? "" : " (the data ends inside this window)"}`;
      if (f.rateRatioCi[0] > 1) {
        building++;
        findings.push({
          severity: "info",
          subject: { attribute: f.attribute, groups: f.groups },
          message: `${f.event} (${f.date}) built ties: ${a.newTies} new cross-group contacts among ${f.attendees} attendees in the ${window} after, ${fixed(f.rateRatio, 1)}× the non-attendees' rate.`,
          evidence,
          questions: [`What about ${f.event} made new contact easy, and can the next one keep it?`],
        });
        continue;
      }
      findings.push({
        severity: "warning",
        subject: { attribute: f.attribute, groups: f.groups },
        message:
          `${f.event} (${f.date}) built no detectable new ties: ${a.newTies} new cross-group contacts among ${f.attendees} attendees (${percent(a.rate)} of ${a.atRisk} pairs) ` +
          `in the ${window} after, against ${percent(f.nonAttendeesAfter.rate)} for non-attendees (rate ratio ${fixed(f.rateRatio)}, ${formatInterval(f.rateRatioCi)}).`,
        evidence,
        questions: [
          `Was ${f.event} designed to share information or for people to work on something together?`,
          "Did attendees from different groups have time and a reason to talk to each other, not just to the front?",
        ],
      });
    }
    const judged = findings.length;
    if (judged === 0)
      return { summary: "No forum had enough cross-group attendees to judge.", findings, notes, notApplicable: true };
    return {
      summary: judged
        ? `${building} of ${judged} forum${judged === 1 ? "" : "s"} built new cross-boundary ties.`
        : "No forum had enough cross-group attendees to judge.",
      findings,
      notes: [
        ...notes,
        "A forum builds ties when the 95% interval of the attendees-vs-non-attendees rate ratio of first contacts after it lies above 1.",
      ],
    };
  },
};
