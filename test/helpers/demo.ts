// The demo system's outputs, shared by the files that read them instead of each auditing the demo again (an audit
// of the demo is seconds of CPU, and the suite used to run it some thirty times).
// - Formats with a golden copy (test/golden/outputs/demo.*) are read from it: golden.test.ts proves, in the same
//   run, that the copy is byte for byte what the CLI prints for those arguments.
// - The HTML report, the slide deck, the loaded inputs and the Report are computed once per test worker
//   (vitest.config.ts: isolate: false, so a worker's files share this module); the files that use them only read.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { loadInputs } from "../../src/load/inputs.js";
import { audit } from "../../src/pipeline/audit.js";
import { ROOT, runInProcess, type CliResult } from "./cli.js";

export const DEMO = join(ROOT, "fixtures/demo");
/** The fixed timestamp of the golden outputs, for reproducible bytes. */
const DEMO_AT = "2026-11-23T06:00:00Z";

/**
 * A golden copy (test/golden/outputs/NAME, test/golden/cases.ts says with which arguments) as the CLI printed it in
 * process with NO_COLOR: its exit code and stdout. golden.test.ts proves, in the same run, that it is still so.
 */
export function golden(name: string): Pick<CliResult, "code" | "stdout"> {
  const text = readFileSync(join(ROOT, "test/golden/outputs", name), "utf8");
  const [, code, stdout] = /^exit (\d+)\n([\s\S]*)$/.exec(text)!;
  return { code: Number(code), stdout };
}

/** The golden copy of `relaudit <command> fixtures/demo --format <format>` (with --generated-at DEMO_AT for audit). */
export function goldenDemo(
  command: "audit" | "signals",
  format: "json" | "markdown" | "terminal",
): Pick<CliResult, "code" | "stdout"> {
  return golden(`demo.${command}.${format === "markdown" ? "md" : format === "terminal" ? "terminal.txt" : "json"}`);
}

/** Runs `compute` on the first call only; later calls share its promise. */
const once = <T>(compute: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () => (result ??= compute());
};

/** `relaudit audit fixtures/demo --format <format> --out <dir or file>` in process; the files are read by `read`. */
async function auditDemoTo<T>(format: string, file: string, read: (path: string, run: CliResult) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-demo-shared-"));
  try {
    const out = file ? join(dir, file) : dir;
    const result = await runInProcess(["audit", DEMO, "--format", format, "--out", out, "--generated-at", DEMO_AT], {
      env: { NO_COLOR: "1" },
    });
    expect(result.code, result.stderr).toBe(0);
    return read(file ? out : join(dir, `report.${format}`), result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo's HTML report as `audit fixtures/demo --format html --out DIR` writes it (report.html). */
export const demoHtml = once(() =>
  auditDemoTo("html", "", (path, result) => {
    expect(result.stderr).toContain("report.html");
    const html = readFileSync(path, "utf8");
    // The same document goes to stdout.
    expect(result.stdout).toBe(html);
    return html;
  }),
);

/** The demo's slide deck as `audit fixtures/demo --format pptx --out deck.pptx` writes it (the zip's bytes). */
export const demoDeck = once(() => auditDemoTo("pptx", "deck.pptx", (path) => readFileSync(path)));

/** The demo's inputs as loadInputs reads fixtures/demo (shared: read it, never change it). */
export const demoInputs = once(() => loadInputs({ dir: DEMO, files: {} }));

/** The demo's Report as audit() makes it, with --generated-at DEMO_AT (shared: read it, never change it). */
export const demoReport = once(() => audit({ dir: DEMO, files: {}, generatedAt: DEMO_AT }));
