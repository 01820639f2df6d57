// Markdown: board papers and pull requests; the default when stdout is not a terminal.
import { renderMarkdown } from "../markdown.js";
import { renderSignalsMarkdown } from "../signals-markdown.js";
import type { TextFormat } from "./types.js";

export const markdown: TextFormat = {
  name: "markdown",
  description: "GitHub-flavoured Markdown (the default when piped)",
  target: "stdout",
  extension: ".md",
  render: (report, options) => renderMarkdown(report, { quiet: options.quiet, charts: options.charts }),
  renderSignals: (report) => renderSignalsMarkdown(report),
};
