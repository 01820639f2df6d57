// The demo system's HTML report with its charts, as `audit --format html` writes it.
import { join } from "node:path";
import { audit } from "../../../src/pipeline/audit.js";
import { renderCharts } from "../../../src/report/charts/files.js";
import { renderHtml } from "../../../src/report/html/render.js";
import { ROOT } from "../../helpers/cli.js";

export async function demoHtml(): Promise<string> {
  const report = await audit({ dir: join(ROOT, "fixtures/demo"), files: {}, generatedAt: "2026-11-23T06:00:00Z" });
  const rendered = await renderCharts(report);
  const charts = rendered.plans.map((p) => ({ ...p, svg: rendered.svg.get(p.stem)! }));
  return renderHtml(report, { charts });
}
