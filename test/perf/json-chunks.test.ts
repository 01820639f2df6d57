// renderJsonChunks writes the report in pieces (so a 300 MB report is never one string); joined, the pieces must be
// renderJson's text byte for byte: on the demo system's report and on generated values with everything
// JSON.stringify treats specially (undefined, functions, NaN, −0, toJSON, holes, empty containers, deep nesting).
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../helpers/size.js";
import fc from "fast-check";
import { demoReport } from "../helpers/demo.js";
import { renderJson, renderJsonChunks } from "../../src/report/json.js";
import type { Report } from "../../src/result/types.js";

const RUNS = propertyRuns(100, 500);
const joined = (value: unknown, size?: number) => [...renderJsonChunks(value as Report, size)].join("");

/** The first place two long texts differ, with some context (a diff of megabytes would take minutes). */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

describe("renderJsonChunks", () => {
  it("equals renderJson on the demo system's report, whatever the chunk size", async () => {
    const report = await demoReport();
    const text = renderJson(report);
    for (const size of [1, 4096, 1 << 20]) expect(firstDifference(joined(report, size), text)).toBeNull();
    // Pieces really are bounded: with 64 KiB chunks no piece is more than the largest native subtree.
    const chunks = [...renderJsonChunks(report, 1 << 16)];
    expect(chunks.length).toBeGreaterThan(10);
  });

  it("equals JSON.stringify(value, null, 2) on generated values", () => {
    const odd = fc.constantFrom<unknown>(
      undefined,
      NaN,
      -0,
      Infinity,
      () => 1,
      Symbol("s"),
      new Date(Date.UTC(2026, 0, 2)),
      { toJSON: (key: string) => `key:${key}` },
      [],
      {},
      [[]],
      { a: {} },
      "line\nbreak",
      "\u2194 \ud800",
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("array"), tie("object")),
      leaf: fc.oneof(fc.jsonValue({ maxDepth: 2 }), odd),
      array: fc.array(tie("node"), { maxLength: 5 }).map((xs) => (xs.length > 2 ? (delete xs[1], xs) : xs)),
      object: fc.dictionary(fc.string({ maxLength: 4 }), tie("node"), { maxKeys: 5 }),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 3 }), value, { maxKeys: 4 }),
        fc.integer({ min: 1, max: 64 }),
        (v, size) => {
          expect(joined(v, size)).toBe(`${JSON.stringify(v, null, 2)}\n`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
