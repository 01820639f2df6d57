// --since on or after the end of the window (--until, or --as-of for signals) leaves no day to read: a usage error
// (exit 2), not a report on nothing. It ran and reported "the network is in 4 separate parts" of an empty window.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT, runInProcess } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures/demo");

describe("a time window with no day in it", () => {
  it.each([
    ["audit", "--until", "2026-05-01"],
    ["signals", "--as-of", "2026-06-01"],
    ["validate", "--until", "2026-05-31"],
  ])("%s --since 2026-06-01 %s %s: exit 2 naming --since", async (command, flag, date) => {
    const { code, stderr } = await runInProcess([command, DEMO, "--since", "2026-06-01", flag, date]);
    expect(code, stderr).toBe(2);
    expect(stderr).toContain("--since");
    expect(stderr).not.toContain("bug in relaudit");
  });

  it("a window of one day is a window", async () => {
    const { code, stderr } = await runInProcess(["audit", DEMO, "--since", "2026-06-01", "--until", "2026-06-01"]);
    expect(code, stderr).toBe(0);
  });
});
