// The demo system's planted network patterns (fixtures/demo/README.md) are found, and the checks stay quiet on the
// same system generated without them (--null) and on another seed.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSystem } from "../../scripts/generate-demo.js";
import { CHECKS } from "../../src/checks/registry.js";
import { runCheck } from "../../src/checks/run.js";
import type { CheckOutcome } from "../../src/checks/types.js";
import { loadInputs } from "../../src/load/inputs.js";
import { analyseNetwork } from "../../src/network/analyse.js";
import { demoInputs } from "../helpers/demo.js";

const DEMO = resolve(import.meta.dirname, "../../fixtures/demo");

async function runNetworkChecks(dir: string): Promise<Record<string, CheckOutcome>> {
  const { dataset } = dir === DEMO ? await demoInputs() : await loadInputs({ dir, files: {} });
  const network = analyseNetwork(dataset);
  const context = { data: dataset, network, survey: null, signals: null };
  return Object.fromEntries(CHECKS.filter((c) => c.id.startsWith("network-")).map((c) => [c.id, runCheck(c, context)]));
}

const warnings = (o: CheckOutcome) => o.findings.filter((f) => f.severity !== "info");

describe("planted demo system (fixtures/demo)", () => {
  const planted = JSON.parse(readFileSync(join(DEMO, "planted.json"), "utf8"));
  let results: Record<string, CheckOutcome>;
  beforeAll(async () => {
    results = await runNetworkChecks(DEMO);
  });

  it("finds the lone spanner between Harbour Voluntary Services and Eastfield, flagged as a leaver", () => {
    const spanner = planted.patterns.loneSpanner;
    const found = results["network-key-person"].findings.filter((f) => f.subject.attribute === "organisation");
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe("critical");
    expect([...found[0].subject.groups!].sort()).toEqual([...spanner.link].sort());
    expect(found[0].subject.people).toEqual([spanner.person]);
    // Every other finding of this check is the same person seen on a finer boundary (their team).
    for (const f of results["network-key-person"].findings) expect(f.subject.people).toEqual([spanner.person]);
  });

  it("finds the one-way Riverside → Eastfield relationship and no other", () => {
    const found = results["network-one-way"].findings;
    expect(found).toHaveLength(1);
    expect(found[0].subject.groups).toEqual(["Riverside Community Health", "Eastfield Primary Care Network"]);
  });

  it("finds that the forum built ties and the briefing did not", () => {
    const found = results["network-forums"].findings;
    const forum = found.find((f) => f.message.startsWith("Cross-system discharge forum"))!;
    const briefing = found.find((f) => f.message.startsWith("Winter plan briefing"))!;
    expect(forum.severity).toBe("info");
    expect(briefing.severity).toBe("warning");
  });

  it("stays quiet elsewhere", () => {
    for (const id of ["network-isolated-groups", "network-cross-boundary", "network-shallow-ties"])
      expect(results[id].findings, id).toEqual([]);
  });
});

describe("demo system without planted patterns (--null) and with another seed", () => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-network-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("raises no key-person, one-way, isolation, cross-boundary or durability warning on the null system", async () => {
    await generateSystem({ out: join(dir, "null"), null: true });
    const results = await runNetworkChecks(join(dir, "null"));
    for (const id of [
      "network-key-person",
      "network-one-way",
      "network-isolated-groups",
      "network-cross-boundary",
      "network-shallow-ties",
    ]) {
      expect(warnings(results[id]), id).toEqual([]);
    }
    // No forum builds ties there, and none is claimed to.
    expect(results["network-forums"].findings.every((f) => f.severity === "warning")).toBe(true);
  });

  it("finds the same planted patterns with another seed", async () => {
    await generateSystem({ out: join(dir, "seed7"), seed: 7 });
    const results = await runNetworkChecks(join(dir, "seed7"));
    const planted = JSON.parse(readFileSync(join(dir, "seed7", "planted.json"), "utf8"));
    const spanner = results["network-key-person"].findings.find((f) => f.subject.attribute === "organisation");
    expect(spanner?.subject.people).toEqual([planted.patterns.loneSpanner.person]);
    expect(results["network-one-way"].findings.map((f) => f.subject.groups)).toEqual([
      ["Riverside Community Health", "Eastfield Primary Care Network"],
    ]);
    for (const id of ["network-isolated-groups", "network-cross-boundary", "network-shallow-ties"])
      expect(warnings(results[id]), id).toEqual([]);
  });
});
