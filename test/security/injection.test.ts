// Hostile names and labels (Markdown, HTML, links, pipes, formula prefixes, terminal escapes) reach every output as
// inert text: escaped in Markdown, plain strings in JSON, visible symbols instead of control characters everywhere,
// and neutralised in any CSV output. Config paths resolve against the config file's folder.
import { describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { writeSystem } from "./system.js";

const HOSTILE = [
  "| pipe | cell",
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "![pixel](http://evil.example/t.png)",
  "**bold** _it_ `code` ~~s~~",
  '=HYPERLINK("http://evil.example")',
  "+SUM(A1)",
  "-2+3",
  "@cmd",
  "\u001b[2J\u001b[31mred",
  "back\rspace",
  "# heading",
];

/** Each label carries one payload, so every kind of payload reaches organisations, teams, professions and metrics. */
let next = 0;
const label = (plain: string) => `${HOSTILE[next++ % HOSTILE.length]} ${plain}`;

function outputs(dir: string): Record<string, string> {
  const texts: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else texts[path.slice(dir.length + 1)] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return texts;
}

/** Unescaped pipes in a Markdown table row (a backslash escapes the next character). */
const cells = (row: string) => row.replace(/\\./g, "").split("|").length;

/** RFC 4180 cells of a CSV text (quoted fields may hold delimiters, quotes and newlines). */
function csvCells(text: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)/g;
  for (let m = re.exec(text); m && m[0] !== ""; m = re.exec(text))
    out.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
  return out;
}

describe("hostile labels in every output", async () => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-hostile-"));
  writeSystem(dir, { label, id: (i) => (i % 10 === 0 ? `=u${i}` : i % 10 === 1 ? `<b>u${i}</b>` : `u${i}|x`) });
  const out = join(dir, "out");
  const run = await runInProcess([
    "audit",
    dir,
    "--out",
    out,
    "--format",
    "terminal",
    "--no-color",
    "--generated-at",
    "2026-11-23T06:00:00Z",
  ]);
  // CSV tables are written only with --format csv: a second run writes them too.
  const csvOut = join(dir, "csv-out");
  const csvRun = await runInProcess([
    "audit",
    dir,
    "--out",
    csvOut,
    "--format",
    "csv",
    "--generated-at",
    "2026-11-23T06:00:00Z",
  ]);
  // And `relaudit signals` writes its own reports.
  const signalsOut = join(dir, "signals-out");
  const signalsRun = await runInProcess(["signals", dir, "--out", signalsOut, "--format", "markdown"]);
  const files: Record<string, string> = {
    ...outputs(out),
    ...Object.fromEntries(Object.entries(outputs(csvOut)).map(([name, text]) => [`csv-out/${name}`, text])),
    ...Object.fromEntries(Object.entries(outputs(signalsOut)).map(([name, text]) => [`signals-out/${name}`, text])),
    "signals stdout": signalsRun.stdout,
  };

  it("the audit runs and shows the labels", () => {
    expect(run.stderr).not.toContain("unexpected error");
    expect(run.code).toBe(0);
    expect(csvRun.code).toBe(0);
    expect(signalsRun.code, signalsRun.stderr).toBe(0);
    expect(files["report.md"]).toContain("onerror=alert(1)");
    expect(run.stdout).toContain("javascript:alert(1)");
  });

  it("Markdown: no raw HTML, no live links or images, no broken tables", () => {
    const md = files["report.md"];
    expect(md).not.toMatch(/<img|<b>/);
    expect(md).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]\(/);
    expect(md).not.toMatch(/!(?<!\\)\[pixel/);
    expect(md).not.toMatch(/(?<!\\)\*\*bold/);
    // A label's "# heading" never starts a line.
    expect(md.split("\n").filter((line) => line.startsWith("# heading"))).toEqual([]);
    // Every row of a table has as many cells as its header.
    const lines = md.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("|") || (i > 0 && lines[i - 1].startsWith("|"))) continue;
      const width = cells(lines[i]);
      for (let j = i + 1; j < lines.length && lines[j].startsWith("|"); j++)
        expect(cells(lines[j]), lines[j]).toBe(width);
    }
  });

  it("JSON: the labels are plain strings, exactly as given (control characters shown as symbols)", () => {
    const report = JSON.parse(files["report.json"]);
    const organisations = report.network.boundaries
      .find((b: { attribute: string }) => b.attribute === "organisation")
      .groups.map((g: { value: string }) => g.value);
    expect(organisations).toContain("<img src=x onerror=alert(1)> Riverside Community Health");
    expect(organisations).toContain("| pipe | cell Northgate Hospital");
    expect(JSON.stringify(report)).toContain("␛[2J␛[31mred");
  });

  it("no output holds a control character that a terminal or an XML reader would act on", () => {
    for (const [name, text] of Object.entries({ stdout: run.stdout, ...files })) {
      // CSV tables end lines with CRLF (RFC 4180); any other carriage return is a control character.
      expect(text.replace(/\r\n/g, "\n"), name).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });

  it("CSV outputs start no cell with a formula character", () => {
    const tables = Object.entries(files).filter(([n]) => n.endsWith(".csv"));
    expect(tables.length).toBeGreaterThan(0);
    // The hostile labels do reach the tables (neutralised), so the check below can fail.
    expect(tables.some(([, text]) => text.includes("HYPERLINK"))).toBe(true);
    for (const [name, text] of tables) {
      for (const cell of csvCells(text)) expect(cell, `${name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it("SVG outputs, where there are any, hold no markup or link from a label", () => {
    for (const [name, text] of Object.entries(files).filter(([n]) => n.endsWith(".svg"))) {
      expect(text, name).not.toMatch(/<img|<b>|href="javascript:|xlink:href="http:\/\/evil/);
    }
  });
});

describe("config paths", () => {
  it("resolve against the config file's folder, wherever relaudit is run from", async () => {
    const root = mkdtempSync(join(tmpdir(), "relaudit-config-"));
    const small = join(import.meta.dirname, "../fixtures/inputs/small");
    mkdirSync(join(root, "data"));
    mkdirSync(join(root, "settings"));
    for (const name of ["people.csv", "interactions.csv"]) cpSync(join(small, name), join(root, "data", name));
    writeFileSync(
      join(root, "settings", "relaudit.config.json"),
      JSON.stringify({ files: { people: "../data/people.csv", interactions: "../data/interactions.csv" } }),
    );
    // run() resolves against the process's folder (the repository here), not the config's.
    expect(resolve(".")).not.toBe(join(root, "settings"));
    for (const args of [["--config", join(root, "settings", "relaudit.config.json")], [join(root, "settings")]]) {
      const { code, stdout, stderr } = await runInProcess(["audit", ...args, "--format", "json"]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const paths = JSON.parse(stdout).inputs.files.map((f: { path: string }) => f.path);
      expect(paths).toEqual(
        expect.arrayContaining([join(root, "data", "people.csv"), join(root, "data", "interactions.csv")]),
      );
    }
  });
});
