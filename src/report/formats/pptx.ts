// PowerPoint: a short slide deck with native charts, written to the file --out names.
import { renderCharts } from "../charts/files.js";
import { planCharts } from "../charts/plan.js";
import { DECK_COMPANY, deckPictures, renderDeck } from "../pptx/deck.js";
import type { Report } from "../../result/types.js";
import type { FileFormat } from "./types.js";

export const pptx: FileFormat = {
  name: "pptx",
  description: "a slide deck, to --out FILE.pptx",
  target: "file",
  noun: "deck",
  extension: ".pptx",
  defaultFileName: "deck.pptx",
  render: (report) => deckFile(report),
  writtenByRelaudit,
};

/** The deck: the charts it shows as pictures are rendered to PNG; its SPC charts and RC table are native. */
async function deckFile(report: Report): Promise<Uint8Array> {
  const plans = planCharts(report);
  // Pictures in their 16:9 slide variant where a chart has one.
  const pictures = deckPictures(report, plans).map((p) => (p.slide ? { ...p, spec: p.slide.spec } : p));
  const rendered = await renderCharts(report, { plans: pictures, png: true });
  const png = new Map(
    rendered.files
      .filter((f) => f.path.endsWith(".png"))
      .map((f) => [f.path.replace(/^.*\/|\.png$/g, ""), f.content as Uint8Array]),
  );
  return renderDeck({ report, plans, png });
}

/** A deck relaudit wrote names relaudit as the company in its document properties. */
async function writtenByRelaudit(content: Uint8Array): Promise<boolean> {
  try {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(content);
    const app = await zip.file("docProps/app.xml")?.async("string");
    return app !== undefined && app.includes(`<Company>${DECK_COMPANY}</Company>`);
  } catch {
    return false;
  }
}
