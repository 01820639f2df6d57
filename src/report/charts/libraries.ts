// Vega and Vega-Lite as one module, so the build can bundle them together into dist/charts.js (scripts/build.mjs):
// one file to load in the runs that draw charts, and one Vega, the one whose text metrics render.ts sets and on which
// Vega-Lite's output runs. From sources (tsx, vitest) this imports the installed packages. Imported lazily by
// render.ts: a run that draws no chart never loads either.
export * as vega from "vega";
export * as vegaLite from "vega-lite";
