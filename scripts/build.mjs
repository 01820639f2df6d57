// Bundles the CLI with esbuild into dist/relaudit.js, and the betweenness worker thread into
// dist/betweenness-worker.js, which the CLI starts from next to itself. Dependencies stay external (ink cannot be
// bundled); the stdlib-js numerics are devDependencies, bundled in: each is hundreds of tiny CommonJS files (~340 for
// the t distribution), whose loading alone doubled the CLI's start-up (`--version`: 0.21 → 0.39 s CPU; bundled, they
// cost ~0.03 s), and an install that fetched them too would unpack 3,500 files the bundle never reads.
// Bundled CommonJS may `require` Node built-ins (stdlib's gammaincinv loads `debug`, which requires `tty`), which an
// ES module has no `require` for: the banner gives the bundle one.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(dependencies);

await build({
  entryPoints: { relaudit: "src/cli/main.ts", "betweenness-worker": "src/network/betweenness-worker.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  banner: {
    js: 'import { createRequire as createRequireForBundle } from "node:module";\nconst require = createRequireForBundle(import.meta.url);',
  },
  sourcemap: true,
  logLevel: "warning",
});
