// The replay of the weekly job (`relaudit signals --replay FROM..TO`) as Markdown or JSON. Computes nothing: it lays
// out the ReplayResult.
import type { ReplayResult } from "../result/replay.js";
import { md } from "./markdown.js";

const REPLAY_SCHEMA_VERSION = "1.0.0";

export function renderReplayJson(result: ReplayResult, version: string): string {
  return `${JSON.stringify({ schemaVersion: REPLAY_SCHEMA_VERSION, kind: "relaudit-replay", tool: { name: "relaudit", version }, ...result }, null, 2)}\n`;
}

export function renderReplayMarkdown(result: ReplayResult): string {
  const lines = [
    `# relaudit signals — replay of ${result.runs} runs, data to ${result.from} … ${result.to}`,
    "",
    "Each run sees only the data before its day (as `--as-of` would). A signal's first period is the last period of",
    "data of the first run that reported it.",
    "",
  ];
  if (result.signals.length === 0) lines.push("No signal in any run.", "");
  else {
    lines.push(
      "| signal | first fired | last fired | runs | episodes | severity | resolved |",
      "|---|---|---|---|---|---|---|",
    );
    for (const s of result.signals) {
      const severity = s.severities.map((x) => `${x.severity} (${x.period})`).join(" → ");
      lines.push(
        `| ${md(s.id)} | ${s.firstFired} | ${s.lastFired} | ${s.runs} | ${s.episodes} | ${severity} | ${s.resolved ?? "—"} |`,
      );
    }
    lines.push("");
  }
  if (result.events.length > 0) {
    lines.push(
      "## Known events (annotations.csv)",
      "",
      "| event | period | first alarm before it | lead (periods) |",
      "|---|---|---|---|",
    );
    for (const e of result.events)
      lines.push(
        `| ${md(`${e.target ? `${e.target}: ` : ""}${e.note}`)} | ${e.period} | ${e.alarm ? md(e.alarm) : "none"} | ${e.leadPeriods ?? "—"} |`,
      );
    lines.push(
      "",
      `Alarms with no event after them: ${result.alarmsWithoutEvent.length === 0 ? "none" : result.alarmsWithoutEvent.map(md).join(", ")}.`,
      "",
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
