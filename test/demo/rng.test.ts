import { describe, expect, it } from "vitest";
import { cumulativeOf, pickCumulative, Rng, streamId } from "../../scripts/demo/rng.js";

// Reference values from test/reference/demo_rng.py, an independent Python implementation of FNV-1a, fmix32 and sfc32.
describe("demo rng", () => {
  it("names streams with FNV-1a (published test vectors)", () => {
    expect(streamId("a")).toBe(0xe40c292c);
    expect(streamId("foobar")).toBe(0xbf9cf968);
    expect(streamId("ties")).toBe(1532081014);
  });

  it("matches the Python sfc32 reference for each seeding key", () => {
    const cases: [number[], number[]][] = [
      [
        [2026, 1532081014, 0, 0],
        [1361849901, 2910708941, 725433083, 4022865607, 2467360344],
      ],
      [
        [1, 2, 3, 4],
        [937335132, 1898566316, 3576701268, 1909866677, 4198861102],
      ],
      [
        [4294967295, 0, 99999, 25],
        [323930151, 2140434937, 1905618494, 4271647063, 1434985069],
      ],
    ];
    for (const [[seed, stream, i, j], expected] of cases) {
      const rng = new Rng(seed, stream, i, j);
      expect(Array.from({ length: 5 }, () => rng.uint32())).toEqual(expected);
    }
  });

  it("reseeding restarts the same stream", () => {
    const rng = new Rng(7, 8, 9, 10);
    const first = [rng.float(), rng.float()];
    rng.reseed(7, 8, 9, 10);
    expect([rng.float(), rng.float()]).toEqual(first);
  });

  it("draws Poisson counts with mean and variance λ, below and above the normal switch", () => {
    for (const lambda of [0.3, 4, 45]) {
      const rng = new Rng(2026, streamId("poisson-test"), lambda * 10, 0);
      const xs = Array.from({ length: 20_000 }, () => rng.poisson(lambda));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
      // Standard error of the mean is sqrt(λ/20000): 5 SE is a generous, still discriminating band.
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / 20_000));
      expect(variance / lambda).toBeGreaterThan(0.9);
      expect(variance / lambda).toBeLessThan(1.1);
    }
  });

  it("picks from cumulative weights, never choosing a zero weight", () => {
    const cumulative = cumulativeOf([0.25, 0, 0.5, 0.25]);
    expect(Array.from(cumulative)).toEqual([0.25, 0.25, 0.75, 1]);
    expect(pickCumulative(cumulative, 0)).toBe(0);
    expect(pickCumulative(cumulative, 0.2499)).toBe(0);
    expect(pickCumulative(cumulative, 0.25)).toBe(2);
    expect(pickCumulative(cumulative, 0.75)).toBe(3);
    expect(pickCumulative(cumulative, 0.9999)).toBe(3);
  });

  it("samples distinct items", () => {
    const rng = new Rng(1, 2);
    const picked = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
    expect(rng.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });
});
