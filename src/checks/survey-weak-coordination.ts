// Practice 1: relational coordination between groups (Gittell), against the weak band — a research convention,
// labelled so. Within-group ties are reported apart: they are usually stronger and are not what this check judges.
import type { Finding, Severity } from "../result/types.js";
import type { RcCell, RcEstimate } from "../result/survey.js";
import type { Check } from "./types.js";
import { plural, round, roundCi } from "./survey-common.js";
import { againstBands, metricWords } from "../text/voice.js";

/** How far below the weak limit (in scale points) a confidently weak relationship becomes critical. */
const FAR_BELOW_WEAK = 0.5;

export const surveyWeakCoordination: Check = {
  id: "survey-weak-coordination",
  practice: 1,
  title: "Weak relational coordination between groups",
  requires: ["survey"],
  needs: "survey",
  run(survey) {
    const rc = survey.coordination;
    if (!rc)
      return {
        summary: "Needs relational coordination ratings (the config's coordination block).",
        findings: [],
        notApplicable: true,
      };
    const between = rc.cells.filter((c): c is RcCell & RcEstimate => !c.within && !c.suppressed);
    const findings: Finding[] = [];
    for (const cell of between) {
      if (cell.index >= rc.bands.weak) continue;
      const confident = cell.ci !== null && cell.ci[1] < rc.bands.weak;
      const severity: Severity = !confident
        ? "info"
        : cell.ci![1] < rc.bands.weak - FAR_BELOW_WEAK
          ? "critical"
          : "warning";
      const weakest = cell.dimensions.filter((d) => d.mean !== null).sort((a, b) => a.mean! - b.mean!)[0];
      const reverse = rc.cells.find((c) => c.raterGroup === cell.ratedGroup && c.ratedGroup === cell.raterGroup);
      findings.push({
        severity,
        subject: {
          attribute: rc.raterAttribute,
          groups: [cell.raterGroup, cell.ratedGroup],
          metric: "relational coordination",
        },
        message: `${cell.raterGroup} rates its coordination with ${cell.ratedGroup} at ${againstBands(cell.index, [rc.bands.weak, rc.bands.strong])} on ${rc.min}–${rc.max}: weak (below ${rc.bands.weak})${confident ? "" : ", though the 95% interval reaches the band"}.`,
        evidence: [
          { label: "RC index", value: round(cell.index), n: cell.n, ci: roundCi(cell.ci), reference: rc.bands.weak },
          ...(cell.communication !== null
            ? [
                {
                  label: "communication (frequent, timely, accurate, problem-solving)",
                  value: round(cell.communication),
                  n: cell.n,
                },
              ]
            : []),
          ...(cell.relationship !== null
            ? [
                {
                  label: "relationship (shared goals, shared knowledge, mutual respect)",
                  value: round(cell.relationship),
                  n: cell.n,
                },
              ]
            : []),
          ...(weakest
            ? [{ label: `weakest dimension: ${metricWords(weakest.dimension)}`, value: round(weakest.mean!) }]
            : []),
          ...(reverse && !reverse.suppressed
            ? [{ label: `${cell.ratedGroup} rates ${cell.raterGroup}`, value: round(reverse.index), n: reverse.n }]
            : []),
        ],
        questions: [
          `Where do ${cell.raterGroup} and ${cell.ratedGroup} depend on each other's work, and what happens at those hand-offs?`,
          `When something goes wrong between ${cell.raterGroup} and ${cell.ratedGroup}, is it solved together or passed back?`,
          `What would ${cell.raterGroup} need to know about ${cell.ratedGroup}'s goals and pressures, and the other way round?`,
        ],
      });
    }
    findings.sort((a, b) => (a.evidence[0].value as number) - (b.evidence[0].value as number));
    const hidden = rc.cells.filter((c) => !c.within && c.suppressed).length;
    return {
      summary:
        between.length === 0
          ? "No between-group relationship has enough raters to judge."
          : findings.length === 0
            ? `No weak relationship among ${plural(between.length, "between-group rating")}.`
            : `${plural(findings.length, "weak relationship")} among ${between.length} between-group ratings.`,
      findings,
      notes: [
        `Bands: weak < ${rc.bands.weak} ≤ moderate ≤ ${rc.bands.strong} < strong — ${rc.bands.note}.`,
        ...(hidden > 0
          ? [
              `${plural(hidden, "between-group rating")} hidden for privacy (fewer than ${survey!.minGroupSize} raters, or to protect one that has).`,
            ]
          : []),
      ],
      evidence: [
        ...(rc.between.suppressed
          ? []
          : [{ label: "between-group RC (all ratings)", value: round(rc.between.index), n: rc.between.n }]),
        ...(rc.within.suppressed
          ? []
          : [{ label: "within-group RC (all ratings)", value: round(rc.within.index), n: rc.within.n }]),
      ],
    };
  },
};
