// SVG → PNG with resvg (a Rust SVG renderer shipped as a prebuilt npm binary: no canvas, no browser, no network).
// Text needs fonts: resvg reads the system's, and a machine with none would silently give charts without words,
// so `fontsAvailable` lets the CLI warn instead.
import { keepLatest } from "./latest.js";
import { FONT_FALLBACK } from "./theme.js";

/** Pixels per SVG pixel: 2 keeps text crisp on slides and high-density screens. */
export const PNG_SCALE = 2;

async function resvg() {
  return (await import("@resvg/resvg-js")).Resvg;
}

const fontOptions = { loadSystemFonts: true, defaultFontFamily: FONT_FALLBACK, sansSerifFamily: FONT_FALLBACK };

async function draw(svg: string, scale: number): Promise<Buffer> {
  const Resvg = await resvg();
  return new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, font: fontOptions }).render().asPng();
}

/** PNGs drawn, kept while the process keeps drawings (latest.ts): ~0.2–0.3 s of resvg each at 2×. */
const drawn = keepLatest((svg: string, scale: number) => `${scale} ${svg}`, draw);

export async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Buffer> {
  // A copy: a Buffer can be written to, and the kept one must not change.
  return Buffer.from(await drawn(svg, scale));
}

/** True when resvg can draw text here: renders a black "H" on white and looks for dark pixels. */
export async function fontsAvailable(): Promise<boolean> {
  const Resvg = await resvg();
  const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#fff"/><text x="4" y="34" font-size="36" font-family="sans-serif" fill="#000">H</text></svg>`;
  const image = new Resvg(probe, { font: fontOptions }).render();
  const pixels = image.pixels;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) return true;
  return false;
}
