import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsv, type CsvReadOptions } from "../../src/load/csv.js";
import { InputError } from "../../src/model/problems.js";

const fixture = (name: string) => join(import.meta.dirname, "../fixtures/csv", name);
const qualtrics = (name: string) => join(import.meta.dirname, "../fixtures/exports/qualtrics", name);

async function read(path: string, options: CsvReadOptions = {}) {
  const rows: { line: number; fields: string[] }[] = [];
  const info = await readCsv(path, options, () => (fields, line) => rows.push({ line, fields }));
  return { info, rows };
}

async function readError(path: string, options: CsvReadOptions = {}): Promise<InputError> {
  try {
    await read(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected ${path} to be rejected`);
}

const PEOPLE = [
  ["A", "North Hospital", "Ward 1"],
  ["B", "North Hospital", "Ward 2"],
  ["C", "Social Care", "Team C"],
];

describe("readCsv: encodings and delimiters", () => {
  it.each([
    ["utf8-bom.csv", "utf-8", ","],
    ["utf16le-bom.tsv", "utf-16le", "\t"],
    ["utf16be-bom.tsv", "utf-16be", "\t"],
    ["semicolon.csv", "utf-8", ";"],
    ["crlf.csv", "utf-8", ","],
    ["blank-trailing-lines.csv", "utf-8", ","],
  ])("%s is read as %s with delimiter %j", async (name, encoding, delimiter) => {
    const { info, rows } = await read(fixture(name));
    expect(info.encoding).toBe(encoding);
    expect(info.delimiter).toBe(delimiter);
    // A BOM must never leak into the first column's name.
    expect(info.header).toEqual(["id", "organisation", "team"]);
    expect(rows.map((r) => r.fields)).toEqual(PEOPLE);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it("reports the sniffed delimiter and encoding in its notes", async () => {
    expect((await read(fixture("semicolon.csv"))).info.notes).toContain("semicolon-separated");
    expect((await read(fixture("utf16le-bom.tsv"))).info.notes).toEqual(
      expect.arrayContaining(["tab-separated", "read as utf-16le"]),
    );
  });

  it("keeps quoted delimiters, doubled quotes and newlines inside fields, and numbers lines where rows start", async () => {
    const { rows } = await read(fixture("quoted-newlines.csv"));
    expect(rows[0]).toEqual({ line: 2, fields: ["A", "North Hospital, Acute", "Ward 1\nNight shift"] });
    expect(rows[1]).toEqual({ line: 4, fields: ["B", "North Hospital", 'Ward "2"'] });
    expect(rows[2].line).toBe(5);
  });

  it("numbers lines after a CRLF inside a quoted field correctly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-crlf-"));
    const path = join(dir, "people.csv");
    writeFileSync(path, 'id,org,team\r\nA,"North\r\nHospital",W1\r\n\r\nB,"X\rY\nZ",W2\r\nC,Y,W3\r\n');
    const { rows } = await read(path);
    expect(rows.map((r) => r.line)).toEqual([2, 5, 7]); // a lone CR is not a line break, as for wc -l
    writeFileSync(path, 'id,org,team\r\nA,"North\r\nHospital",W1\r\nB,X\r\n');
    expect((await readError(path)).problems[0].line).toBe(4);
  });

  it("rejects invalid UTF-8 naming the line and suggesting --encoding windows-1252", async () => {
    const error = await readError(fixture("windows-1252.csv"));
    expect(error.problems[0]).toMatchObject({ line: 3, message: "the file is not valid UTF-8" });
    expect(error.message).toContain("--encoding windows-1252");
    expect(error.message).toContain("0xE9");
  });

  it("reads Windows-1252 with --encoding windows-1252", async () => {
    const { rows } = await read(fixture("windows-1252.csv"), { encoding: "windows-1252" });
    expect(rows[1].fields[1]).toBe("Café Team");
  });

  it("rejects an unknown encoding name", async () => {
    const error = await readError(fixture("crlf.csv"), { encoding: "klingon" });
    expect(error.message).toContain('unknown encoding "klingon"');
  });

  it("honours a forced delimiter and --skip-rows", async () => {
    const { rows, info } = await read(fixture("crlf.csv"), { skipRows: 1, delimiter: "," });
    expect(info.header).toEqual(PEOPLE[0]);
    expect(rows[0]).toEqual({ line: 3, fields: PEOPLE[1] });
  });

  it("ignores an unnamed trailing column (a trailing delimiter on every line)", async () => {
    const { info, rows } = await read(fixture("trailing-delimiter.csv"));
    expect(rows.map((r) => r.fields.slice(0, 2))).toEqual([
      ["A", "X"],
      ["B", "Y"],
    ]);
    expect(info.notes.join(" ")).toContain("unnamed last column");
  });
});

describe("readCsv: bad shapes are errors with file, line and a hint", () => {
  it("a ragged row names the line, the expected and found field counts", async () => {
    const error = await readError(fixture("ragged.csv"));
    expect(error.problems[0]).toMatchObject({
      file: fixture("ragged.csv"),
      line: 3,
      expected: "3 fields (as in the header on line 1)",
      found: "4 fields",
    });
    expect(error.problems[0].hint).toContain("unquoted comma");
  });

  it("an unclosed quote is reported with its line", async () => {
    const error = await readError(fixture("unclosed-quote.csv"));
    expect(error.problems[0].message).toBe("the file is not well-formed CSV");
    expect(error.problems[0].line).toBeGreaterThanOrEqual(2);
    expect(error.problems[0].hint).toContain("double quote");
  });

  it("an empty file", async () => {
    expect((await readError(fixture("empty.csv"))).problems[0].message).toBe("the file is empty");
  });

  it("duplicate column names (case-insensitive)", async () => {
    const error = await readError(fixture("duplicate-header.csv"));
    expect(error.problems[0]).toMatchObject({ line: 1, column: 3, message: 'duplicate column name "Team"' });
  });

  it("a missing file", async () => {
    expect((await readError(fixture("no-such-file.csv"))).problems[0]).toMatchObject({
      message: "cannot read the file",
      found: "ENOENT",
    });
  });
});

describe("readCsv: survey-tool shapes", () => {
  it("skips the question-text and ImportId rows of a Qualtrics export, with a note", async () => {
    const { info, rows } = await read(qualtrics("sample.csv"));
    expect(info.header.slice(0, 3)).toEqual(["StartDate", "EndDate", "Status"]);
    expect(rows).toHaveLength(1);
    expect(rows[0].line).toBe(4);
    expect(rows[0].fields[0]).toBe("2017-07-18 08:28:09");
    expect(info.notes.join(" ")).toContain("Qualtrics header rows");
  });

  it("skips the second header row of a legacy Qualtrics export", async () => {
    const { info, rows } = await read(qualtrics("sample_legacy.csv"));
    expect(info.header[0]).toBe("V1");
    expect(rows).toHaveLength(1);
    expect(rows[0].fields[0]).toBe("R_2YPOQ602ER1jkf1");
    expect(info.notes.join(" ")).toContain("legacy Qualtrics");
  });

  it("does not mistake an ordinary two-row file for Qualtrics", async () => {
    const { rows } = await read(fixture("duplicate-ids.csv"));
    expect(rows.map((r) => r.fields[0])).toEqual(["A", "B", "A"]);
  });
});
