// Regenerates test/golden/outputs from the current code: run it only when an output is meant to change.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CASES, GOLDEN_DIR, produce } from "../test/golden/cases.js";

rmSync(GOLDEN_DIR, { recursive: true, force: true });
for (const c of CASES) {
  for (const [name, text] of Object.entries(await produce(c))) {
    const path = join(GOLDEN_DIR, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
console.log(`wrote ${GOLDEN_DIR}`);
