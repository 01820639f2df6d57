// Every signal carries its null model's verdict (`chance`: p under the null, p adjusted over its family, the model in
// words; docs/methods.md, "Null models of the signals"), and every output that shows the signal states it, not
// report.json alone: before this test the Markdown, terminal and CSV outputs gave the chance of none of the
// key-person departures and chart signals (falling contact, reciprocity collapse), only their rule.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import JSZip from "jszip";
import { DEMO, demoDeck } from "../helpers/demo.js";
import type { Signal } from "../../src/result/signals.js";
import { formatChance } from "../../src/text/format.js";
import { spcAltText, spcSpec } from "../../src/report/charts/spc.js";
import { explorerTabs } from "../../src/explore/model.js";
import type { Report } from "../../src/result/types.js";

/** Words as a reader sees them: wrapped lines joined, Markdown's escapes undone. */
const flat = (text: string) =>
  text.replace(/\\(.)/g, "$1").replace(/&lt;/g, "<").replace(/""/g, '"').replace(/\s+/g, " ");

async function run(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runInProcess(args);
  expect(code, stderr).toBe(0);
  return stdout;
}

describe("each signal's null model and chance", () => {
  it("are stated wherever the signal is shown: signals in Markdown and the terminal, the audit's tables", async () => {
    const signals = JSON.parse(await run(["signals", DEMO, "--format", "json"])).signals as Signal[];
    expect(signals.length).toBeGreaterThan(3);
    const out = mkdtempSync(join(tmpdir(), "relaudit-chance-"));
    await run(["audit", DEMO, "--format", "csv", "--out", out]);
    const outputs = {
      "signals markdown": await run(["signals", DEMO, "--format", "markdown"]),
      "signals terminal": await run(["signals", DEMO, "--format", "terminal"]),
      "audit markdown": await run(["audit", DEMO, "--format", "markdown"]),
      "signals.csv": readFileSync(join(out, "signals.csv"), "utf8"),
    };
    for (const [name, text] of Object.entries(outputs)) {
      const words = flat(text);
      for (const s of signals) {
        expect(s.chance, s.id).toBeDefined();
        expect(words, `${name}: ${s.id}`).toContain(flat(s.chance!.model));
      }
    }
  });

  it("are in the audit's findings, which every format lists (terminal, Markdown, HTML, the deck)", async () => {
    const report = JSON.parse(await run(["audit", DEMO, "--format", "json"])) as {
      checks: { id: string; findings: { message: string }[] }[];
      signals: Signal[];
    };
    const { signals } = report;
    expect(signals.length).toBeGreaterThan(3);
    const messages = report.checks
      .filter((c) => c.id.startsWith("signal-"))
      .flatMap((c) => c.findings.map((f) => f.message));
    for (const s of signals) {
      const finding = messages.find((m) => m.startsWith(`${s.message} From ${s.firstPeriod}.`) && m.includes(s.rule));
      expect(finding, s.id).toBeDefined();
      expect(finding, s.id).toContain(`Chance: ${formatChance(s.chance!)}.`);
    }
    const terminal = flat(await run(["audit", DEMO, "--format", "terminal"]));
    for (const s of signals.filter((x) => x.severity === "critical"))
      expect(terminal, s.id).toContain(flat(s.chance!.model));
  });

  it("are in each SPC chart's subtitle and alt text, and in explore's series details", async () => {
    const report = JSON.parse(await run(["audit", DEMO, "--format", "json", "--detail", "full"])) as Report;
    const charted = report.signals!.filter((s) => s.series !== undefined);
    expect(charted.length).toBeGreaterThan(1);
    const details = flat(
      explorerTabs(report)
        .find((t) => t.id === "series")!
        .rows.flatMap((r) => r.detail.map((d) => d.text))
        .join(" "),
    );
    for (const signal of charted) {
      const series = report.series!.find((x) => x.id === signal.series)!;
      const input = { series, signals: [signal], period: report.inputs.period };
      const chance = flat(formatChance(signal.chance!));
      expect(flat(spcAltText(input)), signal.id).toContain(chance);
      const subtitle = (spcSpec(input).title as { subtitle: string[] }).subtitle;
      expect(flat(subtitle.join(" ")), signal.id).toContain(chance);
      expect(details, signal.id).toContain(chance);
    }
  });

  it("are in the slide deck's notes for every critical signal it shows", async () => {
    const signals = JSON.parse(await run(["signals", DEMO, "--format", "json"])).signals as Signal[];
    const zip = await JSZip.loadAsync(await demoDeck());
    const notes = zip.file(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    const xml = (await Promise.all(notes.map((f) => f.async("string")))).join(" ");
    const words = flat(
      xml
        .replace(/<[^>]+>/g, " ")
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    );
    const critical = signals.filter((s) => s.severity === "critical");
    expect(critical.length).toBeGreaterThan(2);
    for (const s of critical) expect(words, s.id).toContain(flat(s.chance!.model));
    // And on each signal's own slide, beside its rule: the notes are not projected.
    const slides = await Promise.all(zip.file(/^ppt\/slides\/slide\d+\.xml$/).map((f) => f.async("string")));
    const signalSlides = slides.map((x) => flat(x.replace(/<[^>]+>/g, " "))).filter((t) => / signal since /.test(t));
    expect(signalSlides.length).toBeGreaterThan(0);
    for (const text of signalSlides)
      expect(text).toMatch(/Chance: p [<=] [0-9.]+, Holm-adjusted over [0-9,]+ tests? of this kind/);
  });
});
