import { describe, expect, it } from "vitest";
import { lastValues, sparkline } from "../../src/explore/sparkline.js";

describe("sparkline", () => {
  it("scales between the lowest and highest value, one block per period", () => {
    // Range 0–8 in eight bands: 0 → band 0, 1 → 1, 4 → 4, 7.99 → 7, 8 (the top) → 7.
    expect(sparkline([0, 1, 4, 7.99, 8])).toBe("▁▂▅██");
  });

  it("draws a gap as a space, never as a low value", () => {
    expect(sparkline([2, null, 4])).toBe("▁ █");
  });

  it("puts a flat series mid-height, and an empty one as spaces", () => {
    expect(sparkline([5, 5, 5])).toBe("▄▄▄");
    expect(sparkline([null, null])).toBe("  ");
  });

  it("keeps the most recent values", () => {
    expect(lastValues([1, 2, 3, 4], 2)).toEqual([3, 4]);
    expect(lastValues([1], 3)).toEqual([1]);
  });
});
