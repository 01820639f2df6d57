// The files `audit --out DIR` writes besides report.md and report.json: chart SVGs (always), their PNGs (--png)
// and the CSV tables (--format csv). Rendering is pure; writing stays in main.ts with the other outputs.
import { renderCharts, type ChartFile } from "../report/charts/files.js";
import type { ChartLink } from "../report/charts/link.js";
import { fontsAvailable } from "../report/charts/png.js";
import { csvTables, csvText } from "../report/csv.js";
import type { Report } from "../result/types.js";

export interface ReportFiles {
  files: ChartFile[];
  charts: ChartLink[];
  /** For stderr: things a user should know about the files (never about the data). */
  warnings: string[];
}

export async function reportFiles(report: Report, options: { png: boolean; csv: boolean }): Promise<ReportFiles> {
  const rendered = await renderCharts(report, { png: options.png });
  const files = [...rendered.files];
  if (options.csv) files.push(...csvTables(report).map((t) => ({ path: t.file, content: csvText(t) })));
  const warnings = [...rendered.warnings];
  if (options.png && rendered.plans.length > 0 && !(await fontsAvailable())) {
    warnings.push("no fonts found: the PNG charts have no text. Install a font package (e.g. fonts-dejavu-core) and run again.");
  }
  return { files, charts: rendered.links, warnings };
}
