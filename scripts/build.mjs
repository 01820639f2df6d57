// Bundles the CLI with esbuild into dist/relaudit.js (dependencies stay external: ink cannot be bundled), and the
// betweenness worker thread into dist/betweenness-worker.js, which the CLI starts from next to itself.
import { build } from "esbuild";

await build({
  entryPoints: { relaudit: "src/cli/main.ts", "betweenness-worker": "src/network/betweenness-worker.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
