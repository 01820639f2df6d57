// A temp file written by someone else (DuckDB's pass files in `aggregate`) is removed by the signal handler's
// clean-up while it is tracked, and left alone once released (it has been renamed into place or removed).
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removePendingTempFiles, trackTempFile } from "../../src/cli/atomic.js";

describe("trackTempFile", () => {
  it("marks a file for removal on interruption until it is released", () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-track-"));
    const [kept, dropped] = [join(dir, ".out.1.tmp.0.parquet"), join(dir, ".out.1.tmp.1.parquet")];
    writeFileSync(kept, "part");
    writeFileSync(dropped, "part");
    trackTempFile(kept)();
    trackTempFile(dropped);
    removePendingTempFiles();
    expect(existsSync(dropped)).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });
});
