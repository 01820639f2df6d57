// withVisibleControls returns clean parts of a report as they are instead of copying them. Whatever the value, the
// result must serialise exactly as the copy-everything version did (kept here as the reference), and no string left
// in it may hold a control character.
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../helpers/size.js";
import fc from "fast-check";
import { visibleControls, withVisibleControls } from "../../src/util/control-characters.js";

const RUNS = propertyRuns(200, 1000);

/** The implementation before clean parts were shared: a full copy. */
function copyAll(value: unknown): unknown {
  if (typeof value === "string") return visibleControls(value);
  if (Array.isArray(value)) return value.map(copyAll);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [visibleControls(k), copyAll(v)]));
  return value;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  return out;
}

class Labelled {
  constructor(readonly label: string) {}
}

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom("\u001b[31mred", "a\rb", "\u0000", "\u007f", "\u0085x", "line\nfeed\ttab") },
);
const odd = fc.constantFrom<unknown>(
  new Date(Date.UTC(2026, 0, 2)),
  new Labelled("x\u0007"),
  Object.assign(Object.create(null), { "k\u0001": "v" }),
  new Map([["a", 1]]),
  new Float64Array([1, 2]),
  undefined,
  NaN,
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("array"), tie("object")),
  leaf: fc.oneof(
    { weight: 6, arbitrary: fc.oneof(text, fc.double(), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: odd },
  ),
  array: fc.array(tie("node"), { maxLength: 5 }),
  object: fc.dictionary(text, tie("node"), { maxKeys: 5 }),
})).node;

describe("withVisibleControls", () => {
  it("serialises as the full copy did, and leaves no control character in a string", () => {
    fc.assert(
      fc.property(value, (v) => {
        const result = withVisibleControls(v);
        expect(JSON.stringify(result)).toBe(JSON.stringify(copyAll(v)));
        const json = JSON.parse(JSON.stringify(result) ?? "null");
        for (const s of strings(json)) expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: RUNS },
    );
  });

  it("returns a clean report's objects as they are, and copies only the path to a control character", () => {
    const clean = { a: [1, "two", { b: "three" }], c: { d: null } };
    expect(withVisibleControls(clean)).toBe(clean);
    const dirty = { a: clean.a, c: { d: "bell\u0007" } };
    const result = withVisibleControls(dirty);
    expect(result).not.toBe(dirty);
    expect(result.a).toBe(clean.a);
    expect(result.c).toEqual({ d: "bell\u2407" });
  });
});
