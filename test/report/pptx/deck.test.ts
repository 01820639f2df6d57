// The slide deck, read back: a .pptx is a zip of XML, so the tests unzip it (jszip) and check each part.
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { RC_BAND_COLOURS } from "../../../src/report/charts/heatmap.js";
import { DECK_COMPANY } from "../../../src/report/pptx/deck.js";
import { pptx } from "../../../src/report/formats/pptx.js";
import { spcChartGroups } from "../../../src/report/pptx/spc-chart.js";
import { report, SHIFT_LOWER, SHIFT_MEAN, SHIFT_UPPER, shiftSeries } from "../charts/fixtures.js";

describe("native SPC chart data", () => {
  it("maps the series to values, mean, limits, target and marker-only special-cause groups", () => {
    const groups = spcChartGroups(shiftSeries());
    expect(groups.map((g) => g.role)).toEqual(["values", "mean", "limits", "target", "special-cause"]);
    const [values, mean, limits, target, concern] = groups;
    expect(values.series[0].values[6]).toBeNull();
    expect(values.series[0].labels[0]).toBe("2026-W10");
    expect(new Set(mean.series[0].values)).toEqual(new Set([SHIFT_MEAN]));
    expect(limits.series.map((s) => s.values[0])).toEqual([SHIFT_UPPER, SHIFT_LOWER]);
    expect(limits.dashed).toBe(true);
    expect(target.series[0].values.every((v) => v === 14)).toBe(true);
    // Concern at the six shifted weeks (indices 14–19, each 8), nothing elsewhere; no line joins the markers.
    expect(concern.series[0].values).toEqual([...Array(14).fill(null), 8, 8, 8, 8, 8, 8]);
    expect(concern.series[0].name).toBe("Special cause: concern");
    expect(concern.lineSize).toBe(0);
    expect(concern.colours).toEqual(["E69F00"]);
  });
});

describe("native SPC chart limits", () => {
  it("draws a count's lower limit below 0 at 0, as the SVG chart does", () => {
    const series = shiftSeries();
    series.metric = "interactions";
    series.points = series.points.map((p) => ({ ...p, lowerLimit: p.lowerLimit === null ? null : -0.08 }));
    const limits = spcChartGroups(series).find((g) => g.role === "limits")!;
    expect(limits.series[1].values.every((v) => v === null || v === 0)).toBe(true);
    expect(limits.series[1].values.some((v) => v === 0)).toBe(true);
  });
});

describe("the deck", () => {
  let zip: JSZip;
  const xml = (name: string) => zip.file(name)!.async("string");
  const slides = () =>
    Object.keys(zip.files)
      .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));

  beforeAll(async () => {
    const r = report();
    // The deck exactly as `--format pptx` builds it (pictures in their slide variants).
    zip = await JSZip.loadAsync(await pptx.render(r, { color: false, quiet: false }));
  });

  it("has a title, headline, one slide per critical signal, the RC heatmap, the network map and methods", async () => {
    const titles = await Promise.all(slides().map(async (s) => /<a:t>([^<]*)<\/a:t>/.exec(await xml(s))![1]));
    expect(titles).toEqual([
      "Relational health audit",
      "Headline findings",
      "Interactions: A &amp; B &lt;Care&gt; ↔ County Social Care (organisation)",
      "Relational coordination: how each organisation rates the others",
      "Contact between organisation groups",
      "Methods and caveats",
    ]);
  });

  it("is well-formed XML throughout, with one paragraph-properties element per paragraph", async () => {
    for (const name of Object.keys(zip.files).filter((f) => f.endsWith(".xml") || f.endsWith(".rels"))) {
      const text = await xml(name);
      expect(XMLValidator.validate(text), name).toBe(true);
      for (const p of text.match(/<a:p>.*?<\/a:p>/g) ?? [])
        expect((p.match(/<a:pPr/g) ?? []).length, name).toBeLessThanOrEqual(1);
    }
  });

  it("names relaudit as author and company (how the CLI recognises its own decks)", async () => {
    expect(await xml("docProps/app.xml")).toContain(`<Company>${DECK_COMPANY}</Company>`);
  });

  it("draws the signal's SPC chart as a native line chart with gaps, dashed limits and concern markers", async () => {
    const slide = await xml("ppt/slides/slide3.xml");
    expect(slide).toContain("<c:chart ");
    // pptxgenjs numbers charts with a counter shared by every deck the process builds: follow the slide's link.
    const rels = await xml("ppt/slides/_rels/slide3.xml.rels");
    const target = /Target="\/ppt\/charts\/(chart\d+\.xml)"/.exec(rels)![1];
    const chart = await xml(`ppt/charts/${target}`);
    expect(chart.match(/<c:lineChart>/g)).toHaveLength(5);
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
    expect(chart).toContain("<c:v>Special cause: concern</c:v>");
    expect(chart).toContain('<a:prstDash val="dash"/>');
    // The concern series holds 8 at six weeks and blanks elsewhere.
    const concern = chart.slice(chart.indexOf("<c:v>Special cause: concern</c:v>"));
    const cache = concern.slice(concern.indexOf("<c:numCache>"), concern.indexOf("</c:numCache>"));
    expect(cache.match(/<c:v>8<\/c:v>/g)).toHaveLength(6);
    expect(cache.match(/<c:v><\/c:v>/g)).toHaveLength(14);
    // Editable: the chart carries its data as an embedded workbook.
    expect(Object.keys(zip.files).some((f) => f.startsWith("ppt/embeddings/") && f.endsWith(".xlsx"))).toBe(true);
    expect(slide).toContain("a shift (6+ points on one side of the mean)");
    expect(slide).toContain("What changed for these teams around 2026-W24?");
  });

  it("lays the RC matrix out as a native table, band-coloured, the suppressed cell without a number", async () => {
    const slide = await xml("ppt/slides/slide4.xml");
    const rows = slide.match(/<a:tr /g) ?? [];
    expect(rows).toHaveLength(4);
    const cells = slide.match(/<a:tc[ >].*?<\/a:tc>/g) ?? [];
    expect(cells).toHaveLength(16);
    const suppressed = cells.find((c) => c.includes("suppressed"))!;
    expect(suppressed).toContain(RC_BAND_COLOURS.suppressed.slice(1).toUpperCase());
    expect(suppressed).not.toMatch(/\d\.\d\d/);
    expect(cells.find((c) => c.includes("3.10"))).toContain(RC_BAND_COLOURS.weak.slice(1).toUpperCase());
  });

  it("places the network map as a picture with alt text, and notes for every chart slide", async () => {
    const slide = await xml("ppt/slides/slide5.xml");
    expect(slide).toContain("<p:pic>");
    expect(slide).toContain('descr="Network map of 4 organisation groups');
    expect(Object.keys(zip.files).some((f) => f.startsWith("ppt/media/") && f.endsWith(".png"))).toBe(true);
    const notes = await xml("ppt/notesSlides/notesSlide5.xml");
    expect(notes).toContain("Network map of 4 organisation groups");
  });
});
