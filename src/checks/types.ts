// A check is a declarative unit (Lighthouse-style): metadata plus a pure function to findings. It declares the
// inputs it requires and the analysis section it reads; the runner hands it that section, never null, or reports
// the check not applicable with the reason. Adding a check = one file exporting a Check + one line in registry.ts.
import type { Dataset } from "../model/types.js";
import type { Evidence, Finding, Practice } from "../result/types.js";
import type { SurveySection } from "../result/survey.js";
import type { NetworkSection } from "../result/network.js";
import type { SignalsSection } from "../result/signals.js";

/** Inputs a check can require; a check whose inputs are missing is reported "not-applicable". */
export type Requirement = "people" | "interactions" | "timestamps" | "survey" | "delivery" | "events";

/** The analysis sections a check can read. */
export interface Sections {
  survey: SurveySection;
  network: NetworkSection;
  signals: SignalsSection;
}
export type SectionName = keyof Sections;

/** What every check can read: the loaded data and the analyses computed once from it (already privacy-suppressed). */
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

interface CheckInfo {
  id: string;
  practice: Practice;
  title: string;
  requires: Requirement[];
}

/** A check that reads one analysis section: `run` receives it, present and usable. */
export interface SectionCheck<S extends SectionName> extends CheckInfo {
  needs: S;
  run(section: Sections[S], context: AuditContext): CheckOutcome;
}

/** A check that reads the data (and whichever sections are there) itself. */
interface DataCheck extends CheckInfo {
  needs?: undefined;
  run(context: AuditContext): CheckOutcome;
}

export type Check = DataCheck | { [S in SectionName]: SectionCheck<S> }[SectionName];
