// Practice 3: relationships between groups that rest on one person. If that person leaves (or has left), the link goes
// with them. Person ids appear here by design: this is the key-person list a programme lead asks for.
import type { Finding } from "../result/types.js";
import { wilson } from "../network/stats.js";
import { isJudged, link, percent } from "./network-common.js";
import type { Check } from "./types.js";

/** A link rests on one person when that person is an end of at least this share of its ties … */
const CARRIER_SHARE = 0.8;
/**
 * … and the link has at least this many ties. A thinner link is "barely connected", and one person at most of its
 * few ties is what chance produces: on the demo's null system (no planted pattern) every link with ≥ 80% on one
 * person had 3–5 ties.
 */
const MIN_TIES = 8;

export const networkKeyPerson: Check = {
  id: "network-key-person",
  practice: 3,
  title: "Single points of failure between groups",
  requires: ["interactions", "people"],
  needs: "network",
  run(section) {
    const findings: Finding[] = [];
    // Ties count contact over all the interaction data; the departure signal looks at the weeks before a leaver
    // left. Saying which window each uses keeps the two from reading as a contradiction.
    const window = "over the whole period of the interaction data";
    for (const boundary of section.boundaries) {
      for (const l of boundary.links) {
        const top = l.carriers[0];
        if (
          !top ||
          l.ties < MIN_TIES ||
          top.share < CARRIER_SHARE ||
          !isJudged(boundary, l.groups[0]) ||
          !isJudged(boundary, l.groups[1])
        )
          continue;
        const other = l.groups[0] === top.group ? l.groups[1] : l.groups[0];
        findings.push({
          severity: top.leaver ? "critical" : "warning",
          subject: { attribute: boundary.attribute, groups: [...l.groups], people: [top.id] },
          message:
            `${link(l.groups)} rests on one person: ${top.id} (${top.group}) is an end of ${top.ties} of its ${l.ties} ties (${percent(top.share)}) ${window}` +
            (top.leaver ? " and has left." : "."),
          evidence: [
            {
              label: "share of the link's ties carried by one person",
              value: top.share,
              kind: "share",
              n: l.ties,
              ci: wilson(top.ties, l.ties) ?? undefined,
              ciLevel: 0.95,
            },
            { label: "people carrying the link", value: l.carrierCount },
            { label: "interactions across the link", value: l.interactions },
            {
              label: "the person is an articulation point of the whole network",
              value: top.articulationPoint ? "yes" : "no",
            },
          ],
          questions: [
            top.leaver
              ? `Who in ${top.group} and ${other} has picked up the work ${top.id} carried between them?`
              : `Who else in ${top.group} and ${other} could share this relationship, and when will they meet?`,
            `What flows across ${link(l.groups)} today (referrals, advice, escalation), and would anyone notice if it stopped?`,
          ],
        });
      }
    }
    const critical = findings.filter((f) => f.severity === "critical").length;
    return {
      summary: findings.length
        ? `${findings.length} relationship${findings.length === 1 ? "" : "s"} between groups rest${findings.length === 1 ? "s" : ""} on one person${critical ? ` (${critical} who has left)` : ""}.`
        : "No relationship between groups rests on a single person.",
      findings,
      evidence: [
        {
          label: "articulation points (people whose absence splits the network)",
          value: section.articulationPoints.length,
          n: section.peopleCount,
        },
        { label: "bridges (ties whose loss splits the network)", value: section.bridges.length, n: section.tieCount },
      ],
      notes: [
        `Flagged when one person is an end of at least ${percent(CARRIER_SHARE)} of the ties between two groups with at least ${MIN_TIES} ties; critical when that person has a leaving date.`,
      ],
    };
  },
};
