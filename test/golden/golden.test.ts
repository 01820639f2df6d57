// Every format of the demo and the small fixtures stays byte-identical unless a change means it
// (regenerate with `npm run golden:update` and say why in the commit).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CASES, GOLDEN_DIR, produce } from "./cases.js";

describe("golden outputs", () => {
  for (const c of CASES) {
    it(`${c.name} is unchanged`, async () => {
      const files = await produce(c);
      for (const [name, text] of Object.entries(files)) {
        const path = join(GOLDEN_DIR, name);
        expect(existsSync(path), `${name} has a golden copy`).toBe(true);
        expect(text, name).toBe(readFileSync(path, "utf8"));
      }
    });
  }
});
