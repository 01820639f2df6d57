// The result's sections laid out as display tables, once, for every text renderer (terminal, Markdown, CSV).
// Formatting only: every number shown is already in the result. Suppressed values are shown as suppressed.
import type { NetworkSection } from "../network/section.js";
import type { Practice } from "../result/types.js";
import type { Report } from "../result/types.js";
import type { SignalsSection } from "../signals/section.js";
import type { SurveySection } from "../survey/section.js";
import { formatNumber } from "./format.js";

export interface DisplayTable {
  id: string;
  practice: Practice;
  title: string;
  /** One line under the title: what the figures mean, caveats. */
  caption?: string;
  headings: string[];
  rows: string[][];
  /** Numeric columns are right-aligned. */
  numeric: boolean[];
  /** Shown in the 80-column terminal report (the rest only in Markdown and CSV). */
  terminal: boolean;
}

export const SUPPRESSED = "suppressed";
const num = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? "—" : x.toFixed(digits);
const int = (x: number | null | undefined) => (x === null || x === undefined ? "—" : formatNumber(x));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`);
const ci = (c: [number, number] | null | undefined, digits = 2) =>
  c ? `${c[0].toFixed(digits)} to ${c[1].toFixed(digits)}` : "—";
const pValue = (p: number) => (p < 0.001 ? "<0.001" : p.toFixed(3));

function table(t: Omit<DisplayTable, "numeric"> & { numeric?: boolean[] }): DisplayTable {
  return { ...t, numeric: t.numeric ?? t.headings.map((_, i) => i > 0) };
}

export function surveyTables(survey: SurveySection): DisplayTable[] {
  const tables: DisplayTable[] = [];
  for (const practice of [1, 6] as const) {
    const scales = survey.scales.filter((s) => s.practice === practice);
    if (scales.length === 0) continue;
    tables.push(
      table({
        id: `survey-scales-${practice}`,
        practice,
        title: practice === 6 ? "Relational leadership scales" : "Survey scales",
        caption: `Latest wave${survey.currentWave ? ` (${survey.currentWave})` : ""}; mean of person scores with 95% CI; α = Cronbach's alpha (raw, standardised); favourable = top-two boxes. Suppressed: fewer than ${survey.minGroupSize} respondents.`,
        headings: ["scale", "n", "mean", "95% CI", "sd", "α", "std α", "favourable"],
        rows: scales.map((s) =>
          s.suppressed
            ? [s.label, SUPPRESSED, "", "", "", "", "", ""]
            : [
                s.label,
                int(s.n),
                num(s.mean),
                ci(s.ci),
                num(s.sd),
                num(s.alpha),
                num(s.alphaStandardised),
                pct(s.favourable),
              ],
        ),
        terminal: true,
      }),
    );
    for (const s of scales) {
      if (!s.suppressed) {
        const miskeyed = new Set(s.keying.map((k) => k.item));
        tables.push(
          table({
            id: `survey-items-${s.id}`,
            practice,
            title: `${s.label}: items`,
            caption:
              "After reverse keying. r.drop = correlation of the item with the rest of the scale; an item with a negative r.drop is probably keyed the wrong way.",
            headings: ["item", "reversed", "n", "mean", "r.drop", "α if deleted", "favourable"],
            numeric: [false, false, true, true, true, true, true],
            rows: s.items.map((i) => [
              miskeyed.has(i.id) ? `${i.id} (check keying)` : i.id,
              i.reversed ? "yes" : "",
              int(i.n),
              num(i.mean),
              num(i.rDrop),
              num(i.alphaIfDeleted),
              pct(i.favourable),
            ]),
            terminal: false,
          }),
        );
      }
      const groups = s.groups.filter(
        (g) => !survey.currentWave || g.wave === undefined || g.wave === survey.currentWave,
      );
      if (groups.length > 0) {
        tables.push(
          table({
            id: `survey-groups-${s.id}`,
            practice,
            title: `${s.label} by group`,
            caption: `Latest wave; groups with fewer than ${survey.minGroupSize} respondents (or whose value could be worked out from others) are suppressed.`,
            headings: ["group", "n", "mean", "95% CI", "favourable", "band"],
            numeric: [false, true, true, true, true, false],
            rows: groups.map((g) => {
              const name = `${g.attribute}: ${g.value}`;
              return g.suppressed
                ? [name, SUPPRESSED, "", "", "", ""]
                : [name, int(g.n), num(g.mean), ci(g.ci), pct(g.favourable), g.band ?? ""];
            }),
            terminal: false,
          }),
        );
      }
      const changes = s.changes.filter((c) => c.suppressed || !("insufficient" in c));
      if (changes.length > 0) {
        tables.push(
          table({
            id: `survey-changes-${s.id}`,
            practice,
            title: `${s.label}: change between waves`,
            caption: "Later minus earlier wave, Welch 95% CI; Hedges' g; Mann–Whitney p as a robustness check.",
            headings: ["group", "waves", "change", "95% CI", "Hedges' g", "p (Welch)", "p (M–W)"],
            numeric: [false, false, true, true, true, true, true],
            rows: changes.map((c) => {
              const name = c.attribute === null ? "whole scale" : `${c.attribute}: ${c.value}`;
              const waves = `${c.from} → ${c.to}`;
              if (c.suppressed) return [name, waves, SUPPRESSED, "", "", "", ""];
              if ("insufficient" in c) return [name, waves, "too few", "", "", "", ""];
              return [
                name,
                waves,
                signed(c.difference),
                ci(c.ci),
                num(c.hedgesG),
                pValue(c.p),
                pValue(c.mannWhitney.p),
              ];
            }),
            terminal: false,
          }),
        );
      }
    }
  }
  if (survey.participation.length > 0) {
    tables.push(
      table({
        id: "survey-participation",
        practice: 1,
        title: "Survey participation",
        caption: `Responses in the latest wave against current headcount from people.csv; groups under ${survey.minGroupSize} are suppressed.`,
        headings: ["group", "headcount", "responses", "response rate"],
        numeric: [false, true, true, true],
        rows: survey.participation.map((p) =>
          p.suppressed
            ? [`${p.attribute}: ${p.value}`, SUPPRESSED, "", ""]
            : [`${p.attribute}: ${p.value}`, int(p.headcount), int(p.responses), pct(p.rate)],
        ),
        terminal: false,
      }),
    );
  }
  const rc = survey.coordination;
  if (rc) {
    const pooled = (name: string, a: (typeof rc)["within"]) =>
      a.suppressed ? [name, SUPPRESSED, "", ""] : [name, num(a.index), int(a.n), int(a.ratings)];
    tables.push(
      table({
        id: "survey-coordination-pooled",
        practice: 1,
        title: "Relational coordination within and between groups",
        caption:
          "Ratings pooled: groups rating themselves (within) and other groups (between), and how each group is rated by the others.",
        headings: ["ratings", "RC index", "raters", "ratings"],
        rows: [
          pooled("within groups", rc.within),
          pooled("between groups", rc.between),
          ...rc.received.map((r) => pooled(`${r.group}, as rated by others`, r)),
        ],
        terminal: false,
      }),
    );
    const cell = (rater: string, rated: string) =>
      rc.cells.find((c) => c.raterGroup === rater && c.ratedGroup === rated);
    tables.push(
      table({
        id: "survey-coordination",
        practice: 1,
        title: "Relational coordination (rater → rated)",
        caption: `RC index ${rc.min}–${rc.max} by ${rc.raterAttribute}${rc.wave ? `, wave ${rc.wave}` : ""}: rows rate columns. Weak < ${rc.bands.weak} ≤ moderate ≤ ${rc.bands.strong} < strong (${rc.bands.note}).`,
        headings: ["rater \\ rated", ...rc.groups],
        rows: rc.groups.map((rater) => [
          rater,
          ...rc.groups.map((rated) => {
            const c = cell(rater, rated);
            if (!c) return "";
            if (c.suppressed) return SUPPRESSED;
            return `${c.index.toFixed(2)} ${c.band}${c.within ? " (own)" : ""}`;
          }),
        ]),
        terminal: false,
      }),
    );
    const flagged = rc.asymmetries.filter((a) => a.flagged);
    if (flagged.length > 0) {
      tables.push(
        table({
          id: "survey-coordination-asymmetry",
          practice: 1,
          title: "Asymmetric relationships",
          caption: "How each side rates the other; difference with Welch 95% CI.",
          headings: ["relationship", "A rates B", "B rates A", "difference", "95% CI", "n (A, B)"],
          numeric: [false, true, true, true, true, true],
          rows: flagged.map((a) => [
            `${a.groupA} ↔ ${a.groupB}`,
            num(a.aRatesB),
            num(a.bRatesA),
            signed(a.difference),
            ci(a.ci),
            `${a.nA}, ${a.nB}`,
          ]),
          terminal: true,
        }),
      );
    }
  }
  return tables;
}

const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;

export function networkTables(network: NetworkSection): DisplayTable[] {
  const tables: DisplayTable[] = [
    table({
      id: "network-overview",
      practice: 3,
      title: "Network",
      caption: `${network.directed ? "Directed" : "Undirected"} ties between people; betweenness ${network.betweennessMethod}${network.betweennessSampleSize ? ` (${network.betweennessSampleSize} sources sampled)` : ""}.`,
      headings: ["people", "ties", "interactions", "density", "reciprocity", "isolates", "components"],
      numeric: [true, true, true, true, true, true, true],
      rows: [
        [
          int(network.peopleCount),
          int(network.tieCount),
          int(network.interactionCount),
          num(network.density, 4),
          num(network.reciprocity),
          int(network.isolates),
          int(network.components),
        ],
      ],
      terminal: true,
    }),
  ];
  for (const b of network.boundaries) {
    tables.push(
      table({
        id: `network-ei-${b.attribute}`,
        practice: 3,
        title: `Cross-boundary connection by ${b.attribute}`,
        caption: `E-I index = (external − internal)/(external + internal) ties: −1 all internal, +1 all external. Network E-I ${num(b.eiIndex)} vs ${num(b.expectedEiIndex)} expected under random mixing.`,
        headings: ["group", "n", "external", "internal", "E-I", "expected", "spanners", "isolated"],
        rows: b.groups.map((g) => [
          g.value,
          int(g.n),
          int(g.external),
          int(g.internal),
          num(g.eiIndex),
          num(g.expectedEiIndex),
          int(g.spanningMembers),
          int(g.isolatedMembers),
        ]),
        numeric: [false, true, true, true, true, true, true, true],
        terminal: b === network.boundaries[0],
      }),
    );
    const links = b.links.slice(0, 15);
    if (links.length > 0) {
      tables.push(
        table({
          id: `network-links-${b.attribute}`,
          practice: 3,
          title: `Links between ${b.attribute} groups`,
          caption:
            "Ties and interactions between each pair of groups; reciprocity = pairs in contact both ways / pairs in contact; carriers = people at either end.",
          headings: ["link", "ties", "interactions", "each way", "reciprocity", "carriers", "top carrier share"],
          numeric: [false, true, true, true, true, true, true],
          rows: links.map((l) => [
            `${l.groups[0]} ↔ ${l.groups[1]}`,
            int(l.ties),
            int(l.interactions),
            l.arcs ? `${l.arcs[0]} / ${l.arcs[1]}` : "—",
            num(l.pairReciprocity),
            int(l.carrierCount),
            l.carriers[0] ? pct(l.carriers[0].share) : "—",
          ]),
          terminal: false,
        }),
      );
    }
  }
  const brokers = [...network.people]
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
    .slice(0, 10);
  if (brokers.length > 0 && network.brokerageAttribute) {
    tables.push(
      table({
        id: "network-brokers",
        practice: 3,
        title: "Boundary spanners (person-level)",
        caption: `Highest betweenness; Gould–Fernandez brokerage roles on ${network.brokerageAttribute}; Burt's constraint (lower = more brokerage opportunity).`,
        headings: [
          "person",
          network.brokerageAttribute,
          "betweenness (norm.)",
          "liaison",
          "gatekeeper",
          "representative",
          "constraint",
          "leaver",
        ],
        numeric: [false, false, true, true, true, true, true, false],
        rows: brokers.map((p) => [
          p.id,
          p.groups[network.brokerageAttribute!] ?? "—",
          num(p.betweennessNormalised, 3),
          int(p.brokerage.liaison),
          int(p.brokerage.gatekeeper),
          int(p.brokerage.representative),
          num(p.constraint, 3),
          p.leaver ? "yes" : "",
        ]),
        terminal: false,
      }),
    );
  }
  if (network.depth) {
    for (const d of network.depth.boundaries) {
      tables.push(
        table({
          id: `network-depth-${d.attribute}`,
          practice: 4,
          title: `Depth and durability of ties by ${d.attribute}`,
          caption: `Durable = still in contact ${network.depth.durabilityPeriods} ${network.depth.period}s after first contact; relational = 1:1, huddle, meeting, social channels.`,
          headings: [
            "ties",
            "relationships",
            `median ${network.depth.period}s active`,
            "repeat",
            "relational",
            "durable",
            "95% CI",
          ],
          numeric: [false, true, true, true, true, true, true],
          rows: [["within groups", d.within] as const, ["across groups", d.cross] as const].map(([name, t]) => [
            name,
            int(t.relationships),
            num(t.medianPeriodsActive, 1),
            pct(t.repeatShare),
            pct(t.relationalShare),
            pct(t.durability.share),
            t.durability.ci ? `${pct(t.durability.ci[0])}–${pct(t.durability.ci[1])}` : "—",
          ]),
          terminal: false,
        }),
      );
    }
  }
  if (network.forums && network.forums.length > 0) {
    tables.push(
      table({
        id: "network-forums",
        practice: 7,
        title: "Forums: new cross-boundary ties after each event",
        caption:
          "Share of cross-group attendee pairs with no prior contact who made contact in the window after, vs the same for non-attendees of the same groups.",
        headings: [
          "event",
          "date",
          "attendees",
          "attendees: new ties",
          "non-attendees: new ties",
          "rate ratio",
          "95% CI",
        ],
        numeric: [false, false, true, true, true, true, true],
        rows: network.forums.map((f) => [
          f.event,
          f.date,
          int(f.attendees),
          `${f.attendeesAfter.newTies}/${f.attendeesAfter.atRisk} (${pct(f.attendeesAfter.rate)})`,
          `${f.nonAttendeesAfter.newTies}/${f.nonAttendeesAfter.atRisk} (${pct(f.nonAttendeesAfter.rate)})`,
          num(f.rateRatio, 1),
          ci(f.rateRatioCi, 1),
        ]),
        terminal: false,
      }),
    );
  }
  return tables;
}

export function signalTables(
  signals: SignalsSection["signals"],
  series: SignalsSection["series"],
  leading: SignalsSection["leading"] | null,
): DisplayTable[] {
  const tables: DisplayTable[] = [];
  if (signals.length > 0) {
    tables.push(
      table({
        id: "signals",
        practice: 5,
        title: "Breakdown signals",
        caption: "Each signal with the period it began and the rule or test that fired.",
        headings: ["severity", "signal", "subject", "since", "rule"],
        numeric: [false, false, false, false, false],
        rows: signals.map((s) => [s.severity, s.kind, subjectText(s.subject), s.firstPeriod, s.rule]),
        terminal: false,
      }),
    );
  }
  // The series behind the signals, and any whose latest point is a concern: the rest stay in report.json.
  const signalled = new Set(signals.map((s) => s.series).filter(Boolean));
  const flagged = series.filter(
    (s) => signalled.has(s.id) || [...s.points].reverse().find((p) => p.value !== null)?.special === "concern",
  );
  if (flagged.length > 0) {
    tables.push(
      table({
        id: "series",
        practice: 5,
        title: "Series behind the signals",
        caption:
          "XmR charts (NHS Making Data Count rules) of the signalled series and of any series whose latest point is a concern: the latest value, its centre line and limits, and the variation icon. Every series is in report.json.",
        headings: ["series", "latest", "mean", "limits", "variation"],
        numeric: [false, true, true, true, false],
        rows: flagged.map((s) => {
          const last = [...s.points].reverse().find((p) => p.value !== null);
          return [
            `${s.metric} — ${subjectText(s.subject)}`,
            num(last?.value ?? null),
            num(last?.mean ?? null),
            last && last.lowerLimit !== null && last.upperLimit !== null
              ? `${last.lowerLimit.toFixed(1)}–${last.upperLimit.toFixed(1)}`
              : "—",
            s.variation ?? "run chart",
          ];
        }),
        terminal: false,
      }),
    );
  }
  if (leading && leading.length > 0) {
    tables.push(
      table({
        id: "leading",
        practice: 8,
        title: "Relational quality as a leading indicator",
        caption:
          "Cross-correlation after prewhitening (AR(1)); best lag in periods the relational series leads; Bonferroni-adjusted p.",
        headings: ["delivery metric", "relational series", "lag", "r", "95% CI", "p", "n", "verdict"],
        numeric: [false, false, true, true, true, true, true, false],
        rows: leading.map((l) => [
          `${l.metric} (${subjectText(l.subject)})`,
          l.relational,
          int(l.lag),
          num(l.r),
          ci(l.ci),
          pValue(l.p),
          int(l.n),
          l.evidence,
        ]),
        terminal: false,
      }),
    );
  }
  return tables;
}

function subjectText(s: { attribute?: string; groups?: string[]; metric?: string; scale?: string }): string {
  return [s.groups?.join(" ↔ "), s.attribute ? `(${s.attribute})` : undefined, s.scale, s.metric]
    .filter(Boolean)
    .join(" ");
}

/** Every display table of a report, in practice order. */
export function reportTables(report: Report): DisplayTable[] {
  return [
    ...(report.survey ? surveyTables(report.survey) : []),
    ...(report.network ? networkTables(report.network) : []),
    ...(report.signals || report.series ? signalTables(report.signals ?? [], report.series ?? [], report.leading) : []),
  ].sort((a, b) => a.practice - b.practice);
}
