// The distribution functions (src/stats) against R: pt, qt, pnorm (test/reference/survey-reference.R), qbinom and
// pbinom (test/reference/spc-reference.R, signals-reference.R), and hand-worked values.
import { describe, expect, it } from "vitest";
import {
  binomialQuantile,
  binomialUpperTail,
  normalCdf,
  studentTCdf,
  studentTQuantile,
} from "../../src/stats/distributions.js";
import { reference } from "../survey/helpers.js";

describe("distributions (reference: R pt, qt, pnorm)", () => {
  it("Student's t CDF and quantile", () => {
    const args: [number, number][] = [
      [-2.5, 3],
      [-1, 7.5],
      [0.3, 12],
      [1.7, 40],
    ];
    args.forEach(([t, df], i) => expect(studentTCdf(t, df)).toBeCloseTo(reference.tCdf.p[i], 12));
    [1, 2.5, 10, 100].forEach((df, i) => expect(studentTQuantile(0.975, df)).toBeCloseTo(reference.tCdf.q[i], 10));
  });
  it("normal CDF", () => {
    [-3, -1.959963984540054, -0.5, 0, 1.2].forEach((z, i) => expect(normalCdf(z)).toBeCloseTo(reference.normal[i], 14));
  });
  it("hand-worked: t with 1 df is Cauchy, P(T ≤ 1) = 3/4", () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 14);
    expect(studentTQuantile(0.75, 1)).toBeCloseTo(1, 10);
  });
});

describe("binomialQuantile", () => {
  it("matches R qbinom(0.05, n, 0.5)", () => {
    const r: [number, number][] = [
      [1, 0],
      [2, 0],
      [10, 2],
      [11, 3],
      [12, 3],
      [24, 8],
      [100, 42],
      [1000, 474],
      [3000, 1455],
    ];
    for (const [n, q] of r) expect(binomialQuantile(0.05, n, 0.5), `n = ${n}`).toBe(q);
  });
});

describe("binomialUpperTail", () => {
  it("binomial upper tail matches R pbinom(k − 1, n, p, lower.tail = FALSE)", () => {
    expect(binomialUpperTail(3, 15, 0.05)).toBeCloseTo(0.0362002386427, 12);
    expect(binomialUpperTail(7, 18, 0.08)).toBeCloseTo(0.000301945487008, 14);
    expect(binomialUpperTail(1, 10, 0.3)).toBeCloseTo(0.9717524751, 10);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
  });
  it("is 0 past n and for p = 0, 1 for p = 1, and keeps relative precision far in the tail", () => {
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 10, 0)).toBe(0);
    expect(binomialUpperTail(3, 10, 1)).toBe(1);
    // P(X ≥ 40 | n = 40, p = 0.01) = 0.01^40 exactly; 1 − CDF would give 0.
    expect(binomialUpperTail(40, 40, 0.01) / 1e-80).toBeCloseTo(1, 10);
  });
});
