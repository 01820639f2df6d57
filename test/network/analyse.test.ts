// analyseNetwork end to end on a real network (Lazega advice, by office), against the igraph / sna / networkx
// reference values, plus the JSON interface issue 4 promises.
import { describe, expect, it } from "vitest";
import { analyseNetwork } from "../../src/network/analyse.js";
import { largestRelativeError } from "../../src/network/stats.js";
import { close, loadNetwork, networkDataset, reference } from "./networks.js";
import type { MixingMatrix } from "../../src/result/network.js";

describe("analyseNetwork on Lazega advice (by office)", () => {
  const net = loadNetwork("lazega_advice");
  const section = analyseNetwork(networkDataset(net.people, net.ties))!;
  const { igraph, networkx } = reference("lazega_advice");

  it("keeps the JSON interface of issue 4", () => {
    expect(Object.keys(section)).toEqual(
      expect.arrayContaining([
        "peopleCount",
        "tieCount",
        "density",
        "reciprocity",
        "boundaries",
        "people",
        "articulationPoints",
        "bridges",
        "betweennessMethod",
      ]),
    );
    expect(Object.keys(section.boundaries[0])).toEqual(
      expect.arrayContaining(["attribute", "eiIndex", "expectedEiIndex", "groups"]),
    );
    expect(Object.keys(section.boundaries[0].groups[0])).toEqual(expect.arrayContaining(["value", "n", "eiIndex"]));
    expect(Object.keys(section.people[0].brokerage)).toEqual([
      "coordinator",
      "itinerant",
      "representative",
      "gatekeeper",
      "liaison",
      "total",
    ]);
    expect(section.betweennessMethod).toBe("exact");
  });

  it("matches the reference values", () => {
    expect([section.peopleCount, section.tieCount]).toEqual([igraph.n, igraph.ties]);
    expect(close(section.density!, igraph.density)).toBe(true);
    expect(close(section.reciprocity!, igraph.reciprocity)).toBe(true);
    expect(close(section.boundaries[0].eiIndex!, networkx.eiIndex)).toBe(true);
    for (const p of section.people) {
      expect(close(p.betweenness, igraph.people[p.id].betweenness)).toBe(true);
      expect(p.brokerage).toEqual(igraph.people[p.id].brokerage);
    }
    expect(section.articulationPoints).toEqual(igraph.articulationPoints);
  });

  it("Lazega's offices are far more inward-looking than random mixing: observed E-I below the permutation interval", () => {
    const b = section.boundaries[0];
    expect(b.permutationInterval![0]).toBeGreaterThan(b.eiIndex!);
    for (const g of b.groups.filter((x) => x.n >= 5)) expect(g.pLower!).toBeLessThan(0.01);
  });

  it("mixing matrix and links add up to the ties between groups", () => {
    const b = section.boundaries[0];
    const cells = (b.mixing as MixingMatrix).ties.flat().reduce((s, x) => s + x, 0);
    expect(cells).toBe(networkx.external + networkx.internal);
    expect(b.links.reduce((s, l) => s + l.ties, 0)).toBe(networkx.external);
    for (const l of b.links) expect(l.arcs![0] + l.arcs![1]).toBe(l.ties);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(analyseNetwork(networkDataset(net.people, net.ties)))).toBe(JSON.stringify(section));
  });
});

describe("the stated error of sampled betweenness", () => {
  it("is the largest relative standard error among the named people, not a typical one (hand-worked)", () => {
    // Estimates 100, 80, 60, 0, 40 with SEs 10, 40, 6, 5, 30: the three highest are people 0, 1 and 2 with relative
    // errors 10%, 50% and 10% — the median would say 10%, the largest says 50%. Person 3 (estimate 0) is never named.
    const estimate = Float64Array.from([100, 80, 60, 0, 40]);
    const se = Float64Array.from([10, 40, 6, 5, 30]);
    expect(largestRelativeError(estimate, se, 3)).toBeCloseTo(0.5, 12);
    expect(largestRelativeError(estimate, se, 10)).toBeCloseTo(0.75, 12);
    expect(largestRelativeError(Float64Array.from([0, 0]), Float64Array.from([1, 1]), 10)).toBeNull();
  });
});
