// The package as a user gets it: `npm pack`, installed globally into a temporary prefix (dependencies from the npm
// cache that npm ci warmed, or the registry), then the installed `relaudit` run from a folder outside the clone on
// the demo system that ships inside the package.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("npm pack, then a global install into a temporary prefix", () => {
  let dir: string;
  let prefix: string;
  let elsewhere: string;
  let installLog: string;
  const relaudit = (argv: string[]) =>
    spawnSync(join(prefix, "bin", "relaudit"), argv, {
      cwd: elsewhere,
      encoding: "utf8",
      env: { PATH: `${join(prefix, "bin")}:${process.env.PATH}`, NO_COLOR: "1", HOME: elsewhere },
      timeout: 240_000,
      maxBuffer: 64 * 1024 * 1024,
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "relaudit-install-"));
    prefix = join(dir, "prefix");
    elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    // dist/ is already built by the suite's global setup: packing must not rebuild it under the other tests.
    execFileSync(npm, ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: ROOT });
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
    const install = spawnSync(
      npm,
      ["install", "-g", "--prefix", prefix, join(dir, tarball), "--prefer-offline", "--no-audit", "--no-fund"],
      { cwd: dir, encoding: "utf8", timeout: 600_000 },
    );
    installLog = `${install.stdout}\n${install.stderr}`;
    expect(install.status, installLog).toBe(0);
  }, 660_000);
  // The prefix holds a whole installed package (~160 packages): not left in the temporary folder run after run.
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("installs with no warning to puzzle over, and ships the demo, the docs and the licences", () => {
    expect(installLog).not.toMatch(/npm warn/i);
    const installed = join(prefix, "lib", "node_modules", "relaudit");
    for (const file of ["fixtures/demo/interactions.csv", "fixtures/demo/relaudit.config.json", "docs/inputs.md"])
      expect(existsSync(join(installed, file)), file).toBe(true);
    // dist/ holds what the build writes and nothing an earlier build left (scripts/build.mjs starts it afresh).
    expect(readdirSync(join(installed, "dist")).sort()).toEqual([
      "THIRD-PARTY-NOTICES.md",
      "betweenness-worker.js",
      "betweenness-worker.js.map",
      "charts.js",
      "interactions-worker.js",
      "interactions-worker.js.map",
      "relaudit.js",
      "relaudit.js.map",
    ]);
    // The licences: relaudit's, and those of the code bundled into dist/ (scripts/notices.mjs).
    expect(readFileSync(join(installed, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    const notices = readFileSync(join(installed, "dist", "THIRD-PARTY-NOTICES.md"), "utf8");
    // d3's packages and delaunator are pasted into Vega's prebuilt files (scripts/notices.mjs, PASTED).
    const bundled = [
      "vega 5.",
      "vega-lite 5.",
      "vega-scenegraph ",
      "d3-scale ",
      "delaunator ",
      "@stdlib/math-base-special-betainc ",
    ];
    for (const name of bundled) expect(notices).toContain(`- ${name}`);
    expect(notices).toContain("Copyright 2010-2026 Mike Bostock"); // d3's
    expect(notices).toContain("Copyright (c) 2015, University of Washington Interactive Data Lab."); // Vega-Lite's
    expect(notices).toContain("Copyright (c) 2015-2023, University of Washington Interactive Data Lab"); // Vega's
  });

  it("relaudit --version from another folder", () => {
    const result = relaudit(["--version"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // With --out, so the charts are drawn too: Vega-Lite is bundled into dist/ and not installed, and a JSON run on
  // stdout would never load it.
  it("relaudit audit --demo --out from another folder: the bundled demo, audited, its charts drawn", () => {
    const result = relaudit(["audit", "--demo", "--out", "out", "--generated-at", "2026-01-01T00:00:00Z"]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(elsewhere, "out", "report.json"), "utf8"));
    expect(report.inputs.files.map((f: { kind: string }) => f.kind)).toEqual(
      expect.arrayContaining(["people", "interactions", "survey", "delivery", "events"]),
    );
    expect(report.summary.findings.critical + report.summary.findings.warning).toBeGreaterThan(0);
    const charts = readdirSync(join(elsewhere, "out", "charts"));
    expect(charts.length).toBeGreaterThan(10);
    for (const chart of charts) {
      const svg = readFileSync(join(elsewhere, "out", "charts", chart), "utf8");
      expect(svg, chart).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<text[\s\S]*<\/svg>\s*$/);
    }
  });
});
