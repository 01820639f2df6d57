// The chart files of a report: every planned chart as SVG (and PNG when asked), with the links the Markdown report
// needs. Charts render one after another so Vega's generated ids (clip paths, gradients) come out the same each run.
import type { Report } from "../../result/types.js";
import type { ChartLink } from "./link.js";
import { CHARTS_DIR, planCharts, type ChartPlan } from "./plan.js";
import { svgToPng } from "./png.js";
import { renderSvg } from "./render.js";

export interface ChartFile {
  /** Relative to the output folder, forward slashes. */
  path: string;
  content: string | Uint8Array;
}

export interface RenderedCharts {
  plans: ChartPlan[];
  files: ChartFile[];
  links: ChartLink[];
  /** The SVG of each chart by stem (the slide deck embeds them). */
  svg: Map<string, string>;
  warnings: string[];
}

export async function renderCharts(
  report: Report,
  options: { png?: boolean; plans?: ChartPlan[] } = {},
): Promise<RenderedCharts> {
  const plans = options.plans ?? planCharts(report);
  const files: ChartFile[] = [];
  const links: ChartLink[] = [];
  const svgs = new Map<string, string>();
  const warnings: string[] = [];
  for (const plan of plans) {
    const { svg, warnings: chartWarnings } = await renderSvg(plan.spec, plan.title, plan.alt);
    warnings.push(...chartWarnings.map((w) => `${plan.stem}: ${w}`));
    svgs.set(plan.stem, svg);
    const path = `${CHARTS_DIR}/${plan.stem}.svg`;
    files.push({ path, content: svg });
    if (options.png) files.push({ path: `${CHARTS_DIR}/${plan.stem}.png`, content: await svgToPng(svg) });
    links.push({ path, title: plan.title, alt: plan.alt, practice: plan.practice, svg });
  }
  return { plans, files, links, svg: svgs, warnings };
}
