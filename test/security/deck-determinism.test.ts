// The slide deck is byte-identical for the same inputs and --generated-at (issue 13, item 14): pptxgenjs stamps the
// clock into docProps/core.xml, every zip entry and each chart's embedded workbook; all carry the report's time.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { runBuilt } from "../helpers/cli.js";

const AT = "2026-11-23T06:00:00Z";

/**
 * Twelve people in two organisations whose contact all but stops after 18 weeks: one critical falling-contact signal, so the
 * deck has a native SPC chart and its embedded workbook (the clock's third place). A deck of the demo has the same
 * parts but costs over twice the CPU per run (its network maps are drawn to PNG), and this test needs two runs.
 */
function writeFallingContact(dir: string): void {
  mkdirSync(dir);
  const people = ["id,organisation", ...[0, 1, 2, 3, 4, 5].flatMap((i) => [`a${i},North`, `b${i},South`])];
  writeFileSync(join(dir, "people.csv"), `${people.join("\n")}\n`);
  const rows = ["from,to,timestamp,channel"];
  const monday = Date.UTC(2026, 0, 5);
  for (let week = 0; week < 24; week++)
    for (let i = 0; i < 6; i++)
      for (let k = 0; k < (week < 18 ? 3 : Number(i === 0 && week % 2 === 0)); k++) {
        const at = new Date(monday + week * 7 * 86_400_000 + (i * 3 + k) * 3_600_000).toISOString();
        rows.push(`a${i},b${(i + k) % 6},${at},email`, `b${(i + k) % 6},a${i},${at},email`);
      }
  writeFileSync(join(dir, "interactions.csv"), `${rows.join("\n")}\n`);
}

describe("deterministic deck", () => {
  it("two runs, a second apart and in another time zone, write the same bytes; the times are the report's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-deck-"));
    const input = join(dir, "input");
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
