// `relaudit signals --pseudonymise --previous report.json`: the previous report's signals are carried into the new
// one (resolved, or as the severity they had), and they passed around the pseudonymiser: a previous signal naming a
// person (subject.people, and the id in its words) came out with the raw id in every format.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { DEMO } from "../helpers/demo.js";

const KEY = "previous-signals-key-0123456789abcdef";
const RAW = "P0029";

describe("--previous under --pseudonymise", () => {
  it("replaces the ids of carried signals, and keeps ids that are already pseudonyms", async () => {
    const first = await runInProcess(["signals", DEMO, "--as-of", "2026-09-21", "--format", "json"]);
    expect(first.code, first.stderr).toBe(0);
    const previous = JSON.parse(first.stdout);
    const template = previous.signals[0];
    const named = (id: string, person: string) => ({
      ...template,
      id,
      message: `${person} carried this link alone and left.`,
      subject: { ...template.subject, groups: ["Nowhere A", "Nowhere B"], people: [person] },
    });
    previous.signals.push(named("key-person-departure:organisation:gone-raw", RAW));
    previous.signals.push(named("key-person-departure:organisation:gone-alias", "p-0123456789abcdef"));
    const file = join(mkdtempSync(join(tmpdir(), "relaudit-previous-")), "previous.json");
    writeFileSync(file, JSON.stringify(previous));
    for (const format of ["json", "markdown", "terminal"]) {
      const { code, stdout, stderr } = await runInProcess(
        ["signals", DEMO, "--pseudonymise", "--previous", file, "--format", format],
        { env: { RELAUDIT_PSEUDONYM_KEY: KEY } },
      );
      expect(code, stderr).toBe(0);
      expect(stdout, format).toContain("carried this link alone");
      expect(stdout, format).not.toContain(RAW);
      expect(stdout, format).toContain("p-0123456789abcdef");
    }
  });
});
