// `relaudit signals`: exit codes, --previous statuses, --as-of, idempotent dated --out, a delivery file alone.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";
import { writeFallingContact } from "../helpers/spawn-inputs.js";
import { generateSystem } from "../../scripts/generate-demo.js";
import { compareWithPrevious } from "../../src/pipeline/signals.js";
import type { Signal } from "../../src/result/signals.js";

const demo = join(import.meta.dirname, "../../fixtures/demo");
const temp = mkdtempSync(join(tmpdir(), "relaudit-signals-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const signal = (id: string, status?: Signal["status"]): Signal => ({
  id,
  kind: "falling-contact",
  severity: "warning",
  practice: 5,
  subject: {},
  firstPeriod: "2026-W30",
  rule: "r",
  message: "m",
  evidence: [],
  questions: ["a", "b"],
  ...(status ? { status } : {}),
});

describe("compareWithPrevious", () => {
  it("marks new, continuing and resolved; a signal resolved last time is not carried again", () => {
    const result = compareWithPrevious(
      [signal("a"), signal("b")],
      [signal("b", "new"), signal("c", "continuing"), signal("d", "resolved")],
    );
    expect(result.map((s) => [s.id, s.status])).toEqual([
      ["a", "new"],
      ["b", "continuing"],
      ["c", "resolved"],
    ]);
  });

  it("marks escalated and de-escalated with the severity before, and keeps a continuing signal's first period", () => {
    const at = (id: string, severity: Signal["severity"], firstPeriod: string): Signal => ({
      ...signal(id),
      severity,
      firstPeriod,
    });
    const result = compareWithPrevious(
      [at("up", "critical", "2026-W40"), at("down", "warning", "2026-W38"), at("same", "warning", "2026-W41")],
      [at("up", "warning", "2026-W37"), at("down", "critical", "2026-W39"), at("same", "warning", "2026-W37")],
    );
    expect(result.map((s) => [s.id, s.status, s.previousSeverity, s.firstPeriod])).toEqual([
      ["up", "escalated", "warning", "2026-W37"],
      ["down", "de-escalated", "critical", "2026-W38"],
      ["same", "continuing", undefined, "2026-W37"],
    ]);
  });
});

describe("relaudit signals", () => {
  it("exits 1 with --fail-on warning on the demo, and prints the planted breakdowns", async () => {
    const { code, stdout, stderr } = await runInProcess(["signals", demo, "--fail-on", "warning"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^# relaudit signals — as of 2026-10-31/);
    expect(stdout).toContain("reciprocity-collapse");
    expect(stdout).toContain("Questions worth asking:");
  });

  it("exits 0 with --fail-on warning on null data (seed 7)", async () => {
    const dir = join(temp, "null7");
    await generateSystem({ out: dir, seed: 7, null: true });
    const { code, stdout } = await runInProcess(["signals", dir, "--fail-on", "warning"]);
    expect(code).toBe(0);
    expect(stdout).toContain("0 critical, 0 warning");
  });

  it("--as-of reproduces an earlier run; --previous marks signals new, continuing and resolved", async () => {
    const earlier = await runInProcess(["signals", demo, "--as-of", "2026-09-14", "--format", "json"]);
    expect(earlier.code).toBe(0);
    const before = JSON.parse(earlier.stdout);
    expect(before).toMatchObject({
      kind: "relaudit-signals",
      asOf: "2026-09-14",
      lastPeriod: "2026-W37",
      comparedWith: null,
    });
    const path = join(temp, "earlier.json");
    writeFileSync(path, earlier.stdout);
    const now = JSON.parse((await runInProcess(["signals", demo, "--previous", path, "--format", "json"])).stdout);
    const status = (id: string) => now.signals.find((s: Signal) => s.id === id)?.status;
    expect(now.comparedWith).toBe("the run as of 2026-09-14");
    const was = new Map<string, Signal>(before.signals.map((s: Signal) => [s.id, s]));
    for (const s of now.signals as Signal[]) {
      const previous = was.get(s.id);
      const expected = !previous
        ? "new"
        : s.status === "resolved"
          ? "resolved"
          : s.severity === previous.severity
            ? "continuing"
            : s.severity === "critical"
              ? "escalated"
              : "de-escalated";
      expect(s.status, s.id).toBe(expected);
      if (previous) expect(s.firstPeriod <= previous.firstPeriod, s.id).toBe(true);
    }
    // The spanner left in 2026-W36: already seen on 14 September, still there at the end.
    expect(
      status("key-person-departure:organisation:Harbour Voluntary Services|Eastfield Primary Care Network:2026-W36"),
    ).toBe("continuing");
    // The decay had not yet crossed the thresholds by then.
    expect(status("falling-contact:organisation:County Social Care|Northgate Hospital")).toBe("new");
    expect(now.summary.new + now.summary.continuing + now.summary.escalated + now.summary["de-escalated"]).toBe(
      now.signals.filter((s: Signal) => s.status !== "resolved").length,
    );
  });

  it("--out writes dated files atomically and the same inputs give the same bytes", async () => {
    // Any input with a signal shows how --out writes: a small system with one, its data up to 9 June (three runs of
    // the demo cost ten times the CPU).
    const input = join(temp, "falling");
    writeFallingContact(input);
    const out = join(temp, "out");
    const first = await runInProcess(["signals", input, "--out", out, "--quiet"]);
    expect(first.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      ".relaudit-output.json",
      "signals-2026-06-09.json",
      "signals-2026-06-09.md",
      "signals-latest.json",
      "signals-latest.md",
    ]);
    const bytes = files.map((f) => readFileSync(join(out, f), "utf8"));
    expect(JSON.parse(bytes[3]).signals).toHaveLength(1);
    await runInProcess(["signals", input, "--out", out, "--quiet"]);
    expect(readdirSync(out).sort()).toEqual(files);
    expect(files.map((f) => readFileSync(join(out, f), "utf8"))).toEqual(bytes);
    // A different report for the same date is refused: the dated file stays the record of its run.
    writeFileSync(join(out, "signals-2026-06-09.json"), "{}\n");
    const refused = await runInProcess(["signals", input, "--out", out, "--quiet"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/never overwritten/);
    expect(readFileSync(join(out, "signals-2026-06-09.json"), "utf8")).toBe("{}\n");
    expect(readFileSync(join(out, "signals-latest.json"), "utf8")).toBe(bytes[3]);
  });

  it("works with a delivery file alone (--format json)", async () => {
    const { code, stdout } = await runInProcess([
      "signals",
      "--delivery",
      join(demo, "delivery.csv"),
      "--config",
      join(demo, "relaudit.config.json"),
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.signals).toEqual([]);
    expect(report.series.map((s: { metric: string }) => s.metric).sort()).toEqual([
      "care_packages_started",
      "delayed_discharges",
      "referral_response_days",
    ]);
    const delays = report.series.find((s: { metric: string }) => s.metric === "delayed_discharges");
    expect(delays.direction).toBe("lower");
  });

  it("applies annotations.csv: a rebase starts new limits for the series it names", async () => {
    const path = join(temp, "annotations.csv");
    writeFileSync(
      path,
      "date,metric,note,action\n2026-08-03,delayed_discharges,new discharge-to-assess pathway,rebase\n",
    );
    // The demo's delivery file alone: the series the annotation names, without the rest of the demo's runs.
    const delivery = ["--delivery", join(demo, "delivery.csv"), "--config", join(demo, "relaudit.config.json")];
    const report = JSON.parse(
      (await runInProcess(["signals", ...delivery, "--annotations", path, "--format", "json"])).stdout,
    );
    const delays = report.series.find((s: { metric: string }) => s.metric === "delayed_discharges");
    expect(delays.recalculations).toEqual(["2026-W32"]);
    expect(delays.annotations).toEqual([
      { period: "2026-W32", note: "new discharge-to-assess pathway", action: "rebase" },
    ]);
    const bad = join(temp, "bad-annotations.csv");
    writeFileSync(bad, "date,note,action\n2026-08-03,x,undo\n");
    const refused = await runInProcess(["signals", ...delivery, "--annotations", bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/unknown action/);
  });

  it("refuses --as-of with --until, and a --previous that is not a report", async () => {
    expect((await runInProcess(["signals", demo, "--as-of", "2026-09-14", "--until", "2026-09-01"])).code).toBe(2);
    const path = join(temp, "not-a-report.json");
    writeFileSync(path, "[1, 2]");
    const result = await runInProcess(["signals", demo, "--previous", path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /not a previous report relaudit can compare with: \$ is not as a relaudit report has it/,
    );
  });
});
