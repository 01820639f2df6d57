// fileChunks reads a file into two buffers in turn (src/load/csv-encoding.ts): every byte once and in order, and the
// file closed however the reading ends — at the end, when the caller stops early, or when a read fails.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileChunks } from "../../src/load/csv-encoding.js";

const dir = mkdtempSync(join(tmpdir(), "relaudit-chunks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256));
const file = join(dir, "bytes.bin");
writeFileSync(file, bytes);
// The process's open files, where the system lists them (Linux); elsewhere the closing is not checked.
const openFiles = () => {
  try {
    return readdirSync("/proc/self/fd").length;
  } catch {
    return 0;
  }
};

describe("fileChunks", () => {
  it("gives every byte once, in order, whatever the chunk size, and counts them", async () => {
    for (const size of [1, 7, 4096, 10_000, 65_536]) {
      const seen: Buffer[] = [];
      const counts: number[] = [];
      // Copied as they come: a chunk is valid only until the next is asked for.
      for await (const chunk of fileChunks(file, size, (n) => counts.push(n))) seen.push(Buffer.from(chunk));
      expect(Buffer.concat(seen).equals(bytes), `chunks of ${size}`).toBe(true);
      expect(counts.at(-1)).toBe(bytes.length);
    }
  });

  it("closes the file when the caller stops early, and when a read fails", async () => {
    const before = openFiles();
    const chunks = fileChunks(file, 100, () => undefined);
    await chunks.next();
    await chunks.return(undefined);
    expect(openFiles()).toBe(before);
    // A folder opens on Linux but cannot be read (EISDIR): the error reaches the caller, and nothing stays open.
    await expect(async () => {
      for await (const chunk of fileChunks(dir, 100, () => undefined)) expect(chunk).toBeUndefined();
    }).rejects.toThrow();
    expect(openFiles()).toBe(before);
  });
});
