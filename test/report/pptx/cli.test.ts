// `audit --format pptx --out FILE` and the file-writing flags' usage errors, in process.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../../helpers/cli.js";

const small = join(import.meta.dirname, "../../fixtures/inputs/small");
const fresh = () => mkdtempSync(join(tmpdir(), "relaudit-deck-"));
/** A process id no process has (above Linux's largest pid_max). */
const DEAD_PID = 4_194_400;

describe("--format pptx", () => {
  it("writes a deck that unzips, prints nothing on stdout, and replaces its own deck keeping its mode", async () => {
    const deck = join(fresh(), "board", "deck.pptx");
    const first = await runInProcess(["audit", small, "--format", "pptx", "--out", deck]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    const zip = await JSZip.loadAsync(readFileSync(deck));
    expect(zip.file("ppt/presentation.xml")).not.toBeNull();
    // Replaced atomically (issue 13, item 9): the deck keeps its mode, and temp files a killed run left beside it
    // (of a process that is gone) are removed; another file's are left alone.
    chmodSync(deck, 0o600);
    writeFileSync(join(deck, "..", `.deck.pptx.${DEAD_PID}.ab12.tmp`), "half a deck");
    writeFileSync(join(deck, "..", `.other.pptx.${DEAD_PID}.ab12.tmp`), "not this deck's");
    expect((await runInProcess(["audit", small, "--format", "pptx", "--out", deck])).code).toBe(0);
    expect(statSync(deck).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(deck, "..")).sort()).toEqual([`.other.pptx.${DEAD_PID}.ab12.tmp`, "deck.pptx"]);
  });

  it("refuses to overwrite a file relaudit did not write, unless --force", async () => {
    const deck = join(fresh(), "deck.pptx");
    writeFileSync(deck, "someone's slides");
    const refused = await runInProcess(["audit", small, "--format", "pptx", "--out", deck]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/would overwrite[\s\S]*--force/);
    expect(readFileSync(deck, "utf8")).toBe("someone's slides");
    expect((await runInProcess(["audit", small, "--format", "pptx", "--out", deck, "--force"])).code).toBe(0);
    expect(readFileSync(deck).subarray(0, 2).toString()).toBe("PK");
  });

  it("needs --out naming a .pptx file", async () => {
    const dir = fresh();
    mkdirSync(join(dir, "deck.pptx"));
    for (const [argv, message] of [
      [[], /--format pptx[\s\S]*--out deck\.pptx/],
      [["--out", join(dir, "deck.txt")], /--out is the deck file/],
      [["--out", join(dir, "deck.pptx")], /is a folder/],
    ] as const) {
      const result = await runInProcess(["audit", small, "--format", "pptx", ...argv]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe("file-writing flags without --out", () => {
  it("--format csv and --png are usage errors that write nothing", async () => {
    for (const argv of [["--format", "csv"], ["--png"]]) {
      const result = await runInProcess(["audit", small, ...argv]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("add --out DIR");
    }
  });

  it("--format csv --out writes the tables beside the report and charts", async () => {
    const out = join(fresh(), "report");
    const result = await runInProcess(["audit", small, "--format", "csv", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    for (const file of ["report.md", "report.json", "mixing-organisation.csv", "brokers.csv"])
      expect(existsSync(join(out, file)), file).toBe(true);
  });
});
