// Practice 1: a score is only as good as its measurement. Items keyed the wrong way (a common, silent mistake) and
// low internal consistency are reported before anyone trusts the scores built on them.
import type { Finding } from "../result/types.js";
import { LOW_ALPHA, SMALL_N } from "../survey/analyse.js";
import type { Check } from "./types.js";
import { isShown, plural, round } from "./survey-common.js";

export const surveyReliability: Check = {
  id: "survey-reliability",
  practice: 1,
  title: "Reliability and keying of survey scales",
  requires: ["survey"],
  needs: "survey",
  run(section) {
    const scales = section.scales.filter(isShown);
    if (scales.length === 0)
      return { summary: "No scale has enough respondents to estimate reliability.", findings: [], notApplicable: true };
    const findings: Finding[] = [];
    for (const scale of scales) {
      const subject = { scale: scale.id };
      for (const k of scale.keying) {
        const item = scale.items.find((i) => i.id === k.item)!;
        findings.push({
          severity: "critical",
          subject,
          message: `${scale.label}: item ${k.item} runs against the rest of the scale (item–rest r ${round(k.rDrop)}); it is probably keyed the wrong way — it is ${k.reversed ? "reverse-scored now" : "not reverse-scored"}. Scores built on it should not be trusted until this is settled.`,
          evidence: [
            { label: `${k.item} item–rest correlation (r.drop)`, value: round(k.rDrop), n: item.n, reference: 0 },
            {
              label: `α without ${k.item}`,
              value: item.alphaIfDeleted === null ? null : round(item.alphaIfDeleted),
              reference: scale.alpha === null ? undefined : round(scale.alpha),
            },
          ],
          questions: [
            `Is ${k.item} negatively worded in the questionnaire, and is it listed under "reverse" in the config?`,
            `Did the survey tool already reverse-code ${k.item} in its export?`,
          ],
        });
      }
      if (scale.alpha !== null && scale.alpha < LOW_ALPHA) {
        findings.push({
          severity: "warning",
          subject,
          message: `${scale.label}: low internal consistency, α ${round(scale.alpha)} (< ${LOW_ALPHA}); the items may not measure one thing, so group differences on this score are hard to read.`,
          evidence: [
            { label: "Cronbach's α (raw)", value: round(scale.alpha), n: scale.n, reference: LOW_ALPHA },
            {
              label: "standardised α",
              value: scale.alphaStandardised === null ? null : round(scale.alphaStandardised),
            },
            { label: "items", value: scale.items.length },
          ],
          questions: [
            `Were all items of ${scale.label} asked as in the validated instrument, with the same response scale?`,
            `Which item lowers α most (see α if deleted), and does its wording fit this setting?`,
          ],
        });
      }
      if (scale.n < SMALL_N) {
        findings.push({
          severity: "info",
          subject,
          message: `${scale.label}: only ${scale.n} respondents, so α and group comparisons are imprecise.`,
          evidence: [{ label: "respondents with a score", value: scale.n, reference: SMALL_N }],
          questions: [],
        });
      }
    }
    const keyed = findings.filter((f) => f.severity === "critical").length;
    return {
      summary:
        findings.length === 0
          ? `${plural(scales.length, "scale")} reliable (every α ≥ ${LOW_ALPHA}) and consistently keyed.`
          : `${plural(findings.length, "measurement issue")} across ${plural(scales.length, "scale")}${keyed > 0 ? `, ${plural(keyed, "item")} probably keyed the wrong way` : ""}.`,
      findings,
      evidence: scales.map((s) => ({
        label: `${s.label} α`,
        value: s.alpha === null ? null : round(s.alpha),
        n: s.n,
        reference: LOW_ALPHA,
      })),
    };
  },
};
