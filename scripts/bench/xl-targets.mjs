// The issue 17 target table of `npm run bench -- --sizes XL`: each target beside this run's figure and the machine's
// load while it was measured, so a run says at once which targets hold (and how loaded the machine was).

const GIB = 2 ** 30;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const gib = (bytes) => `${(bytes / GIB).toFixed(2)} GiB`;

/** Rows of [target, limit, measured, met, load]; `x` is runXl's result with lParquetVersusCsv. */
export function xlTargetRows(x) {
  const { aggregate, audit } = x;
  const l = x.lParquetVersusCsv;
  const b = audit.betweenness;
  // Below the 10⁸ events a run is no test of the size targets: shown, not judged.
  const full = x.events >= 1e8 ? true : null;
  const stated =
    b.method === "exact"
      ? "exact"
      : b.relativeError === null
        ? "sampled, no error stated"
        : `sampled (${b.sources} sources), largest relative standard error of the ten named ${(100 * b.relativeError).toFixed(0)}% stated`;
  // A failed step is a result: what failed and after how long, judged not met.
  const measured = (step) =>
    step.failed?.startsWith("not run")
      ? step.failed
      : step.failed
        ? `failed after ${s(step.wallMs)} (peak ${gib(step.peakRssBytes ?? 0)}): ${step.failed}`
        : `${s(step.wallMs)}, ${gib(step.peakRssBytes)}`;
  const within = (step) => !step.failed && step.wallMs <= 60_000 && step.peakRssBytes <= 4 * GIB;
  const lFailed = l && (l.csv.failed || l.parquet.failed);
  return [
    [
      `aggregate of ${x.events.toLocaleString("en-GB")} raw events (Parquet)`,
      "≤ 60 s, ≤ 4 GiB",
      measured(aggregate),
      aggregate.failed ? false : full && within(aggregate),
      aggregate.load,
    ],
    [
      `audit of the aggregate (${(audit.ties ?? 0).toLocaleString("en-GB")} ties, ${(audit.rows.interactions ?? 0).toLocaleString("en-GB")} rows)`,
      "≤ 60 s, ≤ 4 GiB",
      measured(audit),
      audit.failed ? false : full && within(audit),
      audit.load,
    ],
    [
      "XL betweenness",
      "exact or stated error",
      audit.failed ? "not measured (the audit did not finish)" : stated,
      !audit.failed && (b.method === "exact" || b.relativeError !== null),
      audit.load,
    ],
    l
      ? [
          "L interactions read (validate), Parquet vs CSV, by CPU",
          "≥ 3× faster",
          lFailed
            ? `failed: ${l.csv.failed ?? l.parquet.failed}`
            : `${s(l.parquet.cpuMs)} vs ${s(l.csv.cpuMs)} CPU: ${l.speedup.toFixed(1)}× (wall ${l.wallSpeedup.toFixed(1)}×)`,
          !lFailed && l.speedup >= 3,
          `${l.csv.load} / ${l.parquet.load}`,
        ]
      : ["L interactions, Parquet vs CSV", "≥ 3× faster", "not run", null, ""],
  ];
}

/** The rows as a Markdown table. */
export function xlTargetTable(x) {
  const lines = ["| issue 17 target | limit | measured | met | load average |", "|---|---|---|---|---|"];
  for (const [label, limit, measured, met, load] of xlTargetRows(x))
    lines.push(`| ${label} | ${limit} | ${measured} | ${met === null ? "—" : met ? "yes" : "no"} | ${load} |`);
  if (x.events < 1e8)
    lines.push(
      `(${x.events.toLocaleString("en-GB")} events: fewer than the issue's 10⁸, so not a test of the targets)`,
    );
  return lines.join("\n");
}
