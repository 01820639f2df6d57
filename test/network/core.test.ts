// Hand-worked values on tiny graphs: each number below is worked out in the comment beside it.
import { describe, expect, it } from "vitest";
import { betweenness, planBetweenness } from "../../src/network/betweenness.js";
import { brokerage } from "../../src/network/brokerage.js";
import { components, density, reciprocity } from "../../src/network/cohesion.js";
import { constraint } from "../../src/network/constraint.js";
import { cutpoints } from "../../src/network/cutpoints.js";
import { buildGraph } from "../../src/network/graph.js";
import { eiIndex, grouping } from "../../src/network/mixing.js";
import { close } from "./networks.js";

describe("graph building", () => {
  it("drops self-loops and repeated pairs; undirected merges both directions", () => {
    const g = buildGraph(3, [0, 0, 1, 1, 2], [1, 1, 0, 1, 0], true);
    expect(g.m).toBe(3); // 0→1, 1→0, 2→0
    const u = buildGraph(3, [0, 0, 1, 1, 2], [1, 1, 0, 1, 0], false);
    expect(u.m).toBe(2); // {0,1}, {0,2}
  });
});

describe("cohesion", () => {
  // 0 ⇄ 1, 1 → 2: 3 arcs among 3 people.
  const g = buildGraph(4, [0, 1, 1], [1, 0, 2], true);
  it("density m / n(n−1) = 3/12, reciprocity 2/3, pair ratio 1/2", () => {
    expect(density(g)).toBe(0.25);
    const r = reciprocity(g);
    expect(r.arcs).toBeCloseTo(2 / 3, 15);
    expect(r.pairRatio).toBe(0.5); // mutual pairs 1 / connected pairs 2
  });
  it("person 3 is an isolate: two weak components", () => {
    expect(components(g).sizes).toEqual([3, 1]);
  });
});

describe("betweenness", () => {
  it("path 0 — 1 — 2 — 3 (undirected): 1 and 2 each lie on 2 of the 6 pairs' shortest paths", () => {
    const g = buildGraph(4, [0, 1, 2], [1, 2, 3], false);
    expect(Array.from(betweenness(g, { method: "exact" }).raw)).toEqual([0, 2, 2, 0]);
  });
  it("directed star into a hub and out: 0 → 2 → 1 gives 2 one path", () => {
    const g = buildGraph(3, [0, 2], [2, 1], true);
    expect(Array.from(betweenness(g, { method: "exact" }).raw)).toEqual([0, 0, 1]);
  });
  it("sampling every source reproduces the exact values with zero standard error", () => {
    const g = buildGraph(5, [0, 1, 2, 3, 0], [1, 2, 3, 4, 2], false);
    const exact = betweenness(g, { method: "exact" });
    const all = betweenness(g, { method: "sampled", sources: 5 });
    exact.raw.forEach((x, v) => expect(close(all.raw[v], x)).toBe(true));
    expect(Array.from(all.se!)).toEqual([0, 0, 0, 0, 0]);
  });
  it("a sample of sources is unbiased: averaged over seeds it approaches the exact value, within its stated error", () => {
    // A 60-person ring with chords; exact betweenness vs the mean of 40 seeded 20-source estimates.
    const from: number[] = [];
    const to: number[] = [];
    for (let i = 0; i < 60; i++) {
      from.push(i);
      to.push((i + 1) % 60);
    }
    for (let i = 0; i < 60; i += 7) {
      from.push(i);
      to.push((i + 23) % 60);
    }
    const g = buildGraph(60, from, to, false);
    const exact = betweenness(g, { method: "exact" }).raw;
    const runs = Array.from({ length: 40 }, (_, s) => betweenness(g, { method: "sampled", sources: 20 }, s + 1));
    for (const v of [0, 7, 30]) {
      const mean = runs.reduce((sum, r) => sum + r.raw[v], 0) / runs.length;
      const se = runs.reduce((sum, r) => sum + r.se![v], 0) / runs.length;
      // The mean of 40 estimates has about se/√40 error; 4 such errors is a generous bound that still fails on bias.
      expect(Math.abs(mean - exact[v])).toBeLessThan((4 * se) / Math.sqrt(40));
    }
  });
  it("plans an exact run within the work budget and a sample above it", () => {
    // 1,000 people and 1 arc: one source costs 1,001 units, an exact run 1,001,000.
    const g = buildGraph(1000, [0], [1], true);
    expect(planBetweenness(g, 1_001_000)).toEqual({ method: "exact" });
    expect(planBetweenness(g, 200 * 1001)).toEqual({ method: "sampled", sources: 200 });
    // A sample of half the sources or more would save at most half the work: exact instead.
    expect(planBetweenness(g, 499 * 1001)).toEqual({ method: "sampled", sources: 499 });
    expect(planBetweenness(g, 500 * 1001)).toEqual({ method: "exact" });
    // Never fewer than MIN_SAMPLE sources, however small the budget.
    expect(planBetweenness(g, 10)).toEqual({ method: "sampled", sources: 100 });
  });
});

describe("brokerage (Gould–Fernandez, sna definitions)", () => {
  // Groups: 0,1 in A; 2,3 in B; 4 in C.
  const group = Int32Array.from([0, 0, 1, 1, 2]);
  const count = (from: number[], to: number[]) => {
    const r = brokerage(buildGraph(5, from, to, true), group);
    return (v: number) => [r.coordinator[v], r.itinerant[v], r.representative[v], r.gatekeeper[v], r.liaison[v]];
  };
  it("classifies each open two-path by the three groups", () => {
    expect(count([0, 2], [2, 1])(2)).toEqual([0, 1, 0, 0, 0]); // A → B → A: itinerant
    expect(count([0, 1], [1, 2])(1)).toEqual([0, 0, 1, 0, 0]); // A → A → B: representative
    expect(count([0, 2], [2, 3])(2)).toEqual([0, 0, 0, 1, 0]); // A → B → B: gatekeeper
    expect(count([0, 2], [2, 4])(2)).toEqual([0, 0, 0, 0, 1]); // A → B → C: liaison
    expect(count([2, 3], [3, 2])(3)).toEqual([0, 0, 0, 0, 0]); // 2 → 3 → 2 returns to the start: not a two-path
  });
  it("a closed two-path (i → k exists) is not brokerage", () => {
    expect(count([0, 1, 0], [1, 2, 2])(1)).toEqual([0, 0, 0, 0, 0]);
  });
  it("people with an unknown group are left out", () => {
    const r = brokerage(buildGraph(3, [0, 1], [1, 2], true), Int32Array.from([0, -1, 0]));
    expect(r.itinerant[1]).toBe(0);
  });
});

describe("constraint (Burt, igraph)", () => {
  it("a leaf is fully constrained (1); a star's hub with k leaves has 1/k; an isolate is null", () => {
    // Star 0 — {1, 2, 3}, plus isolate 4. Hub: p = 1/3 each, no indirect paths: 3 × (1/3)² = 1/3.
    const g = buildGraph(5, [0, 0, 0], [1, 2, 3], false);
    const c = constraint(g);
    expect(c[1]).toBe(1);
    expect(c[0]).toBeCloseTo(1 / 3, 15);
    expect(c[4]).toBeNull();
  });
  it("a triangle: each contact 1/2 + (1/2)(1/2) = 3/4, squared and summed twice = 9/8", () => {
    const c = constraint(buildGraph(3, [0, 1, 2], [1, 2, 0], false));
    for (const x of c) expect(x).toBeCloseTo(1.125, 15);
  });
});

describe("articulation points and bridges (iterative)", () => {
  it("two triangles joined by a bridge 2 — 3", () => {
    const g = buildGraph(6, [0, 1, 2, 2, 3, 4, 5], [1, 2, 0, 3, 4, 5, 3], false);
    expect(cutpoints(g)).toEqual({ articulationPoints: [2, 3], bridges: [[2, 3]] });
  });
  it("a 200,000-person path does not overflow the stack", () => {
    const n = 200_000;
    const from = Array.from({ length: n - 1 }, (_, i) => i);
    const to = from.map((i) => i + 1);
    const result = cutpoints(buildGraph(n, from, to, false));
    expect(result.articulationPoints.length).toBe(n - 2);
    expect(result.bridges.length).toBe(n - 1);
  });
});

describe("E-I index", () => {
  it("two groups of two, one internal and two external arcs: E-I = (2 − 1)/3; expected from 8 external / 4 internal possible ties", () => {
    const people = ["A", "A", "B", "B"].map((team, i) => ({ id: String(i), attributes: { team } }));
    const g = buildGraph(4, [0, 0, 1], [1, 2, 3], true);
    const result = eiIndex(g, grouping(people, "team"));
    expect(result.eiIndex).toBeCloseTo(1 / 3, 15);
    expect(result.expectedEiIndex).toBeCloseTo((8 - 4) / 12, 15);
    // Group A: external 2 (0→2, 1→3), internal 1 → 1/3. Person 0: out to 1 (in) and 2 (ex) → 0.
    expect(result.groups[0].eiIndex).toBeCloseTo(1 / 3, 15);
    expect(result.person[0]).toBe(0);
    expect(result.person[3]).toBe(1);
  });
});
