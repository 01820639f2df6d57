// A fit budget for every text box of the deck: how many lines a paragraph takes at a font size in a box of a width,
// and what to do when the text is more than the box holds — shrink within limits, split onto continuation slides,
// or cut with "…and N more". PowerPoint's own "shrink on overflow" only acts when a person edits the box, and
// other viewers ignore it, so the deck decides the size itself.

/** Average width of an Arial character as a share of the font size (0.5 em over English prose, as LibreOffice renders the demo deck). */
const CHAR_EM = 0.5;
/** Line height as a share of the font size (PowerPoint's single spacing for Arial). */
const LINE_EM = 1.2;
/** Inner margins of a text box each side (PowerPoint's default 0.1 in left/right, 0.05 in top/bottom), in points. */
const INSET_X = 7.2;
const INSET_Y = 3.6;
/** A bullet's hanging indent, and a sub-paragraph's extra indent, in points. */
const BULLET_PT = 18;
const LEVEL_PT = 18;

export interface Box {
  /** Width and height in inches. */
  w: number;
  h: number;
}

export interface FitParagraph {
  text: string;
  /** A smaller size for this paragraph, relative to the box's size (e.g. -3 for a muted sub-line). */
  sizeOffset?: number;
  /** Indented one level (a sub-bullet). */
  sub?: boolean;
}

export interface FitOptions {
  /** Preferred and smallest font size, in points. */
  size: number;
  minSize: number;
  /** Space after each paragraph, in points. */
  paraSpaceAfter?: number;
  bulleted?: boolean;
}

/** Lines a paragraph takes when wrapped at word boundaries into lines of `chars` characters. */
function wrappedLines(text: string, chars: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    // A word longer than a line breaks across lines.
    const length = word.length;
    if (used === 0) {
      lines += Math.floor(Math.max(0, length - 1) / chars);
      used = length % chars || chars;
    } else if (used + 1 + length <= chars) used += 1 + length;
    else {
      lines += 1 + Math.floor(Math.max(0, length - 1) / chars);
      used = length % chars || chars;
    }
  }
  return lines;
}

/** Height in points the paragraphs take at `size` in a box `w` inches wide. */
export function textHeight(paragraphs: readonly FitParagraph[], w: number, size: number, options: FitOptions): number {
  const widthPt = w * 72 - 2 * INSET_X;
  const space = options.paraSpaceAfter ?? 0;
  return paragraphs.reduce((sum, p) => {
    const pt = size + (p.sizeOffset ?? 0);
    const indent = (options.bulleted ? BULLET_PT : 0) + (p.sub ? LEVEL_PT : 0);
    const chars = Math.max(1, Math.floor((widthPt - indent) / (pt * CHAR_EM)));
    return sum + wrappedLines(p.text, chars) * pt * LINE_EM + space;
  }, 0);
}

function fits(paragraphs: readonly FitParagraph[], box: Box, size: number, options: FitOptions): boolean {
  return textHeight(paragraphs, box.w, size, options) <= box.h * 72 - 2 * INSET_Y;
}

/** The largest size from `size` down to `minSize` (whole points) at which the paragraphs fit, or null. */
export function fittingSize(paragraphs: readonly FitParagraph[], box: Box, options: FitOptions): number | null {
  for (let size = options.size; size >= options.minSize; size--) if (fits(paragraphs, box, size, options)) return size;
  return null;
}

export interface Fitted<P extends FitParagraph> {
  size: number;
  /** The paragraphs of each box (one box, or a first slide and its continuations). */
  pages: P[][];
  /** Top-level paragraphs left out (the last page says "…and N more"). */
  left: number;
}

/**
 * Paragraphs into at most `maxPages` boxes: all in one at the largest size that fits; else split into pages at the
 * smallest size; else the first `maxPages` pages, the rest left out with room kept on the last for `more(n)`.
 * A single paragraph too long for a box at the smallest size is cut at a word, with "…".
 */
export function fitParagraphs<P extends FitParagraph>(
  paragraphs: readonly P[],
  box: Box,
  options: FitOptions,
  more: (left: number) => P,
  maxPages = 1,
): Fitted<P> {
  const size = fittingSize(paragraphs, box, options);
  if (size !== null) return { size, pages: [[...paragraphs]], left: 0 };
  const min = options.minSize;
  const pages: P[][] = [];
  let rest = paragraphs.map((p) => (fits([p], box, min, options) ? p : cutToFit(p, box, min, options)));
  // Sub-paragraphs belong to the paragraph before them: only top-level paragraphs are counted as left out.
  const count = (ps: readonly P[]) => ps.filter((p) => !p.sub).length;
  while (rest.length && pages.length < maxPages) {
    const last = pages.length === maxPages - 1;
    let take = 1;
    while (take < rest.length && fits(rest.slice(0, take + 1), box, min, options)) take++;
    // On the last page, the "…and N more" line needs its own room.
    if (last && take < rest.length)
      while (take > 1 && !fits([...rest.slice(0, take), more(count(rest.slice(take)))], box, min, options)) take--;
    pages.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  // A sub-paragraph whose parent is shown but which is not goes unmentioned.
  if (count(rest)) pages[pages.length - 1].push(more(count(rest)));
  return { size: min, pages, left: count(rest) };
}

/** One paragraph cut at a word, with "…", to fit the box at `size`. */
export function cutToFit<P extends FitParagraph>(p: P, box: Box, size: number, options: FitOptions): P {
  const words = p.text.split(" ");
  let low = 1;
  let high = words.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits([{ ...p, text: `${words.slice(0, mid).join(" ")}…` }], box, size, options)) low = mid;
    else high = mid - 1;
  }
  return {
    ...p,
    text:
      low >= words.length
        ? p.text
        : `${words
            .slice(0, low)
            .join(" ")
            .replace(/[,;:.]$/, "")}…`,
  };
}
