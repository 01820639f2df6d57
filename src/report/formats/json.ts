// JSON: the result itself (schema/report.schema.json), written in pieces so a large report is never one string.
import { renderJsonChunks } from "../json.js";
import type { TextFormat } from "./types.js";

export const json: TextFormat = {
  name: "json",
  description: "the result as JSON (schema/report.schema.json)",
  target: "stdout",
  extension: ".json",
  render: (report) => renderJsonChunks(report),
  renderSignals: (report) => [...renderJsonChunks(report)].join(""),
};
