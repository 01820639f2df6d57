// The slide deck is byte-identical for the same inputs and --generated-at (issue 13, item 14): pptxgenjs stamps the
// clock into docProps/core.xml, every zip entry and each chart's embedded workbook; all carry the report's time.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { runBuilt } from "../helpers/cli.js";
import { writeFallingContact } from "../helpers/spawn-inputs.js";

const AT = "2026-11-23T06:00:00Z";

describe("deterministic deck", () => {
  it("two runs, a second apart and in another time zone, write the same bytes; the times are the report's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-deck-"));
    const input = join(dir, "input");
    // One critical signal, so the deck has a native chart and its workbook: the demo's deck has the same parts, for
    // over twice the CPU per run (its network maps are drawn to PNG).
    writeFallingContact(input);
    const first = join(dir, "first.pptx");
    const second = join(dir, "second.pptx");
    // Both through the built binary, each in a fresh process: pptxgenjs numbers charts with a counter shared by every
    // deck a process builds, and vitest's workers build other decks before this one (vitest.config.ts, isolate).
    const built1 = runBuilt(["audit", input, "--format", "pptx", "--out", first, "--generated-at", AT]);
    expect(built1.code, built1.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const built = runBuilt(["audit", input, "--format", "pptx", "--out", second, "--generated-at", AT], {
      env: { TZ: "Pacific/Chatham" },
    });
    expect(built.code, built.stderr).toBe(0);
    const a = readFileSync(first);
    expect(Buffer.compare(a, readFileSync(second))).toBe(0);

    const zip = await JSZip.loadAsync(a);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${AT}</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${AT}</dcterms:modified>`);
    const workbooks = Object.keys(zip.files).filter((name) => name.endsWith(".xlsx"));
    expect(workbooks.length).toBeGreaterThan(0);
    for (const name of workbooks) {
      const inner = await JSZip.loadAsync(await zip.file(name)!.async("uint8array"));
      expect(await inner.file("docProps/core.xml")!.async("string")).toContain(`>${AT}</dcterms:created>`);
    }
  });
});
