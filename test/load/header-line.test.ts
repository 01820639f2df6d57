// readHeaderLine (src/load/csv-encoding.ts) reads 64 KiB first and the first MiB only when the line is not in it:
// it must give what decoding the first MiB and taking line `skip` gives, wherever the line falls against 64 KiB —
// before it, across it (a multi-byte character cut there too), beyond it, longer than the MiB, or in a file that
// ends without a newline.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readHeaderLine } from "../../src/load/csv-encoding.js";

const dir = mkdtempSync(join(tmpdir(), "relaudit-header-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KIB64 = 1 << 16;
const MIB = 1 << 20;

/** The plain definition: the first MiB decoded, split into lines, line `skip`. */
function plain(bytes: Buffer, encoding: string, skip: number): string {
  const text = new TextDecoder(encoding).decode(bytes.subarray(0, MIB), { stream: true });
  return text.split("\n")[skip] ?? "";
}

function check(name: string, bytes: Buffer, skip: number, encoding = "utf-8"): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const line = readHeaderLine(path, encoding, skip);
  expect(line, name).toBe(plain(bytes, encoding, skip));
  return line;
}

describe("readHeaderLine", () => {
  it("gives the plain reading's line wherever it falls against the first 64 KiB", () => {
    const header = "from;to;date;wé";
    for (const offset of [-40, -17, -1, 0, 1, 2, 3, 4, 10, 50]) {
      // Two skipped lines fill the file so that the header's newline is byte KIB64 + offset - 3: before the first
      // 64 KiB, on their last byte, or after them (at 4 the é is cut by the boundary; at 10 the line straddles it).
      const skipped = `# export of 2026-11-01\n${"x".repeat(KIB64 + offset - 43)}\n`;
      const body = Buffer.from(`${skipped}${header}\na;b;2026-11-02;1\n`);
      expect(check(`at-${offset}.csv`, body, 2), `offset ${offset}`).toBe(header);
    }
  });

  it("a two-byte character cut by 64 KiB, a line past the MiB, no final newline, a short file", () => {
    // 'é' is two bytes in UTF-8: its first byte is the 65,536th of the file.
    const cut = Buffer.concat([Buffer.from("a".repeat(KIB64 - 1)), Buffer.from("é;b\nc;d\n")]);
    expect(check("cut.csv", cut, 0)).toBe(`${"a".repeat(KIB64 - 1)}é;b`);
    const long = Buffer.from(`${"y".repeat(MIB + 10)}\nnext\n`);
    expect(check("long.csv", long, 0)).toHaveLength(MIB);
    expect(check("after-mib.csv", Buffer.from(`${"z".repeat(MIB)}\nheader\n`), 1)).toBe("");
    expect(check("no-newline.csv", Buffer.from("from,to"), 0)).toBe("from,to");
    expect(check("too-few-lines.csv", Buffer.from("one\n"), 3)).toBe("");
    expect(check("empty.csv", Buffer.alloc(0), 0)).toBe("");
  });

  it("reads UTF-16 the same way", () => {
    const text = `${"w".repeat(KIB64 / 2 - 3)}\nfrom\tto\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(check("utf16.csv", bytes, 1, "utf-16le")).toBe("from\tto");
  });
});
