// The demo system's outputs: `audit fixtures/demo --out DIR --format csv` writes report.md, report.json, an SVG for
// every chart (each linked from report.md, each well-formed XML with axes, points and limit lines where its kind has
// them) and the CSV tables, which are golden (test/golden/outputs/demo.audit.csv: golden.test.ts leaves this case to
// this file, so the demo is audited with every chart drawn once, not twice). Run in process: what is checked is the files, and a spawned run cost the startup of a
// second process. PNGs: one chart of each kind is drawn here at twice its size; drawing all fifteen (--png) was half
// of this file's CPU time and tests the same code on each, and test/e2e/cli.test.ts has the built binary write
// --png beside every SVG of an --out folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/result/types.js";
import type { CliResult } from "../helpers/cli.js";
import { DEMO_CSV_FOLDER, goldenCopy, goldenNames, runFolderCase } from "../golden/cases.js";
import { svgToPng } from "../../src/report/charts/png.js";
import { axes, marks, parseSvg, pngSize } from "./charts/svg.js";

describe("demo system outputs", () => {
  const out = join(mkdtempSync(join(tmpdir(), "relaudit-demo-out-")), "report");
  let result: CliResult;
  let markdown: string;
  let report: Report;
  let charts: string[];

  let files: Record<string, string>;

  beforeAll(async () => {
    // golden.test.ts's case `audit fixtures/demo --format csv --out DIR`, compared with its golden files here.
    ({ result, files } = await runFolderCase(DEMO_CSV_FOLDER, out));
    markdown = readFileSync(join(out, "report.md"), "utf8");
    report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    charts = readdirSync(join(out, "charts"))
      .filter((f) => f.endsWith(".svg"))
      .sort();
  });

  it("exits 0 and prints nothing on stdout for --format csv", () => {
    expect(result.stderr).not.toMatch(/error|warning/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
  });

  it("writes the golden CSV tables and exit code (test/golden/outputs/demo.audit.csv)", () => {
    expect(Object.keys(files).sort()).toEqual(goldenNames(DEMO_CSV_FOLDER));
    for (const [name, text] of Object.entries(files))
      expect(text, `${name} and its golden copy`).toBe(goldenCopy(name));
  });

  it("links every chart from report.md, and every link points at a chart that exists", () => {
    const links = [...markdown.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => decodeURI(m[1]));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(existsSync(join(out, link))).toBe(true);
    expect(links.map((l) => l.replace(/^charts\//, "")).sort()).toEqual(charts);
  });

  it("draws one SPC chart per signalled series, and the other kinds", () => {
    const signalled = new Set((report.signals ?? []).flatMap((s) => (s.series ? [s.series] : [])));
    expect(signalled.size).toBeGreaterThan(0);
    expect(charts.filter((c) => c.startsWith("spc-"))).toHaveLength(signalled.size);
    expect(charts).toContain("rc-heatmap.svg");
    expect(charts).toContain("network-organisation.svg");
    expect(charts.some((c) => c.startsWith("scale-"))).toBe(true);
  });

  it("writes well-formed SVGs with a title, a description and the marks of their kind", () => {
    for (const file of charts) {
      const root = parseSvg(readFileSync(join(out, "charts", file), "utf8"));
      expect(root.children[0].tag, file).toBe("title");
      expect(root.children[1].tag, file).toBe("desc");
      if (file.startsWith("spc-")) {
        expect(axes(root).length, file).toBeGreaterThanOrEqual(2);
        expect(marks(root, "points").length, file).toBeGreaterThanOrEqual(13);
        expect(marks(root, "mean"), file).toHaveLength(1);
        expect(marks(root, "upper_limit"), file).toHaveLength(1);
        expect(marks(root, "lower_limit"), file).toHaveLength(1);
      } else if (file.startsWith("network-")) {
        expect(marks(root, "groups").length, file).toBeGreaterThanOrEqual(2);
        expect(marks(root, "links").length, file).toBeGreaterThanOrEqual(1);
      } else if (file === "rc-heatmap.svg") {
        const rc = report.survey!.coordination!;
        expect(marks(root, "cells"), file).toHaveLength(rc.cells.length);
      } else {
        expect(axes(root).length, file).toBeGreaterThanOrEqual(2);
        expect(marks(root, "means").length, file).toBeGreaterThan(0);
      }
    }
  });

  it("draws a chart of each kind as a PNG at twice its size", async () => {
    const kinds = ["spc-", "network-", "rc-heatmap", "scale-"];
    const firstOfEachKind = kinds.map((kind) => charts.find((file) => file.startsWith(kind))!);
    expect(firstOfEachKind.every(Boolean), "a chart of each kind").toBe(true);
    for (const file of firstOfEachKind) {
      const svg = readFileSync(join(out, "charts", file), "utf8");
      const root = parseSvg(svg);
      const { width, height } = pngSize(await svgToPng(svg));
      // SVG sizes may be fractional; the PNG has whole pixels.
      expect(Math.abs(width - Number(root.attrs.width) * 2), file).toBeLessThanOrEqual(1);
      expect(Math.abs(height - Number(root.attrs.height) * 2), file).toBeLessThanOrEqual(1);
    }
  });

  it("writes the CSV tables, each rectangular", () => {
    for (const file of [
      "group-scores.csv",
      "rc-matrix.csv",
      "rc-cells.csv",
      "mixing-organisation.csv",
      "brokers.csv",
      "signals.csv",
    ]) {
      const text = readFileSync(join(out, file), "utf8");
      expect(text.startsWith("\uFEFF"), file).toBe(true);
      expect(text.endsWith("\r\n"), file).toBe(true);
    }
    const matrix = readFileSync(join(out, "rc-matrix.csv"), "utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const width = matrix[0].split(",").length;
    expect(matrix.every((line) => line.split(",").length === width)).toBe(true);
    expect(matrix).toHaveLength(report.survey!.coordination!.groups.length + 1);
  });
});
