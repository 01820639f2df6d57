// CSV: one file per table, for spreadsheets, written into the --out folder beside report.md and report.json.
import { csvTables, csvText } from "../csv.js";
import type { FolderFormat } from "./types.js";

export const csv: FolderFormat = {
  name: "csv",
  description: "one CSV file per table, into --out DIR",
  target: "folder",
  noun: "CSV table",
  render: (report) => csvTables(report).map((t) => ({ path: t.file, content: csvText(t) })),
};
