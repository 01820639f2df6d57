// Practice 1: reciprocity across boundaries. A relationship between two groups where ties run almost only one way
// (one side asks, refers or reports; the other seldom starts contact) is worth a conversation.
import type { Evidence, Finding } from "../result/types.js";
import { wilson } from "../network/stats.js";
import { fixed, isJudged, percent } from "./network-common.js";
import type { Check } from "./types.js";
import { formatNumber } from "../text/format.js";

/** The smaller direction's share of ties is flagged when even its upper 95% bound is below this. */
const ONE_WAY_SHARE = 0.3;
/** Fewest ties between two groups for their balance to be judged. */
const MIN_LINK_TIES = 10;

export const networkOneWay: Check = {
  id: "network-one-way",
  practice: 1,
  title: "One-way relationships between groups",
  requires: ["interactions", "people"],
  needs: "network",
  run(section) {
    if (!section.directed)
      return {
        summary: "Interactions are treated as undirected (--undirected): direction cannot be judged.",
        findings: [],
        notApplicable: true,
      };
    const findings: Finding[] = [];
    let judgedLinks = 0;
    for (const boundary of section.boundaries) {
      for (const l of boundary.links) {
        if (l.ties < MIN_LINK_TIES || !l.arcs || !isJudged(boundary, l.groups[0]) || !isJudged(boundary, l.groups[1]))
          continue;
        judgedLinks++;
        const minor = Math.min(l.arcs[0], l.arcs[1]);
        const ci = wilson(minor, l.ties)!;
        if (ci[1] >= ONE_WAY_SHARE) continue;
        const [from, to] = l.arcs[0] >= l.arcs[1] ? l.groups : [l.groups[1], l.groups[0]];
        const [major, minorInteractions] =
          l.arcs[0] >= l.arcs[1]
            ? l.interactionsByDirection!
            : [l.interactionsByDirection![1], l.interactionsByDirection![0]];
        findings.push({
          severity: "warning",
          subject: { attribute: boundary.attribute, groups: [from, to] },
          message:
            `${from} → ${to} runs mostly one way: ${Math.max(...l.arcs)} ties from ${from} to ${to}, ${minor} back ` +
            `(${percent(minor / l.ties)} of ${formatNumber(l.ties)}); ${formatNumber(major)} interactions against ${formatNumber(minorInteractions)}.`,
          evidence: [
            {
              label: `share of ties from ${to} to ${from}`,
              value: minor / l.ties,
              kind: "share",
              n: l.ties,
              ci,
              ciLevel: 0.95,
              reference: "50% when balanced",
            },
            {
              label: "pairs in contact both ways",
              value: l.pairReciprocity,
              reference: `network ${fixed(section.pairReciprocity)}`,
            },
            { label: `interactions ${from} → ${to}`, value: major },
            { label: `interactions ${to} → ${from}`, value: minorInteractions },
          ],
          questions: [
            `What does ${from} need from ${to}, and what would ${to} need to start contact in return?`,
            `Is this a hand-off route (referrals, requests) rather than a working relationship — and is that what both sides want?`,
          ],
        });
      }
    }
    const reciprocity: Evidence = {
      label: "reciprocity (share of ties returned)",
      value: section.reciprocity,
      n: section.tieCount,
      kind: "share",
    };
    if (judgedLinks === 0)
      return {
        summary: `No relationship between groups has the ${MIN_LINK_TIES} ties needed to judge its direction.`,
        findings: [],
        evidence: [reciprocity],
        notApplicable: true,
      };
    return {
      summary: findings.length
        ? `${findings.length} relationship${findings.length === 1 ? "" : "s"} between groups run${findings.length === 1 ? "s" : ""} mostly one way.`
        : `Ties run both ways in all ${judgedLinks} relationships between groups with at least ${MIN_LINK_TIES} ties.`,
      findings,
      evidence: [reciprocity],
      notes: [
        `A relationship is one-way when the upper 95% (Wilson) bound of the smaller direction's share of ties is below ${ONE_WAY_SHARE}; both groups must reach minGroupSize.`,
      ],
    };
  },
};
