// PNG versions of charts (resvg), and the guarantees of headless rendering: nothing is ever fetched.
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { heatmapAltText, heatmapSpec, heatmapTitle } from "../../../src/report/charts/heatmap.js";
import { fontsAvailable, PNG_SCALE, svgToPng } from "../../../src/report/charts/png.js";
import { renderSvg } from "../../../src/report/charts/render.js";
import { coordination } from "./fixtures.js";
import { parseSvg, pngSize } from "./svg.js";

const systemFonts = ["/usr/share/fonts", "/usr/local/share/fonts", "/System/Library/Fonts", "C:\\Windows\\Fonts"].some(
  (d) => existsSync(d) && readdirSync(d).length > 0,
);

describe("PNG charts", () => {
  it("are PNG images at twice the SVG's size", async () => {
    const rc = coordination();
    const { svg } = await renderSvg(heatmapSpec(rc, 5), heatmapTitle(rc), heatmapAltText(rc, 5));
    const root = parseSvg(svg);
    const png = await svgToPng(svg);
    expect(PNG_SCALE).toBe(2);
    expect(pngSize(png)).toEqual({ width: Number(root.attrs.width) * 2, height: Number(root.attrs.height) * 2 });
  });

  it.skipIf(!systemFonts)("finds fonts to draw text with on a machine that has them", async () => {
    expect(await fontsAvailable()).toBe(true);
  });
});

describe("headless rendering", () => {
  it("refuses to load anything, without ever calling fetch", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error("network")));
    vi.stubGlobal("fetch", fetch);
    try {
      const spec = {
        data: { url: "https://example.org/data.csv" },
        mark: "point" as const,
        encoding: { x: { field: "a", type: "quantitative" as const } },
      };
      const { warnings } = await renderSvg(spec, "t", "d");
      expect(warnings.join(" ")).toContain("charts load nothing (asked for https://example.org/data.csv)");
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
