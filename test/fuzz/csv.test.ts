// Round trip through the CSV reader: any table written as RFC 4180 CSV (any delimiter, line ending, BOM or UTF-16,
// quoted fields with delimiters, quotes and line breaks, odd Unicode) reads back field for field, each row with the
// physical line it starts on — the line every error message names.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCsv } from "../../src/load/csv.js";

const runs = Number(process.env.RELAUDIT_FUZZ_RUNS ?? 0) || 100;
const dir = mkdtempSync(join(tmpdir(), "relaudit-csv-fuzz-"));

const field = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ",",
      ";",
      "\t",
      '"',
      '""',
      "a\nb",
      "a\r\nb",
      " padded ",
      "Zoë",
      "محمد",
      "e\u0301",
      "👩🏽‍⚕️",
      "1 234",
      "4,5",
      "=1+1",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 300, maxLength: 1200 }) },
);

const tableArbitrary = fc.integer({ min: 2, max: 5 }).chain((columns) =>
  fc.record({
    // Blank rows carry no data and are skipped by design, so every row here has some text.
    rows: fc.array(
      fc.array(field, { minLength: columns, maxLength: columns }).filter((r) => r.some((f) => f.trim() !== "")),
      { maxLength: 15 },
    ),
    header: fc.constant(Array.from({ length: columns }, (_, i) => `col${i}`)),
    delimiter: fc.constantFrom(",", ";", "\t", "|"),
    lineEnd: fc.constantFrom("\n", "\r\n"),
    quoteAll: fc.boolean(),
    encoding: fc.constantFrom("utf-8", "utf-8-bom", "utf-16le"),
    finalLineEnd: fc.boolean(),
    chunkBytes: fc.constantFrom(undefined, 7, 64),
  }),
);

describe("readCsv", () => {
  it("reads back every field of every row, with the line each row starts on", async () => {
    await fc.assert(
      fc.asyncProperty(tableArbitrary, async (table) => {
        const t = table;
        const quote = (f: string) =>
          t.quoteAll || f.includes(t.delimiter) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
        const lines = [t.header, ...t.rows].map((r) => r.map(quote).join(t.delimiter));
        const text = lines.join(t.lineEnd) + (t.finalLineEnd ? t.lineEnd : "");
        // Row r starts after the header and every line break of the rows before it (quoted ones included).
        const expectedLines: number[] = [];
        let line = 2;
        for (const l of lines.slice(1)) {
          expectedLines.push(line);
          line += 1 + (l.match(/\r\n|\n/g)?.length ?? 0);
        }
        const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
        const bytes =
          t.encoding === "utf-16le"
            ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
            : Buffer.from(t.encoding === "utf-8-bom" ? `\ufeff${text}` : text);
        writeFileSync(path, bytes);

        const rows: string[][] = [];
        const starts: number[] = [];
        const info = await readCsv(path, t.chunkBytes ? ({ chunkBytes: t.chunkBytes } as never) : {}, (header) => {
          expect(header).toEqual(t.header);
          return (fields, at) => {
            rows.push([...fields]);
            starts.push(at);
          };
        });
        expect(info.delimiter).toBe(t.delimiter);
        expect(rows).toEqual(t.rows);
        expect(starts).toEqual(expectedLines);
      }),
      { numRuns: runs },
    );
  });
});
