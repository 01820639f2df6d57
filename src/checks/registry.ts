// Every check relaudit runs, in report order. Adding a check: write one file, add one line here.
import type { Check } from "./types.js";
import { evidenceCoverage } from "./evidence-coverage.js";

export const CHECKS: readonly Check[] = [
  evidenceCoverage,
];
