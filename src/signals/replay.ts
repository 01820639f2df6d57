// `relaudit signals --replay FROM..TO`: the weekly (or monthly) job replayed over a user's own history, in one
// process. Each step sees only what a run on that day would have seen (datasetAsOf); the replay reports, per
// signal, the period it first fired, how long it lasted and how its severity changed, and with annotations.csv
// marking known events, how long before each event an alarm fired and which alarms had no event after them.
import { periodLabel, periodOf, periodStartDay } from "../model/periods.js";
import type { Annotation, Dataset, Instant } from "../model/types.js";
import type { Severity } from "../result/types.js";
import { concerns } from "./annotation-match.js";
import type { Signal } from "../result/signals.js";
import type { ReplayedEvent, ReplayedSignal, ReplayResult } from "../result/replay.js";

const DAY_MS = 86_400_000;
/** An alarm counts as a warning of an event when it first fired at most this many periods before it. */
const LEAD_WINDOW = 13;

interface Track extends ReplayedSignal {
  firstIndex: number;
  lastIndex: number;
  severity: Severity;
  alarm: boolean;
}

/**
 * `cut`: the dataset as a run on that instant would have seen it; `analyse`: the signals of one cut dataset (survey
 * included). Both from the pipeline.
 */
export function replaySignals(
  data: Dataset,
  from: Instant,
  to: Instant,
  cut: (data: Dataset, at: Instant) => Dataset,
  analyse: (data: Dataset) => readonly Signal[],
): ReplayResult {
  const kind = data.period;
  const zone = data.config.timeZone;
  const first = periodOf(from, kind, zone);
  const last = periodOf(to, kind, zone);
  const seen = new Map<string, Track>();
  for (let run = first; run <= last; run++) {
    // A run on the first day of period `run` sees the data of the periods before it.
    const period = periodLabel(run - 1, kind);
    for (const signal of analyse(cut(data, periodStartDay(run, kind) * DAY_MS))) {
      const was = seen.get(signal.id);
      if (!was) {
        seen.set(signal.id, {
          ...{ id: signal.id, kind: signal.kind, subject: signal.subject, firstFired: period, lastFired: period },
          ...{ runs: 1, episodes: 1, severities: [{ period, severity: signal.severity }], resolved: null },
          ...{ firstIndex: run - 1, lastIndex: run, severity: signal.severity, alarm: signal.severity !== "info" },
        });
        continue;
      }
      if (was.lastIndex !== run - 1) was.episodes++;
      if (was.severity !== signal.severity) was.severities.push({ period, severity: signal.severity });
      Object.assign(was, { lastFired: period, lastIndex: run, severity: signal.severity, runs: was.runs + 1 });
      if (signal.severity !== "info") was.alarm = true;
    }
  }
  const signals: ReplayedSignal[] = [...seen.values()].map((t) => ({
    ...{ id: t.id, kind: t.kind, subject: t.subject, firstFired: t.firstFired, lastFired: t.lastFired },
    ...{ runs: t.runs, episodes: t.episodes, severities: t.severities },
    resolved: t.lastIndex < last ? periodLabel(t.lastIndex, kind) : null,
  }));
  const alarms = [...seen.values()].filter((s) => s.alarm);
  const events = (data.annotations ?? []).filter((a) => a.at >= from - LEAD_WINDOW * 7 * DAY_MS && a.at < to);
  const firedAt = (t: Track) => t.firstIndex;
  const replayedEvents = events.map((event): ReplayedEvent => {
    const at = periodOf(event.at, kind, zone);
    const leading = alarms
      .filter((s) => matches(event, s) && firedAt(s) <= at && at - firedAt(s) <= LEAD_WINDOW)
      .sort((a, b) => firedAt(a) - firedAt(b) || a.id.localeCompare(b.id))[0];
    return {
      period: periodLabel(at, kind),
      note: event.note,
      target: event.target,
      alarm: leading?.id ?? null,
      leadPeriods: leading ? at - firedAt(leading) : null,
    };
  });
  const alarmsWithoutEvent =
    events.length === 0
      ? []
      : alarms
          .filter(
            (s) =>
              !events.some((e) => {
                const at = periodOf(e.at, kind, zone);
                return matches(e, s) && at >= firedAt(s) && at - firedAt(s) <= LEAD_WINDOW;
              }),
          )
          .map((s) => s.id)
          .sort();
  return {
    from: periodLabel(first - 1, kind),
    to: periodLabel(last - 1, kind),
    runs: last - first + 1,
    signals: signals.sort((a, b) => a.firstFired.localeCompare(b.firstFired) || a.id.localeCompare(b.id)),
    events: replayedEvents,
    alarmsWithoutEvent,
  };
}

/** An event concerns a signal when it names nothing, the signal's metric or subject, or one of its groups. */
function matches(event: Annotation, signal: Pick<ReplayedSignal, "kind" | "subject">): boolean {
  const groups = signal.subject.groups ?? [];
  const label = groups.join(" ↔ ");
  const metric = signal.subject.metric ?? signal.subject.scale ?? signal.kind;
  return (
    concerns(event, metric, label) ||
    groups.some((g) => concerns(event, metric, g)) ||
    concerns(event, signal.kind, label)
  );
}
