// Bundles the CLI with esbuild into dist/relaudit.js, and the betweenness and interactions worker threads into
// dist/betweenness-worker.js and dist/interactions-worker.js, which the CLI starts from next to itself. Dependencies
// stay external (ink cannot be bundled); the stdlib-js numerics are devDependencies, bundled in: each is hundreds of tiny CommonJS files (~340 for
// the t distribution), whose loading alone doubled the CLI's start-up (`--version`: 0.21 → 0.39 s CPU; bundled, they
// cost ~0.03 s), and an install that fetched them too would unpack 3,500 files the bundle never reads.
// Bundled CommonJS may `require` Node built-ins (stdlib's gammaincinv loads `debug`, which requires `tty`), which an
// ES module has no `require` for: the banner gives the bundle one.
import { build } from "esbuild";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { noticesPath, thirdPartyNotices } from "./notices.mjs";

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(dependencies);

const banner = {
  js: 'import { createRequire as createRequireForBundle } from "node:module";\nconst require = createRequireForBundle(import.meta.url);',
};
const common = { bundle: true, platform: "node", format: "esm", target: "node20", banner, logLevel: "warning" };

// dist/ is made afresh: a file an earlier build wrote and this one does not (dist/vega-lite.js, before the charts'
// bundle) would otherwise be packed and shipped.
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

// The chart libraries, Vega and Vega-Lite, are bundled into one ES module of their own (dist/charts.js, from
// src/report/charts/libraries.ts), loaded only by the runs that draw charts. Imported from node_modules they were
// ~50 small modules and Vega-Lite's CommonJS file of 0.7 MB, which Node lexes for its exports: 0.41 s of CPU to
// import, against 0.18 s bundled (docs/performance.md, task t-charts; medians at load ~10). One bundle holds one Vega, so the text metrics render.ts sets
// are those of the Vega that Vega-Lite's output runs on. Being bundled, both are devDependencies: an install
// unpacks neither nor the packages only they bring.
// Vega's loader requires node-fetch when it loads, and node-fetch the `punycode` built-in, which Node 21 and later
// warn about on stderr for code outside node_modules, as dist/ is in a clone. The charts fetch nothing (render.ts
// gives Vega a loader that refuses every request), so the bundle gets a fetch that refuses too, and no HTTP client.
const noFetch = {
  name: "no-fetch",
  setup(b) {
    b.onResolve({ filter: /^node-fetch$/ }, () => ({ path: "node-fetch", namespace: "no-fetch" }));
    b.onLoad({ filter: /.*/, namespace: "no-fetch" }, () => ({
      contents: "module.exports = (url) => Promise.reject(new Error(`charts fetch nothing (asked for ${url})`));",
      loader: "js",
    }));
  },
};
const charts = await build({
  ...common,
  metafile: true,
  entryPoints: { charts: "src/report/charts/libraries.ts" },
  outdir: "dist",
  external,
  plugins: [noFetch],
});
const chartsBeside = {
  name: "charts-beside",
  setup: (b) =>
    b.onResolve({ filter: /^\.\/libraries\.js$/ }, ({ importer }) =>
      importer.endsWith(join("src", "report", "charts", "render.ts"))
        ? { path: "./charts.js", external: true }
        : undefined,
    ),
};

const cli = await build({
  ...common,
  metafile: true,
  entryPoints: {
    relaudit: "src/cli/main.ts",
    "betweenness-worker": "src/network/betweenness-worker.ts",
    "interactions-worker": "src/load/interactions-worker.ts",
  },
  outdir: "dist",
  external,
  plugins: [chartsBeside],
  sourcemap: true,
});

const root = fileURLToPath(new URL("..", import.meta.url));
writeFileSync(noticesPath(root), thirdPartyNotices(root, [charts.metafile, cli.metafile]));
