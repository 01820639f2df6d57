// The demo's Markdown, terminal report, HTML report and slide deck read in one voice: none of the machine-like
// phrasings of issue 16 ("p = 0", "1 periods", "95% 0.03–8.96", "1296", "111/66188 (0%)", raw ids in sentences,
// the bands caveat on every finding), and headlines come criticals first.
import { existsSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/result/types.js";
import { DEMO, demoDeck, goldenDemo } from "../helpers/demo.js";

/** Each phrasing the issue quotes, as a pattern that finds it (and its near relatives). */
const BAD: [string, RegExp][] = [
  ["p = 0", /\bp = 0(?![.\d])|p = 0\.0+(?!\d*[1-9])/],
  ["a plural after 1", /(?<![\d.,])1 (?:periods|weeks|months|lags|ties|groups|people|days|points)\b/],
  ["an en dash before a minus sign", /–-/],
  ["an interval without 'CI'", /\b\d\d% (?!CI\b)-?\d/],
  ["a count in a unit's place", /\d (?:lags|periods looked back) \(n =/],
  ["0.000", /(?<![\d.])0\.000(?!\d*[1-9])/],
  ["a large number without thousands separators", /(?<![\w.,:/-])(?!(?:19|20)\d\d\b)[1-9]\d{3,}(?![\d,.-]?\d)/],
  ["0% for a non-zero count", /\b[1-9][\d,]*\/[\d,]+ \(0%\)/],
  ["a share written as a decimal of something", /\b0\.\d+ share of\b/],
  [
    "a raw metric or dimension id",
    /delayed\\?_discharges|care\\?_packages|referral\\?_response|psychological\\?_safety|shared[A-Z]/,
  ],
];

/** The words of an output without its charts (a chart stands alone and keeps its own caveats) or markup. */
function words(format: string, text: string): string {
  if (format === "html")
    return text
      .replace(/<(svg|style|script)\b[\s\S]*?<\/\1>/g, "")
      .replace(/<[^>]*>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return text.replace(/!\[[^\]]*\]\([^)]*\)/g, "");
}

describe.skipIf(!existsSync(join(DEMO, "people.csv")))("one voice across the demo's outputs", () => {
  const outputs: Record<string, string> = {};
  let zip: JSZip;

  beforeAll(async () => {
    // Markdown, terminal and HTML: the golden copies, which golden.test.ts proves are what the CLI prints.
    outputs.markdown = goldenDemo("audit", "markdown").stdout;
    outputs.terminal = goldenDemo("audit", "terminal").stdout;
    outputs.html = goldenDemo("audit", "html").stdout;
    zip = await JSZip.loadAsync(await demoDeck());
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const texts = await Promise.all(slides.map((f) => zip.file(f)!.async("string")));
    outputs.deck = texts.map((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(" ")).join("\n");
  }, 300_000);

  for (const [what, pattern] of BAD)
    it(`has no ${what}`, () => {
      for (const [format, text] of Object.entries(outputs)) {
        const found = words(format, text).match(pattern);
        expect(
          found?.[0],
          `${format}: …${found ? text.slice(Math.max(0, found.index! - 60), found.index! + 60) : ""}…`,
        ).toBeUndefined();
      }
    });

  it("states the bands caveat once per output, not per finding", () => {
    for (const [format, text] of Object.entries(outputs))
      expect(words(format, text).match(/research convention/g)?.length ?? 0, format).toBeLessThanOrEqual(1);
  });

  it("lists the Markdown headlines criticals first", () => {
    const headlines = outputs.markdown.split("**Headline findings**")[1].split("\n## ")[0];
    const marks = [...headlines.matchAll(/^- (❌|⚠️)/gmu)].map((m) => m[1]);
    expect(marks.length).toBeGreaterThan(4);
    expect(marks).toEqual([...marks].sort((a, b) => (a === "❌" ? 0 : 1) - (b === "❌" ? 0 : 1)));
  });

  it("lists the HTML summary's headlines and the deck's headline slides criticals first", () => {
    const summary = outputs.html.split('<ol class="headlines"')[1].split("</ol>")[0];
    const html = [...summary.matchAll(/class="mark mark-(critical|warning)"/g)].map((m) => m[1]);
    const deck = [...outputs.deck.matchAll(/\b(Critical|Warning): /g)].map((m) => m[1].toLowerCase());
    for (const marks of [html, deck]) {
      expect(marks.length).toBeGreaterThan(4);
      expect(marks).toEqual([...marks].sort((a, b) => (a === "critical" ? 0 : 1) - (b === "critical" ? 0 : 1)));
    }
  });

  it("quotes the same baseline mean as the chart, and says which window each key-person finding uses", () => {
    // The demo's falling-contact signal (the decaying hospital ↔ social care link) states the chart's baseline mean.
    expect(outputs.markdown).toContain("interactions per week, baseline mean: 47 (n = 13)");
    expect(outputs.markdown).toMatch(/is an end of 10 of its 12 ties \(83%\) over the whole period/);
    expect(outputs.markdown).toMatch(/in the 8 weeks before; in that time no other person-to-person tie linked/);
  });

  // The deck's parts are checked here, the one file that builds the demo's deck (in process, once per test worker: a
  // second file reading it cost a second build whenever vitest ran the two in different workers).
  it("builds a deck with a native SPC chart per critical charted signal", () => {
    const report: Report = JSON.parse(goldenDemo("audit", "json").stdout);
    const critical = (report.signals ?? []).filter((s) => s.severity === "critical" && s.series);
    expect(critical.length).toBeGreaterThan(0);
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(critical.length);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBeGreaterThanOrEqual(4 + critical.length);
  });
});
