// The demo system ships inside the package (fixtures/demo), so `relaudit audit --demo` works from any folder after
// a global install, without the repository. The CLI runs from dist/relaudit.js (installed or built) or, in tests,
// from src/cli/: the demo is found by walking up from the running file to the package root.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../model/problems.js";

const DEMO = join("fixtures", "demo");

/** The bundled demo folder, or an error saying the installation is incomplete. */
export function demoFolder(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let up = 0; up < 4; up++) {
    if (existsSync(join(dir, DEMO, "relaudit.config.json"))) return join(dir, DEMO);
    dir = dirname(dir);
  }
  throw new InputError({
    option: "--demo",
    message: "the demo system is not installed next to relaudit",
    expected: `${DEMO} in the relaudit package`,
    hint: "reinstall relaudit (npm install -g relaudit-<version>.tgz), or run from a clone of the repository",
  });
}
