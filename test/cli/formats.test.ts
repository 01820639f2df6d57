// The formats registry drives the CLI: every registered format is a --format choice, signals offers exactly the
// formats that render the signals projection, and `signals --format terminal` prints the terminal rendering.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { goldenDemo } from "../helpers/demo.js";
import { FORMATS, SIGNALS_FORMATS } from "../../src/report/formats/registry.js";

const small = join(import.meta.dirname, "../fixtures/inputs/small");

describe("formats registry", () => {
  it("offers every registered format to audit, and only those with a signals rendering to signals", async () => {
    const audit = await runInProcess(["audit", "--help"]);
    for (const f of FORMATS) expect(audit.stdout).toContain(`"${f.name}"`);
    const signals = await runInProcess(["signals", "--help"]);
    for (const f of FORMATS)
      expect(signals.stdout.includes(`"${f.name}"`), f.name).toBe(SIGNALS_FORMATS.some((s) => s.name === f.name));
    const refused = await runInProcess(["signals", small, "--format", "csv"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Allowed choices are terminal, markdown, json/);
  });

  it("names each format once, and every file format has an extension", () => {
    expect(new Set(FORMATS.map((f) => f.name)).size).toBe(FORMATS.length);
    for (const f of FORMATS) if (f.target === "file") expect(f.defaultFileName.endsWith(f.extension)).toBe(true);
  });

  it("signals --format terminal prints the terminal rendering, not Markdown (it used to print Markdown)", () => {
    // The golden copy of `signals fixtures/demo --format terminal`, which golden.test.ts proves is what the CLI prints.
    const { code, stdout } = goldenDemo("signals", "terminal");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^relaudit signals — as of 2026-10-31\n/);
    expect(stdout).not.toContain("## ");
    expect(stdout).toMatch(/^CRITICAL A colleague in Harbour Voluntary Services who left/m);
    for (const line of stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("signals defaults to the terminal on a TTY and to Markdown when piped, as audit does", async () => {
    const tty = await runInProcess(["signals", small], { tty: true, env: { NO_COLOR: "1" } });
    expect(tty.stdout).toMatch(/^relaudit signals — as of/);
    const piped = await runInProcess(["signals", small]);
    expect(piped.stdout).toMatch(/^# relaudit signals — as of/);
  });
});
