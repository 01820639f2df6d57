// The findings a report leads with, in one order for every renderer: criticals first, then warnings, each in the
// practices' order (information stays in its practice's section).
import type { CheckResult, Finding, Report } from "../result/types.js";
import { PRACTICE_ORDER } from "../result/practices.js";
import { bySeverity } from "../model/severity.js";

/** Warning and critical findings, criticals first, each in the report's practice order. */
export function headlineFindings(report: Report): { check: CheckResult; finding: Finding; index: number }[] {
  const all = report.checks.flatMap((check) =>
    check.findings.map((finding, index) => ({ check, finding, index })).filter((x) => x.finding.severity !== "info"),
  );
  const practiceRank = (x: { check: CheckResult }) => PRACTICE_ORDER.indexOf(x.check.practice);
  return all
    .map((x, order) => ({ ...x, order }))
    .sort(
      (a, b) =>
        bySeverity(a.finding.severity, b.finding.severity) || practiceRank(a) - practiceRank(b) || a.order - b.order,
    );
}
