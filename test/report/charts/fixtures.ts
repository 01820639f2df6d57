// Hand-made result sections for the chart, CSV and slide tests. Every number here is worked by hand (shown in the
// comments) or taken from a published worked example, never from relaudit's own output.
import type { BoundarySection, GroupLink, GroupMetrics, NetworkSection } from "../../../src/result/network.js";
import type { Report } from "../../../src/result/types.js";
import type { Series, SeriesPoint, Signal } from "../../../src/result/signals.js";
import type { CoordinationResult, RcCell, ScaleResult } from "../../../src/result/survey.js";

const weeks = (n: number, first = 10) =>
  Array.from({ length: n }, (_, i) => `2026-W${String(first + i).padStart(2, "0")}`);

/**
 * NHS "Making Data Count" worked example (../shared/design/instruments.md): 20,24,20,26,22,16,18,16,31,28,34,26,30,19,18
 * → mean 23.20, mean moving range 5.43, limits 8.76 / 37.64. No rule fires (no run of 6 on one side, no trend
 * of 6, 34 is the only point beyond the upper two-sigma line 32.83), so every point is common cause.
 */
export const MDC_VALUES = [20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18];
export const MDC_MEAN = 23.2;
export const MDC_UPPER = 37.64;
export const MDC_LOWER = 8.76;

export function mdcSeries(): Series {
  const periods = weeks(MDC_VALUES.length);
  return {
    id: "delivery:referrals:Northgate Hospital",
    source: { kind: "delivery", metric: "referrals", groups: { organisation: "Northgate Hospital" } },
    metric: "referrals",
    subject: { metric: "referrals", attribute: "organisation", groups: ["Northgate Hospital"] },
    direction: "higher",
    chart: "xmr",
    points: MDC_VALUES.map((value, i) => ({
      period: periods[i],
      value,
      mean: MDC_MEAN,
      upperLimit: MDC_UPPER,
      lowerLimit: MDC_LOWER,
      special: null,
      rules: [],
    })),
    variation: "common-cause",
    assurance: null,
    target: null,
    baselinePoints: null,
    recalculations: [],
    annotations: [],
    runs: null,
    rebaseSuggestion: null,
    notes: [],
  };
}

/**
 * Weekly contact between two groups: a 13-week baseline alternating 10 and 12 (mean 11; every moving range 2, so
 * limits 11 ± 2.66 × 2 = 5.68 / 16.32), then 6 weeks at 8 with a gap in week 16: six points in a row strictly
 * below the mean, a shift; higher is better, so each is a special cause of concern.
 */
export const SHIFT_MEAN = 11;
export const SHIFT_UPPER = 16.32;
export const SHIFT_LOWER = 5.68;

export function shiftSeries(): Series {
  const values: (number | null)[] = [10, 12, 10, 12, 10, 12, null, 12, 10, 12, 10, 12, 10, 12, 8, 8, 8, 8, 8, 8];
  const periods = weeks(values.length, 10);
  const points: SeriesPoint[] = values.map((value, i) => ({
    period: periods[i],
    value,
    mean: SHIFT_MEAN,
    upperLimit: SHIFT_UPPER,
    lowerLimit: SHIFT_LOWER,
    special: i >= 14 ? "concern" : null,
    rules: i >= 14 ? ["shift"] : [],
    ...(value === null ? { excluded: true } : {}),
  }));
  return {
    id: "interactions:organisation:A & B <Care>|County Social Care",
    source: {
      kind: "pair",
      measure: "interactions",
      attribute: "organisation",
      groups: ["A & B <Care>", "County Social Care"],
    },
    metric: "interactions",
    subject: { attribute: "organisation", groups: ["A & B <Care>", "County Social Care"] },
    direction: "higher",
    chart: "xmr",
    points,
    variation: "concern-low",
    assurance: null,
    target: 14,
    baselinePoints: 13,
    recalculations: [],
    annotations: [{ period: periods[16], note: "new triage rota", action: null }],
    runs: null,
    rebaseSuggestion: null,
    notes: [],
  };
}

export function shiftSignal(): Signal {
  const series = shiftSeries();
  return {
    id: "falling-contact:organisation:A & B <Care>|County Social Care",
    kind: "falling-contact",
    severity: "critical",
    practice: 5,
    subject: series.subject,
    firstPeriod: series.points[14].period,
    rule: "a shift (6+ points on one side of the mean)",
    message: "Contact between A & B <Care> and County Social Care has fallen.",
    evidence: [{ label: "interactions in the last 6 weeks", value: 48, n: 6, reference: 66 }],
    questions: ["What changed for these teams around 2026-W24?"],
    series: series.id,
  };
}

/** Three organisations; County rates Harbour with only 3 raters (suppressed: minimum group size 5). */
export function coordination(): CoordinationResult {
  const groups = ["County", "Harbour", "Northgate"];
  const estimate = (index: number, n: number, band: "weak" | "moderate" | "strong") => ({
    suppressed: false as const,
    n,
    index,
    sd: 0.5,
    ci: [index - 0.2, index + 0.2] as [number, number],
    band,
    communication: index,
    relationship: index,
    dimensions: [],
  });
  // Bands: weak < 3.5 ≤ moderate ≤ 4.0 < strong.
  const values: Record<string, [number, number, "weak" | "moderate" | "strong"] | null> = {
    "County>County": [4.2, 12, "strong"],
    "County>Harbour": null,
    "County>Northgate": [3.1, 12, "weak"],
    "Harbour>County": [3.6, 8, "moderate"],
    "Harbour>Harbour": [4.4, 8, "strong"],
    "Harbour>Northgate": [3.45, 8, "weak"],
    "Northgate>County": [3.8, 20, "moderate"],
    "Northgate>Harbour": [3.5, 20, "moderate"],
    "Northgate>Northgate": [4.05, 20, "strong"],
  };
  const cells: RcCell[] = groups.flatMap((rater) =>
    groups.map((rated) => {
      const v = values[`${rater}>${rated}`];
      const head = { raterGroup: rater, ratedGroup: rated, within: rater === rated };
      return v ? { ...head, ...estimate(v[0], v[1], v[2]) } : { ...head, suppressed: true as const };
    }),
  );
  return {
    raterAttribute: "organisation",
    wave: "2026-10",
    source: "wide",
    min: 1,
    max: 5,
    bands: { weak: 3.5, strong: 4, note: "research convention, not an official standard" },
    asymmetryThreshold: 0.5,
    groups,
    cells,
    within: { suppressed: false, n: 40, ratings: 40, index: 4.2 },
    between: { suppressed: false, n: 40, ratings: 80, index: 3.5 },
    received: [],
    asymmetries: [],
    warnings: [],
  };
}

function groupMetrics(value: string, n: number): GroupMetrics {
  return {
    value,
    n,
    external: 1,
    internal: 1,
    eiIndex: 0,
    expectedEiIndex: 0,
    permutationInterval: null,
    pLower: null,
    isolatedMembers: 0,
    spanningMembers: 1,
    linkedGroups: 1,
    small: n < 5,
  };
}

function link(a: string, b: string, ties: number, pairReciprocity: number | null): GroupLink {
  return {
    groups: [a, b],
    ties,
    interactions: ties * 3,
    arcs: null,
    interactionsByDirection: null,
    pairReciprocity,
    carrierCount: 2,
    carriers: [],
  };
}

/**
 * Four organisations on a circle, clockwise from the top: Acute (top), Community (right), Primary (bottom),
 * Social (left). Three links, most ties first: one mostly one-way (reciprocity 0.1), one partly (0.3), one
 * mostly two-way (0.8).
 */
export function boundary(): BoundarySection {
  const groups = ["Acute", "Community", "Primary", "Social"];
  return {
    attribute: "organisation",
    unknown: 0,
    external: 60,
    internal: 100,
    eiIndex: -0.25,
    expectedEiIndex: 0.5,
    permutationInterval: null,
    permutations: 0,
    groups: [
      groupMetrics("Acute", 40),
      groupMetrics("Community", 20),
      groupMetrics("Primary", 10),
      groupMetrics("Social", 30),
    ],
    mixing: {
      groups,
      ties: [
        [30, 10, 5, 2],
        [8, 20, 1, 0],
        [4, 2, 10, 0],
        [1, 0, 0, 40],
      ],
      interactions: [
        [90, 30, 15, 6],
        [24, 60, 3, 0],
        [12, 6, 30, 0],
        [3, 0, 0, 120],
      ],
    },
    links: [link("Acute", "Community", 18, 0.1), link("Acute", "Primary", 9, 0.3), link("Acute", "Social", 3, 0.8)],
  };
}

function network(): NetworkSection {
  return {
    peopleCount: 100,
    tieCount: 160,
    interactionCount: 480,
    directed: true,
    density: 0.016,
    reciprocity: 0.5,
    pairReciprocity: 0.33,
    isolates: 0,
    components: 1,
    largestComponentShare: 1,
    betweennessMethod: "exact",
    betweennessSampleSize: null,
    betweennessRelativeError: null,
    boundaries: [boundary()],
    brokerageAttribute: "organisation",
    people: [
      {
        id: "P2",
        groups: { organisation: "Acute" },
        leaver: false,
        degree: 5,
        inDegree: 3,
        outDegree: 2,
        eiIndex: {},
        betweenness: 12.5,
        betweennessNormalised: 0.0013,
        betweennessSe: null,
        constraint: 0.41,
        brokerage: { coordinator: 1, itinerant: 0, representative: 2, gatekeeper: 1, liaison: 0, total: 4 },
      },
      {
        id: '=HYPERLINK("x")',
        groups: { organisation: "Social" },
        leaver: true,
        degree: 2,
        inDegree: 1,
        outDegree: 1,
        eiIndex: {},
        betweenness: 40,
        betweennessNormalised: 0.0041,
        betweennessSe: null,
        constraint: 0.9,
        brokerage: { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 3, total: 3 },
      },
      {
        id: "P3",
        groups: { organisation: "Primary" },
        leaver: false,
        degree: 1,
        inDegree: 1,
        outDegree: 0,
        eiIndex: {},
        betweenness: 0,
        betweennessNormalised: 0,
        betweennessSe: null,
        constraint: 1,
        brokerage: { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0, total: 0 },
      },
    ],
    articulationPoints: ['=HYPERLINK("x")'],
    bridges: [],
    depth: null,
    forums: null,
    notes: [],
  };
}

/** A 1–5 scale in two waves by organisation; Harbour has fewer than 5 respondents in both waves (suppressed). */
export function scale(): ScaleResult {
  const est = (mean: number, n: number, half: number) => ({
    suppressed: false as const,
    n,
    mean,
    sd: 0.8,
    ci: [mean - half, mean + half] as [number, number],
    favourable: 0.5,
    band: null,
  });
  return {
    id: "trust",
    label: "Trust",
    preset: null,
    practice: 1,
    min: 1,
    max: 5,
    bands: { low: 3, high: 4 },
    minAnswered: 0.5,
    wave: "2026-10",
    warnings: [],
    waves: [],
    groups: [
      { attribute: "organisation", value: "County", wave: "2026-05", ...est(3.5, 20, 0.3) },
      { attribute: "organisation", value: "County", wave: "2026-10", ...est(3.25, 18, 0.35) },
      { attribute: "organisation", value: "Harbour", wave: "2026-05", suppressed: true },
      { attribute: "organisation", value: "Harbour", wave: "2026-10", suppressed: true },
      { attribute: "organisation", value: "Northgate", wave: "2026-05", ...est(4, 40, 0.2) },
      { attribute: "organisation", value: "Northgate", wave: "2026-10", ...est(4.5, 42, 0.2) },
      { attribute: "team", value: "Ward 1", wave: "2026-10", ...est(2, 9, 0.5) },
    ],
    changes: [],
    suppressed: false,
    n: 80,
    mean: 3.9,
    sd: 0.8,
    ci: [3.7, 4.1],
    favourable: 0.5,
    alpha: 0.8,
    alphaStandardised: 0.81,
    averageR: 0.4,
    items: [],
    keying: [],
  };
}

/** A whole result holding the sections above. */
export function report(): Report {
  const series = shiftSeries();
  return {
    schemaVersion: "1.0.0",
    tool: { name: "relaudit", version: "0.0.0-test" },
    generatedAt: "2026-11-23T06:00:00Z",
    minGroupSize: 5,
    inputs: {
      files: [],
      warnings: [],
      boundaries: ["organisation"],
      directed: true,
      period: "week",
      timeZone: "UTC",
      window: { since: null, until: null },
    },
    summary: { pass: 0, warn: 0, fail: 0, notApplicable: 0, error: 0, findings: { info: 0, warning: 0, critical: 0 } },
    checks: [],
    survey: {
      responses: 120,
      waves: ["2026-05", "2026-10"],
      currentWave: "2026-10",
      minGroupSize: 5,
      attributes: ["organisation", "team"],
      participation: [],
      scales: [scale()],
      coordination: coordination(),
      notes: [],
    },
    network: network(),
    signals: [shiftSignal()],
    series: [series, mdcSeries()],
    leading: [],
    timeline: {
      period: "week",
      timeZone: "UTC",
      firstPeriod: "2026-W10",
      lastPeriod: "2026-W29",
      partialFirst: false,
      partialLast: false,
      seriesCharted: 2,
      annotations: [],
      notes: [],
    },
  };
}
