// Slides whose text fits: a deck built from a report with far more words than its boxes hold (twenty long
// headlines, a long signal message, many pieces of evidence and questions) keeps every text box within the fit
// budget — read back from the slide XML — and, where LibreOffice and poppler are installed, renders to a PDF in
// which every word of every box lies inside that box.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { pptx } from "../../../src/report/formats/pptx.js";
import { textHeight } from "../../../src/report/pptx/text-fit.js";
import type { Finding, Report } from "../../../src/result/types.js";
import { report as baseReport } from "../charts/fixtures.js";

const EMU_PER_PT = 12700;
const BULLET_EMU = 228600;

/** A report with more to say than a deck has room for. */
function wordyReport(): Report {
  const r = baseReport();
  const sentence = (i: number) =>
    `Contact between Eastfield Primary Care Network and Harbour Voluntary Services team ${i} has fallen by 96% from its baseline level since the discharge hub moved, and no other person-to-person tie links the two groups in the eight weeks before the change, which leaves the pathway resting on one colleague.`;
  const findings: Finding[] = Array.from({ length: 20 }, (_, i) => ({
    severity: i < 12 ? "critical" : "warning",
    subject: { attribute: "organisation", groups: ["Acute", "Community"] },
    message: sentence(i + 1),
    evidence: [],
    questions: [],
  }));
  r.checks = [
    {
      id: "wordy",
      practice: 5,
      title: "Wordy",
      status: "fail",
      severity: "critical",
      summary: "",
      findings,
      evidence: [],
      notes: [],
    },
  ];
  r.summary = { ...r.summary, fail: 1, findings: { info: 0, warning: 8, critical: 12 } };
  const signal = r.signals![0];
  signal.message = `${sentence(0)} ${sentence(0)}`;
  signal.evidence = Array.from({ length: 12 }, (_, i) => ({
    label: `interactions per week in the ${i + 1}th window after the change in the referral route`,
    value: 9.25 + i,
    n: 13,
  }));
  signal.questions = Array.from({ length: 6 }, (_, i) => `${sentence(i)}?`);
  return r;
}

interface TextBox {
  slide: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Space after each paragraph, in points. */
  spaceAfter: number;
  paragraphs: { text: string; size: number; indent: number }[];
}

/** Every text box of a slide, in points, with its paragraphs' text, size and left margin (EMU). */
function textBoxes(xml: string, slide: number): TextBox[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].flatMap(([, sp]) => {
    const off = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp);
    // Text boxes only: not the slide number (a field).
    if (!off || !sp.includes("<a:t>") || sp.includes("<a:fld")) return [];
    const [x, y, w, h] = off.slice(1).map((v) => Number(v) / EMU_PER_PT);
    const paragraphs = [...sp.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].flatMap(([, p]) => {
      const text = [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("");
      if (!text) return [];
      const size = Number(/ sz="(\d+)"/.exec(p)?.[1] ?? 1800) / 100;
      return [{ text: unescape(text), size, indent: Number(/marL="(\d+)"/.exec(p)?.[1] ?? 0) }];
    });
    const spaceAfter = Number(/<a:spcPts val="(\d+)"/.exec(sp)?.[1] ?? 0) / 100;
    return paragraphs.length ? [{ slide, x, y, w, h, spaceAfter, paragraphs }] : [];
  });
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

describe("slides whose text fits", () => {
  let deck: Uint8Array;
  let slides: string[];
  let boxes: TextBox[];

  beforeAll(async () => {
    const r = wordyReport();
    // The deck exactly as `--format pptx` builds it (pictures in their slide variants).
    deck = await pptx.render(r, { color: false, quiet: false });
    const zip = await JSZip.loadAsync(deck);
    const names = Object.keys(zip.files)
      .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    slides = await Promise.all(names.map((f) => zip.file(f)!.async("string")));
    boxes = slides.flatMap((xml, i) => textBoxes(xml, i + 1));
  });

  it("puts twenty long headlines on a slide and a continuation, the rest counted, criticals first", () => {
    const text = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
    expect(text(slides[1])[0]).toBe("Headline findings");
    expect(text(slides[2])[0]).toBe("Headline findings (continued)");
    const shown = [...text(slides[1]), ...text(slides[2])].filter((t) => /^(Critical|Warning): /.test(t));
    const more = text(slides[2]).find((t) => t.startsWith("…and "));
    expect(more).toBe(`…and ${20 - shown.length} more in the report`);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    expect(shown.length).toBeLessThan(20);
  });

  it("keeps every text box of every slide within its fit budget", () => {
    expect(boxes.length).toBeGreaterThan(10);
    for (const box of boxes) {
      const size = box.paragraphs[0].size;
      const paragraphs = box.paragraphs.map((p) => ({
        text: p.text,
        sizeOffset: p.size - size,
        sub: p.indent > BULLET_EMU,
      }));
      const bulleted = box.paragraphs.some((p) => p.indent > 0);
      const options = { size, minSize: size, bulleted, paraSpaceAfter: box.spaceAfter };
      const height = textHeight(paragraphs, box.w / 72, size, options);
      expect(height, `slide ${box.slide}: ${box.paragraphs[0].text.slice(0, 60)}`).toBeLessThanOrEqual(box.h - 7.2);
    }
  });

  const tools = ["soffice", "pdftotext"].every((tool) => spawnSync("which", [tool]).status === 0);
  if (!tools)
    console.warn("skipped: LibreOffice (soffice) and poppler (pdftotext) are needed to render the deck to PDF");
  it.skipIf(!tools)(
    "renders in LibreOffice with every word of every text box inside its box",
    () => {
      const dir = mkdtempSync(join(tmpdir(), "relaudit-deck-pdf-"));
      try {
        writeFileSync(join(dir, "deck.pptx"), deck);
        const converted = spawnSync(
          "soffice",
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            join(dir, "deck.pptx"),
          ],
          { encoding: "utf8", timeout: 240_000 },
        );
        expect(converted.status, converted.stderr).toBe(0);
        const bbox = spawnSync("pdftotext", ["-bbox", join(dir, "deck.pdf"), "-"], { encoding: "utf8" }).stdout;
        const pages = bbox.split("<page ").slice(1);
        expect(pages).toHaveLength(slides.length);
        pages.forEach((page, i) => {
          const words = [
            ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
          ].map((m) => ({
            x0: Number(m[1]),
            y0: Number(m[2]),
            x1: Number(m[3]),
            y1: Number(m[4]),
            text: unescape(m[5]),
          }));
          // Words come box by box in the order the boxes are drawn (a chart's words between them): each box starts
          // where its first words appear together, and its words follow in turn.
          let at = 0;
          for (const box of boxes.filter((b) => b.slide === i + 1)) {
            const expected = box.paragraphs.flatMap((p) => p.text.split(/\s+/).filter(Boolean));
            const head = expected.slice(0, 3);
            const start = words.findIndex((_, k) => k >= at && head.every((t, j) => words[k + j]?.text === t));
            expect(start, `slide ${i + 1}: "${head.join(" ")}" not found`).toBeGreaterThanOrEqual(0);
            at = start;
            let found = 0;
            for (const token of expected) {
              const k = words.slice(at, at + 6).findIndex((w) => w.text === token);
              if (k < 0) continue;
              const w = words[at + k];
              at += k + 1;
              found++;
              const where = `slide ${i + 1}, "${token}" of "${box.paragraphs[0].text.slice(0, 50)}"`;
              expect(w.x0, where).toBeGreaterThanOrEqual(box.x - 2);
              expect(w.x1, where).toBeLessThanOrEqual(box.x + box.w + 2);
              expect(w.y0, where).toBeGreaterThanOrEqual(box.y - 2);
              expect(w.y1, where).toBeLessThanOrEqual(box.y + box.h + 4);
            }
            const share = found / expected.length;
            expect(share, `slide ${i + 1}: ${box.paragraphs[0].text.slice(0, 50)}`).toBeGreaterThan(0.9);
          }
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
