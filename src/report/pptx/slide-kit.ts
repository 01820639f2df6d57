// What every slide of the deck is built from: the 16:9 layout, colours, titles, bulleted text and pictures, and
// type aliases over pptxgenjs's typings.
import type PptxModule from "pptxgenjs";
import type { Severity } from "../../result/types.js";
import { INK, MUTED, OKABE_ITO } from "../charts/theme.js";
import { cutToFit, fitParagraphs, fittingSize, type Box, type FitParagraph } from "./text-fit.js";

// 16:9 "wide" layout, 13.33 × 7.5 inches.
export const WIDTH = 13.333;
export const MARGIN = 0.5;
export const FONT = "Arial";
export const hex = (colour: string) => colour.replace(/^#/, "").toUpperCase();
export const SEVERITY_COLOUR: Record<Severity, string> = {
  critical: hex(OKABE_ITO.vermillion),
  warning: hex("#B07800"),
  info: hex(MUTED),
};
export const SEVERITY_WORD: Record<Severity, string> = { critical: "Critical", warning: "Warning", info: "Note" };

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The largest box of the image's aspect ratio inside (x, y, w, h), centred. */
export function fit(png: Uint8Array, x: number, y: number, w: number, h: number) {
  const size = pngSize(png);
  const scale = Math.min(w / size.width, h / size.height);
  const iw = size.width * scale;
  const ih = size.height * scale;
  return { x: x + (w - iw) / 2, y: y + (h - ih) / 2, w: iw, h: ih };
}

export function pngData(png: Uint8Array): string {
  return `image/png;base64,${Buffer.from(png).toString("base64")}`;
}

// pptxgenjs ships CommonJS typings (whose default export is { default: class }) beside an ES build that Node loads
// (whose default export is the class itself): these aliases and `loadPptxGen` cover both.
export type Presentation = PptxModule.default;
export type Slide = PptxModule.default.Slide;
/** One paragraph of one run; `sub` indents it under the paragraph before. */
export type Paragraph = FitParagraph & { options?: PptxModule.default.TextPropsOptions };
export type TableRow = PptxModule.default.TableRow;
export type PresentationClass = typeof PptxModule.default;

/** The title box and the subtitle box under it, in inches. */
const TITLE_BOX = { w: WIDTH - 2 * MARGIN, h: 0.7 };
const SUBTITLE_BOX = { w: WIDTH - 2 * MARGIN, h: 0.6 };

/** A one-paragraph box's text and size: the largest size that fits, else the text cut at a word at the smallest. */
export function fitLine(text: string, box: Box, size: number, minSize: number): { text: string; size: number } {
  const options = { size, minSize };
  const fitting = fittingSize([{ text }], box, options);
  if (fitting !== null) return { text, size: fitting };
  return { text: cutToFit({ text }, box, minSize, options).text, size: minSize };
}

/** A slide's title (24 pt, down to 18) and subtitle (14 pt, down to 11), each cut at a word if still too long. */
export function addTitle(slide: Slide, title: string, subtitle?: string): void {
  const t = fitLine(title, TITLE_BOX, 24, 18);
  slide.addText(t.text, {
    x: MARGIN,
    y: 0.3,
    ...TITLE_BOX,
    fontFace: FONT,
    fontSize: t.size,
    bold: true,
    color: hex(INK),
    valign: "top",
  });
  if (subtitle) {
    const s = fitLine(subtitle, SUBTITLE_BOX, 14, 11);
    slide.addText(s.text, {
      x: MARGIN,
      y: 0.95,
      ...SUBTITLE_BOX,
      fontFace: FONT,
      fontSize: s.size,
      color: hex(MUTED),
      valign: "top",
    });
  }
}

/**
 * Bulleted paragraphs in a box, fitted (text-fit.ts): at the largest size from `size` down to `minSize` that holds
 * them all, else as many as fit at `minSize` and "…and N more in the report".
 */
export function addBullets(
  slide: Slide,
  lines: (string | Paragraph)[],
  box: Box & { x: number; y: number },
  fit: { size: number; minSize: number; paraSpaceAfter: number },
): void {
  const paragraphs = lines.map((line) => (typeof line === "string" ? { text: line } : line));
  const fitted = fitParagraphs(paragraphs, box, { ...fit, bulleted: true }, moreLine);
  slide.addText(bullets(fitted.pages[0], fitted.size), { ...box, valign: "top", paraSpaceAfter: fit.paraSpaceAfter });
}

/** The line that stands for paragraphs a box has no room for. */
export function moreLine(left: number): Paragraph {
  return { text: `…and ${left} more in the report`, options: { color: hex(MUTED) } };
}

/**
 * Bulleted paragraphs, one text run each: pptxgenjs writes a paragraph-properties element per run, and a paragraph
 * with two of them is invalid Office XML (PowerPoint offers to repair the file).
 */
export function bullets(lines: (string | Paragraph)[], size = 16): PptxModule.default.TextProps[] {
  return lines.map((line) => {
    const p = typeof line === "string" ? { text: line } : line;
    return {
      text: p.text,
      options: {
        fontFace: FONT,
        color: hex(INK),
        ...p.options,
        fontSize: size + (p.sizeOffset ?? 0),
        bullet: { indent: 18 },
        indentLevel: p.sub ? 1 : 0,
        breakLine: true,
      },
    };
  });
}
