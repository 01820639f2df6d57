// --time-zone is checked like the config's timeZone: an unknown zone is a usage error (exit 2) naming the option,
// for every command that reads data. It was passed straight to Intl and ended in exit 3 ("a bug in relaudit").
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { ROOT, runInProcess } from "../helpers/cli.js";

const DEMO = join(ROOT, "fixtures/demo");

describe("--time-zone with a zone that does not exist", () => {
  it.each([["audit"], ["signals"], ["validate"]])("%s: exit 2 naming the option, no stack trace", async (command) => {
    const { code, stderr } = await runInProcess([command, DEMO, "--time-zone", "Mars/Olympus"]);
    expect(code, stderr).toBe(2);
    expect(stderr).toContain("--time-zone");
    expect(stderr).toContain("Mars/Olympus");
    expect(stderr).not.toContain("bug in relaudit");
  });
});
