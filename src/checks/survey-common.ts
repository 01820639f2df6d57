// Shared by the survey-* checks: they read the survey section (already privacy-suppressed) and never the answers.
import type { Evidence, Finding, Severity } from "../result/types.js";
import type { GroupResult, ScaleHeadline, ScaleResult } from "../result/survey.js";

import { round } from "../util/round.js";
export { round };
export const roundCi = (ci: [number, number] | null) =>
  ci ? ([round(ci[0]), round(ci[1])] as [number, number]) : undefined;
import { plural } from "../text/format.js";
export { plural };

export type ShownScale = ScaleResult & ScaleHeadline;
export const isShown = (s: ScaleResult): s is ShownScale => !s.suppressed;

/** Groups of the headline wave (the latest, or all responses without waves). */
function currentGroups(scale: ScaleResult): GroupResult[] {
  return scale.groups.filter((g) => g.wave === (scale.wave ?? undefined));
}

/**
 * Groups whose score sits in a scale's low band: a warning when the whole 95% CI lies below the band's limit,
 * information when only the point estimate does (it may be chance).
 */
export function lowBandFindings(
  scales: readonly ScaleResult[],
  questions: (group: string, scale: string) => string[],
): { findings: Finding[]; judged: number; notes: string[] } {
  const findings: Finding[] = [];
  const notes: string[] = [];
  let judged = 0;
  for (const scale of scales) {
    const low = scale.bands?.low;
    if (low === undefined) {
      notes.push(`${scale.label}: no "bands.low" in the config, so group levels are reported but not judged`);
      continue;
    }
    for (const group of currentGroups(scale)) {
      if (group.suppressed) continue;
      judged++;
      if (group.mean >= low) continue;
      const confident = group.ci !== null && group.ci[1] < low;
      const severity: Severity = confident ? "warning" : "info";
      const evidence: Evidence[] = [
        {
          label: `${scale.label} mean`,
          value: round(group.mean),
          n: group.n,
          ci: roundCi(group.ci),
          reference: low,
          unit: `${scale.min}–${scale.max}`,
        },
        { label: "favourable (top two boxes)", value: round(group.favourable * 100, 0), unit: "%", n: group.n },
      ];
      if (!scale.suppressed)
        evidence.push({
          label: `${scale.label}, whole survey`,
          value: round(scale.mean),
          n: scale.n,
          ci: roundCi(scale.ci),
        });
      findings.push({
        severity,
        subject: { attribute: group.attribute, groups: [group.value], scale: scale.id },
        message: `${scale.label} in ${group.value} (${group.attribute}) is ${round(group.mean)}, below the configured low band of ${low}${confident ? "" : " — though the 95% interval reaches the band, so this may be chance"}${scale.wave ? ` (${scale.wave})` : ""}.`,
        evidence,
        questions: questions(group.value, scale.label),
      });
    }
  }
  return { findings, judged, notes };
}

/** The summary line of a low-band check once something was judged: how many group scores fell in a low band. */
export function lowBandSummary(findings: readonly Finding[], judged: number): string {
  return findings.length === 0
    ? `No group is in a low band (${plural(judged, "group score")} judged).`
    : `${plural(findings.length, "group score")} in a low band, of ${judged} judged.`;
}
