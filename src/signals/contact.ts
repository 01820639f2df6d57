// Breakdown signals read from SPC charts of relational series: falling contact between two groups, reciprocity
// collapse (one side stops answering) and fragmentation (a group turning inward). Each needs a current special
// cause of concern AND a material change against the baseline, so noise on a large system stays quiet.
import type { Evidence, Severity } from "../result/types.js";
import type { ChartedSeries } from "./chart.js";
import {
  baselineMean,
  currentConcern,
  describeRules,
  estimateOnset,
  meanOver,
  recentFall,
  recentMean,
  RECENT,
  type Episode,
} from "./episodes.js";
import type { SignalChance } from "../result/signals.js";
import { controlFamily, recentFallProbability } from "./null-models.js";
import type { PairSeries } from "./pair-series.js";
import { lossConcentration } from "./relational.js";
import {
  chartedGroups,
  chartedPairs,
  pairsCharted,
  type DetectedSignal,
  type GroupContext,
  type SignalScene,
} from "./scene.js";
import type { PairContext } from "./scene-pairs.js";
import { labelAt, type Timeline } from "./timeline.js";
import { percent } from "../text/format.js";
import { formatNumber } from "../text/format.js";
import { round } from "../util/round.js";

/** Relative fall of the recent mean below the baseline mean for a warning, and for a critical signal. */
const CONTACT_DROP_WARNING = 0.5;
const CONTACT_DROP_CRITICAL = 0.75;
/** Contact per period in the baseline below which a pair is too thin to judge a fall (a tie or two ending halves it). */
const CONTACT_MIN_VOLUME = 8;
/** A direction of contact has "stopped answering" when it falls to this share of its baseline, the other holding. */
const ONE_SIDED_FALL = 0.25;
const OTHER_SIDE_HOLDS = 0.75;
/** The recent mean must also sit this many standard errors below the mean in force (beyond its own 3σ limit). */
const MIN_FALL_SE = 3;
/** Above this share of the loss carried by one pair of people, a fall is one relationship ending, not the link. */
const MAX_SINGLE_LOSS_SHARE = 0.5;
/** Fall of a group's E-I index (range −1…1) for a fragmentation warning. */
const EI_DROP_WARNING = 0.25;

/**
 * The null of the chart rules: a stable process at the mean in force. The chance that the mean of the last RECENT
 * points sits this many standard errors below it (σ from the baseline's moving ranges, Student's t). The family
 * correction is applied over every series of the kind the run looked at (the detectors below).
 */
function fallChance(charted: ChartedSeries, z: number, baselinePoints: number): SignalChance {
  const last = charted.chart.points.filter((p) => p.value !== null && !p.excluded).at(-1);
  const p = recentFallProbability(z, baselinePoints);
  return {
    observed: round(recentMean(charted.chart) ?? 0, 3),
    expected: round(last?.mean ?? 0, 3),
    p,
    adjusted: p,
    family: 1,
    correction: "holm",
    model: `mean of the last ${RECENT} points of a stable process at the mean in force (Student's t, σ from ${baselinePoints} baseline points' moving ranges)`,
  };
}

const signalId = (kind: string, attribute: string, groups: string[]) => `${kind}:${attribute}:${groups.join("|")}`;

function episodeEvidence(episode: Episode, charted: ChartedSeries, timeline: Timeline, fall: number): Evidence[] {
  return [
    {
      label: "special cause",
      value: describeRules(episode.rules, charted.chart),
      n: episode.points,
      reference: `flagged ${labelAt(timeline, episode.start)} to ${labelAt(timeline, episode.end)}`,
    },
    {
      label: `last ${RECENT} periods below the mean in force`,
      value: round(fall, 1),
      unit: "standard errors",
      reference: MIN_FALL_SE,
    },
  ];
}

function fallingContact(charted: ChartedSeries, pair: PairSeries, context: PairContext): DetectedSignal | null {
  const episode = currentConcern(charted.chart);
  const before = baselineMean(charted.chart);
  const now = recentMean(charted.chart);
  const fall = recentFall(charted.chart);
  if (!episode || before === null || now === null || before < CONTACT_MIN_VOLUME || fall === null || fall < MIN_FALL_SE)
    return null;
  const drop = 1 - now / before;
  if (drop < CONTACT_DROP_WARNING) return null;
  const spread = lossConcentration(pair, context.windows, "both");
  if (spread.top > MAX_SINGLE_LOSS_SHARE) return null;
  const severity: Severity = drop >= CONTACT_DROP_CRITICAL ? "critical" : "warning";
  const { timeline } = context;
  const from = labelAt(timeline, estimateOnset(charted.chart, episode));
  const [a, b] = context.groups;
  return {
    id: signalId("falling-contact", context.attribute, context.groups),
    kind: "falling-contact",
    severity,
    subject: { attribute: context.attribute, groups: [a, b], metric: charted.series.metric },
    firstPeriod: from,
    rule: describeRules(episode.rules, charted.chart),
    message: `Contact between ${a} and ${b} has fallen by ${percent(drop)} from its baseline level.`,
    evidence: [
      {
        label: `${charted.series.metric} per ${timeline.kind}, baseline mean`,
        value: before,
        n: context.baselinePoints,
      },
      {
        label: `${charted.series.metric} per ${timeline.kind}, last ${RECENT} periods`,
        value: now,
        n: RECENT,
        reference: before,
      },
      { label: "fall from the baseline mean", value: drop, kind: "share" },
      {
        label: "pairs of people whose contact fell",
        value: spread.contributors,
        reference: `largest carries ${percent(spread.top)} of the loss`,
      },
      ...episodeEvidence(episode, charted, timeline, fall),
    ],
    chance: fallChance(charted, fall, context.baselinePoints),
    questions: [
      `What changed for ${a} and ${b} around ${from}: a restructure, a new pathway, a change of people or of meeting?`,
      `Who used to carry the link between ${a} and ${b}, and are they still in post and able to?`,
      `Is the joint work between ${a} and ${b} now happening through another route, or has it stopped?`,
    ],
    series: charted.series.id,
  };
}

function reciprocityCollapse(charted: ChartedSeries, pair: PairSeries, context: PairContext): DetectedSignal | null {
  const episode = currentConcern(charted.chart);
  const fall = recentFall(charted.chart);
  if (!episode || fall === null || fall < MIN_FALL_SE) return null;
  const { timeline, baselinePoints } = context;
  const T = timeline.length;
  const sides = [
    { writer: context.groups[0], answerer: context.groups[1], values: pair.forward },
    { writer: context.groups[1], answerer: context.groups[0], values: pair.backward },
  ].map((s) => {
    const before = meanOver(s.values, 0, baselinePoints);
    const after = meanOver(s.values, T - RECENT - (timeline.partialLast ? 1 : 0), T - (timeline.partialLast ? 1 : 0));
    return { ...s, before, after, ratio: before && after !== null ? after / before : null };
  });
  // The direction whose contact fell is the side that stopped answering; the other must still be writing.
  const [silent, unanswered] = [...sides].sort((x, y) => (x.ratio ?? Infinity) - (y.ratio ?? Infinity));
  if (silent.ratio === null || unanswered.ratio === null) return null;
  if (silent.ratio > ONE_SIDED_FALL || unanswered.ratio < OTHER_SIDE_HOLDS) return null;
  const spread = lossConcentration(pair, context.windows, silent.values === pair.forward ? "forward" : "backward");
  if (spread.top > MAX_SINGLE_LOSS_SHARE) return null;
  const severity: Severity = silent.ratio <= ONE_SIDED_FALL / 2 ? "critical" : "warning";
  if ((silent.before ?? 0) < CONTACT_MIN_VOLUME / 2) return null;
  const from = labelAt(timeline, estimateOnset(charted.chart, episode));
  const recip = baselineMean(charted.chart);
  const recipNow = recentMean(charted.chart);
  return {
    id: signalId("reciprocity-collapse", context.attribute, context.groups),
    kind: "reciprocity-collapse",
    severity,
    subject: { attribute: context.attribute, groups: [...context.groups], metric: charted.series.metric },
    firstPeriod: from,
    rule: `${describeRules(episode.rules, charted.chart)}; contact ${silent.writer} → ${silent.answerer} at ${percent(silent.ratio)} of baseline while ${unanswered.writer} → ${unanswered.answerer} holds at ${percent(unanswered.ratio)}`,
    message: `${silent.writer} has largely stopped answering ${silent.answerer}: contact now runs mostly one way.`,
    evidence: [
      {
        label: "reciprocity of contact (1 balanced, 0 one way), baseline",
        value: recip === null ? null : round(recip),
        n: baselinePoints,
      },
      {
        label: `reciprocity of contact, last ${RECENT} periods`,
        value: recipNow === null ? null : round(recipNow),
        n: RECENT,
      },
      {
        label: `${silent.writer} → ${silent.answerer}, contact now as a share of its baseline`,
        value: silent.ratio,
        kind: "share",
        reference: `${formatNumber(silent.before ?? 0)} per ${timeline.kind} before`,
      },
      {
        label: `${unanswered.writer} → ${unanswered.answerer}, contact now as a share of its baseline`,
        value: unanswered.ratio,
        kind: "share",
        reference: `${formatNumber(unanswered.before ?? 0)} per ${timeline.kind} before`,
      },
      {
        label: `people in ${silent.writer} answering less`,
        value: spread.contributors,
        reference: `largest carries ${percent(spread.top)} of the loss`,
      },
      ...episodeEvidence(episode, charted, timeline, fall),
    ],
    chance: fallChance(charted, fall, baselinePoints),
    questions: [
      `What would ${silent.writer} need in order to respond to ${silent.answerer} again: time, a named contact, a clearer ask?`,
      `Did something around ${from} change how requests from ${silent.answerer} reach ${silent.writer} (a new inbox, a rota, a referral form)?`,
      `How does ${silent.answerer} experience the silence, and how does ${silent.writer} see the requests it receives?`,
    ],
    series: charted.series.id,
  };
}

/**
 * Falling contact on every charted pair of groups: one family (Holm) over every pair of every boundary charted, so a
 * large system is held to the same rate of false alarms as a small one.
 */
export function fallingContactSignals(scene: SignalScene): DetectedSignal[] {
  return controlFamily(
    chartedPairs(scene).flatMap((p) => (p.interactions && fallingContact(p.interactions, p.pair, p.context)) ?? []),
    pairsCharted(scene),
  );
}

/** Reciprocity collapse on every charted pair of groups whose ties have a direction: one family over them. */
export function reciprocityCollapseSignals(scene: SignalScene): DetectedSignal[] {
  return controlFamily(
    chartedPairs(scene).flatMap((p) => (p.reciprocity && reciprocityCollapse(p.reciprocity, p.pair, p.context)) ?? []),
    scene.data.undirected ? 0 : pairsCharted(scene),
  );
}

/** Fragmentation in every charted group: one family over every group of every boundary. */
export function fragmentationSignals(scene: SignalScene): DetectedSignal[] {
  const groups = chartedGroups(scene);
  return controlFamily(
    groups.flatMap((g) => (g.ei && fragmentation(g.ei, g.context, g.isolates)) ?? []),
    groups.length,
  );
}

/** A group turning inward: its E-I index falls (more internal contact), optionally with new isolates. */
function fragmentation(
  charted: ChartedSeries,
  context: GroupContext,
  isolates: { count: number; of: number },
): DetectedSignal | null {
  const episode = currentConcern(charted.chart);
  const before = baselineMean(charted.chart);
  const now = recentMean(charted.chart);
  const se = recentFall(charted.chart);
  if (!episode || before === null || now === null || se === null || se < MIN_FALL_SE) return null;
  const fall = before - now;
  if (fall < EI_DROP_WARNING) return null;
  const severity: Severity = fall >= 2 * EI_DROP_WARNING ? "critical" : "warning";
  const from = labelAt(context.timeline, estimateOnset(charted.chart, episode));
  const g = context.group;
  return {
    id: signalId("fragmentation", context.attribute, [g]),
    kind: "fragmentation",
    severity,
    subject: { attribute: context.attribute, groups: [g], metric: charted.series.metric },
    firstPeriod: from,
    rule: describeRules(episode.rules, charted.chart),
    message: `${g} has turned inward: its E-I index fell from ${round(before)} to ${round(now)}${isolates.count > 0 ? `, and ${isolates.count} regularly connected ${isolates.count === 1 ? "person has" : "people have"} had no contact for ${RECENT} periods` : ""}.`,
    evidence: [
      {
        label: "E-I index, baseline mean",
        value: round(before),
        n: context.baselinePoints,
        reference: "−1 all internal … +1 all external",
      },
      { label: `E-I index, last ${RECENT} periods`, value: round(now), n: RECENT },
      { label: "people newly without contact (leavers excluded)", value: isolates.count, n: isolates.of },
      ...episodeEvidence(episode, charted, context.timeline, se),
    ],
    chance: fallChance(charted, se, context.baselinePoints),
    questions: [
      `What has pulled ${g} inward since ${from}: pressure of work, a reorganisation, a loss of shared forums?`,
      `Which relationships outside ${g} matter most for its work now, and who could renew them?`,
      `Are the people in ${g} who have gone quiet supported, and what would reconnect them?`,
    ],
    series: charted.series.id,
  };
}
