// The demo system's outputs, shared by the files that read them instead of each auditing the demo again (an audit
// of the demo is seconds of CPU, and the suite used to run it some thirty times).
// - Formats with a golden copy (test/golden/outputs/demo.*, the HTML report among them) are read from it:
//   golden.test.ts proves, in the same run, that the copy is byte for byte what the CLI prints for those arguments.
// - The slide deck, the loaded inputs and the Report (analysed from those inputs) are computed once per test worker
//   (vitest.config.ts: isolate: false, so a worker's files share this module); the files that use them only read.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { loadInputs } from "../../src/load/inputs.js";
import { analyse } from "../../src/pipeline/audit.js";
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

const EXTENSIONS = { json: "json", markdown: "md", terminal: "terminal.txt", html: "html" };

/**
 * The golden copy of `relaudit <command> fixtures/demo --format <format>` (with --generated-at DEMO_AT for audit;
 * HTML for audit only).
 */
export function goldenDemo(
  command: "audit" | "signals",
  format: keyof typeof EXTENSIONS,
): Pick<CliResult, "code" | "stdout"> {
  return golden(`demo.${command}.${EXTENSIONS[format]}`);
}

/** Runs `compute` on the first call only; later calls share its promise. */
const once = <T>(compute: () => Promise<T>): (() => Promise<T>) => {
  let result: Promise<T> | undefined;
  return () => (result ??= compute());
};

/** The demo's slide deck as `audit fixtures/demo --format pptx --out deck.pptx` writes it (the zip's bytes). */
export const demoDeck = once(async () => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-demo-shared-"));
  try {
    const deck = join(dir, "deck.pptx");
    const result = await runInProcess(["audit", DEMO, "--format", "pptx", "--out", deck, "--generated-at", DEMO_AT], {
      env: { NO_COLOR: "1" },
    });
    expect(result.code, result.stderr).toBe(0);
    return readFileSync(deck);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The demo's inputs as loadInputs reads fixtures/demo (shared: read it, never change it). */
export const demoInputs = once(() => loadInputs({ dir: DEMO, files: {} }));

/**
 * The demo's Report as audit() makes it, with --generated-at DEMO_AT (shared: read it, never change it). Analysed
 * from demoInputs, as audit() analyses what it loads: a worker that needs both loads the demo once, not twice.
 */
export const demoReport = once(async () => analyse(await demoInputs(), { files: {}, generatedAt: DEMO_AT }));
