// Delivery metrics: one SPC series per metric and group at the metric's own cadence, and each, brought to the run's
// relational period, tested as a lagging partner of its group's relational series (practice 8).
import type { Dataset, DeliveryRow } from "../model/types.js";
import { deliveryLabel, seriesMetric, type ChartedSeries, type SeriesSpec } from "./chart.js";
import { leadingIndicator } from "./leading.js";
import { eiSeries, type BoundarySeries } from "./relational.js";
import type { LeadingIndicator } from "../result/signals.js";
import { excludedPositions, positionOf, type Timeline } from "./timeline.js";
import type { Cadence } from "../model/periods.js";
import {
  cadenceWords,
  combine,
  detectCadence,
  finerThan,
  ownTimeline,
  toRelationalPeriods,
  type Aggregate,
  type DetectedCadence,
} from "./cadence.js";

/** A delivery series charted, and its values in the run's relational periods for the leading indicator (null: none). */
export interface DeliveryCharted {
  spec: SeriesSpec;
  groups: Record<string, string>;
  relational: (number | null)[] | null;
  /** How its values were brought to the relational period, when that took more than reading them off. */
  aggregation: string | null;
}

interface DeliveryEntry {
  metric: string;
  groups: Record<string, string>;
  rows: DeliveryRow[];
}

/** Rows by metric and groups, in a stable order. */
function deliveryEntries(rows: readonly DeliveryRow[]): DeliveryEntry[] {
  const byKey = new Map<string, DeliveryEntry>();
  for (const row of rows) {
    const groupKey = Object.keys(row.groups)
      .sort()
      .map((k) => `${k}=${row.groups[k]}`)
      .join(";");
    const key = `${row.metric}\u0000${groupKey}`;
    const entry = byKey.get(key) ?? { metric: row.metric, groups: row.groups, rows: [] };
    entry.rows.push(row);
    byKey.set(key, entry);
  }
  return [...byKey].sort(([x], [y]) => x.localeCompare(y)).map(([, entry]) => entry);
}

/**
 * Each delivery metric (per group) charted at its own cadence — by day, week or month, from the config's `period`
 * or detected from its dates — with the MDC rules; values sharing one of its periods combined by its `aggregate`
 * rule (mean unless set to sum); a missing value stays a gap. A metric at the run's period shares the run's timeline.
 */
export function deliverySeries(
  data: Dataset,
  timeline: Timeline,
  chart: (spec: SeriesSpec) => ChartedSeries | null,
  notes: string[],
): DeliveryCharted[] {
  const entries = deliveryEntries(data.delivery ?? []);
  const unlisted = new Set<string>();
  const cadences = new Map<string, DetectedCadence>();
  const out: DeliveryCharted[] = [];
  for (const entry of entries) {
    const config = data.config.metrics[entry.metric];
    if (!config) unlisted.add(entry.metric);
    const aggregate = config?.aggregate ?? "mean";
    if (!cadences.has(entry.metric))
      cadences.set(
        entry.metric,
        detectCadence(
          entries.filter((e) => e.metric === entry.metric).flatMap((e) => e.rows),
          config?.period,
          timeline.kind,
          timeline.timeZone,
        ),
      );
    const { cadence, reason } = cadences.get(entry.metric)!;
    const own = cadence === timeline.kind ? null : ownTimeline(entry.rows, cadence, timeline.timeZone, data.window);
    if (cadence !== timeline.kind && !own) continue;
    const line = own ?? timeline;
    const perPeriod = Array.from({ length: line.length }, () => [] as number[]);
    for (const row of entry.rows) {
      const p = positionOf(line, row.at);
      if (p >= 0 && p < line.length && row.value !== null) perPeriod[p].push(row.value);
    }
    const several = perPeriod.some((v) => v.length > 1);
    const values = perPeriod.map((v) => combine(v, aggregate));
    const groupNames = Object.keys(entry.groups).sort();
    const subject = {
      metric: entry.metric,
      ...(groupNames.length > 0 ? { attribute: groupNames[0], groups: groupNames.map((k) => entry.groups[k]) } : {}),
    };
    const spec: SeriesSpec = {
      source: { kind: "delivery", metric: entry.metric, groups: entry.groups },
      subject,
      label: deliveryLabel(entry.groups),
      direction: config?.better ?? "neither",
      values,
      target: config?.target,
      baselinePoints: config?.baselinePoints,
      recalculateAt: config?.recalculateAt,
      ...(own ? { timeline: own } : {}),
      notes: [
        ...(config ? [] : [`"${entry.metric}" is not in the config's metrics: judged with neither direction better`]),
        ...(own ? [`charted by ${cadence}, its own cadence: ${reason}`] : []),
        ...(several ? [`several values in some ${line.kind}s: their ${aggregate} is charted`] : []),
      ],
    };
    chart(spec);
    out.push({
      spec,
      groups: entry.groups,
      ...relationalValues(values, own, timeline, aggregate, entry.metric, notes),
    });
  }
  if (unlisted.size > 0)
    notes.push(
      `metrics without a direction in the config (${[...unlisted].sort().join(", ")}): special causes shown as "neither"; add "metrics": {"<name>": {"better": "higher"|"lower"}}`,
    );
  return out;
}

/** A delivery series' values in the run's relational periods, and how they were brought there, in words. */
function relationalValues(
  values: (number | null)[],
  own: Timeline<Cadence> | null,
  timeline: Timeline,
  aggregate: Aggregate,
  metric: string,
  notes: string[],
): { relational: (number | null)[] | null; aggregation: string | null } {
  if (!own) return { relational: values, aggregation: null };
  if (!finerThan(own.kind, timeline.kind)) {
    notes.push(
      `${metric} is ${cadenceWords(own.kind)}: too coarse to test against ${cadenceWords(timeline.kind)} relational series as a leading indicator (run with --period ${own.kind} for that)`,
    );
    return { relational: null, aggregation: null };
  }
  const combined = toRelationalPeriods(values, own, timeline, aggregate);
  const rule = aggregate === "sum" ? "summed" : "averaged";
  const incomplete =
    combined.incomplete > 0
      ? `; ${combined.incomplete} ${timeline.kind}${combined.incomplete === 1 ? "" : "s"} missing a ${own.kind} left as gaps`
      : "";
  return {
    relational: combined.values,
    aggregation: `${cadenceWords(own.kind)} values ${rule} to ${timeline.kind}s (metrics.${metric}.aggregate: ${aggregate}${incomplete})`,
  };
}

/** Each delivery metric of a group against that group's cross-boundary contact and E-I index. */
export function leadingIndicators(
  delivery: readonly DeliveryCharted[],
  boundaries: BoundarySeries[],
  timeline: Timeline,
): LeadingIndicator[] {
  const out: LeadingIndicator[] = [];
  const excluded = new Set(excludedPositions(timeline));
  const clean = (values: (number | null)[]) => values.map((v, p) => (excluded.has(p) ? null : v));
  for (const { spec, groups, relational: deliveryValues, aggregation } of delivery) {
    if (deliveryValues === null) continue;
    for (const [column, value] of Object.entries(groups).sort()) {
      const boundary = boundaries.find((b) => b.index.attribute.toLowerCase() === column.toLowerCase());
      const g = boundary?.index.names.indexOf(value) ?? -1;
      if (!boundary || g < 0 || !boundary.index.reportable[g]) continue;
      const group = boundary.groups[g];
      const subject = { attribute: boundary.index.attribute, groups: [value], metric: seriesMetric(spec.source) };
      const candidates: [string, (number | null)[]][] = [
        [`cross-boundary contact of ${value}`, Array.from(group.external)],
        [`E-I index of ${value}`, eiSeries(group)],
      ];
      for (const [relational, values] of candidates)
        out.push(
          leadingIndicator({
            metric: seriesMetric(spec.source),
            relational,
            subject,
            delivery: clean(deliveryValues),
            relationalValues: clean(values),
            ...(aggregation ? { aggregation } : {}),
          }),
        );
    }
  }
  return out;
}
