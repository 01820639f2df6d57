// delivery.csv: weekly delivery metrics per organisation.
// Planted, delayed discharges answer the realised hospital ↔ social care contact of `deliveryLag` weeks earlier,
// so the relationship leads delivery in the week-to-week noise as well as in the trend.
import { Rng, streamId } from "./rng.js";
import { COMMUNITY, dayIn, HOSPITAL, isoDate, ORGANISATIONS, SOCIAL_CARE, type Workforce } from "./system.js";
import { weekFor, type Plan } from "./plan.js";
import type { InteractionStats } from "./interactions.js";

export interface MetricSpec {
  name: string;
  organisation: number;
  better: "higher" | "lower";
}

export const METRICS: MetricSpec[] = [
  { name: "delayed_discharges", organisation: HOSPITAL, better: "lower" },
  { name: "referral_response_days", organisation: COMMUNITY, better: "lower" },
  { name: "care_packages_started", organisation: SOCIAL_CARE, better: "higher" },
];

const STREAM_DELIVERY = streamId("delivery");
/** How strongly delayed discharges respond to lost contact: a 50% fall adds 30% to the mean. */
const DISCHARGE_SENSITIVITY = 0.6;

/** Hospital ↔ social care rows per week, both directions. */
export function hospitalSocialCareWeekly(stats: InteractionStats, weeks: number): number[] {
  const at = (w: number, x: number, y: number) => stats.orgPairWeekly[(w * 5 + x) * 5 + y];
  return Array.from({ length: weeks }, (_, w) => at(w, HOSPITAL, SOCIAL_CARE) + at(w, SOCIAL_CARE, HOSPITAL));
}

export interface DeliveryGap {
  metric: string;
  week: number;
  written: string;
}

export function deliveryGaps(plan: Plan): DeliveryGap[] {
  const W = plan.calendar.weeks;
  return [
    { metric: "referral_response_days", week: weekFor(10, W), written: "" },
    { metric: "care_packages_started", week: weekFor(20, W), written: "NA" },
  ];
}

export interface Delivery {
  csv: string;
  /** Metric → weekly values as written (null for a gap). */
  series: Record<string, (number | null)[]>;
}

export function deliveryCsv(seed: number, workforce: Workforce, plan: Plan, stats: InteractionStats): Delivery {
  const W = plan.calendar.weeks;
  const scale = workforce.people.length / 450;
  const contact = hospitalSocialCareWeekly(stats, W);
  const baseline = contact.slice(0, plan.decayStart).reduce((a, b) => a + b, 0) / plan.decayStart;
  const gaps = deliveryGaps(plan);
  const rng = new Rng(seed, STREAM_DELIVERY);
  const lines = ["metric,date,organisation,value"];
  const series: Record<string, (number | null)[]> = {};
  METRICS.forEach((metric, m) => {
    series[metric.name] = [];
    for (let w = 0; w < W; w++) {
      rng.reseed(seed, STREAM_DELIVERY, m, w);
      const z = rng.normal();
      const gap = gaps.find((g) => g.metric === metric.name && g.week === w);
      const value = gap ? gap.written : metricValue(metric.name, z, w, scale, plan, contact, baseline);
      lines.push(
        `${metric.name},${isoDate(dayIn(plan.calendar, w, 0))},${ORGANISATIONS[metric.organisation].name},${value}`,
      );
      series[metric.name].push(gap ? null : Number(value));
    }
  });
  return { csv: lines.join("\n") + "\n", series };
}

function metricValue(
  name: string,
  z: number,
  week: number,
  scale: number,
  plan: Plan,
  contact: number[],
  baseline: number,
): string {
  if (name === "referral_response_days") return Math.max(0.5, 4.5 + 0.6 * z).toFixed(1);
  if (name === "care_packages_started") return String(Math.max(0, Math.round(24 * scale + Math.sqrt(24 * scale) * z)));
  const mean = 36 * scale;
  const noise = 1.5 * Math.sqrt(scale);
  if (!plan.planted) {
    // Stationary, with the same week-to-week spread the coupled series has before the decay.
    const spread = Math.sqrt((DISCHARGE_SENSITIVITY * mean) ** 2 / baseline + noise ** 2);
    return String(Math.max(0, Math.round(mean + spread * z)));
  }
  const earlier = week >= plan.deliveryLag ? contact[week - plan.deliveryLag] : baseline;
  return String(Math.max(0, Math.round(mean * (1 + DISCHARGE_SENSITIVITY * (1 - earlier / baseline)) + noise * z)));
}
