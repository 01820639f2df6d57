// What is written beside the data: the config that describes it, a machine-readable manifest of the planted
// patterns (planted.json, for tests of later checks) and the README that explains them to people. All three come
// from the same plan and the same tallies as the data, so they cannot drift from it.
import { periodLabel, periodOf } from "../../src/model/periods.js";
import {
  AGREEMENT_LABELS,
  PSYCHOLOGICAL_SAFETY,
  RC_DIMENSIONS,
  RELATIONAL_LEADERSHIP,
  TRUST,
  rcColumn,
  type SurveyStats,
} from "./survey.js";
import { METRICS, deliveryGaps, hospitalSocialCareWeekly, type Delivery } from "./delivery.js";
import {
  COMMUNITY,
  DAY_MS,
  dayIn,
  HOSPITAL,
  isoDate,
  ORGANISATIONS,
  PRIMARY_CARE,
  SOCIAL_CARE,
  VOLUNTARY,
  type Workforce,
} from "./system.js";
import { decayFactor, type Plan } from "./plan.js";
import type { InteractionStats } from "./interactions.js";
import type { Relationship } from "./ties.js";

export function demoConfig(): Record<string, unknown> {
  const scale = (label: string, model: typeof TRUST, extra: Record<string, unknown> = {}) => ({
    ...extra,
    label,
    items: model.items,
    reverse: model.reverse,
    min: model.min,
    max: model.max,
  });
  const columns: Record<string, { rated: string; dimension: string }> = {};
  ORGANISATIONS.forEach((org, o) =>
    RC_DIMENSIONS.forEach((d) => (columns[rcColumn(d, o)] = { rated: org.name, dimension: d })),
  );
  return {
    boundaries: ["organisation", "team", "profession"],
    minGroupSize: 5,
    dateFormat: "iso",
    answerLabels: Object.fromEntries(AGREEMENT_LABELS.map((label, i) => [label, i + 1])),
    scales: {
      psychological_safety: scale("Team psychological safety (Edmondson 1999)", PSYCHOLOGICAL_SAFETY, {
        preset: "edmondson-psychological-safety",
      }),
      trust: { ...scale("Trust", TRUST), bands: { low: 3, high: 4 } },
      relational_leadership: scale("Relational leadership", RELATIONAL_LEADERSHIP, { leadership: true }),
    },
    coordination: { raterAttribute: "organisation", min: 1, max: 5, columns },
    metrics: Object.fromEntries(METRICS.map((m) => [m.name, { better: m.better }])),
  };
}

/** ISO week label (e.g. 2026-W32) of window week `week` (0-based). */
function weekLabel(plan: Plan, week: number): string {
  return periodLabel(periodOf(dayIn(plan.calendar, week, 0) * DAY_MS, "week"), "week");
}

export interface Inputs {
  seed: number;
  workforce: Workforce;
  plan: Plan;
  relationships: Relationship[];
  interactions: InteractionStats;
  survey: SurveyStats;
  delivery: Delivery;
  interactionsPerPersonWeek: number;
}

const org = (o: number) => ORGANISATIONS[o].name;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Facts about the generated system that tests and later checks can rely on; patterns are null under --null. */
export function manifest(input: Inputs) {
  const { seed, workforce, plan, relationships, interactions, survey, delivery } = input;
  const { people, teams } = workforce;
  const W = plan.calendar.weeks;
  const id = (p: number) => people[p].id;
  const pairWeekly = (x: number, y: number) =>
    Array.from({ length: W }, (_, w) => interactions.orgPairWeekly[(w * 5 + x) * 5 + y]);
  const contact = hospitalSocialCareWeekly(interactions, W);
  const psTeam = teams[plan.psDropTeam];
  const others = survey.teamPs.filter(
    (_, t) => t !== plan.psDropTeam && survey.teamPs[t].n[0] >= 5 && survey.teamPs[t].n[1] >= 5,
  );
  const spannerTies = relationships.filter((r) => r.kind === "harbour-eastfield");
  const forumTies = relationships.filter((r) => r.kind === "forum");
  const gathering = (g: Plan["forum"]) => ({
    event: g.name,
    date: isoDate(g.day),
    week: weekLabel(plan, g.week),
    attendees: g.attendees.map(id),
  });
  const smallTeams = teams
    .filter((t) => t.members.length < 5)
    .map((t) => ({ team: t.name, organisation: org(t.org), people: t.members.length }));
  const fewRespondents = teams
    .filter((t) => survey.teamPs[t.index].n[0] < 5 || survey.teamPs[t.index].n[1] < 5)
    .map((t) => ({ team: t.name, organisation: org(t.org), respondents: survey.teamPs[t.index].n }));
  const dd = delivery.series.delayed_discharges as number[];

  const patterns = plan.planted
    ? {
        decayingLink: {
          practice: 5,
          attribute: "organisation",
          groups: [org(HOSPITAL), org(SOCIAL_CARE)],
          firstWeek: weekLabel(plan, plan.decayStart),
          keptShareByWeek: Array.from({ length: W }, (_, w) => round(decayFactor(plan, w), 3)),
          weeklyRows: contact,
        },
        loneSpanner: {
          practice: 3,
          person: id(plan.spanner),
          organisation: org(VOLUNTARY),
          team: teams[people[plan.spanner].team].name,
          left: isoDate(plan.spannerLeaves),
          leftWeek: weekLabel(plan, Math.floor((plan.spannerLeaves - plan.calendar.startDay) / 7)),
          link: [org(VOLUNTARY), org(PRIMARY_CARE)],
          spannerPartners: spannerTies.filter((r) => r.a === plan.spanner).map((r) => id(r.b)),
          otherTies: spannerTies.filter((r) => r.a !== plan.spanner).map((r) => [id(r.a), id(r.b)]),
          weeklyRows: pairWeekly(VOLUNTARY, PRIMARY_CARE).map((x, w) => x + pairWeekly(PRIMARY_CARE, VOLUNTARY)[w]),
        },
        oneWay: {
          practice: 1,
          from: org(COMMUNITY),
          to: org(PRIMARY_CARE),
          initiatedShare: plan.oneWayBias,
          rows: { forward: sum(pairWeekly(COMMUNITY, PRIMARY_CARE)), back: sum(pairWeekly(PRIMARY_CARE, COMMUNITY)) },
        },
        reciprocityCollapse: {
          practice: 5,
          groups: [org(HOSPITAL), org(COMMUNITY)],
          silentSide: org(COMMUNITY),
          firstWeek: weekLabel(plan, plan.collapseStart),
          keptShare: plan.collapseKeep,
          weeklyRows: {
            hospitalToCommunity: pairWeekly(HOSPITAL, COMMUNITY),
            communityToHospital: pairWeekly(COMMUNITY, HOSPITAL),
          },
        },
        psychologicalSafetyDrop: {
          practice: 5,
          scale: "psychological_safety",
          team: psTeam.name,
          organisation: org(psTeam.org),
          waves: plan.waves.map((w) => w.label),
          plantedDrop: plan.psDrop,
          respondents: survey.teamPs[psTeam.index].n,
          means: survey.teamPs[psTeam.index].mean.map((m) => round(m)),
          largestOtherChange: round(Math.max(...others.map((t) => Math.abs(t.mean[1] - t.mean[0])))),
        },
        coordinationAsymmetry: {
          practice: 1,
          rater: org(HOSPITAL),
          rated: org(SOCIAL_CARE),
          plantedMean: plan.rcHospitalRatesSocialCare,
          means: {
            hospitalRatesSocialCare: round(survey.rc[HOSPITAL][SOCIAL_CARE]),
            socialCareRatesHospital: round(survey.rc[SOCIAL_CARE][HOSPITAL]),
          },
        },
        forum: {
          practice: 7,
          ...gathering(plan.forum),
          newTies: forumTies.map((r) => [id(r.a), id(r.b)]),
          tiesFrom: weekLabel(plan, plan.forum.week + 1),
        },
        briefing: { practice: 7, ...gathering(plan.briefing), newTies: [] },
        leadingIndicator: {
          practice: 8,
          relational: `${org(HOSPITAL)} ↔ ${org(SOCIAL_CARE)} weekly contact`,
          metric: "delayed_discharges",
          lagWeeks: plan.deliveryLag,
          firstRisingWeek: weekLabel(plan, plan.decayStart + plan.deliveryLag),
          means: {
            beforeDecay: round(mean(dd.slice(0, plan.decayStart)), 1),
            lastSixWeeks: round(mean(dd.slice(-6)), 1),
          },
        },
      }
    : null;

  return {
    generator: "scripts/generate-demo.ts",
    mode: plan.planted ? "planted" : "null",
    seed,
    people: people.length,
    weeks: W,
    firstWeek: weekLabel(plan, 0),
    lastWeek: weekLabel(plan, W - 1),
    interactionsPerPersonWeek: input.interactionsPerPersonWeek,
    rows: { interactions: interactions.rows, survey: survey.rows },
    waves: plan.waves.map((w) => ({
      label: w.label,
      fielded: isoDate(w.day),
      respondents: survey.perWave[plan.waves.indexOf(w)],
    })),
    events: [gathering(plan.forum), gathering(plan.briefing)],
    deliveryGaps: deliveryGaps(plan).map((g) => ({
      metric: g.metric,
      week: weekLabel(plan, g.week),
      written: g.written,
    })),
    smallGroups: { teamsUnderFive: smallTeams, teamsUnderFiveRespondents: fewRespondents },
    patterns,
  };
}

export type Manifest = ReturnType<typeof manifest>;

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
