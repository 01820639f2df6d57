// JSON renderer: the result itself, pretty-printed. It is an interface: versioned by schemaVersion.
import type { Report } from "../result/types.js";

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
