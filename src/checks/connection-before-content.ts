// Practice 2 ("connection before content"): are relationships there before people are asked to work together?
// Two readings of the data: links between groups whose contact is almost all transactional (referrals, email) next
// to the boundary's other links, and, for each forum, how many cross-group attendees already knew each other.
import type { Evidence, Finding } from "../result/types.js";
import { isJudged, link, percent } from "./network-common.js";
import type { Check } from "./types.js";

/** A link is flagged when its relational share is below this fraction of its boundary's cross-group share. */
const RELATIONAL_RATIO = 0.5;
/** Below this fraction the link is nearly all hand-offs: a warning rather than a note. */
const NEARLY_TRANSACTIONAL_RATIO = 0.25;
/** Fewest relationships on a link to judge its channel mix. */
const MIN_RELATIONSHIPS = 20;

export const connectionBeforeContent: Check = {
  id: "connection-before-content",
  practice: 2,
  title: "Relationships before joint work",
  requires: ["interactions", "timestamps", "people"],
  needs: "network",
  run(network) {
    const depth = network.depth;
    if (!depth || depth.boundaries.length === 0) {
      return { summary: "Needs timestamped interactions and people's groups.", findings: [], notApplicable: true };
    }
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    let judgedLinks = 0;
    for (const b of depth.boundaries) {
      const baseline = b.cross.relationalShare;
      evidence.push({
        label: `relational channels across ${b.attribute}`,
        value: baseline,
        n: b.cross.relationships,
        reference: `within: ${percent(b.within.relationalShare)}`,
      });
      if (baseline === null || baseline === 0) continue;
      const boundary = network.boundaries.find((x) => x.attribute === b.attribute)!;
      for (const l of b.links) {
        if (l.relationalShare === null || l.relationships < MIN_RELATIONSHIPS) continue;
        if (!isJudged(boundary, l.groups[0]) || !isJudged(boundary, l.groups[1])) continue;
        judgedLinks++;
        if (l.relationalShare >= RELATIONAL_RATIO * baseline) continue;
        findings.push({
          severity: l.relationalShare < NEARLY_TRANSACTIONAL_RATIO * baseline ? "warning" : "info",
          subject: { attribute: b.attribute, groups: [...l.groups] },
          message:
            `Contact across ${link(l.groups)} is mostly transactional: ${percent(l.relationalShare)} of it is on relational channels ` +
            `(1:1, huddles, meetings, social), against ${percent(baseline)} across ${b.attribute} generally.`,
          evidence: [
            {
              label: "share of contact on relational channels",
              value: l.relationalShare,
              kind: "share",
              n: l.relationships,
              reference: `${percent(baseline)} across the boundary`,
            },
            {
              label: "share of contact on transactional channels",
              value: l.transactionalShare,
              n: l.relationships,
              kind: "share",
            },
            {
              label: "relationships in contact more than once",
              value: l.repeatShare,
              n: l.relationships,
              kind: "share",
            },
          ],
          questions: [
            `Have people across ${link(l.groups)} ever met to get to know each other's work, or only to pass work over?`,
            "Where could a regular conversation (a huddle, a joint case review) sit alongside the referrals?",
          ],
        });
      }
    }
    for (const forum of network.forums ?? []) {
      const pairs = forum.groupPairs.reduce((n, p) => n + p.pairs, 0);
      const tied = forum.groupPairs.reduce((n, p) => n + p.tiedBefore, 0);
      if (pairs > 0)
        evidence.push({
          label: `${forum.event}: cross-group attendee pairs already in contact before`,
          value: tied / pairs,
          n: pairs,
        });
    }
    // No link judged is not a pass: without channels or enough relationships the check could not look.
    if (judgedLinks === 0)
      return {
        summary: `No link between groups could be judged: none has ${MIN_RELATIONSHIPS} relationships between groups big enough to report, with channels that say relational or transactional.`,
        findings: [],
        evidence,
        notApplicable: true,
      };
    return {
      summary: findings.length
        ? `${findings.length} link${findings.length === 1 ? "" : "s"} between groups run${findings.length === 1 ? "s" : ""} mostly on transactional channels.`
        : `No link between groups stands out as purely transactional (${judgedLinks} links judged).`,
      findings,
      evidence,
      notes: [
        `A link is noted when its share of relational contact is below ${RELATIONAL_RATIO} × its boundary's cross-group share (a warning below ${NEARLY_TRANSACTIONAL_RATIO} ×), with at least ${MIN_RELATIONSHIPS} relationships.`,
        "Channels: relational = 1:1, huddle, meeting, social, face-to-face, visit; transactional = email, referral, letter, form, ticket; others (phone, chat) count as neither (see docs/methods.md).",
      ],
    };
  },
};
