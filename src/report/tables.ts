// The result's sections laid out as display tables, once, for every text renderer (terminal, Markdown, CSV).
// Formatting only: every number shown is already in the result. Suppressed values are shown as suppressed.
import type { Report } from "../result/types.js";
import type { DisplayTable } from "./display-table.js";
import { networkTables } from "./network-tables.js";
import { signalTables } from "./signal-tables.js";
import { surveyTables } from "./survey-tables.js";

/** Every display table of a report, in practice order. */
export function reportTables(report: Report): DisplayTable[] {
  return [
    ...(report.survey ? surveyTables(report.survey) : []),
    ...(report.network ? networkTables(report.network) : []),
    ...(report.signals || report.series ? signalTables(report.signals ?? [], report.series ?? [], report.leading) : []),
  ].sort((a, b) => a.practice - b.practice);
}
