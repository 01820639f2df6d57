// The latest drawings kept (src/report/charts/latest.ts): while a process keeps drawings, the same chart drawn again
// comes back as it was first drawn, without being drawn, and what a caller does to its copy never reaches the next
// caller; by default (a CLI run) nothing is kept.
import { afterEach, describe, expect, it } from "vitest";
import { dataKey, keepDrawings, keepLatest } from "../../../src/report/charts/latest.js";
import { svgToPng } from "../../../src/report/charts/png.js";
import { renderSvg } from "../../../src/report/charts/render.js";

describe("keepLatest", () => {
  // What the test workers keep (test/helpers/keep-drawings.ts), read by setting it, and set back after each case.
  const workers = keepDrawings(32);
  afterEach(() => void keepDrawings(workers));

  it("computes a key once while it is among the latest, and again once it has been pushed out", async () => {
    keepDrawings(2);
    const computed: string[] = [];
    const square = keepLatest(
      (n: number) => String(n),
      async (n: number) => (computed.push(String(n)), n * n),
    );
    expect([await square(2), await square(3), await square(2)]).toEqual([4, 9, 4]);
    expect(computed).toEqual(["2", "3"]);
    // 2 was used last, so 4 pushes 3 out, not 2.
    await square(4);
    await square(2);
    await square(3);
    expect(computed).toEqual(["2", "3", "4", "3"]);
  });

  it("keeps no failure: the next call tries again", async () => {
    let calls = 0;
    const flaky = keepLatest(
      () => "k",
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("first call fails");
        return calls;
      },
    );
    await expect(flaky()).rejects.toThrow("first call fails");
    expect(await flaky()).toBe(2);
    expect(await flaky()).toBe(2);
  });

  it("keeps nothing while told to keep none (a CLI run's default), and forgets what it kept", async () => {
    const computed: number[] = [];
    const double = keepLatest(
      (n: number) => String(n),
      async (n: number) => (computed.push(n), 2 * n),
    );
    expect(await double(1)).toBe(2);
    expect(await double(1)).toBe(2);
    expect(computed).toEqual([1]);
    expect(keepDrawings(0)).toBe(workers);
    expect(await double(1)).toBe(2);
    expect(await double(1)).toBe(2);
    expect(computed).toEqual([1, 1, 1]);
    keepDrawings(workers);
    await double(1);
    expect(computed).toEqual([1, 1, 1, 1]);
    expect(() => keepDrawings(-1)).toThrow(RangeError);
    expect(() => keepDrawings(1.5)).toThrow(RangeError);
  });
});

describe("dataKey", () => {
  it("tells apart what JSON would make the same", () => {
    const pairs: [unknown, unknown][] = [
      [NaN, null],
      [Infinity, -Infinity],
      [{ a: undefined }, {}],
      [[undefined], [null]],
      [new Date(0), "1970-01-01T00:00:00.000Z"],
      [{ a: [1, NaN] }, { a: [1, null] }],
    ];
    for (const [x, y] of pairs) expect(dataKey(x), String(x)).not.toBe(dataKey(y));
    expect(dataKey({ b: [1, "x"], c: { d: true } })).toBe('{"b":[1,"x"],"c":{"d":true}}');
  });
});

describe("charts drawn again", () => {
  const spec = {
    data: { values: [{ a: 1 }, { a: 2 }] },
    mark: "point" as const,
    encoding: { x: { field: "a", type: "quantitative" as const } },
  };

  it("give the same SVG and a list of warnings of their own", async () => {
    const first = await renderSvg(spec, "kept", "a chart drawn twice");
    first.warnings.push("added by a caller");
    const again = await renderSvg(spec, "kept", "a chart drawn twice");
    expect(again.svg).toBe(first.svg);
    expect(again.warnings).toEqual([]);
    // Every input is in the key: another title or another description is another drawing.
    expect((await renderSvg(spec, "another title", "a chart drawn twice")).svg).not.toBe(first.svg);
    expect((await renderSvg(spec, "kept", "another description")).svg).not.toBe(first.svg);
  });

  it("give the same PNG, in a buffer of their own", async () => {
    const { svg } = await renderSvg(spec, "kept", "a chart drawn twice");
    const first = await svgToPng(svg);
    const copy = Buffer.from(first);
    first.fill(0);
    expect((await svgToPng(svg)).equals(copy)).toBe(true);
    // The scale is in the key: a PNG at 1× is another drawing, half as wide.
    const small = await svgToPng(svg, 1);
    expect(small.readUInt32BE(16)).toBe(copy.readUInt32BE(16) / 2);
  });
});
