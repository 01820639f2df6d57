// Vega-Lite spec → standalone SVG, headless: Vega's SVG string renderer needs no canvas, no DOM and no fonts
// (text widths are estimated), and data is always inline, so rendering never touches the network. Vega and
// Vega-Lite are imported lazily (libraries.ts): a run that writes no charts never loads them.
import type { LoggerInterface } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { dataKey, keepLatest } from "./latest.js";

/** Escapes text for SVG/XML character data and attribute values. */
function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Gives the SVG a role, an accessible name and a description that screen readers and image viewers show. */
function withAccessibleText(svg: string, title: string, description: string): string {
  const open = svg.indexOf("<svg");
  const end = svg.indexOf(">", open);
  if (open < 0 || end < 0) throw new Error("not an SVG document");
  const tag = svg.slice(open, end).replace(/\s(role|aria-label)="[^"]*"/g, "");
  return `${tag} role="img" aria-label="${xmlEscape(title)}"><title>${xmlEscape(title)}</title><desc>${xmlEscape(description)}</desc>${svg.slice(end + 1)}`;
}

export interface RenderedSvg {
  svg: string;
  /** Vega-Lite and Vega warnings (a well-formed chart has none; tests pin that). */
  warnings: string[];
}

/** Vega's logger interface, collecting instead of printing: stdout and stderr belong to the CLI. */
function collectingLogger(warnings: string[]): LoggerInterface {
  let current = 0;
  const text = (args: readonly unknown[]) => args.map(String).join(" ");
  // `level` is overloaded (a getter without an argument, a chainable setter with one): one function has both shapes.
  function level(): number;
  function level(value: number): LoggerInterface;
  function level(value?: number): number | LoggerInterface {
    if (value === undefined) return current;
    current = value;
    return logger;
  }
  const logger: LoggerInterface = {
    level,
    error(...args: readonly unknown[]) {
      throw new Error(`chart rendering failed: ${text(args)}`);
    },
    warn(...args: readonly unknown[]) {
      warnings.push(text(args));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * Text width as sans-serif text renders, about 0.57 em a character (0.62 bold). Without a canvas Vega assumes 0.8 em,
 * which sizes every chart for text a third wider than it is: the SVG gets an empty right margin of up to 30%.
 */
function fittedTextWidth(
  item: { fontSize?: number; fontWeight?: string | number; limit?: number },
  text: unknown,
): number {
  const value = text === null || text === undefined ? "" : String(text).trim();
  const size = item.fontSize ?? 11;
  const bold = item.fontWeight === "bold" || Number(item.fontWeight) >= 600;
  const width = value.length * size * (bold ? 0.62 : 0.57);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

async function draw(spec: TopLevelSpec, title: string, description: string): Promise<RenderedSvg> {
  const { vega, vegaLite } = await import("./libraries.js");
  // textMetrics is exported by Vega (vl-convert sets it the same way) but missing from its type declarations.
  (vega as unknown as { textMetrics: { width: typeof fittedTextWidth } }).textMetrics.width = fittedTextWidth;
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const compiled = vegaLite.compile(spec, { logger }).spec;
  // A loader that refuses every request: specs carry their data inline, and a chart must never fetch anything.
  const loader = vega.loader();
  loader.load = (uri: string) => Promise.reject(new Error(`charts load nothing (asked for ${uri})`));
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader, logger });
  try {
    return { svg: withAccessibleText(await view.toSVG(), title, description), warnings };
  } finally {
    view.finalize();
  }
}

/** SVGs drawn, kept while the process keeps drawings (latest.ts). */
const drawn = keepLatest((...args: Parameters<typeof draw>) => dataKey(args), draw);

export async function renderSvg(spec: TopLevelSpec, title: string, description: string): Promise<RenderedSvg> {
  const { svg, warnings } = await drawn(spec, title, description);
  // A copy: callers may add to their list of warnings, and the kept drawing must not change.
  return { svg, warnings: [...warnings] };
}
