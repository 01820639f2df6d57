// Colours and the shared Vega-Lite config of every chart. The palette is Okabe & Ito's (2008), distinguishable
// under the common colour-vision deficiencies; every colour that carries meaning is doubled by a shape, a dash
// or a text label, so no reading depends on colour alone. Charts sit on an opaque white card so they stay
// legible in dark-mode Markdown viewers and slide themes.
import type { Config } from "vega-lite";

export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  black: "#000000",
} as const;

export const INK = "#1F2933";
export const MUTED = "#5F6B76";
const GRID = "#E4E7EB";
const CARD = "#FFFFFF";
export const SUPPRESSED = "#D9DDE1";

/**
 * Special-cause colours in the NHS "Making Data Count" scheme (blue improvement, orange concern, purple neither,
 * grey common cause), taken from the colour-blind-safe palette above; purple is darkened so it never reads as blue.
 */
export const SPECIAL_CAUSE = {
  improvement: OKABE_ITO.blue,
  concern: OKABE_ITO.orange,
  neither: "#7A3E9D",
  common: "#8A949E",
} as const;

/** Fonts that ship with most systems; resvg resolves the list against the fonts it finds. */
const FONT = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
/** What resvg uses for "sans-serif" and for families it cannot find (Linux servers rarely have Helvetica or Arial). */
export const FONT_FALLBACK = "DejaVu Sans";

export const BASE_CONFIG: Config = {
  background: CARD,
  padding: 16,
  font: FONT,
  // Per-mark ARIA labels would repeat every data value; the chart's <title> and <desc> carry the description.
  aria: false,
  view: { stroke: null },
  title: {
    fontSize: 15,
    fontWeight: "bold",
    color: INK,
    anchor: "start",
    subtitleColor: MUTED,
    subtitleFontSize: 12,
    offset: 12,
  },
  axis: {
    labelColor: INK,
    titleColor: INK,
    domainColor: MUTED,
    tickColor: MUTED,
    gridColor: GRID,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    labelLimit: 220,
  },
  legend: {
    labelColor: INK,
    titleColor: INK,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    orient: "bottom",
    direction: "horizontal",
    labelLimit: 320,
    titleLimit: 400,
  },
  text: { color: INK, fontSize: 11 },
};
