// Shared wording and guards for the network checks (one check per file: network-*.ts).
import type { BoundarySection, GroupMetrics } from "../result/network.js";

export const link = (groups: readonly string[]) => groups.join(" ↔ ");
export { fixed, percent } from "../text/format.js";

/** Groups big enough to be judged: smaller ones would single people out (minGroupSize). */
export const judged = (boundary: BoundarySection): GroupMetrics[] => boundary.groups.filter((g) => !g.small);

export const isJudged = (boundary: BoundarySection, value: string) =>
  boundary.groups.some((g) => g.value === value && !g.small);
