// The chart files every `audit --out DIR` writes beside its report files: SVGs always, their PNGs with --png.
// Rendering is pure; writing stays with the other outputs (audit.ts).
import { renderCharts, type ChartFile } from "../report/charts/files.js";
import type { ChartLink } from "../report/charts/link.js";
import { fontsAvailable } from "../report/charts/png.js";
import type { Report } from "../result/types.js";

export interface ChartFiles {
  files: ChartFile[];
  charts: ChartLink[];
  /** For stderr: things a user should know about the files (never about the data). */
  warnings: string[];
}

export async function chartFiles(report: Report, options: { png: boolean }): Promise<ChartFiles> {
  const rendered = await renderCharts(report, { png: options.png });
  const warnings = [...rendered.warnings];
  if (options.png && rendered.plans.length > 0 && !(await fontsAvailable())) {
    warnings.push(
      "no fonts found: the PNG charts have no text. Install a font package (e.g. fonts-dejavu-core) and run again.",
    );
  }
  return { files: rendered.files, charts: rendered.links, warnings };
}
