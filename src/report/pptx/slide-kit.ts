// What every slide of the deck is built from: the 16:9 layout, colours, titles, bulleted text and pictures, and
// type aliases over pptxgenjs's typings.
import type PptxModule from "pptxgenjs";
import type { Severity } from "../../result/types.js";
import { INK, MUTED, OKABE_ITO } from "../charts/theme.js";

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
export type Paragraph = { text: string; options?: PptxModule.default.TextPropsOptions; sub?: boolean };
export type TableRow = PptxModule.default.TableRow;
export type PresentationClass = typeof PptxModule.default;

export function addTitle(slide: Slide, title: string, subtitle?: string): void {
  slide.addText(title, {
    x: MARGIN,
    y: 0.3,
    w: WIDTH - 2 * MARGIN,
    h: 0.7,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color: hex(INK),
    fit: "shrink",
    valign: "top",
  });
  if (subtitle)
    slide.addText(subtitle, {
      x: MARGIN,
      y: 0.95,
      w: WIDTH - 2 * MARGIN,
      h: 0.55,
      fontFace: FONT,
      fontSize: 14,
      color: hex(MUTED),
      fit: "shrink",
      valign: "top",
    });
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
        fontSize: size,
        color: hex(INK),
        ...p.options,
        bullet: { indent: 18 },
        indentLevel: p.sub ? 1 : 0,
        breakLine: true,
      },
    };
  });
}
