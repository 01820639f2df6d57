// Practice 8: relational quality as a leading indicator. Reports each delivery metric's lagged, prewhitened
// correlation with its group's relational series, saying "no evidence" plainly, and the delivery charts' state.
import type { Finding } from "../result/types.js";
import type { Check } from "./types.js";
import { metricWords, sentenceCase } from "../text/voice.js";
import { plural } from "../text/format.js";

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
                value: l.r,
                n: l.n,
                ci: l.ci,
              },
              {
                label: `p, Bonferroni-adjusted over the ${l.lagsTried} lags tried`,
                value: l.p,
                kind: "p-value",
              },
              { label: "AR(1) of the relational series (prewhitening)", value: l.ar1 },
            ],
      questions:
        l.evidence === "evidence"
          ? [
              `What in the relationship could reach ${metricWords(l.metric)} ${plural(l.lag, "period")} later?`,
              "Does the lead hold in the next quarter's data before anyone acts on it?",
            ]
          : [],
    }));
    for (const s of delivery)
      if (s.variation && s.variation !== "common-cause")
        findings.push({
          severity: "info",
          subject: s.subject,
          message: `${sentenceCase(metricWords(s.metric))}${s.subject.groups ? ` (${s.subject.groups.join(", ")})` : ""}: the latest point is special cause (${s.variation.replace("-", ", ")})${s.assurance ? `; against its target: ${s.assurance}` : ""}. Rule: ${s.points.at(-1)?.rules.map(metricWords).join(", ") || "see chart"}.`,
          evidence: [
            {
              label: "latest value",
              value: s.points.at(-1)?.value ?? null,
              reference: s.points.at(-1)?.mean ?? undefined,
            },
          ],
          questions: [
            `What relationships do ${metricWords(s.metric)} depend on, and what has changed in them recently?`,
          ],
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
