// How a text report refers to a chart file: what the Markdown renderer needs, and no more (it never loads Vega).
import type { Practice } from "../../result/types.js";

export interface ChartLink {
  /** Relative to the report, with forward slashes: "charts/rc-heatmap.svg". */
  path: string;
  title: string;
  alt: string;
  practice: Practice;
}
