// Practice 8: relational quality as a leading indicator. Reports each delivery metric's lagged, prewhitened
// correlation with its group's relational series, saying "no evidence" plainly, and the delivery charts' state.
import type { Finding } from "../result/types.js";
import type { Check } from "./types.js";

export const signalLeadingIndicator: Check = {
  id: "signal-leading-indicator",
  practice: 8,
  title: "Relational series leading delivery metrics",
  requires: ["delivery"],
  needs: "signals",
  run(section) {
    const delivery = section.series.filter((s) => s.source.kind === "delivery");
    const findings: Finding[] = section.leading.map((l) => ({
      severity: "info",
      subject: l.subject,
      message: l.message,
      evidence:
        l.evidence === "too little data"
          ? []
          : [
              {
                label: `prewhitened correlation at lag ${l.lag}`,
                value: Math.round(l.r * 100) / 100,
                n: l.n,
                ci: [Math.round(l.ci[0] * 100) / 100, Math.round(l.ci[1] * 100) / 100],
              },
              {
                label: "p, Bonferroni over lags",
                value: Math.round(l.p * 10000) / 10000,
                n: l.lagsTried,
                unit: "lags",
              },
              { label: "AR(1) of the relational series (prewhitening)", value: Math.round(l.ar1 * 100) / 100 },
            ],
      questions:
        l.evidence === "evidence"
          ? [
              `What in the relationship could reach ${l.metric} ${l.lag} periods later?`,
              "Does the lead hold in the next quarter's data before anyone acts on it?",
            ]
          : [],
    }));
    for (const s of delivery)
      if (s.variation && s.variation !== "common-cause")
        findings.push({
          severity: "info",
          subject: s.subject,
          message: `${s.metric}${s.subject.groups ? ` (${s.subject.groups.join(", ")})` : ""}: the latest point is special cause (${s.variation.replace("-", ", ")})${s.assurance ? `; against its target: ${s.assurance}` : ""}. Rule: ${s.points.at(-1)?.rules.join(", ") || "see chart"}.`,
          evidence: [
            {
              label: "latest value",
              value: s.points.at(-1)?.value ?? null,
              reference: s.points.at(-1)?.mean ?? undefined,
            },
          ],
          questions: [`What relationships does ${s.metric} depend on, and what has changed in them recently?`],
        });
    const withEvidence = section.leading.filter((l) => l.evidence === "evidence").length;
    return {
      summary:
        section.leading.length === 0
          ? `${delivery.length} delivery series charted; none belongs to a group with relational data, so no lead can be tested.`
          : `${withEvidence} of ${section.leading.length} relational–delivery pairs show evidence of a lead (lags 0–8, prewhitened); the rest: no evidence.`,
      findings,
      evidence: [{ label: "delivery series charted", value: delivery.length }],
    };
  },
};
