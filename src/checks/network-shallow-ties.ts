// Practice 4 ("slow down to speed up"): relationships between two groups that rarely last — contact that starts and
// stops — compared with the boundary's other cross-group relationships, and how deep cross-boundary contact is overall.
import type { Evidence, Finding } from "../result/types.js";
import { fixed, isJudged, link, percent } from "./network-common.js";
import type { Check } from "./types.js";

/** A link is flagged when the upper 95% bound of its durable share is this far below the boundary's cross-group share. */
const DURABILITY_MARGIN = 0.15;
/** Fewest relationships old enough to judge durability on a link. */
const MIN_ELIGIBLE = 15;

export const networkShallowTies: Check = {
  id: "network-shallow-ties",
  practice: 4,
  title: "Depth and durability of cross-boundary relationships",
  requires: ["interactions", "timestamps", "people"],
  needs: "network",
  run(network) {
    const depth = network.depth;
    if (!depth || depth.boundaries.length === 0) {
      return {
        summary: "Depth needs timestamped interactions and people's groups.",
        findings: [],
        notApplicable: true,
      };
    }
    const unit = depth.period === "week" ? "weeks" : "months";
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    for (const b of depth.boundaries) {
      const boundary = network.boundaries.find((x) => x.attribute === b.attribute)!;
      evidence.push(
        {
          label: `durable across ${b.attribute}`,
          value: b.cross.durability.share,
          n: b.cross.durability.eligible,
          ci: b.cross.durability.ci ?? undefined,
          reference: `within: ${percent(b.within.durability.share)}`,
        },
        {
          label: `relational channels across ${b.attribute}`,
          value: b.cross.relationalShare,
          reference: `within: ${percent(b.within.relationalShare)}`,
        },
      );
      const baseline = b.cross.durability.share;
      if (baseline === null) continue;
      for (const l of b.links) {
        const d = l.durability;
        if (d.eligible < MIN_ELIGIBLE || d.ci === null || d.ci[1] >= baseline - DURABILITY_MARGIN) continue;
        if (!isJudged(boundary, l.groups[0]) || !isJudged(boundary, l.groups[1])) continue;
        findings.push({
          severity: "warning",
          subject: { attribute: b.attribute, groups: [...l.groups] },
          message:
            `Contact across ${link(l.groups)} rarely lasts: ${d.durable} of ${d.eligible} relationships (${percent(d.share)}) were still in contact ` +
            `${depth.durabilityPeriods} ${unit} after they began, against ${percent(baseline)} across ${b.attribute} generally.`,
          evidence: [
            {
              label: "still in contact after the durability period",
              value: d.share,
              n: d.eligible,
              ci: d.ci,
              ciLevel: 0.95,
              reference: `${fixed(baseline)} across the boundary`,
            },
            { label: `median ${unit} in contact`, value: l.medianPeriodsActive, n: l.relationships },
            {
              label: "share on relational channels",
              value: l.relationalShare,
              kind: "share",
              reference: `${percent(b.cross.relationalShare)} across the boundary`,
            },
          ],
          questions: [
            `Do people across ${link(l.groups)} meet only to hand work over? What would a second conversation need?`,
            "Which of these relationships did last, and what was different about them?",
          ],
        });
      }
    }
    return {
      summary: findings.length
        ? `${findings.length} cross-boundary relationship${findings.length === 1 ? "" : "s"} between groups last${findings.length === 1 ? "s" : ""} markedly less than others.`
        : "No relationship between groups is markedly less durable than the others on its boundary.",
      findings,
      evidence,
      notes: [
        `Durable: still in contact ${depth.durabilityPeriods} ${unit} after first contact, among relationships that began at least that long before the data ends.`,
        `A link is flagged when the upper 95% (Wilson) bound of its durable share is ${DURABILITY_MARGIN} or more below its boundary's cross-group share, with at least ${MIN_ELIGIBLE} relationships old enough to judge.`,
      ],
    };
  },
};
