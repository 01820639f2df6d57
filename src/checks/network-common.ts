// Shared wording and guards for the network checks (one check per file: network-*.ts).
import type { BoundarySection, GroupMetrics } from "../network/section.js";

export const link = (groups: readonly string[]) => groups.join(" ↔ ");
export const percent = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);
export const fixed = (x: number | null, digits = 2) => (x === null ? "n/a" : x.toFixed(digits));

/** Groups big enough to be judged: smaller ones would single people out (minGroupSize). */
export const judged = (boundary: BoundarySection): GroupMetrics[] => boundary.groups.filter((g) => !g.small);

export const isJudged = (boundary: BoundarySection, value: string) =>
  boundary.groups.some((g) => g.value === value && !g.small);
