// Runs every registered check against one context. A check whose inputs are missing is not-applicable; a check
// that throws becomes an "error" entry and the run goes on (Lighthouse's rule).
import type { CheckResult, Finding, Severity } from "../result/types.js";
import type { Dataset } from "../model/types.js";
import { bySeverity, worstOf } from "../model/severity.js";
import { sectionFor } from "./sections.js";
import type { AuditContext, Check, CheckOutcome, Requirement, SectionCheck, SectionName } from "./types.js";

function worstSeverity(findings: readonly Finding[]): Severity {
  return worstOf(findings.map((f) => f.severity));
}

/** Which kinds of input the data holds. */
export function inputsPresent(data: Dataset): Record<Requirement, boolean> {
  return {
    people: data.people !== null,
    interactions: data.interactions !== null,
    timestamps: data.interactions?.timestamped ?? false,
    survey: data.survey !== null || data.coordination !== null,
    delivery: data.delivery !== null,
    events: data.events !== null,
  };
}

function missingRequirements(check: Check, context: AuditContext): Requirement[] {
  const present = inputsPresent(context.data);
  return check.requires.filter((r) => !present[r]);
}

export const REQUIREMENT_TEXT: Record<Requirement, string> = {
  people: "people.csv",
  interactions: "interactions.csv",
  timestamps: "timestamps in interactions.csv",
  survey: "survey.csv",
  delivery: "delivery.csv",
  events: "events.csv",
};

/** Runs a check on the section it needs, or says why that section is not there. */
export function runCheck(check: Check, context: AuditContext): CheckOutcome {
  return check.needs === undefined ? check.run(context) : runOnSection(check, context);
}

function runOnSection<S extends SectionName>(check: SectionCheck<S>, context: AuditContext): CheckOutcome {
  const available = sectionFor(check.needs, context);
  if ("why" in available) return { summary: available.why, findings: [], notApplicable: true };
  return check.run(available.section, context);
}

export function runChecks(checks: readonly Check[], context: AuditContext): CheckResult[] {
  return checks.map((check) => {
    const base = { id: check.id, practice: check.practice, title: check.title };
    const missing = missingRequirements(check, context);
    if (missing.length > 0) {
      return {
        ...base,
        status: "not-applicable",
        severity: "info",
        summary: `Needs ${missing.map((m) => REQUIREMENT_TEXT[m]).join(" and ")}.`,
        findings: [],
        evidence: [],
        notes: [],
      };
    }
    try {
      const outcome = runCheck(check, context);
      const findings = [...outcome.findings].sort((a, b) => bySeverity(a.severity, b.severity));
      const severity = worstSeverity(findings);
      const status = outcome.notApplicable
        ? "not-applicable"
        : severity === "critical"
          ? "fail"
          : severity === "warning"
            ? "warn"
            : "pass";
      return {
        ...base,
        status,
        severity,
        summary: outcome.summary,
        findings,
        evidence: outcome.evidence ?? [],
        notes: outcome.notes ?? [],
      };
    } catch (error) {
      return {
        ...base,
        status: "error",
        severity: "info",
        summary: "The check failed to run; the rest of the audit is unaffected.",
        findings: [],
        evidence: [],
        notes: [],
        error: error instanceof Error ? error.message : String(error),
      };
    }
  });
}
