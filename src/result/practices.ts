// The eight practices (../shared/design/practices.md), named once for every renderer.
import type { Practice } from "./types.js";

export const PRACTICES: Record<Practice, string> = {
  1: "Audit relational health",
  2: "Connection before content",
  3: "Boundary-spanning roles",
  4: "Slow down to speed up",
  5: "Relational breakdown is a system signal",
  6: "Relational leadership capability",
  7: "Forums that strengthen cross-system relationships",
  8: "Relational quality as a leading indicator",
};

export const PRACTICE_ORDER: Practice[] = [1, 2, 3, 4, 5, 6, 7, 8];
