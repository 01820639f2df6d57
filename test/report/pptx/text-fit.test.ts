// The deck's fit budget, against hand-worked line counts: a box of w inches holds (72w − 14.4 − indent) / (0.5 ×
// size) characters a line and (72h − 7.2) / (1.2 × size) lines; text that does not fit is shrunk within limits,
// split onto a continuation, or cut with "…and N more".
import { describe, expect, it } from "vitest";
import { cutToFit, fitParagraphs, fittingSize, textHeight } from "../../../src/report/pptx/text-fit.js";

const more = (n: number) => ({ text: `…and ${n} more in the report` });
const words = (n: number, word = "abcd") => Array.from({ length: n }, () => word).join(" ");

describe("text height", () => {
  it("wraps at words: 40-character lines in a 5-inch box at 16 pt, bulleted", () => {
    // (360 − 14.4 − 18) / 8 = 40.95 → 40 characters; "abcd" × 8 per line (8 × 5 − 1 = 39).
    const options = { size: 16, minSize: 16, bulleted: true };
    expect(textHeight([{ text: words(8) }], 5, 16, options)).toBeCloseTo(19.2, 9);
    expect(textHeight([{ text: words(9) }], 5, 16, options)).toBeCloseTo(2 * 19.2, 9);
    expect(textHeight([{ text: words(16) }, { text: "x" }], 5, 16, { ...options, paraSpaceAfter: 8 })).toBeCloseTo(
      3 * 19.2 + 16,
      9,
    );
  });

  it("measures a sub-paragraph at its own size and indent", () => {
    // Indent 36 pt at 13 pt: (360 − 14.4 − 36) / 6.5 = 47.6 → 47 characters; "abcd" × 9 = 44 characters.
    const options = { size: 16, minSize: 16, bulleted: true };
    expect(textHeight([{ text: words(9), sizeOffset: -3, sub: true }], 5, 16, options)).toBeCloseTo(15.6, 9);
  });
});

describe("fitting", () => {
  // The demo's old slide 2: 1,843 characters of 16 pt text in a box 12.33 × 5.3 inches would have needed more
  // height than the box has at 16 pt; the budget shrinks it, splits it, or cuts it.
  const headline = (i: number) => ({ text: `Critical: finding ${String(i).padStart(2, "0")} ${words(50, "wordy")}` });
  const box = { w: 12.33, h: 5.3 };
  const options = { size: 16, minSize: 14, paraSpaceAfter: 8, bulleted: true };
  const room = box.h * 72 - 7.2;

  it("keeps the preferred size when the text fits, and shrinks within limits when it does not", () => {
    expect(fittingSize([headline(1)], box, options)).toBe(16);
    // 320-character headlines: 106 characters a line at 16 pt (4 lines, 84.8 pt with the space after), 114 at 15 pt
    // (3 lines, 62 pt), 122 at 14 pt (3 lines, 58.4 pt); the box holds 374.4 pt.
    expect(fittingSize([1, 2, 3, 4, 5, 6].map(headline), box, options)).toBe(15);
    expect(fittingSize([1, 2, 3, 4, 5, 6, 7].map(headline), box, options)).toBeNull();
    expect(fittingSize([1, 2, 3, 4].map(headline), box, options)).toBe(16);
  });

  it("splits onto a continuation and counts what is left, every page within the box", () => {
    // 6 headlines a page at 14 pt; the second page gives one up to the "…and N more" line.
    const paragraphs = Array.from({ length: 15 }, (_, i) => headline(i));
    const fitted = fitParagraphs(paragraphs, box, options, more, 2);
    expect(fitted.size).toBe(14);
    expect(fitted.pages).toHaveLength(2);
    for (const page of fitted.pages) expect(textHeight(page, box.w, fitted.size, options)).toBeLessThanOrEqual(room);
    const shown = fitted.pages.flat().filter((p) => p.text.startsWith("Critical"));
    expect(shown).toHaveLength(11);
    expect(fitted.left).toBe(4);
    expect(fitted.pages[1].at(-1)!.text).toBe(`…and ${fitted.left} more in the report`);
  });

  it("cuts with '…and N more' on one page, counting paragraphs, not their sub-lines", () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => [headline(i), { text: "question", sub: true }]).flat();
    const fitted = fitParagraphs(paragraphs, box, options, more);
    expect(fitted.pages).toHaveLength(1);
    const shown = fitted.pages[0].filter((p) => p.text.startsWith("Critical")).length;
    expect(fitted.left).toBe(12 - shown);
    expect(fitted.pages[0].at(-1)!.text).toBe(`…and ${12 - shown} more in the report`);
  });

  it("cuts one paragraph too long for the box at a word, with an ellipsis", () => {
    const long = { text: words(400, "lengthy") };
    const small = { w: 3.9, h: 1 };
    const cut = cutToFit(long, small, 10, { size: 10, minSize: 10 });
    expect(cut.text.endsWith("lengthy…")).toBe(true);
    expect(textHeight([cut], small.w, 10, { size: 10, minSize: 10 })).toBeLessThanOrEqual(small.h * 72 - 7.2);
    const fitted = fitParagraphs([long], small, { size: 12, minSize: 10 }, more);
    expect(fitted.pages[0][0].text).toBe(cut.text);
  });
});
