// Practice 3: groups whose ties stay inside them far more than their peers' do. Most teams are more inward than
// chance (work is organised that way), so a group is flagged only when it is both below its random-mixing interval
// and well below the other groups on the same boundary.
import type { Evidence, Finding } from "../result/types.js";
import { fixed, judged } from "./network-common.js";
import type { Check } from "./types.js";
import { median } from "../network/stats.js";

/** How far (in E-I points) below the boundary's median gap to expectation a group must sit to be flagged. */
const GAP_MARGIN = 0.3;
/** Fewest ties touching a group for its E-I to be judged. */
const MIN_TIES = 10;

export const networkCrossBoundary: Check = {
  id: "network-cross-boundary",
  practice: 3,
  title: "Groups connecting across boundaries",
  requires: ["interactions", "people"],
  needs: "network",
  run(section) {
    const findings: Finding[] = [];
    const evidence: Evidence[] = [];
    for (const boundary of section.boundaries) {
      // The permutation interval describes chance, so it belongs with the expectation, not with the observed index.
      evidence.push({
        label: `E-I index by ${boundary.attribute}`,
        value: boundary.eiIndex,
        n: boundary.external + boundary.internal,
      });
      if (boundary.expectedEiIndex !== null) {
        evidence.push({
          label: `E-I by ${boundary.attribute} expected under random mixing (interval: ${boundary.permutations} permutations)`,
          value: boundary.expectedEiIndex,
          ci: boundary.permutationInterval ?? undefined,
        });
      }
      const candidates = judged(boundary).filter(
        (g) => g.eiIndex !== null && g.expectedEiIndex !== null && g.external + g.internal >= MIN_TIES,
      );
      if (candidates.length < 3) continue;
      const gaps = candidates.map((g) => g.eiIndex! - g.expectedEiIndex!);
      const typical = median(gaps)!;
      for (const g of candidates) {
        const gap = g.eiIndex! - g.expectedEiIndex!;
        // Groups with no outside tie at all are the isolated-groups check's finding.
        if (g.external === 0 || gap > typical - GAP_MARGIN || g.pLower === null || g.pLower >= 0.025) continue;
        findings.push({
          severity: "warning",
          subject: { attribute: boundary.attribute, groups: [g.value] },
          message:
            `${g.value} (${boundary.attribute}) connects across the boundary far less than other groups do: E-I ${fixed(g.eiIndex)} ` +
            `against ${fixed(g.expectedEiIndex)} under random mixing, a gap of ${fixed(gap)} where the typical ${boundary.attribute} gap is ${fixed(typical)}.`,
          evidence: [
            { label: "E-I index", value: g.eiIndex, n: g.external + g.internal },
            {
              label: "E-I expected under random mixing (interval: random relabelling)",
              value: g.expectedEiIndex,
              ci: g.permutationInterval ?? undefined,
            },
            { label: "ties to other groups", value: g.external, n: g.external + g.internal },
            { label: "members with a tie outside the group", value: g.spanningMembers, n: g.n },
            { label: "one-sided permutation p", value: g.pLower },
          ],
          questions: [
            `Where does ${g.value}'s work depend on other groups, and who there do they know by name?`,
            `Has ${g.value} had the time and occasions to build ties outside (shared huddles, joint cases, forums)?`,
          ],
        });
      }
    }
    const flagged = findings.length;
    return {
      summary: flagged
        ? `${flagged} group${flagged === 1 ? "" : "s"} connect${flagged === 1 ? "s" : ""} across boundaries far less than their peers.`
        : "No group stands out as turned inward compared with the others on its boundary.",
      findings,
      evidence,
      notes: [
        `A group is flagged when its E-I is below the 95% random-relabelling interval and at least ${GAP_MARGIN} below the median gap to expectation on its boundary; groups under minGroupSize are not judged.`,
      ],
    };
  },
};
