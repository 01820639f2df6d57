// The signal-kinds registry holds the wiring that used to be spread over the analysis, the checks and the docs:
// every kind has a detector, a practice and a check that exists and reports it; no signal check reports nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKS } from "../../src/checks/registry.js";
import { runChecks } from "../../src/checks/run.js";
import { detectSignals, kindsReportedBy, SIGNAL_KINDS, type SignalCheckId } from "../../src/signals/kinds.js";
import type { SignalScene } from "../../src/signals/scene.js";
import type { SignalKind } from "../../src/result/signals.js";
import { analyseSignals } from "../../src/signals/analyse.js";
import { syntheticDataset } from "./synthetic.js";

const KINDS = Object.keys(SIGNAL_KINDS) as SignalKind[];
const ROOT = join(import.meta.dirname, "../..");

describe("signal-kinds registry", () => {
  it("gives every kind a check that exists, reads the signals section and speaks to the same practice", () => {
    for (const kind of KINDS) {
      const check = CHECKS.find((c) => c.id === SIGNAL_KINDS[kind].check);
      expect(check, kind).toBeDefined();
      expect(check!.needs, kind).toBe("signals");
      expect(check!.practice, kind).toBe(SIGNAL_KINDS[kind].practice);
    }
  });

  it("leaves no signal check without a kind to report", () => {
    const reporting = new Set(KINDS.map((k) => SIGNAL_KINDS[k].check));
    const signalChecks = CHECKS.filter((c) => c.needs === "signals" && c.id !== "signal-leading-indicator");
    expect(signalChecks.map((c) => c.id).sort()).toEqual([...reporting].sort());
    for (const id of reporting) expect(kindsReportedBy(id as SignalCheckId).length).toBeGreaterThan(0);
  });

  it("stamps each detected signal with its kind's practice, in the place the outputs expect it", () => {
    const scene = { survey: null, relational: null } as unknown as SignalScene;
    const fake = (kind: SignalKind) => ({
      id: `${kind}:x`,
      kind,
      severity: "warning" as const,
      subject: {},
      firstPeriod: "2026-W01",
      rule: "r",
      message: "m",
      evidence: [],
      questions: [],
    });
    const saved = KINDS.map((k) => SIGNAL_KINDS[k].detect);
    try {
      for (const k of KINDS) (SIGNAL_KINDS[k] as { detect: unknown }).detect = () => [fake(k)];
      const signals = detectSignals(scene);
      expect(signals.map((s) => s.kind)).toEqual(KINDS);
      for (const s of signals) {
        expect(s.practice).toBe(SIGNAL_KINDS[s.kind].practice);
        expect(Object.keys(s).slice(0, 4)).toEqual(["id", "kind", "severity", "practice"]);
      }
    } finally {
      KINDS.forEach((k, i) => ((SIGNAL_KINDS[k] as { detect: unknown }).detect = saved[i]));
    }
  });

  it("routes a real signal to the check its registry line names", () => {
    const groups = { Acute: 12, Community: 10, Social: 8 };
    const links = [
      { from: "Acute", to: "Social", per: 2, rate: 1.0, back: 1.0 },
      { from: "Acute", to: "Community", per: 2, rate: 1.2, back: 1.0 },
      { from: "Acute", to: "Acute", per: 3, rate: 2, back: 2 },
      { from: "Social", to: "Social", per: 3, rate: 2, back: 2 },
      { from: "Community", to: "Community", per: 3, rate: 2, back: 2 },
    ];
    const social = (a: string, b: string) => [a, b].sort().join() === "Acute,Social";
    const data = syntheticDataset({
      seed: 3,
      weeks: 26,
      groups,
      links,
      change: (a, b, w) => (social(a, b) ? (w < 14 ? 1 : Math.max(0.15, 1 - 0.12 * (w - 13))) : 1),
    });
    const section = analyseSignals(data)!;
    const falling = section.signals.find((s) => s.kind === "falling-contact");
    expect(falling?.practice).toBe(5);
    const results = runChecks(CHECKS, { data, signals: section, survey: null, network: null });
    const breakdown = results.find((r) => r.id === SIGNAL_KINDS["falling-contact"].check);
    expect(breakdown?.findings.some((f) => f.message.startsWith(falling!.message))).toBe(true);
  });

  it("lists the same kinds in the schema as in the registry", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schema/report.schema.json"), "utf8"));
    expect([...schema.$defs.signal.properties.kind.anyOf[0].enum].sort()).toEqual([...KINDS].sort());
  });

  it("has every kind described in docs/methods.md", () => {
    const methods = readFileSync(join(ROOT, "docs/methods.md"), "utf8");
    for (const kind of KINDS) expect(methods, kind).toContain(`| ${kind} |`);
  });
});
