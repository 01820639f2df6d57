// Practice 1: groups cut off from the rest of the system — no tie to any other group (isolated) or only a few members
// with any outside tie (peripheral) — and a network split into pieces.
import type { NetworkSection } from "../result/network.js";
import type { Evidence, Finding } from "../result/types.js";
import { wilson } from "../network/stats.js";
import { judged, percent } from "./network-common.js";
import type { Check } from "./types.js";

/** A group is peripheral when fewer than this share of its members have any tie to another group. */
const PERIPHERAL_SHARE = 0.2;
/** The network is fragmented when its largest connected part holds less than this share of people. */
const CONNECTED_SHARE = 0.9;

/** How whole the network is: the largest connected part's share of people, and the people with no tie. */
const partsEvidence = (section: NetworkSection): Evidence[] => [
  {
    label: "share of people in the largest connected part",
    value: section.largestComponentShare,
    kind: "share",
    n: section.peopleCount,
  },
  { label: "people with no tie", value: section.isolates, n: section.peopleCount },
];

export const networkIsolatedGroups: Check = {
  id: "network-isolated-groups",
  practice: 1,
  title: "Isolated or peripheral groups",
  requires: ["interactions", "people"],
  needs: "network",
  run(section) {
    const findings: Finding[] = [];
    for (const boundary of section.boundaries) {
      const others = boundary.groups.length - 1;
      for (const g of judged(boundary)) {
        const share = g.spanningMembers / g.n;
        const isolated = g.external === 0;
        if (!isolated && share >= PERIPHERAL_SHARE) continue;
        const evidence: Evidence[] = [
          {
            label: "members with a tie to another group",
            value: share,
            n: g.n,
            ci: wilson(g.spanningMembers, g.n) ?? undefined,
            ciLevel: 0.95,
          },
          { label: "ties to other groups", value: g.external, n: g.external + g.internal },
          { label: "other groups reached", value: g.linkedGroups, n: others },
          { label: "members with no tie at all", value: g.isolatedMembers, n: g.n },
        ];
        findings.push({
          severity: isolated ? "critical" : "warning",
          subject: { attribute: boundary.attribute, groups: [g.value] },
          message: isolated
            ? `${g.value} (${boundary.attribute}) has no recorded tie to any other group.`
            : `${g.value} (${boundary.attribute}) is on the edge: ${g.spanningMembers} of ${g.n} members (${percent(share)}) have any tie to another group, reaching ${g.linkedGroups} of ${others} groups.`,
          evidence,
          questions: [
            `Does ${g.value}'s contact with others happen through channels the data does not see (phone, shared sites)?`,
            `Which other groups does ${g.value}'s work depend on, and how would they reach ${g.value} today?`,
          ],
        });
      }
    }
    if (section.largestComponentShare !== null && section.largestComponentShare < CONNECTED_SHARE) {
      findings.push({
        severity: "warning",
        subject: {},
        message: `The network is in ${section.components} separate parts; the largest holds ${percent(section.largestComponentShare)} of ${section.peopleCount} people (${section.isolates} with no tie at all).`,
        evidence: partsEvidence(section),
        questions: [
          "Are the separate parts real gaps between services, or people whose interactions the export misses?",
        ],
      });
    }
    return {
      summary: findings.length
        ? `${findings.length} group${findings.length === 1 ? "" : "s"} or part${findings.length === 1 ? "" : "s"} of the system sit apart.`
        : "Every group has ties to other groups.",
      findings,
      evidence: partsEvidence(section),
      notes: [
        `Peripheral: fewer than ${percent(PERIPHERAL_SHARE)} of members have a tie to another group. Groups under minGroupSize are not judged.`,
      ],
    };
  },
};
