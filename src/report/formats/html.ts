// HTML: one self-contained file for people who open a link or an attachment: charts drawn in, nothing loaded from
// anywhere else. Printed on stdout, and report.html in every --out folder.
import { renderHtml } from "../html/render.js";
import type { TextFormat } from "./types.js";

export const html: TextFormat = {
  name: "html",
  description: "a self-contained HTML report with its charts (opens in any browser, prints to A4)",
  target: "stdout",
  extension: ".html",
  inlinesCharts: true,
  render: (report, options) =>
    renderHtml(report, {
      charts: (options.charts ?? []).flatMap((c) =>
        c.svg === undefined
          ? []
          : [{ stem: c.path.replace(/^.*\/|\.svg$/g, ""), practice: c.practice, title: c.title, svg: c.svg }],
      ),
    }),
};
