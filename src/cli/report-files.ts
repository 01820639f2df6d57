// The chart files every `audit --out DIR` writes beside its report files (SVGs always, their PNGs with --png), and the
// report files rendered once for the folder and for stdout. Rendering is pure; writing stays with the face (audit.ts).
import { renderCharts, type ChartFile } from "../report/charts/files.js";
import type { ChartLink } from "../report/charts/link.js";
import { fontsAvailable } from "../report/charts/png.js";
import { json } from "../report/formats/json.js";
import type { Format } from "../report/formats/types.js";
import type { Report } from "../result/types.js";
import type { Content, OutFile } from "./folder-swap.js";

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

/**
 * Characters of a report file rendered in pieces (report.json) that are rendered before it is written: all of M's
 * (7.6 MB), so that `--format json` prints the same text instead of rendering the report again, and a bound on what
 * is held for a report of hundreds of megabytes, whose rest is rendered as it is written (and again for stdout).
 */
const AHEAD = 32 * 2 ** 20;

/** Up to `limit` characters of `content` rendered now, the rest as it is written: the same pieces either way. */
export function renderedAhead(content: Content, limit = AHEAD): Content {
  if (typeof content === "string" || content instanceof Uint8Array) return content;
  const pieces = content[Symbol.iterator]();
  const ahead: string[] = [];
  for (let length = 0; length < limit;) {
    const next = pieces.next();
    if (next.done) return ahead;
    ahead.push(next.value);
    length += next.value.length;
  }
  return (function* () {
    yield* ahead;
    for (let next = pieces.next(); !next.done; next = pieces.next()) yield next.value;
  })();
}

/**
 * What `format` prints on stdout when that is the text of its file in the --out folder, rendered whole already: the
 * JSON, which no render option changes. Otherwise undefined, and the format renders its text again.
 */
export function printedAsWritten(format: Format, reports: readonly OutFile[]): readonly string[] | undefined {
  if (format !== json) return undefined;
  const written = reports.find((f) => f.path === `report${json.extension}`)?.content;
  return Array.isArray(written) ? written : undefined;
}
