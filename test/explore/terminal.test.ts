// The explorer end to end: refused without a terminal; driven under a real pseudo-terminal (util-linux `script`,
// skipped where it is absent); and the libraries it needs are never loaded by other runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReportFile, reportFileIn } from "../../src/explore/report-file.js";
import { BIN, ROOT, runBuilt } from "../helpers/cli.js";

const small = join(ROOT, "test/fixtures/inputs/small");
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
// dist/charts.js: Vega and Vega-Lite, bundled together (scripts/build.mjs).
const HEAVY = ["ink", "react", "vega", "vega-lite", "dist/charts.js", "pptxgenjs", "@resvg/resvg-js", "jszip"];

describe("relaudit explore without a terminal", () => {
  it("refuses politely with exit 2 and says what to run instead", () => {
    const result = runBuilt(["explore", small]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("explore is interactive: it needs a terminal");
    expect(result.stderr).toContain("relaudit audit [DIR] --format markdown");
  });
});

describe.skipIf(!hasScript)("relaudit explore under a pseudo-terminal", () => {
  /** The explorer in a real terminal of 100 × 30 (`script` passes our keys through to it). */
  function explore(extra = "", env: Record<string, string> = {}) {
    const command = `stty rows 30 cols 100; exec "${process.execPath}" "${BIN}" explore "${small}" ${extra}`;
    return spawn("script", ["-qec", command, "/dev/null"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, TERM: "xterm-256color", NO_COLOR: "1", ...env },
    });
  }

  it("--pseudonymise shows no raw person id", async () => {
    const child = explore("--pseudonymise", { RELAUDIT_PSEUDONYM_KEY: "a test key of enough bytes" });
    let screen = "";
    child.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const seen = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () =>
          screen.includes(text)
            ? resolve()
            : child.exitCode !== null
              ? reject(new Error(`exited before showing ${text}:\n${screen}`))
              : setTimeout(check, 20);
        check();
      });
    await seen("1 Findings");
    child.stdin.write("5");
    await seen("p-");
    child.stdin.write("q");
    expect(await exited).toBe(0);
    expect(screen).not.toMatch(/\bP[1-6]\b/);
  });

  it("shows the tabs, follows keys and exits 0 on q", async () => {
    const child = explore();
    let screen = "";
    child.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString("utf8")));
    const seen = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () =>
          screen.includes(text)
            ? resolve()
            : child.exitCode !== null
              ? reject(new Error(`exited before showing ${text}:\n${screen}`))
              : setTimeout(check, 20);
        check();
      });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await seen("relaudit explore ·");
    await seen("1 Findings");
    child.stdin.write("5");
    await seen("betweenness");
    child.stdin.write("q");
    expect(await exited).toBe(0);
  });
});

/** The packages a run of the built CLI imports (node --import a tracing hook), for the lazy-loading tests. */
function trace(argv: string[]): Set<string> {
  const log = join(mkdtempSync(join(tmpdir(), "relaudit-trace-")), "imports.txt");
  writeFileSync(log, "");
  const result = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "test/explore/fixtures/trace-imports.mjs"), BIN, ...argv],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: "1", RELAUDIT_TRACE_FILE: log },
      encoding: "utf8",
    },
  );
  expect(result.status, result.stderr).toBe(0);
  return new Set(readFileSync(log, "utf8").split("\n").filter(Boolean));
}

/**
 * `audit small --format json --out DIR` by the built CLI, traced: what it loaded, and the folder it wrote. One run
 * serves the lazy-loading test and the report-folder test (each used to audit with every chart drawn).
 */
let withCharts: { loaded: Set<string>; out: string } | undefined;
function auditWithCharts() {
  if (withCharts) return withCharts;
  const out = join(mkdtempSync(join(tmpdir(), "relaudit-trace-out-")), "r");
  withCharts = { loaded: trace(["audit", small, "--format", "json", "--out", out]), out };
  return withCharts;
}

describe("lazy loading", () => {
  it("a JSON audit loads neither Ink, React, Vega, pptxgenjs nor resvg", () => {
    const loaded = trace(["audit", small, "--format", "json"]);
    expect(loaded.has("commander")).toBe(true);
    for (const name of HEAVY) expect(loaded.has(name), name).toBe(false);
  });

  it("writing charts loads the chart bundle, no Vega beside it, and still not Ink or React", () => {
    const { loaded } = auditWithCharts();
    expect(loaded.has("dist/charts.js")).toBe(true);
    // One Vega, the bundle's: the text metrics render.ts sets are those of the Vega that draws.
    expect(loaded.has("vega")).toBe(false);
    expect(loaded.has("vega-lite")).toBe(false);
    expect(loaded.has("ink")).toBe(false);
    expect(loaded.has("react")).toBe(false);
  });
});

describe("exploring a report folder", () => {
  it("reads report.json written by audit --out", async () => {
    const { out } = auditWithCharts();
    const file = reportFileIn(out);
    expect(file).toBe(join(out, "report.json"));
    expect((await readReportFile(file!)).tool.name).toBe("relaudit");
    expect(reportFileIn(small)).toBeNull();
  });

  it("refuses a file that is not a relaudit report, from an incompatible version, or a stub", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-explore-bad-"));
    const file = join(dir, "report.json");
    for (const [content, message] of [
      ["{", /not valid JSON/],
      ['{"tool":{"name":"other"}}', /not a relaudit report/],
      ['{"tool":{"name":"relaudit"},"schemaVersion":"9.0.0","checks":[]}', /incompatible version/],
      [
        '{"tool":{"name":"relaudit"},"schemaVersion":"1.0.0","checks":[]}',
        /\$\.generatedAt is not as a relaudit report/,
      ],
    ] as const) {
      writeFileSync(file, content);
      await expect(readReportFile(file)).rejects.toThrow(message);
    }
    expect(existsSync(file)).toBe(true);
  });
});
