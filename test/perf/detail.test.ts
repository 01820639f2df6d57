// The default report is the full one cut, never recomputed (issue 15): on the demo, every kept list is the start (or
// a subset, in order) of the full list, each cut says how long the list was, and the sparse mixing cells rebuild the
// dense matrices exactly. `--detail full` itself is pinned by the golden demo.audit.full.json.
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadInputs } from "../../src/load/inputs.js";
import { linksShown, PEOPLE_SHOWN, summarise } from "../../src/pipeline/detail.js";
import { analyse } from "../../src/pipeline/audit.js";
import type { MixingMatrix, SparseMixing } from "../../src/result/network.js";
import type { Report } from "../../src/result/types.js";

const DEMO = resolve(import.meta.dirname, "../../fixtures/demo");

describe("the default report is the full report cut to what people read", () => {
  let full: Report;
  let summary: Report;
  beforeAll(async () => {
    const loaded = await loadInputs({ dir: DEMO, files: {} });
    full = analyse(loaded, { dir: DEMO, files: {}, generatedAt: "2026-11-23T06:00:00Z", detail: "full" });
    summary = summarise(full);
  });

  it("keeps the checks, the survey and the signals as they are", () => {
    expect(summary.checks).toBe(full.checks);
    expect(summary.survey).toBe(full.survey);
    expect(summary.signals).toBe(full.signals);
    expect(full.truncated).toBeUndefined();
    expect(full.network!.truncated).toBeUndefined();
  });

  it("writes each mixing matrix as its non-zero cells, which rebuild it exactly", () => {
    full.network!.boundaries.forEach((b, i) => {
      const dense = b.mixing as MixingMatrix;
      const sparse = summary.network!.boundaries[i].mixing as SparseMixing;
      expect(sparse.groups).toEqual(dense.groups);
      const ties = dense.groups.map(() => dense.groups.map(() => 0));
      const interactions = dense.groups.map(() => dense.groups.map(() => 0));
      for (const row of sparse.rows)
        row.to.forEach((to, k) => {
          expect(row.ties[k] + row.interactions[k]).toBeGreaterThan(0);
          ties[row.from][to] = row.ties[k];
          interactions[row.from][to] = row.interactions[k];
        });
      expect(ties).toEqual(dense.ties);
      expect(interactions).toEqual(dense.interactions);
    });
  });

  it("keeps the links with most ties and says how many there were", () => {
    let cut = 0;
    full.network!.boundaries.forEach((b, i) => {
      const kept = summary.network!.boundaries[i];
      const shown = Math.min(linksShown(b.groups.length), b.links.length);
      expect(kept.links).toEqual(b.links.slice(0, shown));
      if (shown < b.links.length) {
        cut++;
        expect(kept.truncated).toEqual({ links: { shown, total: b.links.length } });
      } else expect(kept.truncated).toBeUndefined();
      const depth = full.network!.depth!.boundaries[i];
      const keptDepth = summary.network!.depth!.boundaries[i];
      expect(keptDepth.links).toEqual(depth.links.slice(0, Math.min(linksShown(b.groups.length), depth.links.length)));
      expect(keptDepth.truncated?.links?.total ?? keptDepth.links.length).toBe(depth.links.length);
    });
    expect(cut).toBeGreaterThan(0); // the demo's team boundary has more links than a map draws
  });

  it("keeps the people with the highest betweenness and every articulation point, in the analysis' order", () => {
    const people = full.network!.people;
    const kept = summary.network!.people;
    const top = [...people]
      .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
      .slice(0, PEOPLE_SHOWN)
      .map((p) => p.id);
    const ids = new Set(kept.map((p) => p.id));
    for (const id of [...top, ...full.network!.articulationPoints]) expect(ids.has(id)).toBe(true);
    expect(kept).toEqual(people.filter((p) => ids.has(p.id)));
    expect(summary.network!.truncated).toEqual({ people: { shown: kept.length, total: people.length } });
  });

  it("keeps every series a signal or a finding was read from, and the delivery series", () => {
    const named = new Set([
      ...full.signals!.flatMap((s) => (s.series ? [s.series] : [])),
      ...full.checks.flatMap((c) => c.findings.flatMap((f) => (f.series ? [f.series] : []))),
    ]);
    expect(named.size).toBeGreaterThan(0);
    const kept = summary.series!;
    expect(kept).toEqual(full.series!.filter((s) => named.has(s.id) || s.source.kind === "delivery"));
    expect(summary.truncated).toEqual({ series: { shown: kept.length, total: full.series!.length } });
  });
});
