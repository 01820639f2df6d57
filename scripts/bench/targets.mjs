// The issue 15 target table: each target with the figure before the work ("today" in the issue, measured
// 2026-11-27 on the same machine) and this run's figure, so a run says at once which targets hold.

const TODAY = {
  mWall: "9.7 s",
  ratio: "0.44 (held-out system)",
  betweenness: "sampled, 14% rse",
  json: "88 MB",
  rss: "803 MiB",
  floor: "7.4",
  l: "26.3 s, 1,219 MiB",
};

/**
 * Rows of [target, today, target, measured, met]; a figure this run did not measure reads "not run".
 * `m` and `l` are the bench results of M and L (or undefined), `peer` the peer's median run on M (or null), and
 * `network` the M report's network section.
 */
export function targetRows({ m, l, peer, network }) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const mib = (bytes) => Math.round(bytes / 2 ** 20);
  const row = (label, today, target, measured, met) => [
    label,
    today,
    target,
    measured ?? "not run",
    measured ? (met ? "yes" : "no") : "—",
  ];
  const ratio = m && peer ? m.wallMs / peer.wallMs : null;
  const rse = network?.betweennessRelativeError;
  return [
    row("M wall with --out", TODAY.mWall, "≤ 4 s", m && s(m.wallMs), m?.wallMs <= 4000),
    row(
      "M ratio to pandas + igraph (same run)",
      TODAY.ratio,
      "≤ 0.2",
      ratio === null
        ? m
          ? "no peer (python3-pandas, python3-igraph)"
          : null
        : `${ratio.toFixed(2)} (${s(m.wallMs)} / ${s(peer.wallMs)})`,
      ratio !== null && ratio <= 0.2,
    ),
    row(
      "M betweenness",
      TODAY.betweenness,
      "exact",
      network && (network.betweennessMethod === "exact" ? "exact" : `sampled, ${Math.round(100 * rse)}% rse`),
      network?.betweennessMethod === "exact",
    ),
    row(
      "M report.json (default)",
      TODAY.json,
      "≤ 10 MB",
      m && `${(m.jsonBytes / 1e6).toFixed(1)} MB`,
      m?.jsonBytes <= 10e6,
    ),
    row("M peak RSS", TODAY.rss, "≤ 600 MiB", m && `${mib(m.peakRssBytes)} MiB`, m && mib(m.peakRssBytes) <= 600),
    row(
      "read + model ÷ floor (M)",
      TODAY.floor,
      "≤ 3",
      m && m.ratioToFloor.readAndModel.toFixed(1),
      m?.ratioToFloor.readAndModel <= 3,
    ),
    row(
      "L (12M rows) wall, peak RSS",
      TODAY.l,
      "≤ 12 s, ≤ 1 GiB",
      l && `${s(l.wallMs)}, ${mib(l.peakRssBytes)} MiB`,
      l && l.wallMs <= 12000 && l.peakRssBytes <= 2 ** 30,
    ),
  ];
}

/** The rows as a Markdown table, with the machine's load over the run under it. */
export function targetTable(rows, load) {
  const lines = ["| | today | target | measured | met |", "|---|---|---|---|---|"];
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  lines.push(`load average ${load}`);
  return lines.join("\n");
}
