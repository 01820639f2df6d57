// A check is a declarative unit (Lighthouse-style): metadata plus a pure function from the audit context to findings.
// Adding a check = one file exporting a Check + one line in registry.ts.
import type { Dataset } from "../model/types.js";
import type { Evidence, Finding, Practice } from "../result/types.js";
import type { SurveySection } from "../survey/section.js";
import type { NetworkSection } from "../network/section.js";
import type { SignalsSection } from "../signals/section.js";

/** Inputs a check can require; a check whose inputs are missing is reported "not-applicable". */
export type Requirement = "people" | "interactions" | "timestamps" | "survey" | "delivery" | "events";

/** What every check reads: the loaded data and the analyses computed once from it (already privacy-suppressed). */
export interface AuditContext {
  data: Dataset;
  survey: SurveySection | null;
  network: NetworkSection | null;
  signals: SignalsSection | null;
}

export interface CheckOutcome {
  summary: string;
  findings: Finding[];
  notes?: string[];
  /** Headline numbers shown with a passing check (e.g. "reciprocity 0.41, n = 812 ties"). */
  evidence?: Evidence[];
  /** Set when the check ran but cannot judge (too little data): reported as not-applicable with the reason. */
  notApplicable?: boolean;
}

export interface Check {
  id: string;
  practice: Practice;
  title: string;
  requires: Requirement[];
  run(context: AuditContext): CheckOutcome;
}
