// How a text report refers to a chart file: what the Markdown renderer needs (it never loads Vega), and the SVG for
// the formats that inline it.
import type { Practice } from "../../result/types.js";

export interface ChartLink {
  /** Relative to the report, with forward slashes: "charts/rc-heatmap.svg". */
  path: string;
  title: string;
  alt: string;
  practice: Practice;
  /** The chart itself, for formats that draw charts into the report (HTML). */
  svg?: string;
}
