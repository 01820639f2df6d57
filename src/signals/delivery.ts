// Delivery metrics on the signals timeline: one SPC series per metric and group, and each tested as a lagging
// partner of its group's relational series (practice 8).
import type { Dataset, DeliveryRow } from "../model/types.js";
import { deliveryLabel, seriesMetric, type ChartedSeries, type SeriesSpec } from "./chart.js";
import { leadingIndicator } from "./leading.js";
import { eiSeries, type BoundarySeries } from "./relational.js";
import type { LeadingIndicator } from "../result/signals.js";
import { excludedPositions, positionOf, type Timeline } from "./timeline.js";

/** Delivery metrics per period (the mean when a period has several values; a missing value stays a gap). */
export function deliverySeries(
  data: Dataset,
  timeline: Timeline,
  chart: (spec: SeriesSpec) => ChartedSeries,
  notes: string[],
): { spec: SeriesSpec; groups: Record<string, string> }[] {
  const rows = data.delivery ?? [];
  const byKey = new Map<string, { metric: string; groups: Record<string, string>; rows: DeliveryRow[] }>();
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
  const unlisted = new Set<string>();
  const out: { spec: SeriesSpec; groups: Record<string, string> }[] = [];
  for (const [, entry] of [...byKey].sort(([x], [y]) => x.localeCompare(y))) {
    const sums = new Array<number>(timeline.length).fill(0);
    const counts = new Array<number>(timeline.length).fill(0);
    let several = false;
    for (const row of entry.rows) {
      const p = positionOf(timeline, row.at);
      if (p < 0 || p >= timeline.length || row.value === null) continue;
      if (counts[p] > 0) several = true;
      sums[p] += row.value;
      counts[p]++;
    }
    const values = sums.map((s, p) => (counts[p] > 0 ? s / counts[p] : null));
    const config = data.config.metrics[entry.metric];
    if (!config) unlisted.add(entry.metric);
    const groupNames = Object.keys(entry.groups).sort();
    const label = deliveryLabel(entry.groups);
    const subject = {
      metric: entry.metric,
      ...(groupNames.length > 0 ? { attribute: groupNames[0], groups: groupNames.map((k) => entry.groups[k]) } : {}),
    };
    const spec: SeriesSpec = {
      source: { kind: "delivery", metric: entry.metric, groups: entry.groups },
      subject,
      label,
      direction: config?.better ?? "neither",
      values,
      target: config?.target,
      baselinePoints: config?.baselinePoints,
      recalculateAt: config?.recalculateAt,
      notes: [
        ...(config ? [] : [`"${entry.metric}" is not in the config's metrics: judged with neither direction better`]),
        ...(several ? [`several values in some ${timeline.kind}s: their mean is charted`] : []),
      ],
    };
    chart(spec);
    out.push({ spec, groups: entry.groups });
  }
  if (unlisted.size > 0)
    notes.push(
      `metrics without a direction in the config (${[...unlisted].sort().join(", ")}): special causes shown as "neither"; add "metrics": {"<name>": {"better": "higher"|"lower"}}`,
    );
  return out;
}

/** Each delivery metric of a group against that group's cross-boundary contact and E-I index. */
export function leadingIndicators(
  delivery: { spec: SeriesSpec; groups: Record<string, string> }[],
  boundaries: BoundarySeries[],
  timeline: Timeline,
): LeadingIndicator[] {
  const out: LeadingIndicator[] = [];
  const excluded = new Set(excludedPositions(timeline));
  const clean = (values: (number | null)[]) => values.map((v, p) => (excluded.has(p) ? null : v));
  for (const { spec, groups } of delivery) {
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
            delivery: clean(spec.values),
            relationalValues: clean(values),
          }),
        );
    }
  }
  return out;
}
