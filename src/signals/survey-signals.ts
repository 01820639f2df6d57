// Breakdown signals from the survey section (src/survey computes the wave changes and the RC matrix, already
// privacy-suppressed; nothing is recomputed here): survey drops between waves, and perception gaps between
// groups (asymmetric relational coordination), set against how much the two groups actually interact.
import type { PeriodKind } from "../model/periods.js";
import { parsePeriodLabel, periodLabel, periodOf, periodStartDay } from "../model/periods.js";
import type { Evidence, Severity } from "../result/types.js";
import type { Comparison, SurveySection } from "../result/survey.js";
import { recentContact, type DetectedSignal, type SignalScene, type WaveClock } from "./scene.js";
import { formatInterval, formatP } from "../text/voice.js";
import { FAMILY_ALPHA, holm } from "./null-models.js";
import { round } from "../util/round.js";

/**
 * A drop must be at least this share of the scale's range (0.6 on a 1–7 scale) and nominally significant (Welch
 * p < 0.05) to be shown; it is a warning only when it also survives Holm over every group, scale and pair of waves
 * compared (FAMILY_ALPHA), else information: it may be chance.
 */
const SURVEY_DROP_SHARE_OF_RANGE = 0.1;
const SURVEY_ALPHA = 0.05;
/** Hedges' g for a critical drop (a large effect), once it survives the correction for the groups compared. */
const SURVEY_DROP_CRITICAL_G = 0.8;

/** A wave label as a period label when it is a date or a period; else null (a label such as "Spring"). */
export function wavePeriod(wave: string, kind: PeriodKind, clock: WaveClock): string | null {
  for (const k of ["week", "month"] as const) {
    const index = parsePeriodLabel(wave, k);
    if (index !== null)
      return k === kind ? wave : periodLabel(periodOf(periodStartDay(index, k) * 86_400_000, kind), kind);
  }
  const date = Object.hasOwn(clock.dates, wave) ? clock.dates[wave] : undefined;
  return date === undefined ? null : periodLabel(periodOf(date, kind, clock.timeZone), kind);
}

/** Survey drops between waves, dated on the timeline (or by the last period of the data). */
export const surveyDropSignals = ({ survey, waves }: SignalScene): DetectedSignal[] =>
  survey ? surveyDrops(survey, waves.kind, waves.clock, waves.fallback) : [];

/** Perception gaps, with the two groups' recent contact beside them. */
export const perceptionGapSignals = (scene: SignalScene): DetectedSignal[] => {
  const { survey, waves } = scene;
  if (!survey) return [];
  const contact = (attribute: string, a: string, b: string) => recentContact(scene, attribute, a, b);
  return perceptionGaps(survey, contact, waves.kind, waves.clock, waves.fallback);
};

/** `fallback`: the period to date a signal by when the wave is not a date (the last period of the data), if any. */
export function surveyDrops(
  survey: SurveySection,
  kind: PeriodKind,
  clock: WaveClock,
  fallback: string | null,
): DetectedSignal[] {
  const signals: DetectedSignal[] = [];
  // One family: every group, on every scale, between every pair of waves compared in this run.
  const family = survey.scales.flatMap((scale) =>
    scale.changes
      .filter((change) => !change.suppressed && !("insufficient" in change))
      .map((change) => ({
        scale,
        change: change as Comparison & { attribute: string | null; value: string | null; from: string; to: string },
      })),
  );
  const adjusted = holm(family.map((f) => f.change.p));
  family.forEach(({ scale, change }, i) => {
    const material = -change.difference >= SURVEY_DROP_SHARE_OF_RANGE * (scale.max - scale.min);
    if (!material || change.p >= SURVEY_ALPHA || change.ci[1] >= 0) return;
    const survives = adjusted[i] < FAMILY_ALPHA;
    // A drop that does not survive the correction is shown, as information: it may be chance.
    const severity: Severity = !survives ? "info" : -change.hedgesG >= SURVEY_DROP_CRITICAL_G ? "critical" : "warning";
    const who = change.attribute ? `${change.value}` : "the whole system";
    const period = wavePeriod(change.to, kind, clock) ?? fallback;
    if (period === null) return;
    const evidence: Evidence[] = [
      { label: `${scale.label}, ${change.from}`, value: round(change.mean1), n: change.n1 },
      {
        label: `${scale.label}, ${change.to}`,
        value: round(change.mean2),
        n: change.n2,
        reference: round(change.mean1),
      },
      {
        label: "change (Welch)",
        value: round(change.difference),
        ci: [round(change.ci[0]), round(change.ci[1])],
        n: change.n1 + change.n2,
      },
      {
        label: "Hedges' g",
        value: round(change.hedgesG),
        ci: [round(change.hedgesGCi[0]), round(change.hedgesGCi[1])],
      },
      {
        label: `p (Welch), Holm-adjusted over the ${family.length} comparisons (every group, scale and pair of waves)`,
        value: adjusted[i],
        kind: "p-value",
      },
      { label: "p (Welch), unadjusted", value: change.p, kind: "p-value" },
    ];
    signals.push({
      id: `survey-drop:${scale.id}:${change.attribute ?? "all"}:${change.value ?? "all"}`,
      kind: "survey-drop",
      severity,
      subject: {
        ...(change.attribute ? { attribute: change.attribute, groups: [change.value!] } : {}),
        scale: scale.id,
      },
      firstPeriod: period,
      rule: `Welch's t: ${round(change.difference)} points (${formatInterval(change.ci)}), ${formatP(change.p)}${survives ? `; Holm-adjusted over ${family.length} comparisons ${formatP(adjusted[i])} < ${FAMILY_ALPHA}` : ` — not significant once ${family.length} comparisons are made (Holm-adjusted ${formatP(adjusted[i])})`}`,
      chance: {
        observed: round(change.mean2, 3),
        expected: round(change.mean1, 3),
        p: change.p,
        adjusted: adjusted[i],
        family: family.length,
        correction: "holm",
        model: "no change between the waves: Welch's t on the two waves' scores",
      },
      message: `${scale.label} in ${who} fell by ${round(-change.difference)} points between ${change.from} and ${change.to}.`,
      evidence: change.repeatedRespondents
        ? [
            ...evidence,
            {
              label: "the same people answered both waves: the independent test is approximate",
              value: "repeated respondents",
            },
          ]
        : evidence,
      questions: [
        `What happened in ${who} between ${change.from} and ${change.to} that could make people feel this way: a change of leader, of workload, an incident?`,
        `Where could ${who} talk about these results safely, with someone they trust facilitating?`,
        `What would people in ${who} say has changed in how they work with each other and with other teams?`,
      ],
    });
  });
  return signals;
}

/** Asymmetric relational coordination flagged by the survey analysis, with the interaction volume beside it. */
export function perceptionGaps(
  survey: SurveySection,
  contactPerPeriod: (attribute: string, a: string, b: string) => number | null,
  kind: PeriodKind,
  clock: WaveClock,
  fallback: string | null,
): DetectedSignal[] {
  const rc = survey.coordination;
  const period = (rc?.wave ? wavePeriod(rc.wave, kind, clock) : null) ?? fallback;
  if (!rc || period === null) return [];
  // One family: every pair of groups whose ratings of each other were compared.
  const adjusted = holm(rc.asymmetries.map((a) => a.p));
  return rc.asymmetries
    .map((a, i) => ({ a, adjusted: adjusted[i] }))
    .filter(({ a }) => a.flagged)
    .map(({ a, adjusted }): DetectedSignal => {
      const [low, high] = a.aRatesB <= a.bRatesA ? [a.groupA, a.groupB] : [a.groupB, a.groupA];
      const lowRating = Math.min(a.aRatesB, a.bRatesA);
      const highRating = Math.max(a.aRatesB, a.bRatesA);
      const contact = contactPerPeriod(rc.raterAttribute, a.groupA, a.groupB);
      // A gap that does not survive the correction is shown as information: it may be chance.
      const severity: Severity =
        adjusted >= FAMILY_ALPHA
          ? "info"
          : Math.abs(a.difference) >= 2 * rc.asymmetryThreshold
            ? "critical"
            : "warning";
      return {
        id: `perception-gap:${rc.raterAttribute}:${[a.groupA, a.groupB].sort().join("|")}`,
        kind: "perception-gap",
        severity,
        subject: { attribute: rc.raterAttribute, groups: [a.groupA, a.groupB], metric: "relational coordination" },
        firstPeriod: period,
        rule: `RC asymmetry ${round(Math.abs(a.difference))} ≥ ${rc.asymmetryThreshold} with a 95% CI excluding 0 (Welch, ${formatP(a.p)}; Holm-adjusted over ${rc.asymmetries.length} pairs of groups, ${formatP(adjusted)}${adjusted < FAMILY_ALPHA ? ` < ${FAMILY_ALPHA}` : `: not significant at ${FAMILY_ALPHA}`})`,
        chance: {
          observed: round(a.difference, 3),
          expected: 0,
          p: a.p,
          adjusted,
          family: rc.asymmetries.length,
          correction: "holm",
          model: "the two groups rate each other alike: Welch's t on the two sets of ratings",
        },
        message: `${low} rates its coordination with ${high} at ${round(lowRating)}, while ${high} rates ${low} at ${round(highRating)}${contact !== null ? `; they exchange about ${round(contact, 1)} interactions per ${kind}` : ""}.`,
        evidence: [
          { label: `${a.groupA} rates ${a.groupB}`, value: round(a.aRatesB), n: a.nA },
          { label: `${a.groupB} rates ${a.groupA}`, value: round(a.bRatesA), n: a.nB },
          { label: "difference", value: round(a.difference), ci: [round(a.ci[0]), round(a.ci[1])] },
          { label: "Hedges' g", value: round(a.hedgesG) },
          ...(contact !== null
            ? [{ label: `interactions per ${kind} between them (recent)`, value: round(contact, 1) }]
            : []),
        ],
        questions: [
          `What does ${low} experience in working with ${high} that ${high} may not see?`,
          `Are the two groups talking about the same work, with the same goals, when they interact?`,
          contact !== null && contact < 1
            ? `They rarely interact: is there a shared forum where ${low} and ${high} could meet?`
            : `They interact often: what in those exchanges leaves ${low} less satisfied than ${high}?`,
        ],
      };
    });
}
