// Shared wording and guards for the network checks (one check per file: network-*.ts).
import type { NetworkSection, BoundarySection, GroupMetrics } from "../network/section.js";
import type { CheckOutcome } from "./types.js";

export const link = (groups: readonly string[]) => groups.join(" ↔ ");
export const percent = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);
export const fixed = (x: number | null, digits = 2) => (x === null ? "n/a" : x.toFixed(digits));

/** The section, or a not-applicable outcome saying why. */
export function networkOrWhy(network: NetworkSection | null): NetworkSection | CheckOutcome {
  if (!network) return { summary: "No interactions were loaded.", findings: [], notApplicable: true };
  if (network.boundaries.length === 0) {
    return {
      summary: "People have no boundary attribute (organisation, team, profession …) to compare groups on.",
      findings: [],
      notApplicable: true,
    };
  }
  return network;
}

export const isOutcome = (x: NetworkSection | CheckOutcome): x is CheckOutcome => "summary" in x;

/** Groups big enough to be judged: smaller ones would single people out (minGroupSize). */
export const judged = (boundary: BoundarySection): GroupMetrics[] => boundary.groups.filter((g) => !g.small);

export const isJudged = (boundary: BoundarySection, value: string) =>
  boundary.groups.some((g) => g.value === value && !g.small);
