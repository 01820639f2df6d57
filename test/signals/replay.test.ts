// `relaudit signals --replay FROM..TO` on the demo: one process, each run on the data before its day; when each
// signal first fired, how long it lasted, and the lead time before a known event in annotations.csv.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";

const demo = join(import.meta.dirname, "../../fixtures/demo");
const temp = mkdtempSync(join(tmpdir(), "relaudit-replay-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("relaudit signals --replay", () => {
  const dir = join(temp, "demo");
  cpSync(demo, dir, { recursive: true });
  // The event the spanner's departure warned of: the voluntary sector's link to primary care reported lost.
  writeFileSync(
    join(dir, "annotations.csv"),
    "date,metric,note,action\n2026-09-16,Harbour Voluntary Services,social prescribing referrals stalled,\n",
  );

  it("reports first period, duration and severity changes, and the lead before a known event", async () => {
    const { code, stdout, stderr } = await runInProcess([
      "signals",
      dir,
      "--replay",
      "2026-09-07..2026-09-28",
      "--format",
      "json",
    ]);
    expect(code, stderr).toBe(0);
    const replay = JSON.parse(stdout);
    expect(replay).toMatchObject({ kind: "relaudit-replay", runs: 4, from: "2026-W36", to: "2026-W39" });
    const spanner = replay.signals.find((s: { id: string }) =>
      s.id.startsWith("key-person-departure:organisation:Harbour Voluntary Services|Eastfield Primary Care Network"),
    );
    // The spanner left in W36; the first run with a whole week since (data to W37) reports it, and every run after.
    expect(spanner).toMatchObject({
      firstFired: "2026-W37",
      lastFired: "2026-W39",
      runs: 3,
      episodes: 1,
      resolved: null,
    });
    expect(replay.events).toEqual([
      {
        period: "2026-W38",
        note: "social prescribing referrals stalled",
        target: "Harbour Voluntary Services",
        alarm: spanner.id,
        leadPeriods: 1,
      },
    ]);
    expect(replay.alarmsWithoutEvent).toContain(
      "reciprocity-collapse:organisation:Northgate Hospital|Riverside Community Health",
    );
    expect(replay.alarmsWithoutEvent).not.toContain(spanner.id);
  });

  it("agrees with --as-of: a run in the replay reports what --as-of that day reports", async () => {
    const asOf = JSON.parse((await runInProcess(["signals", dir, "--as-of", "2026-09-14", "--format", "json"])).stdout);
    const replay = JSON.parse(
      (await runInProcess(["signals", dir, "--replay", "2026-09-14..2026-09-14", "--format", "json"])).stdout,
    );
    expect(replay.signals.map((s: { id: string }) => s.id).sort()).toEqual(
      asOf.signals.map((s: { id: string }) => s.id).sort(),
    );
  });

  it("refuses a malformed range and flags that do not apply", async () => {
    expect((await runInProcess(["signals", dir, "--replay", "2026-09-28..2026-09-07"])).code).toBe(2);
    const both = await runInProcess(["signals", dir, "--replay", "2026-09-07..2026-09-28", "--as-of", "2026-09-01"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--as-of does not apply to --replay/);
  });
});
