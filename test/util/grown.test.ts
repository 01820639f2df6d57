import { describe, expect, it } from "vitest";
import { grown } from "../../src/util/grown.js";

describe("grown", () => {
  it("doubles a typed array, keeping its type and contents, and doubles again until the length asked for fits", () => {
    const doubled = grown(Int32Array.of(1, 2, 3));
    expect(doubled).toBeInstanceOf(Int32Array);
    expect([...doubled]).toEqual([1, 2, 3, 0, 0, 0]);
    const fitted = grown(Float64Array.of(0.5, -0), 9);
    expect(fitted).toBeInstanceOf(Float64Array);
    expect(fitted.length).toBe(16);
    expect(Object.is(fitted[1], -0)).toBe(true);
    expect(grown(new Uint8Array(0)).length).toBe(1);
  });
});
