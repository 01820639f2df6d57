// The golden outputs: every format of the demo and the small fixtures, pinned byte for byte. A change that moves
// code must leave them identical; a change that means to alter an output regenerates them (npm run golden:update)
// and names the difference in its commit.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { runInProcess, ROOT, type CliResult } from "../helpers/cli.js";

export const GOLDEN_DIR = join(ROOT, "test/golden/outputs");
const AT = "2026-11-23T06:00:00Z";

interface Case {
  name: string;
  argv: string[];
  /** csv writes a folder: its files are the outputs. */
  folder?: boolean;
}

// Relative to the working directory (the root under npm test and golden:update): the terminal report wraps lines by
// the length of the input paths it names, so an absolute path changes the line breaks from one checkout to the next
// even when written as <root>.
const SOURCES = {
  demo: relative(process.cwd(), join(ROOT, "fixtures/demo")),
  small: relative(process.cwd(), join(ROOT, "test/fixtures/inputs/small")),
  viva: relative(process.cwd(), join(ROOT, "test/fixtures/inputs/viva-inline")),
};

export const CASES: Case[] = Object.entries(SOURCES).flatMap(([name, dir]) => [
  { name: `${name}.audit.json`, argv: ["audit", dir, "--format", "json", "--generated-at", AT] },
  { name: `${name}.audit.md`, argv: ["audit", dir, "--format", "markdown", "--generated-at", AT] },
  { name: `${name}.audit.terminal.txt`, argv: ["audit", dir, "--format", "terminal", "--generated-at", AT] },
  { name: `${name}.audit.csv`, argv: ["audit", dir, "--format", "csv", "--generated-at", AT], folder: true },
  { name: `${name}.signals.json`, argv: ["signals", dir, "--format", "json"] },
  { name: `${name}.signals.md`, argv: ["signals", dir, "--format", "markdown"] },
  { name: `${name}.signals.terminal.txt`, argv: ["signals", dir, "--format", "terminal"] },
  // Every list as analysed (issue 15): the default JSON above is cut to what the findings, charts and tables use.
  // The demo's HTML report: the browser test opens it and the voice test reads it (one audit here, instead of a
  // spawned one there and one in process here).
  ...(name === "demo"
    ? [
        {
          name: `${name}.audit.full.json`,
          argv: ["audit", dir, "--format", "json", "--detail", "full", "--generated-at", AT],
        },
        { name: `${name}.audit.html`, argv: ["audit", dir, "--format", "html", "--generated-at", AT] },
      ]
    : []),
]);

/** `audit fixtures/demo --format csv --out DIR`: the case test/report/demo-outputs.test.ts runs and compares. */
export const DEMO_CSV_FOLDER = CASES.find((c) => c.name === "demo.audit.csv")!;

/** Absolute paths differ between clones: the golden copies say <root> instead. */
const portable = (text: string) => text.split(ROOT).join("<root>");

/** Runs one case in-process (80 columns, no colour) and returns its files by name. */
export async function produce(c: Case): Promise<Record<string, string>> {
  if (!c.folder) {
    const result = await runInProcess(c.argv, { env: { NO_COLOR: "1" } });
    return { [c.name]: portable(`exit ${result.code}\n${result.stdout}`) };
  }
  const out = mkdtempSync(join(tmpdir(), "relaudit-golden-"));
  try {
    return (await runFolderCase(c, out)).files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Runs a folder case in-process into `out`, left in place for tests that check more of it than its golden files. */
export async function runFolderCase(
  c: Case,
  out: string,
): Promise<{ result: CliResult; files: Record<string, string> }> {
  const result = await runInProcess([...c.argv, "--out", out], { env: { NO_COLOR: "1" } });
  const files: Record<string, string> = { [`${c.name}/exit`]: portable(`exit ${result.code}\n${result.stdout}`) };
  for (const file of readdirSync(out)
    .filter((f) => f.endsWith(".csv"))
    .sort()) {
    files[`${c.name}/${file}`] = portable(readFileSync(join(out, file), "utf8"));
  }
  return { result, files };
}

/** A folder case's golden files, named as runFolderCase names what it wrote: a file the run stops writing is missed. */
export const goldenNames = (c: Case) =>
  readdirSync(join(GOLDEN_DIR, c.name))
    .map((file) => `${c.name}/${file}`)
    .sort();

/** The golden copy of an output file, or undefined when it has none. */
export function goldenCopy(name: string): string | undefined {
  const path = join(GOLDEN_DIR, name);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
