// CSV tables: RFC 4180 quoting and formula-injection neutralising checked against Python's csv module
// (test/reference/csv-reference.py), and the tables built from a hand-made result, suppression included.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvTables, csvText, neutralise, quoteField, SUPPRESSED_CELL, type CsvTable } from "../../src/report/csv.js";
import { report } from "./charts/fixtures.js";

const reference = join(import.meta.dirname, "../reference/csv-reference.csv");

function parse(text: string): string[][] {
  // A minimal RFC 4180 reader for the tests: quoted fields may hold commas, quotes ("") and line breaks.
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("CSV writing", () => {
  it("matches Python's csv module byte for byte (quoting, CRLF, BOM, neutralised formulas)", () => {
    const table: CsvTable = {
      file: "reference.csv",
      headings: ["group", "note", "value"],
      rows: [
        ["Northgate Hospital", "plain", 3.25],
        ["A, B", 'say "hi"', -0.5],
        ["=SUM(A1:A2)", "+44 20 7946 0000", 12],
        ["@cmd", "-x", 0.1 + 0.2],
        ["\tTab", "line1\nline2", null],
        ["\rCR", "ok", true],
        ["Équipe ↔ Soins", "", false],
        ["- minus first", "a\r\nb", 1234567.891],
      ],
    };
    expect(Buffer.from(csvText(table), "utf8").equals(readFileSync(reference))).toBe(true);
  });

  it("neutralises text a spreadsheet would run, and leaves numbers and other text alone", () => {
    for (const risky of ["=1+1", "+1", "-1", "@SUM(1)", "\r=1"]) expect(neutralise(risky)).toBe(`'${risky}`);
    // A formula after a tab is neutralised too: a sheet that splits the cell at the tab would run it.
    expect(neutralise("\t=1")).toBe("'\t'=1");
    for (const safe of ["Northgate", "1-2", " =1", "'quoted", ""]) expect(neutralise(safe)).toBe(safe);
    const text = csvText({ file: "n.csv", headings: ["n"], rows: [[-0.25], [1.3e-7], [0.1 + 0.2]] });
    expect(text).toBe("\uFEFFn\r\n-0.25\r\n1.3e-7\r\n0.3\r\n");
  });

  it("quotes only what needs quoting", () => {
    expect(quoteField("plain")).toBe("plain");
    expect(quoteField('a "b"')).toBe('"a ""b"""');
    expect(quoteField("a\nb")).toBe('"a\nb"');
  });
});

describe("CSV tables of a result", () => {
  const tables = new Map(csvTables(report()).map((t) => [t.file, parse(csvText(t))]));

  it("writes one file per table, in a stable order", () => {
    expect([...tables.keys()]).toEqual([
      "group-scores.csv",
      "rc-matrix.csv",
      "rc-cells.csv",
      "mixing-organisation.csv",
      "brokers.csv",
      "signals.csv",
    ]);
  });

  it("group scores: numbers for shown groups, only 'suppressed' for hidden ones", () => {
    const rows = tables.get("group-scores.csv")!;
    expect(rows[0]).toEqual([
      "scale",
      "scale label",
      "attribute",
      "group",
      "wave",
      "status",
      "n",
      "mean",
      "sd",
      "ci low",
      "ci high",
      "favourable share",
      "band",
    ]);
    expect(rows[2]).toEqual([
      "trust",
      "Trust",
      "organisation",
      "County",
      "2026-10",
      "shown",
      "18",
      "3.25",
      "0.8",
      "2.9",
      "3.6",
      "0.5",
      "",
    ]);
    const harbour = rows.filter((r) => r[3] === "Harbour");
    expect(harbour).toHaveLength(2);
    for (const r of harbour) expect(r.slice(5)).toEqual([SUPPRESSED_CELL, "", "", "", "", "", "", ""]);
  });

  it("RC matrix: raters down, rated across, the suppressed cell as a word", () => {
    expect(tables.get("rc-matrix.csv")).toEqual([
      ["rater organisation \\ rated", "County", "Harbour", "Northgate"],
      ["County", "4.2", SUPPRESSED_CELL, "3.1"],
      ["Harbour", "3.6", "4.4", "3.45"],
      ["Northgate", "3.8", "3.5", "4.05"],
    ]);
    const cells = tables.get("rc-cells.csv")!;
    expect(cells[2]).toEqual(["County", "Harbour", "no", "2026-10", SUPPRESSED_CELL, "", "", "", "", "", "", "", ""]);
    expect(cells[1].slice(0, 7)).toEqual(["County", "County", "yes", "2026-10", "shown", "12", "4.2"]);
  });

  it("mixing matrix: ties from each row group to each column group", () => {
    expect(tables.get("mixing-organisation.csv")).toEqual([
      ["from organisation \\ to", "Acute", "Community", "Primary", "Social"],
      ["Acute", "30", "10", "5", "2"],
      ["Community", "8", "20", "1", "0"],
      ["Primary", "4", "2", "10", "0"],
      ["Social", "1", "0", "0", "40"],
    ]);
  });

  it("brokers: people with any brokerage, highest betweenness first, ids neutralised", () => {
    const rows = tables.get("brokers.csv")!;
    expect(rows.map((r) => r[0])).toEqual(["person", `'=HYPERLINK("x")`, "P2"]);
    expect(rows[1].slice(1, 6)).toEqual(["Social", "yes", "2", "40", "0.0041"]);
    expect(rows[0].indexOf("articulation point")).toBeGreaterThan(0);
    expect(rows[1][rows[0].indexOf("articulation point")]).toBe("yes");
  });

  it("signals: one row per signal with its evidence in words", () => {
    const rows = tables.get("signals.csv")!;
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 6)).toEqual([
      "falling-contact:organisation:A & B <Care>|County Social Care",
      "critical",
      "falling-contact",
      "5",
      "organisation",
      "A & B <Care> ↔ County Social Care",
    ]);
    expect(rows[1][11]).toBe("interactions in the last 6 weeks: 48 (n = 6, vs 66)");
  });

  it("leaves out the tables whose section is absent", () => {
    expect(csvTables({ ...report(), survey: null, network: null, signals: null })).toEqual([]);
  });
});
