// Every format of the demo and the small fixtures stays byte-identical unless a change means it
// (regenerate with `npm run golden:update` and say why in the commit).
import { describe, expect, it } from "vitest";
import { CASES, DEMO_CSV_FOLDER, goldenCopy, goldenNames, produce } from "./cases.js";

describe("golden outputs", () => {
  // The demo's CSV folder is compared by test/report/demo-outputs.test.ts, which checks the rest of the same folder
  // (its report, charts and tables): one audit of the demo with every chart drawn, instead of one here and one there.
  for (const c of CASES.filter((c) => c !== DEMO_CSV_FOLDER)) {
    it(`${c.name} is unchanged`, async () => {
      const files = await produce(c);
      if (c.folder) expect(Object.keys(files).sort()).toEqual(goldenNames(c));
      for (const [name, text] of Object.entries(files))
        expect(text, `${name} and its golden copy`).toBe(goldenCopy(name));
    });
  }
});
