import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { parseConfig } from "../../src/load/config.js";
import { EXAMPLE_CONFIG, TEMPLATES } from "../../src/cli/init.js";

const small = join(import.meta.dirname, "../fixtures/inputs/small");
const fixedTime = ["--generated-at", "2026-11-23T06:00:00Z"];

describe("relaudit audit (in process)", () => {
  it("defaults to Markdown when stdout is not a TTY, and to the terminal report on a TTY", async () => {
    const piped = await runInProcess(["audit", small, ...fixedTime]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^# Relational health audit/);
    const tty = await runInProcess(["audit", small, ...fixedTime], { tty: true, env: { NO_COLOR: "1" } });
    expect(tty.stdout).toMatch(/^relaudit — relational health audit/);
    expect(tty.stdout).not.toContain("\x1b[");
  });

  it("colours the terminal report only on a TTY without NO_COLOR or --no-color", async () => {
    const colour = await runInProcess(["audit", small, "--format", "terminal"], { tty: true });
    expect(colour.stdout).toContain("\x1b[");
    for (const [argv, env] of [
      [["--no-color"], {}],
      [[], { NO_COLOR: "1" }],
      [[], { TERM: "dumb" }],
    ] as const) {
      const plain = await runInProcess(["audit", small, "--format", "terminal", ...argv], {
        tty: true,
        env: { ...env },
      });
      expect(plain.stdout).not.toContain("\x1b[");
    }
  });

  it("prints JSON on stdout and nothing on stderr", async () => {
    const { code, stdout, stderr } = await runInProcess(["audit", small, "--format", "json", ...fixedTime]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ schemaVersion: "1.3.0", generatedAt: "2026-11-23T06:00:00Z", minGroupSize: 5 });
    expect(report.inputs.boundaries).toEqual(["Organisation", "Team", "Profession"]);
  });

  it("--out writes report.md, report.json and report.html, leaving no temp files", async () => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-out-"));
    const { code, stderr } = await runInProcess(["audit", small, "--out", out, ...fixedTime]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      ".relaudit-output.json",
      "charts",
      "report.html",
      "report.json",
      "report.md",
    ]);
    expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).generatedAt).toBe("2026-11-23T06:00:00Z");
    expect(stderr).toContain("wrote");
  });

  it("--format html --out prints the report.html it writes", async () => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-out-"));
    const { code, stdout, stderr } = await runInProcess([
      "audit",
      small,
      "--format",
      "html",
      "--out",
      out,
      ...fixedTime,
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("report.html");
    expect(stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(stdout).toBe(readFileSync(join(out, "report.html"), "utf8"));
  });

  it("--min-group-size and --undirected flow into the report", async () => {
    const report = JSON.parse(
      (await runInProcess(["audit", small, "--format", "json", "--min-group-size", "8", "--undirected"])).stdout,
    );
    expect(report.minGroupSize).toBe(8);
    expect(report.inputs.directed).toBe(false);
  });

  it("usage errors exit 2", async () => {
    expect((await runInProcess(["audit", small, "--format", "pdf"])).code).toBe(2);
    expect((await runInProcess(["audit", small, "--min-group-size", "1"])).code).toBe(2);
    // Numbers are written in decimal digits: hex, exponents, empty and beyond 2^53 are refused, not read as another.
    for (const value of ["0x10", "1e1", "", " ", "9007199254740993", "7.0", "-5"]) {
      const result = await runInProcess(["audit", small, "--min-group-size", value]);
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toContain("--min-group-size");
    }
    expect((await runInProcess(["audit", small, "--skip-rows", "0x1"])).code).toBe(2);
    expect((await runInProcess(["frobnicate"])).code).toBe(2);
    const badTime = await runInProcess(["audit", small, "--generated-at", "last tuesday"]);
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain("--generated-at");
  });

  it("--help and --version exit 0", async () => {
    const help = await runInProcess(["audit", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--boundary <attribute>");
    expect((await runInProcess(["--version"])).code).toBe(0);
  });
});

describe("relaudit validate", () => {
  it("lists each file with rows, encoding and delimiter", async () => {
    const { code, stdout } = await runInProcess(["validate", small]);
    expect(code).toBe(0);
    expect(stdout).toContain("interactions");
    expect(stdout).toContain("semicolon-separated");
    // The small system's notes include a label map that misses part of its scale: no "no problems" then.
    expect(stdout).toMatch(/No errors found; read the \d+ notes above/);
  });

  it("lists every problem, not just the first, and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-validate-"));
    writeFileSync(join(dir, "people.csv"), "id,team\nA,x\nA,y\n");
    writeFileSync(join(dir, "interactions.csv"), "from,to\nA,B\nC,A\n");
    writeFileSync(join(dir, "relaudit.config.json"), '{"minGroupSise": 5}');
    const { code, stderr } = await runInProcess(["validate", dir]);
    expect(code).toBe(2);
    // The config is checked first and stops the run: it shapes how every file is read.
    expect(stderr).toContain('did you mean "minGroupSize"?');
    writeFileSync(join(dir, "relaudit.config.json"), "{}");
    const again = await runInProcess(["validate", dir]);
    expect(again.stderr).toContain("3 problems");
    expect(again.stderr).toContain('duplicate person id "A"');
    expect(again.stderr).toContain('unknown person id "B"');
    expect(again.stderr).toContain('unknown person id "C"');
  });
});

describe("relaudit init", () => {
  it("writes templates and a valid commented config, then never overwrites", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-init-"));
    const first = await runInProcess(["init", dir]);
    expect(first.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(TEMPLATES), "relaudit.config.json"].sort());
    const config = JSON.parse(readFileSync(join(dir, "relaudit.config.json"), "utf8"));
    expect(config).toEqual(EXAMPLE_CONFIG);
    expect(() => parseConfig(config, join(dir, "relaudit.config.json"))).not.toThrow();
    writeFileSync(join(dir, "people.csv"), "id\nA\n");
    const second = await runInProcess(["init", dir]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("init never overwrites");
    expect(readFileSync(join(dir, "people.csv"), "utf8")).toBe("id\nA\n");
  });

  it("the header-only templates validate as an empty system with clear messages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-init-"));
    await runInProcess(["init", dir]);
    const { code, stderr } = await runInProcess(["validate", dir]);
    expect(code).toBe(2);
    expect(stderr).toContain("no people: the file has a header but no rows");
    expect(existsSync(join(dir, "people.csv"))).toBe(true);
  });
});
