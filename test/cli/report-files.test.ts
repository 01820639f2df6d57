// report.json is rendered ahead of writing, up to a bound (src/cli/report-files.ts): whole, it is also what
// `--format json --out` prints on stdout, instead of the report rendered a second time; beyond the bound its rest is
// rendered as it is written. Either way the bytes written and printed are those of the JSON renderer.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderedAhead } from "../../src/cli/report-files.js";
import { ROOT, runInProcess } from "../helpers/cli.js";

function* pieces(): Generator<string> {
  yield* ["{", '\n  "a": 1', ",\n  ", '"b": [2, 3]', "\n}\n"];
}
const whole = [...pieces()];
const AT = "2026-01-01T00:00:00Z";

describe("a report file rendered ahead", () => {
  it("is held whole when it fits the bound", () => {
    const ahead = renderedAhead(pieces(), 1000);
    expect(Array.isArray(ahead)).toBe(true);
    expect(ahead).toEqual(whole);
  });

  it("beyond the bound, gives what it rendered and then the rest, once", () => {
    for (const limit of [0, 1, 8, whole.join("").length - 1]) {
      const ahead = renderedAhead(pieces(), limit);
      expect(Array.isArray(ahead), String(limit)).toBe(false);
      expect([...(ahead as Iterable<string>)], String(limit)).toEqual(whole);
    }
  });

  it("leaves text and bytes as they are", () => {
    const bytes = new Uint8Array([1, 2]);
    expect(renderedAhead("text", 1)).toBe("text");
    expect(renderedAhead(bytes, 1)).toBe(bytes);
  });
});

describe("audit --format json --out", () => {
  const root = mkdtempSync(join(tmpdir(), "relaudit-json-once-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("prints the report.json it wrote, which is the JSON printed without --out", async () => {
    const argv = ["audit", join(ROOT, "test/fixtures/inputs/small"), "--format", "json", "--generated-at", AT];
    const out = join(root, "out");
    const withOut = await runInProcess([...argv, "--out", out]);
    const alone = await runInProcess(argv);
    expect(withOut.code, withOut.stderr).toBe(0);
    expect(alone.code).toBe(0);
    expect(withOut.stdout).toBe(readFileSync(join(out, "report.json"), "utf8"));
    expect(withOut.stdout).toBe(alone.stdout);
  });
});
