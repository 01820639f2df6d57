// Every metric against values derived independently with igraph 1.3.5, sna 2.7-1 and networkx 2.8.8 on five real
// networks (test/reference/network-derive.sh). Hospital and email-Eu-core are read from ../shared/data when present.
import { beforeAll, describe, expect, test } from "vitest";
import { betweenness, normalisedBetweenness } from "../../src/network/betweenness.js";
import { brokerage } from "../../src/network/brokerage.js";
import { density, reciprocity } from "../../src/network/cohesion.js";
import { constraint } from "../../src/network/constraint.js";
import { cutpoints } from "../../src/network/cutpoints.js";
import { buildGraph } from "../../src/network/graph.js";
import { eiIndex, grouping } from "../../src/network/mixing.js";
import { close, hasNetwork, loadNetwork, networkFolder, reference, type LoadedNetwork } from "./networks.js";

const NETWORKS = ["lazega_advice", "krackhardt_advice", "hospital", "invs15", "email_eu_core"];

for (const name of NETWORKS) {
  describe(`${name} matches igraph / sna / networkx`, () => {
    const { igraph, networkx } = reference(name);
    // Hospital and email-Eu-core live in ../shared/data: read before the tests run, skipped with a note when absent.
    let net: LoadedNetwork | null = null;
    let graph: ReturnType<typeof buildGraph> | null = null;
    let groups: ReturnType<typeof grouping> | null = null;
    beforeAll(() => {
      if (!hasNetwork(name)) return;
      net = loadNetwork(name);
      graph = buildGraph(net.ids.length, net.from, net.to, net.directed);
      groups = grouping(net.people, "group");
    });
    const it = (title: string, body: () => void) =>
      test(title, (ctx) => {
        ctx.skip(net === null, `needs ${networkFolder(name)} (../shared/data beside the clone; absent here)`);
        body();
      });

    it("people, ties, density, reciprocity and pair ratio", () => {
      expect(graph!.n).toBe(igraph.n);
      expect(graph!.m).toBe(igraph.ties);
      expect(close(density(graph!)!, igraph.density)).toBe(true);
      const r = reciprocity(graph!);
      expect(close(r.arcs!, igraph.reciprocity)).toBe(true);
      expect(close(r.pairRatio!, igraph.pairReciprocity)).toBe(true);
    });

    it("E-I index for the network, each group and each person, with its analytic expectation", () => {
      const result = eiIndex(graph!, groups!);
      expect(result.external).toBe(networkx.external);
      expect(result.internal).toBe(networkx.internal);
      expect(close(result.eiIndex!, networkx.eiIndex)).toBe(true);
      expect(close(result.expectedEiIndex!, networkx.expectedEiIndex)).toBe(true);
      for (const g of result.groups) {
        const want = networkx.groups[g.value];
        expect([g.value, g.n, g.external, g.internal]).toEqual([g.value, want.n, want.external, want.internal]);
        expect(close(g.eiIndex ?? NaN, want.eiIndex ?? NaN) || (g.eiIndex === null && want.eiIndex === null)).toBe(
          true,
        );
        expect(close(g.expectedEiIndex!, want.expectedEiIndex!)).toBe(true);
      }
      net!.ids.forEach((id, v) => {
        const want = networkx.people[id].eiIndex;
        if (want === null) expect(Number.isNaN(result.person[v])).toBe(true);
        else expect(close(result.person[v], want)).toBe(true);
      });
    });

    it("betweenness of every person, raw and normalised (exact)", () => {
      const result = betweenness(graph!, { method: "exact" });
      net!.ids.forEach((id, v) => {
        expect(close(result.raw[v], igraph.people[id].betweenness), `${id}`).toBe(true);
        expect(close(normalisedBetweenness(result.raw[v], graph!), igraph.people[id].betweennessNormalised)).toBe(true);
        expect(close(result.raw[v], networkx.people[id].betweenness)).toBe(true);
      });
    });

    it("Gould–Fernandez brokerage counts of every person, as sna::brokerage", () => {
      const result = brokerage(graph!, groups!.group);
      net!.ids.forEach((id, v) => {
        const want = igraph.people[id].brokerage;
        const got = {
          coordinator: result.coordinator[v],
          itinerant: result.itinerant[v],
          representative: result.representative[v],
          gatekeeper: result.gatekeeper[v],
          liaison: result.liaison[v],
        };
        expect({ ...got, total: Object.values(got).reduce((a, b) => a + b, 0) }, id).toEqual(want);
      });
    });

    it("Burt's constraint of every person, as igraph (null for isolates)", () => {
      const result = constraint(graph!);
      net!.ids.forEach((id, v) => {
        const want = igraph.people[id].constraint;
        if (want === null) expect(result[v]).toBeNull();
        else expect(close(result[v]!, want), `${id}: ${result[v]} vs ${want}`).toBe(true);
      });
    });

    it("articulation points (igraph and networkx) and bridges (networkx)", () => {
      const result = cutpoints(graph!);
      const ids = result.articulationPoints.map((v) => net!.ids[v]).sort();
      expect(ids).toEqual(igraph.articulationPoints);
      expect(ids).toEqual(networkx.articulationPoints);
      const bridges = result.bridges.map(([u, v]) => [net!.ids[u], net!.ids[v]].sort()).sort();
      expect(bridges).toEqual(networkx.bridges);
    });
  });
}
