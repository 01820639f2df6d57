// How serious a finding or signal is, and the one order of severities every layer sorts and compares by.

export type Severity = "info" | "warning" | "critical";

/** Most severe first: the order of every list a reader sees. */
export const SEVERITIES: readonly Severity[] = ["critical", "warning", "info"];

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** Sort comparator: most severe first. */
export const bySeverity = (a: Severity, b: Severity): number => RANK[b] - RANK[a];

export const severityAtLeast = (severity: Severity, threshold: Severity): boolean => RANK[severity] >= RANK[threshold];

/** The most severe of some severities ("info" when there are none). */
export const worstOf = (severities: Iterable<Severity>): Severity => {
  let worst: Severity = "info";
  for (const s of severities) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
};
