// vitest globalSetup: end-to-end tests run the real bundle, so build it once before the suite.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, "../../scripts/build.mjs")], {
    cwd: join(import.meta.dirname, "../.."),
    stdio: "inherit",
  });
}
