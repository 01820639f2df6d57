// The files `audit --out DIR` writes besides report.md and report.json: chart SVGs (always), their PNGs (--png)
// and the CSV tables (--format csv); and the slide deck of `--format pptx --out FILE`. Rendering is pure; writing
// stays in main.ts with the other outputs.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { InputError } from "../errors.js";
import { renderCharts, type ChartFile } from "../report/charts/files.js";
import { planCharts } from "../report/charts/plan.js";
import { DECK_COMPANY, deckPictures, renderDeck } from "../report/pptx/deck.js";
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
    warnings.push(
      "no fonts found: the PNG charts have no text. Install a font package (e.g. fonts-dejavu-core) and run again.",
    );
  }
  return { files, charts: rendered.links, warnings };
}

/** The slide deck: the charts it shows as pictures are rendered to PNG; its SPC charts and RC table are native. */
export async function deckFile(report: Report): Promise<Uint8Array> {
  const plans = planCharts(report);
  const pictures = deckPictures(report, plans);
  const rendered = await renderCharts(report, { plans: pictures, png: true });
  const png = new Map(
    rendered.files
      .filter((f) => f.path.endsWith(".png"))
      .map((f) => [f.path.replace(/^.*\/|\.png$/g, ""), f.content as Uint8Array]),
  );
  return renderDeck({ report, plans, png });
}

/**
 * `--format pptx --out FILE`: the deck is one file. Like the report folder, an existing file is replaced only
 * when relaudit wrote it (its document properties name relaudit as the company) or with --force.
 */
export async function checkDeckPath(path: string, force: boolean): Promise<void> {
  if (extname(path).toLowerCase() !== ".pptx") {
    throw new InputError({
      column: "--out",
      message: "with --format pptx, --out is the deck file",
      found: path,
      hint: "name the file, e.g. --out deck.pptx",
    });
  }
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory())
    throw new InputError({
      column: "--out",
      message: `"${path}" is a folder, not a deck file`,
      hint: "give a file name ending in .pptx",
    });
  if (force || (await writtenByRelaudit(path))) return;
  throw new InputError({
    column: "--out",
    message: `relaudit would overwrite "${path}", which it did not write`,
    hint: "choose another file name, move the file away, or pass --force",
  });
}

async function writtenByRelaudit(path: string): Promise<boolean> {
  try {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(readFileSync(path));
    const app = await zip.file("docProps/app.xml")?.async("string");
    return app !== undefined && app.includes(`<Company>${DECK_COMPANY}</Company>`);
  } catch {
    return false;
  }
}
