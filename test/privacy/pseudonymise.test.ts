import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { audit } from "../../src/pipeline/audit.js";
import {
  MIN_KEY_BYTES,
  pseudonymiser,
  pseudonymiseReport,
  PSEUDONYMISED_NOTE,
} from "../../src/privacy/pseudonymise.js";
import type { Finding, Report } from "../../src/result/types.js";
import { projectSignals } from "../../src/pipeline/signals.js";

const key = Buffer.from("relaudit-test-key-0123456789", "utf8");
const small = join(import.meta.dirname, "../fixtures/inputs/small");

describe("pseudonymiser", () => {
  it("is the first 64 bits of HMAC-SHA256(key, id), as OpenSSL computes it (test/reference/pseudonyms.sh)", () => {
    const alias = pseudonymiser(key);
    expect(alias("P17")).toBe("p-50f67c2ee0dc7332");
    expect(alias("alice.smith@northgate.nhs.uk")).toBe("p-368d62692eaca638");
    expect(alias("Zoë Ångström")).toBe("p-83c32ca9016ed872");
    expect(alias("1157")).toBe("p-206e47efd819ef69");
  });

  it("is stable for a key and changes with the key", () => {
    const other = Buffer.from("another-key-of-enough-length", "utf8");
    expect(pseudonymiser(key)("P17")).toBe(pseudonymiser(Buffer.from(key))("P17"));
    expect(pseudonymiser(other)("P17")).not.toBe(pseudonymiser(key)("P17"));
  });

  it("refuses keys shorter than the minimum", () => {
    expect(() => pseudonymiser(Buffer.alloc(MIN_KEY_BYTES - 1, 1))).toThrow(RangeError);
    expect(() => pseudonymiser(Buffer.alloc(MIN_KEY_BYTES, 1))).not.toThrow();
  });
});

describe("pseudonymiseReport", () => {
  const load = () => audit({ dir: small, files: {}, generatedAt: "2026-11-23T06:00:00Z" });

  it("replaces the ids in every person-level list, sorted by pseudonym, and leaves the input report unchanged", async () => {
    const report = await load();
    const before = structuredClone(report);
    const out = pseudonymiseReport(report, key);
    expect(report).toEqual(before);
    const alias = pseudonymiser(key);
    const network = out.network!;
    const sorted = (ids: string[]) => [...ids].sort();
    expect(network.people.map((p) => p.id)).toEqual(sorted(before.network!.people.map((p) => alias(p.id))));
    // Everything but the id is carried over for each person.
    const byId = new Map(network.people.map((p) => [p.id, p]));
    for (const p of before.network!.people) expect(byId.get(alias(p.id))).toEqual({ ...p, id: alias(p.id) });
    expect(network.articulationPoints).toEqual(sorted(before.network!.articulationPoints.map(alias)));
    expect(network.bridges.map((pair) => pair.join(" "))).toEqual(
      sorted(before.network!.bridges.map((pair) => sorted(pair.map(alias)).join(" "))),
    );
    const carriers = (r: Report) =>
      r.network!.boundaries.flatMap((b) => b.links.flatMap((l) => l.carriers.map((c) => `${c.ties}:${c.id}`)));
    expect(sorted(carriers(out))).toEqual(
      sorted(carriers(before).map((c) => c.replace(/:(.*)$/, (_, id) => `:${alias(id)}`))),
    );
    expect(carriers(before).length).toBeGreaterThan(0);
    expect(out.inputs.warnings.at(-1)).toBe(PSEUDONYMISED_NOTE);
  });

  it("replaces whole ids named in a finding's words, and nothing that only contains one", async () => {
    const report = await load();
    const finding: Finding = {
      severity: "warning",
      subject: { groups: ["North", "South"], people: ["P1", "P17", "a.b@x.org"] },
      message: "P17 carries the link; P1 and a.b@x.org help. P170, xP1, P1x and P1-2 are other ids. Ends with P1.",
      evidence: [{ label: "share carried by P17", value: "P1", reference: "P17's own" }],
      questions: ["Who could share P17's work?"],
    };
    report.checks[0].findings.push(finding);
    const out = pseudonymiseReport(report, key).checks[0].findings.at(-1)!;
    const [p1, p17, ab] = ["P1", "P17", "a.b@x.org"].map(pseudonymiser(key));
    expect(out.message).toBe(
      `${p17} carries the link; ${p1} and ${ab} help. P170, xP1, P1x and P1-2 are other ids. Ends with ${p1}.`,
    );
    expect(out.evidence[0]).toMatchObject({ label: `share carried by ${p17}`, value: p1, reference: `${p17}'s own` });
    expect(out.questions).toEqual([`Who could share ${p17}'s work?`]);
    expect(out.subject.people).toEqual([p1, p17, ab]);
  });
});

describe("pseudonymiseReport, projected for relaudit signals", () => {
  it("replaces the people of signals (subject and words), series and leading indicators, and says so", () => {
    const signal = {
      subject: { groups: ["North"], people: ["P17"] },
      message: "P17 left; P170 stays.",
      questions: ["Who took over from P17?"],
      evidence: [{ label: "P17's links", value: 3 }],
    };
    const report = {
      tool: { name: "relaudit", version: "0" },
      inputs: { warnings: [] },
      checks: [],
      network: null,
      signals: [signal],
      series: [{ subject: { people: ["P1"] } }],
      leading: [{ subject: { people: ["P2"] } }],
      timeline: { annotations: [], notes: [] },
    } as unknown as Report;
    const out = projectSignals(pseudonymiseReport(report, key), { asOf: "2026-11-23" });
    const alias = pseudonymiser(key);
    expect(out.signals[0]).toMatchObject({
      subject: { people: [alias("P17")] },
      message: `${alias("P17")} left; P170 stays.`,
      questions: [`Who took over from ${alias("P17")}?`],
    });
    expect(out.signals[0].evidence[0].label).toBe(`${alias("P17")}'s links`);
    expect(out.series[0].subject.people).toEqual([alias("P1")]);
    expect(out.leading[0].subject.people).toEqual([alias("P2")]);
    expect(out.notes).toEqual([PSEUDONYMISED_NOTE]);
    expect(report.signals![0].message).toBe("P17 left; P170 stays.");
  });
});
