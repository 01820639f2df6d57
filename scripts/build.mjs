// Bundles the CLI with esbuild into dist/relaudit.js, and the betweenness worker thread into
// dist/betweenness-worker.js, which the CLI starts from next to itself. Dependencies stay external (ink cannot be
// bundled); the stdlib-js numerics are devDependencies, bundled in: each is hundreds of tiny CommonJS files (~340 for
// the t distribution), whose loading alone doubled the CLI's start-up (`--version`: 0.21 → 0.39 s CPU; bundled, they
// cost ~0.03 s), and an install that fetched them too would unpack 3,500 files the bundle never reads.
// Bundled CommonJS may `require` Node built-ins (stdlib's gammaincinv loads `debug`, which requires `tty`), which an
// ES module has no `require` for: the banner gives the bundle one.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { noticesPath, thirdPartyNotices } from "./notices.mjs";

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(dependencies);

const banner = {
  js: 'import { createRequire as createRequireForBundle } from "node:module";\nconst require = createRequireForBundle(import.meta.url);',
};
const common = { bundle: true, platform: "node", format: "esm", target: "node20", banner, logLevel: "warning" };

// Vega-Lite is one CommonJS file of 0.7 MB: imported as an ES module, Node lexes it for its exports, and loading it
// cost 0.08–0.14 s of CPU in every run that draws charts. Bundled as an ES module of its own (dist/vega-lite.js, with
// every export by name), it loads only in those runs, and faster. Being bundled, it is a devDependency: an install
// no longer unpacks it and the 24 packages only it brings (yargs, for its own command line, and yargs' own). Vega
// stays external: Vega-Lite requires it, and the charts need the one instance whose text metrics render.ts sets.
const vegaLiteExports = Object.keys(createRequire(import.meta.url)("vega-lite")).filter((name) => name !== "default");
const vegaLite = await build({
  ...common,
  metafile: true,
  stdin: { contents: `export { ${vegaLiteExports.join(", ")} } from "vega-lite";`, resolveDir: ".", loader: "js" },
  outfile: "dist/vega-lite.js",
  external,
});
const vegaLiteBeside = {
  name: "vega-lite-beside",
  setup: (b) => b.onResolve({ filter: /^vega-lite$/ }, () => ({ path: "./vega-lite.js", external: true })),
};

const cli = await build({
  ...common,
  metafile: true,
  entryPoints: { relaudit: "src/cli/main.ts", "betweenness-worker": "src/network/betweenness-worker.ts" },
  outdir: "dist",
  external,
  plugins: [vegaLiteBeside],
  sourcemap: true,
});

const root = fileURLToPath(new URL("..", import.meta.url));
writeFileSync(noticesPath(root), thirdPartyNotices(root, [vegaLite.metafile, cli.metafile]));
