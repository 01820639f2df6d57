// --out never deletes or overwrites a file relaudit did not write.
import { describe, expect, it } from "vitest";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { checkOutFolder, MANIFEST, commitOutFolder } from "../../src/cli/out-folder.js";
import { manifestText } from "../../src/cli/manifest.js";

const small = join(import.meta.dirname, "../fixtures/inputs/small");
const fresh = () => mkdtempSync(join(tmpdir(), "relaudit-outdir-"));
const audit = (out: string, ...extra: string[]) =>
  runInProcess(["audit", small, "--out", out, "--format", "json", ...extra]);
// Chart files (charts/*.svg) depend on the data; these tests are about the report files beside them.
const manifestFiles = (out: string) =>
  JSON.parse(readFileSync(join(out, MANIFEST), "utf8")).files.filter((f: string) => !f.startsWith("charts/"));

describe("--out safety", () => {
  it("creates a missing folder and records what it wrote in a manifest", async () => {
    const out = join(fresh(), "reports", "latest");
    expect((await audit(out)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, "charts", "report.html", "report.json", "report.md"]);
    expect(manifestFiles(out)).toEqual(["report.html", "report.json", "report.md"]);
  });

  it("writes into an empty folder, and again into its own previous output, leaving files others added alone", async () => {
    const out = fresh();
    expect((await audit(out)).code).toBe(0);
    writeFileSync(join(out, "minutes.docx"), "board minutes");
    const again = await audit(out);
    expect(again.code).toBe(0);
    expect(readFileSync(join(out, "minutes.docx"), "utf8")).toBe("board minutes");
    expect(manifestFiles(out)).toEqual(["report.html", "report.json", "report.md"]);
  });

  it("writes through --out when it is a link to a folder (a scheduled job's link to a shared folder stays current)", async () => {
    const root = fresh();
    const shared = join(root, "board");
    const link = join(root, "reports");
    mkdirSync(shared);
    symlinkSync(shared, link);
    expect((await audit(link)).code).toBe(0);
    writeFileSync(join(shared, "report.md"), "last week");
    writeFileSync(join(shared, MANIFEST), readFileSync(join(shared, MANIFEST)));
    expect((await audit(link, "--force")).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(shared, "report.md"), "utf8")).not.toBe("last week");
    expect(manifestFiles(shared)).toEqual(["report.html", "report.json", "report.md"]);
  });

  it("refuses a non-empty folder that is not a relaudit output (exit 2, nothing written), unless --force", async () => {
    const out = fresh();
    writeFileSync(join(out, "report.md"), "my own notes");
    mkdirSync(join(out, "archive"));
    const refused = await audit(out);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /--out[\s\S]*not empty and is not a previous relaudit output[\s\S]*archive, report\.md[\s\S]*--force/,
    );
    expect(readdirSync(out).sort()).toEqual(["archive", "report.md"]);
    expect(readFileSync(join(out, "report.md"), "utf8")).toBe("my own notes");

    const forced = await audit(out, "--force");
    expect(forced.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([MANIFEST, "archive", "charts", "report.html", "report.json", "report.md"]);
    expect(readFileSync(join(out, "report.md"), "utf8")).toMatch(/^# Relational health audit/);
  });

  it("refuses to overwrite a file its manifest does not list", async () => {
    const out = fresh();
    writeFileSync(join(out, MANIFEST), JSON.stringify({ tool: "relaudit", files: ["report.json"] }));
    writeFileSync(join(out, "report.md"), "someone else's report");
    const refused = await audit(out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/would overwrite report\.md[\s\S]*did not write/);
    expect(readFileSync(join(out, "report.md"), "utf8")).toBe("someone else's report");
  });

  it("checks files in subfolders too (charts/…), and lists them once written", () => {
    const out = fresh();
    writeFileSync(join(out, MANIFEST), manifestText(["report.json", "report.md"]));
    mkdirSync(join(out, "charts"));
    writeFileSync(join(out, "charts", "contact.svg"), "someone's drawing");
    expect(() => checkOutFolder(out, ["report.md", "charts/contact.svg"], false)).toThrow(
      /would overwrite charts\/contact\.svg/,
    );
    expect(() => checkOutFolder(out, ["report.md", "charts/other.svg"], false)).not.toThrow();
    commitOutFolder(out, [{ path: "charts/other.svg", content: "<svg/>" }]);
    expect(readFileSync(join(out, "charts", "contact.svg"), "utf8")).toBe("someone's drawing");
    expect(JSON.parse(readFileSync(join(out, MANIFEST), "utf8")).files).toEqual([
      "charts/other.svg",
      "report.json",
      "report.md",
    ]);
  });

  it("does not take a damaged or foreign manifest for its own", async () => {
    for (const manifest of [
      "{not json",
      JSON.stringify({ tool: "other", files: ["report.md"] }),
      JSON.stringify({ tool: "relaudit", files: [1] }),
    ]) {
      const out = fresh();
      writeFileSync(join(out, MANIFEST), manifest);
      expect((await audit(out)).code).toBe(2);
      expect(readFileSync(join(out, MANIFEST), "utf8")).toBe(manifest);
    }
  });

  it("refuses a path that is a file", async () => {
    const file = join(fresh(), "report");
    writeFileSync(file, "keep me");
    const refused = await audit(file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is a file, not a folder");
    expect(readFileSync(file, "utf8")).toBe("keep me");
  });

  it("writes nothing at all, not even the manifest, when the input is bad", async () => {
    const out = fresh();
    const failed = await runInProcess([
      "audit",
      "--people",
      join(import.meta.dirname, "../fixtures/csv/ragged.csv"),
      "--out",
      out,
    ]);
    expect(failed.code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });
});
