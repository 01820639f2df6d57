// Breakdown signals over time (practice 5) and relational quality as a leading indicator (practice 8):
// relational and delivery series on one timeline → SPC charts (the scene) → every registered signal kind read from
// the scene (kinds.ts) → the published section. Pure: the same Dataset gives the same section, in a stable order.
import { bySeverity } from "../model/severity.js";
import type { Dataset } from "../model/types.js";
import type { SurveySection } from "../result/survey.js";
import type { Series, SeriesAnnotation, Signal, SignalsSection } from "../result/signals.js";
import type { XmrSettings } from "../result/spc.js";
import { leadingIndicators } from "./delivery.js";
import { detectSignals } from "./kinds.js";
import { alwaysPublished } from "./chart.js";
import { buildScene, type SignalScene } from "./scene.js";
import { wavePeriod } from "./survey-signals.js";
import { buildTimeline, labelAt, positionOf } from "./timeline.js";

export interface SignalsOptions {
  settings?: Partial<XmrSettings>;
}

export function analyseSignals(
  data: Dataset,
  survey: SurveySection | null = null,
  options: SignalsOptions = {},
): SignalsSection | null {
  const timeline = buildTimeline(data);
  if (!timeline && !survey) return null;
  const runLength = data.config.spc?.runLength;
  const scene = buildScene(data, survey, timeline, options.settings ?? (runLength ? { runLength } : {}));
  const notes = [...scene.notes, ...surveyNotes(scene)];
  const boundaries = scene.relational?.boundaries.map((b) => b.series) ?? [];
  const leading = timeline ? leadingIndicators(scene.delivery, boundaries, timeline) : [];
  const signals = uniqueIds(detectSignals(scene)).sort(
    (a, b) => bySeverity(a.severity, b.severity) || a.id.localeCompare(b.id),
  );
  const published = publishedSeries(scene.series, signals, data.boundaries[0]);
  if (published.length < scene.seriesCharted) {
    notes.push(
      `${scene.seriesCharted} series charted; ${published.length} published: every series of the first boundary (${data.boundaries[0]}), delivery metrics, ` +
        "and any other series with a signal, a concern at its latest point or a suggested rebase",
    );
  }
  const annotations = data.annotations ?? [];
  return {
    period: data.period,
    timeZone: data.config.timeZone,
    firstPeriod: timeline ? labelAt(timeline, 0) : null,
    lastPeriod: timeline ? labelAt(timeline, timeline.length - 1) : null,
    partialFirst: timeline?.partialFirst ?? false,
    partialLast: timeline?.partialLast ?? false,
    signals,
    series: published,
    seriesCharted: scene.seriesCharted,
    leading,
    annotations: annotations.map((a): SeriesAnnotation => ({
      period: timeline ? labelAt(timeline, positionOf(timeline, a.at)) : new Date(a.at).toISOString().slice(0, 10),
      note: a.target ? `${a.target}: ${a.note}` : a.note,
      action: a.action,
    })),
    notes,
  };
}

/** Waves that are not dates (e.g. "Spring") are dated by the last period of the data, or not signalled at all. */
function surveyNotes({ survey, waves }: SignalScene): string[] {
  if (!survey || waves.fallback || survey.waves.every((w) => wavePeriod(w, waves.kind, waves.clock) !== null))
    return [];
  return [
    "survey waves are labels, not dates, and there is no other dated input: survey drops are left to the survey checks",
  ];
}

/**
 * A system of 10,000 people charts tens of thousands of team and profession pairs: publishing every one would make
 * the report hundreds of megabytes of quiet lines. Published: the first boundary's series in full (usually a
 * handful of organisations), delivery metrics, and any series that says something (a signal, a concern at its latest
 * point, a suggested rebase). Every series is still charted, so every signal is found.
 */
function publishedSeries(series: Series[], signals: readonly Signal[], firstBoundary: string | undefined): Series[] {
  const signalled = new Set(signals.map((s) => s.series).filter((id): id is string => id !== undefined));
  return series.filter((s) => alwaysPublished(s, firstBoundary) || signalled.has(s.id));
}

/** Two signals of one kind on one subject (two leavers in a period) keep distinct ids. */
function uniqueIds(signals: Signal[]): Signal[] {
  const seen = new Map<string, number>();
  return signals.map((s) => {
    const n = (seen.get(s.id) ?? 0) + 1;
    seen.set(s.id, n);
    return n === 1 ? s : { ...s, id: `${s.id}#${n}` };
  });
}
