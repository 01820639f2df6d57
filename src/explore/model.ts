// What the explorer shows, as plain rows built once from the result: findings, groups, group pairs, series and
// brokers. Pure and free of Ink, so it is tested directly; the view (app.ts) only lays these rows out.
import { formatEvidence, formatSubject } from "../report/format.js";
import { formatNumber, MISSING, percent, withChance } from "../text/format.js";
import { formatInterval } from "../text/voice.js";
import { SEVERITIES, worstOf } from "../model/severity.js";
import { metricLabel, subjectLabel } from "../report/charts/labels.js";
import type { Report, Severity } from "../result/types.js";
import type { Series, Signal } from "../result/signals.js";
import type { RcCell } from "../result/survey.js";

export type TabId = "findings" | "groups" | "pairs" | "series" | "brokers";
export type Tone = Severity | "plain" | "muted" | "good";

export interface DetailLine {
  text: string;
  tone?: Tone;
}

export interface Spark {
  values: (number | null)[];
  /** Per value: the special-cause judgement, so the view can colour it. */
  special: Series["points"][number]["special"][];
}

export interface Row {
  key: string;
  label: string;
  /** A short figure shown at the right of the row. */
  value: string;
  tone: Tone;
  detail: DetailLine[];
  spark?: Spark;
}

export interface Tab {
  id: TabId;
  title: string;
  /** Said when the tab has no rows (the inputs it needs were not given). */
  empty: string;
  rows: Row[];
}

const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined ? MISSING : Number.isInteger(x) ? formatNumber(x) : x.toFixed(digits);
const pct = percent;

function findingRows(report: Report): Row[] {
  const rows: (Row & { rank: number; order: number })[] = [];
  report.checks.forEach((check, c) => {
    check.findings.forEach((f, i) => {
      const subject = formatSubject(f.subject);
      rows.push({
        key: `${check.id}#${i}`,
        label: f.message,
        value: `${f.severity} · practice ${check.practice}`,
        tone: f.severity,
        rank: SEVERITIES.indexOf(f.severity),
        order: c * 10_000 + i,
        detail: [
          { text: `${check.title} (${check.id})`, tone: "muted" },
          ...(subject ? [{ text: subject }] : []),
          ...f.evidence.map((e) => ({ text: `• ${formatEvidence(e)}` })),
          ...(f.questions.length
            ? [{ text: "Questions to ask:", tone: "muted" as const }, ...f.questions.map((q) => ({ text: `? ${q}` }))]
            : []),
        ],
      });
    });
    if (check.status === "error") {
      rows.push({
        key: `${check.id}#error`,
        label: `${check.title} could not run`,
        value: "error",
        tone: "warning",
        rank: 1,
        order: c * 10_000,
        detail: [{ text: check.error ?? "" }],
      });
    }
  });
  return rows.sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ rank: _rank, order: _order, ...row }) => row);
}

function groupRows(report: Report): Row[] {
  const rows = new Map<string, Row>();
  const rowFor = (attribute: string, value: string) => {
    const key = `${attribute}\u0000${value}`;
    if (!rows.has(key)) rows.set(key, { key, label: `${attribute}: ${value}`, value: "", tone: "plain", detail: [] });
    return rows.get(key)!;
  };
  for (const b of report.network?.boundaries ?? []) {
    for (const g of b.groups) {
      const row = rowFor(b.attribute, g.value);
      row.value = `${formatNumber(g.n)} people · E-I ${fmt(g.eiIndex)}`;
      row.detail.push(
        { text: `Ties: ${formatNumber(g.external)} across the boundary, ${formatNumber(g.internal)} within` },
        {
          text: `E-I index ${fmt(g.eiIndex)} (expected under random mixing ${fmt(g.expectedEiIndex)}${g.permutationInterval ? `, 95% of permutations ${fmt(g.permutationInterval[0])} to ${fmt(g.permutationInterval[1])}` : ""})`,
        },
        {
          text: `${formatNumber(g.spanningMembers)} members reach another group; ${formatNumber(g.isolatedMembers)} have no tie; linked to ${formatNumber(g.linkedGroups)} groups`,
        },
      );
      if (g.small) row.detail.push({ text: "Small group: reported, not judged.", tone: "muted" });
    }
  }
  const survey = report.survey;
  for (const scale of survey?.scales ?? []) {
    for (const g of scale.groups.filter((g) => (g.wave ?? null) === scale.wave)) {
      const row = rowFor(g.attribute, g.value);
      row.detail.push(
        g.suppressed
          ? { text: `${scale.label}: suppressed (fewer than ${report.minGroupSize} respondents)`, tone: "muted" }
          : {
              text: `${scale.label}: ${fmt(g.mean)}${g.ci ? ` (${formatInterval(g.ci)})` : ""}, n = ${g.n}${g.band ? `, ${g.band}` : ""}`,
            },
      );
    }
  }
  return [...rows.values()];
}

function rcLine(rater: string, rated: string, cells: readonly RcCell[]): DetailLine | null {
  const c = cells.find((x) => x.raterGroup === rater && x.ratedGroup === rated);
  if (!c) return null;
  if (c.suppressed) return { text: `${rater} rates ${rated}: suppressed`, tone: "muted" };
  return {
    text: `${rater} rates ${rated}: RC ${c.index.toFixed(2)} (${c.band}, n = ${c.n})`,
    tone: c.band === "weak" ? "warning" : "plain",
  };
}

function sparkOf(series: Series | undefined): Spark | undefined {
  if (!series) return undefined;
  return { values: series.points.map((p) => p.value), special: series.points.map((p) => p.special) };
}

function pairRows(report: Report): Row[] {
  const series = new Map((report.series ?? []).map((s) => [s.id, s]));
  const rc = report.survey?.coordination ?? null;
  return (report.network?.boundaries ?? []).flatMap((b) =>
    b.links.map((link): Row => {
      const [a, c] = link.groups;
      const detail: DetailLine[] = [
        { text: `${b.attribute}: ${formatNumber(link.ties)} ties, ${formatNumber(link.interactions)} interactions` },
        ...(link.arcs
          ? [
              {
                text: `Each way: ${a} → ${c} ${formatNumber(link.arcs[0])} ties, ${c} → ${a} ${formatNumber(link.arcs[1])}`,
              },
            ]
          : []),
        {
          text: `Pairs in contact both ways: ${pct(link.pairReciprocity)}`,
          tone: link.pairReciprocity !== null && link.pairReciprocity < 0.25 ? "warning" : "plain",
        },
        {
          text: `Carried by ${formatNumber(link.carrierCount)} people${link.carriers[0] ? `; the busiest is an end of ${pct(link.carriers[0].share)} of the ties${link.carriers[0].leaver ? " and has left" : ""}` : ""}`,
        },
      ];
      if (rc && rc.raterAttribute.toLowerCase() === b.attribute.toLowerCase()) {
        for (const line of [rcLine(a, c, rc.cells), rcLine(c, a, rc.cells)]) if (line) detail.push(line);
      }
      const contact = series.get(`interactions:${b.attribute}:${a}|${c}`);
      if (contact?.variation) detail.push({ text: `Weekly contact: ${contact.variation.replace(/-/g, " ")}` });
      return {
        key: `${b.attribute}\u0000${a}\u0000${c}`,
        label: `${a} ↔ ${c}`,
        value: `${formatNumber(link.ties)} ties · ${pct(link.pairReciprocity)} both ways`,
        tone: "plain",
        detail,
        spark: sparkOf(contact),
      };
    }),
  );
}

function seriesRows(report: Report): Row[] {
  const signals = report.signals ?? [];
  const bySeries = new Map<string, Signal[]>();
  for (const s of signals) if (s.series) bySeries.set(s.series, [...(bySeries.get(s.series) ?? []), s]);
  const all = report.series ?? [];
  // Series with a signal first, in the signals' order (most severe first), then the rest as the result lists them.
  const ordered = [
    ...all
      .filter((s) => bySeries.has(s.id))
      .sort((x, y) => signals.findIndex((s) => s.series === x.id) - signals.findIndex((s) => s.series === y.id)),
    ...all.filter((s) => !bySeries.has(s.id)),
  ];
  return ordered.map((s): Row => {
    const last = [...s.points].reverse().find((p) => p.mean !== null);
    const own = bySeries.get(s.id) ?? [];
    const worst: Severity | null = own.length ? worstOf(own.map((x) => x.severity)) : null;
    return {
      key: s.id,
      label: `${metricLabel(s.metric)}: ${subjectLabel(s.subject)}`,
      value: s.chart === "run" ? "run chart" : (s.variation ?? "").replace(/-/g, " "),
      tone: worst ?? "plain",
      spark: sparkOf(s),
      detail: [
        {
          text: `${s.chart === "xmr" ? "XmR chart" : "Run chart"}, ${s.points.length} periods from ${s.points[0]?.period ?? "—"} to ${s.points.at(-1)?.period ?? "—"}; ${s.direction === "neither" ? "no direction is better" : `${s.direction} is better`}`,
        },
        ...(last
          ? [
              {
                text: `Mean ${fmt(last.mean)}${last.lowerLimit !== null && last.upperLimit !== null ? `, process limits ${fmt(last.lowerLimit)} to ${fmt(last.upperLimit)}` : ""}`,
              },
            ]
          : []),
        ...own.map((x) => ({
          text: `${x.severity} signal since ${x.firstPeriod}: ${withChance(x.rule, x.chance)}`,
          tone: x.severity,
        })),
        ...(s.rebaseSuggestion ? [{ text: `Suggested rebase: ${s.rebaseSuggestion}`, tone: "muted" as const }] : []),
        ...s.notes.map((n) => ({ text: n, tone: "muted" as const })),
      ],
    };
  });
}

/** Beyond this many, brokers are in the CSV table: a list to scroll, not a census. */
const BROKERS_SHOWN = 50;

function brokerRows(report: Report): Row[] {
  const network = report.network;
  if (!network) return [];
  const articulation = new Set(network.articulationPoints);
  return network.people
    .filter((p) => p.betweenness > 0 || p.brokerage.total > 0)
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
    .slice(0, BROKERS_SHOWN)
    .map((p): Row => {
      const groups = Object.entries(p.groups)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      const r = p.brokerage;
      return {
        key: p.id,
        label: `${p.id}${groups ? ` (${groups})` : ""}`,
        value: `betweenness ${p.betweennessNormalised.toFixed(3)}${p.leaver ? " · left" : ""}`,
        tone: p.leaver || articulation.has(p.id) ? "warning" : "plain",
        detail: [
          {
            text: `Ties with ${formatNumber(p.degree)} people (${formatNumber(p.inDegree)} in, ${formatNumber(p.outDegree)} out)`,
          },
          {
            text: `Betweenness ${fmt(p.betweenness, 1)} (normalised ${p.betweennessNormalised.toFixed(4)}${p.betweennessSe !== null ? `, standard error ${fmt(p.betweennessSe, 1)}` : ""}); constraint ${fmt(p.constraint, 3)}`,
          },
          {
            text: `Brokerage on ${network.brokerageAttribute ?? "—"}: liaison ${r.liaison}, gatekeeper ${r.gatekeeper}, representative ${r.representative}, itinerant ${r.itinerant}, coordinator ${r.coordinator}`,
          },
          ...(articulation.has(p.id)
            ? [{ text: "The only link between parts of the network (articulation point).", tone: "warning" as const }]
            : []),
          ...(p.leaver ? [{ text: "Has left: who holds these relationships now?", tone: "warning" as const }] : []),
        ],
      };
    });
}

export function explorerTabs(report: Report): Tab[] {
  return [
    {
      id: "findings",
      title: "Findings",
      empty: "No findings: every check passed or had nothing to say.",
      rows: findingRows(report),
    },
    {
      id: "groups",
      title: "Groups",
      empty: "No groups: give people.csv or a survey with group columns.",
      rows: groupRows(report),
    },
    { id: "pairs", title: "Pairs", empty: "No group pairs: give interactions.csv.", rows: pairRows(report) },
    {
      id: "series",
      title: "Series",
      empty: "No series: give timestamped interactions or delivery.csv.",
      rows: seriesRows(report),
    },
    {
      id: "brokers",
      title: "Brokers",
      empty: "No brokers: give interactions.csv with people's groups.",
      rows: brokerRows(report),
    },
  ];
}
