// Signal slides: one per critical signal with its SPC chart as a native (editable) chart, then the other signals.
import type PptxModule from "pptxgenjs";
import { PRACTICES } from "../../result/practices.js";
import type { Series, Signal, SignalChance } from "../../result/signals.js";
import { subjectLabel } from "../charts/labels.js";
import { spcTitle } from "../charts/spc.js";
import { naturalRange } from "../charts/spc-layout.js";
import { INK, MUTED } from "../charts/theme.js";
import { formatChance, formatEvidence, plural } from "../format.js";
import { formatP } from "../../text/voice.js";
import { spcChartGroups } from "./spc-chart.js";
import {
  addBullets,
  addTitle,
  FONT,
  hex,
  MARGIN,
  SEVERITY_COLOUR,
  SEVERITY_WORD,
  WIDTH,
  type Paragraph,
  type Presentation,
  type Slide,
} from "./slide-kit.js";

/** The evidence and question boxes beside the chart: 12 pt, down to 10. */
const SIDE_FIT = { size: 12, minSize: 10, paraSpaceAfter: 4 };

/**
 * The chance on the slide itself, where the notes are not projected: the adjusted p and its family, short enough to
 * leave the evidence room in the side panel; the null model in words is in the notes (formatChance).
 */
const chanceBrief = (c: SignalChance): string =>
  `Chance: ${formatP(c.adjusted)}, Holm-adjusted over ${plural(c.family, "test")} of this kind (the null model is in the notes)`;

/** pptxgenjs reads a multi-type chart's options from the second argument (where its typings expect data). */
function addMultiTypeChart(
  slide: Slide,
  charts: PptxModule.default.IChartMulti[],
  options: PptxModule.default.IChartOpts,
): void {
  slide.addChart(charts, options as unknown as []);
}

/** The axis bounds a metric's natural range sets (none for delivery metrics, whose range comes from the data). */
function valueAxisBounds(series: Series): { valAxisMinVal?: number; valAxisMaxVal?: number } {
  const range = naturalRange(series.metric);
  return {
    ...(range.min !== undefined ? { valAxisMinVal: range.min } : {}),
    ...(range.max !== undefined ? { valAxisMaxVal: range.max } : {}),
  };
}

export function signalSlide(pres: Presentation, signal: Signal, series: Series): void {
  const slide = pres.addSlide({ masterName: "RELAUDIT" });
  addTitle(slide, spcTitle(series), signal.message);
  const groups = spcChartGroups(series);
  addMultiTypeChart(
    slide,
    groups.map((g) => ({
      type: pres.ChartType.line,
      // pptxgenjs writes a null as a blank cell, which the chart shows as a gap (displayBlanksAs below).
      data: g.series.map((s) => ({ name: s.name, labels: s.labels, values: s.values as number[] })),
      options: {
        chartColors: g.colours,
        lineSize: g.lineSize,
        lineDash: g.dashed ? "dash" : "solid",
        lineDataSymbol: g.marker,
        lineDataSymbolSize: g.markerSize,
      },
    })),
    {
      x: 0.3,
      y: 1.55,
      w: 8.6,
      h: 5.35,
      altText: `SPC chart: ${spcTitle(series)}. ${signal.rule}.`,
      displayBlanksAs: "gap",
      showLegend: true,
      legendPos: "b",
      legendFontSize: 10,
      legendFontFace: FONT,
      catAxisLabelRotate: -45,
      catAxisLabelFontSize: 9,
      catAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 10,
      valAxisLabelFontFace: FONT,
      showValAxisTitle: true,
      valAxisTitle: series.metric,
      valAxisTitleFontSize: 11,
      valGridLine: { color: "E4E7EB", size: 0.5 },
      // The value axis stops at the metric's natural bounds (a count never below 0), like the SVG chart's.
      ...valueAxisBounds(series),
    },
  );
  const side: (string | Paragraph)[] = [
    {
      text: `${SEVERITY_WORD[signal.severity]} signal since ${signal.firstPeriod}`,
      options: { bold: true, color: SEVERITY_COLOUR[signal.severity] },
    },
    signal.rule,
    ...(signal.chance ? [chanceBrief(signal.chance)] : []),
    ...signal.evidence.map(formatEvidence),
  ];
  addBullets(slide, side, { x: 9.1, y: 1.6, w: 3.9, h: 2.8 }, SIDE_FIT);
  if (signal.questions.length) {
    slide.addText("Questions to ask", {
      x: 9.1,
      y: 4.5,
      w: 3.9,
      h: 0.35,
      fontFace: FONT,
      fontSize: 12,
      bold: true,
      color: hex(INK),
      valign: "top",
    });
    addBullets(slide, signal.questions, { x: 9.1, y: 4.85, w: 3.9, h: 2.05 }, SIDE_FIT);
  }
  slide.addNotes(
    [
      signal.message,
      `Practice ${signal.practice}: ${PRACTICES[signal.practice]}.`,
      series.rebaseSuggestion ? `Suggested rebase: ${series.rebaseSuggestion}` : "",
      signal.chance ? `Chance: ${formatChance(signal.chance)}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

export function otherSignalsSlide(pres: Presentation, signals: Signal[]): void {
  const slide = pres.addSlide({ masterName: "RELAUDIT" });
  addTitle(slide, "Other critical signals", "Signals without a chart: departures, survey drops and perception gaps.");
  const lines: Paragraph[] = signals.flatMap((s) => [
    { text: `${subjectLabel(s.subject)}: ${s.message}` },
    ...(s.questions[0] ? [{ text: s.questions[0], options: { color: hex(MUTED) }, sizeOffset: -3, sub: true }] : []),
  ]);
  addBullets(
    slide,
    lines,
    { x: MARGIN, y: 1.6, w: WIDTH - 2 * MARGIN, h: 5.3 },
    { size: 15, minSize: 11, paraSpaceAfter: 8 },
  );
  // Each signal's rule and chance in the notes: the slide has room for what happened, not how sure it is.
  slide.addNotes(
    signals
      .map((s) => `${subjectLabel(s.subject)}: ${s.rule}.${s.chance ? ` Chance: ${formatChance(s.chance)}` : ""}`)
      .join("\n"),
  );
}
