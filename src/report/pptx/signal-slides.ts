// Signal slides: one per critical signal with its SPC chart as a native (editable) chart, then the other signals.
import type PptxModule from "pptxgenjs";
import { PRACTICES } from "../../result/practices.js";
import type { Series, Signal } from "../../result/signals.js";
import { subjectLabel } from "../charts/labels.js";
import { spcTitle } from "../charts/spc.js";
import { INK, MUTED } from "../charts/theme.js";
import { formatEvidence } from "../format.js";
import { spcChartGroups } from "./spc-chart.js";
import {
  addTitle,
  bullets,
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

const OTHER_SIGNALS_SHOWN = 8;

/** pptxgenjs reads a multi-type chart's options from the second argument (where its typings expect data). */
function addMultiTypeChart(
  slide: Slide,
  charts: PptxModule.default.IChartMulti[],
  options: PptxModule.default.IChartOpts,
): void {
  slide.addChart(charts, options as unknown as []);
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
    },
  );
  const side: (string | Paragraph)[] = [
    {
      text: `${SEVERITY_WORD[signal.severity]} signal since ${signal.firstPeriod}`,
      options: { bold: true, color: SEVERITY_COLOUR[signal.severity] },
    },
    signal.rule,
    ...signal.evidence.map(formatEvidence),
  ];
  slide.addText(bullets(side, 12), { x: 9.1, y: 1.6, w: 3.9, h: 2.8, valign: "top", paraSpaceAfter: 4, fit: "shrink" });
  if (signal.questions.length) {
    slide.addText(
      [
        {
          text: "Questions to ask",
          options: { bold: true, fontFace: FONT, fontSize: 12, color: hex(INK), breakLine: true },
        },
        ...bullets(signal.questions, 12),
      ],
      {
        x: 9.1,
        y: 4.5,
        w: 3.9,
        h: 2.4,
        valign: "top",
        paraSpaceAfter: 4,
        fit: "shrink",
      },
    );
  }
  slide.addNotes(
    [
      signal.message,
      `Practice ${signal.practice}: ${PRACTICES[signal.practice]}.`,
      series.rebaseSuggestion ? `Suggested rebase: ${series.rebaseSuggestion}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

export function otherSignalsSlide(pres: Presentation, signals: Signal[]): void {
  const slide = pres.addSlide({ masterName: "RELAUDIT" });
  addTitle(slide, "Other critical signals", "Signals without a chart: departures, survey drops and perception gaps.");
  const lines: Paragraph[] = signals
    .slice(0, OTHER_SIGNALS_SHOWN)
    .flatMap((s) => [
      { text: `${subjectLabel(s.subject)}: ${s.message}` },
      ...(s.questions[0] ? [{ text: s.questions[0], options: { color: hex(MUTED), fontSize: 12 }, sub: true }] : []),
    ]);
  if (signals.length > OTHER_SIGNALS_SHOWN)
    lines.push({
      text: `…and ${signals.length - OTHER_SIGNALS_SHOWN} more in the report`,
      options: { color: hex(MUTED) },
    });
  slide.addText(bullets(lines, 15), {
    x: MARGIN,
    y: 1.6,
    w: WIDTH - 2 * MARGIN,
    h: 5.3,
    valign: "top",
    paraSpaceAfter: 8,
    fit: "shrink",
  });
}
