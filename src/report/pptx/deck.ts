// The slide deck (`--format pptx`): a short deck a programme board can take in — title, headline findings, one
// slide per critical signal with its SPC chart as a native (editable) chart, the RC heatmap as a native table,
// the network map as a picture, then methods and caveats. Everything comes from the result and the rendered
// charts; pptxgenjs is imported only when a deck is asked for.
import { fixedZip } from "./fixed-zip.js";
import type { Finding, Report, Severity } from "../../result/types.js";
import type { CoordinationResult } from "../../result/survey.js";
import { RC_BAND_COLOURS } from "../charts/heatmap.js";
import type { ChartPlan } from "../charts/plan.js";
import { INK, MUTED, OKABE_ITO } from "../charts/theme.js";
import { formatNumber } from "../../text/format.js";
import { otherSignalsSlide, signalSlide } from "./signal-slides.js";
import { fitParagraphs } from "./text-fit.js";
import {
  addBullets,
  addTitle,
  fitLine,
  bullets,
  fit,
  FONT,
  hex,
  MARGIN,
  moreLine,
  pngData,
  SEVERITY_WORD,
  WIDTH,
  type Paragraph,
  type Presentation,
  type PresentationClass,
  type TableRow,
} from "./slide-kit.js";

export interface DeckInput {
  report: Report;
  plans: readonly ChartPlan[];
  /** PNG of each chart that is placed as a picture, by stem. */
  png: ReadonlyMap<string, Uint8Array>;
}

export const DECK_COMPANY = "relaudit";

/** Heatmaps with more groups than this become a picture: a native table would be unreadably small. */
const NATIVE_TABLE_MAX_GROUPS = 10;
/** Network maps shown: the first boundaries' (a boundary with many groups is drawn in its readable view). */
const MAPS_SHOWN = 2;
/** Headlines take at most this many slides (the first and its continuation). */
const HEADLINE_SLIDES = 2;
const HEADLINE_FIT = { size: 16, minSize: 14, paraSpaceAfter: 8, bulleted: true };

async function loadPptxGen(): Promise<PresentationClass> {
  const mod = await import("pptxgenjs");
  const interop = mod.default as unknown as PresentationClass | { default: PresentationClass };
  return "default" in interop ? interop.default : interop;
}

function titleSlide(pres: Presentation, report: Report): void {
  const slide = pres.addSlide({ masterName: "RELAUDIT" });
  slide.addText("Relational health audit", {
    x: MARGIN,
    y: 2.2,
    w: WIDTH - 2 * MARGIN,
    h: 1.1,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: hex(INK),
  });
  const facts = [
    report.network
      ? `${formatNumber(report.network.peopleCount)} people, ${formatNumber(report.network.interactionCount)} interactions`
      : null,
    report.survey
      ? `${formatNumber(report.survey.responses)} survey responses${report.survey.waves.length ? ` in ${report.survey.waves.length} waves` : ""}`
      : null,
    `groups of fewer than ${report.minGroupSize} respondents never shown`,
  ].filter((f): f is string => f !== null);
  const factsBox = { x: MARGIN, y: 3.3, w: WIDTH - 2 * MARGIN, h: 0.9 };
  const line = fitLine(facts.join(" · "), factsBox, 18, 14);
  slide.addText(line.text, { ...factsBox, fontFace: FONT, fontSize: line.size, color: hex(MUTED), valign: "top" });
  const footerBox = { x: MARGIN, y: 6.2, w: WIDTH - 2 * MARGIN, h: 0.5 };
  const footer = fitLine(
    `Generated ${report.generatedAt.slice(0, 10)} by relaudit ${report.tool.version}. Findings describe systems and relationships, never individuals.`,
    footerBox,
    12,
    10,
  );
  slide.addText(footer.text, { ...footerBox, fontFace: FONT, fontSize: footer.size, color: hex(MUTED), valign: "top" });
}

/** The headline box: under the title and subtitle, to the slide number. */
const HEADLINE_BOX = { x: MARGIN, y: 1.6, w: WIDTH - 2 * MARGIN, h: 5.3 };

/**
 * Headline findings, criticals first: at 16 pt down to 14 where they fit one slide, else over a slide and a
 * continuation, the rest counted ("…and N more in the report").
 */
function headlineSlides(pres: Presentation, report: Report): void {
  const s = report.summary;
  const subtitle = `${s.findings.critical} critical · ${s.findings.warning} warnings · ${s.pass} checks passed${s.error ? ` · ${s.error} checks failed to run` : ""}`;
  const order: Severity[] = ["critical", "warning"];
  const headline: { f: Finding; practice: number }[] = order.flatMap((severity) =>
    report.checks.flatMap((c) =>
      c.findings.filter((f) => f.severity === severity).map((f) => ({ f, practice: c.practice })),
    ),
  );
  if (headline.length === 0) {
    const slide = pres.addSlide({ masterName: "RELAUDIT" });
    addTitle(slide, "Headline findings", subtitle);
    slide.addText("No warning or critical findings.", {
      ...HEADLINE_BOX,
      h: 0.6,
      fontFace: FONT,
      fontSize: 18,
      color: hex(INK),
    });
    return;
  }
  const lines: Paragraph[] = headline.map(({ f, practice }) => ({
    text: `${SEVERITY_WORD[f.severity]}: ${f.message} (practice ${practice})`,
    options: f.severity === "critical" ? { color: hex(INK) } : { color: hex(MUTED) },
  }));
  const fitted = fitParagraphs(lines, HEADLINE_BOX, HEADLINE_FIT, moreLine, HEADLINE_SLIDES);
  fitted.pages.forEach((page, i) => {
    const slide = pres.addSlide({ masterName: "RELAUDIT" });
    addTitle(slide, i === 0 ? "Headline findings" : "Headline findings (continued)", subtitle);
    slide.addText(bullets(page, fitted.size), {
      ...HEADLINE_BOX,
      valign: "top",
      paraSpaceAfter: HEADLINE_FIT.paraSpaceAfter,
    });
  });
}

function rcTableRows(rc: CoordinationResult, minGroupSize: number): TableRow[] {
  const cellOf = new Map(rc.cells.map((c) => [`${c.raterGroup}\u0000${c.ratedGroup}`, c]));
  const base = { fontFace: FONT, fontSize: 11, color: hex(INK), align: "center" as const, valign: "middle" as const };
  const header: TableRow = [
    { text: `${rc.raterAttribute}: rater ↓ rates →`, options: { ...base, bold: true, align: "left" } },
    ...rc.groups.map((g) => ({ text: g, options: { ...base, bold: true } })),
  ];
  const rows = rc.groups.map((rater): TableRow => [
    { text: rater, options: { ...base, bold: true, align: "left" } },
    ...rc.groups.map((rated) => {
      const c = cellOf.get(`${rater}\u0000${rated}`);
      const border = c?.within ? { border: { type: "solid" as const, pt: 2.5, color: hex(INK) } } : {};
      if (!c) return { text: "", options: base };
      if (c.suppressed)
        return {
          text: `suppressed\nn < ${minGroupSize}`,
          options: {
            ...base,
            fontSize: 9,
            color: hex(MUTED),
            fill: { color: hex(RC_BAND_COLOURS.suppressed) },
            ...border,
          },
        };
      return {
        text: `${c.index.toFixed(2)}\n${c.band}, n = ${c.n}`,
        options: { ...base, fill: { color: hex(RC_BAND_COLOURS[c.band]) }, ...border },
      };
    }),
  ]);
  return [header, ...rows];
}

function heatmapSlide(pres: Presentation, report: Report, plan: ChartPlan, png: Uint8Array | undefined): void {
  const rc = report.survey!.coordination!;
  const slide = pres.addSlide({ masterName: "RELAUDIT" });
  addTitle(
    slide,
    plan.title,
    `RC index ${rc.min}–${rc.max}${rc.wave ? `, wave ${rc.wave}` : ""}. Bands weak < ${rc.bands.weak} ≤ moderate ≤ ${rc.bands.strong} < strong (see the methods slide). Outlined: a group rating itself.`,
  );
  if (rc.groups.length <= NATIVE_TABLE_MAX_GROUPS) {
    const rows = rcTableRows(rc, report.minGroupSize);
    const w = Math.min(WIDTH - 2 * MARGIN, 2.4 + 1.7 * rc.groups.length);
    slide.addTable(rows, {
      x: MARGIN,
      y: 1.7,
      w,
      colW: [2.4, ...rc.groups.map(() => 1.7)],
      rowH: 0.62,
      border: { type: "solid", pt: 1, color: "FFFFFF" },
    });
  } else if (png) {
    slide.addImage({ data: pngData(png), altText: plan.alt, ...fit(png, MARGIN, 1.6, WIDTH - 2 * MARGIN, 5.4) });
  }
  slide.addNotes(plan.alt);
}

function pictureSlide(pres: Presentation, plan: ChartPlan, png: Uint8Array, subtitle?: string): void {
  const slide = pres.addSlide({ masterName: "RELAUDIT" });
  addTitle(slide, plan.title, subtitle);
  slide.addImage({ data: pngData(png), altText: plan.alt, ...fit(png, MARGIN, 1.55, WIDTH - 2 * MARGIN, 5.45) });
  slide.addNotes(plan.alt);
}

function methodsSlide(pres: Presentation, report: Report): void {
  const slide = pres.addSlide({ masterName: "RELAUDIT" });
  addTitle(slide, "Methods and caveats");
  const rc = report.survey?.coordination;
  const network = report.network;
  const lines = [
    `Survey results for groups of fewer than ${report.minGroupSize} respondents are suppressed, as are groups whose figures could be worked out from the others.`,
    "Scale scores are means of answered items after reverse keying, with 95% intervals; reliability is Cronbach's α as R psych computes it.",
    ...(rc
      ? [
          `Relational coordination (Gittell): the mean of seven dimensions, 1–5. The bands (weak < ${rc.bands.weak}, strong > ${rc.bands.strong}) are a research convention, not an official standard.`,
        ]
      : []),
    ...(network
      ? [
          `Network: ${formatNumber(network.peopleCount)} people and ${formatNumber(network.tieCount)} ties, interactions taken as ${network.directed ? "directed" : "mutual"}; betweenness ${network.betweennessMethod === "exact" ? "exact" : "estimated from sampled sources"} (igraph conventions).`,
        ]
      : []),
    ...(report.series
      ? [
          "SPC: XmR charts with NHS Making Data Count rules (a point beyond a process limit, a shift, a trend, two of three beyond two sigma); limits need 13 points, fewer give a run chart (Anhøj rules).",
        ]
      : []),
    "Findings describe systems and relationships, never individuals: they are questions to explore, not verdicts.",
    "Every figure, its n and its interval are in report.md and report.json; the CSV tables hold the same numbers for spreadsheets.",
  ];
  addBullets(
    slide,
    lines,
    { x: MARGIN, y: 1.3, w: WIDTH - 2 * MARGIN, h: 5.6 },
    { size: 14, minSize: 11, paraSpaceAfter: 8 },
  );
}

export async function renderDeck({ report, plans, png }: DeckInput): Promise<Uint8Array> {
  const PptxGen = await loadPptxGen();
  const pres: Presentation = new PptxGen();
  pres.layout = "LAYOUT_WIDE";
  pres.author = DECK_COMPANY;
  // Read back by the CLI: a deck file relaudit wrote may be replaced by the next run.
  pres.company = DECK_COMPANY;
  pres.title = "Relational health audit";
  pres.defineSlideMaster({
    title: "RELAUDIT",
    background: { color: "FFFFFF" },
    objects: [{ rect: { x: 0, y: 0, w: WIDTH, h: 0.12, fill: { color: hex(OKABE_ITO.blue) } } }],
    slideNumber: { x: WIDTH - 1.0, y: 7.05, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 10, color: hex(MUTED) },
  });

  titleSlide(pres, report);
  headlineSlides(pres, report);

  const series = new Map((report.series ?? []).map((s) => [s.id, s]));
  const critical = (report.signals ?? []).filter((s) => s.severity === "critical");
  const charted = critical.filter((s) => s.series && series.has(s.series));
  for (const signal of charted) signalSlide(pres, signal, series.get(signal.series!)!);
  const uncharted = critical.filter((s) => !charted.includes(s));
  if (uncharted.length) otherSignalsSlide(pres, uncharted);

  const heatmap = plans.find((p) => p.kind === "rc-heatmap");
  if (heatmap && report.survey?.coordination) heatmapSlide(pres, report, heatmap, png.get(heatmap.stem));

  const maps = plans.filter((p) => p.kind === "network-map" && png.has(p.stem));
  for (const plan of maps.slice(0, MAPS_SHOWN)) pictureSlide(pres, plan, png.get(plan.stem)!, plan.slide?.caption);

  methodsSlide(pres, report);
  const written = await pres.write({ outputType: "nodebuffer" });
  return fixedZip(new Uint8Array(written as Buffer), report.generatedAt);
}

/** The charts a deck shows as pictures (PNG needed): network maps, and the heatmap when too big for a table. */
export function deckPictures(report: Report, plans: readonly ChartPlan[]): ChartPlan[] {
  const rcGroups = report.survey?.coordination?.groups.length ?? 0;
  return plans.filter(
    (p) => p.kind === "network-map" || (p.kind === "rc-heatmap" && rcGroups > NATIVE_TABLE_MAX_GROUPS),
  );
}
