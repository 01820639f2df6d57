// The signals section as display tables: breakdown signals, the series behind them, and the leading indicator.
import type { SignalsSection } from "../result/signals.js";
import { ci, int, num, pValue, table, type DisplayTable } from "./display-table.js";
import { metricWords } from "../text/voice.js";
import { formatChance } from "./format.js";
import { MISSING } from "../text/format.js";

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
        caption:
          "Each signal with the period it began, the rule or test that fired, and how likely it is by chance alone (its null model, adjusted for every test of its kind).",
        headings: ["severity", "signal", "subject", "since", "rule", "chance"],
        numeric: [false, false, false, false, false, false],
        rows: signals.map((s) => [
          s.severity,
          s.kind,
          subjectText(s.subject),
          s.firstPeriod,
          s.rule,
          s.chance ? formatChance(s.chance) : MISSING,
        ]),
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
          "XmR charts (NHS Making Data Count rules) of the signalled series and of any other series in this report whose latest point is a concern: the latest value, its centre line and limits, and the variation icon. Every series is in report.json with --detail full.",
        headings: ["series", "latest", "mean", "limits", "variation"],
        numeric: [false, true, true, true, false],
        rows: flagged.map((s) => {
          const last = [...s.points].reverse().find((p) => p.value !== null);
          return [
            `${metricWords(s.metric)} — ${subjectText({ ...s.subject, metric: undefined })}`,
            num(last?.value ?? null),
            num(last?.mean ?? null),
            last && last.lowerLimit !== null && last.upperLimit !== null
              ? `${last.lowerLimit.toFixed(1)} to ${last.upperLimit.toFixed(1)}`
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
          `${metricWords(l.metric)} (${subjectText({ ...l.subject, metric: undefined })})`,
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
  const words = (id: string | undefined) => (id === undefined ? undefined : metricWords(id));
  return [s.groups?.join(" ↔ "), s.attribute ? `(${s.attribute})` : undefined, words(s.scale), words(s.metric)]
    .filter(Boolean)
    .join(" ");
}
