// The weekly job in docs/scheduled-runs.md, run as written (only its folder changed) with relaudit and a fake `mail`
// on PATH: a bad input exits 2 and mails the error, never last week's report as news; a signal mails the new report.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/cli.js";
import { writeFallingContact } from "../helpers/spawn-inputs.js";

const DOC = join(ROOT, "docs/scheduled-runs.md");

/** The shell block after the recipe marker, exactly as the document shows it. */
function recipe(): string {
  const doc = readFileSync(DOC, "utf8");
  const marker = doc.indexOf("<!-- recipe: weekly-signals.sh");
  const block = /```sh\n([\s\S]*?)```/.exec(doc.slice(marker));
  if (marker < 0 || !block) throw new Error("docs/scheduled-runs.md has no weekly-signals.sh recipe");
  return block[1];
}

const weekly = (start: string, values: number[], bad?: number) =>
  "metric,date,value\n" +
  values
    .map((v, i) => {
      const date = new Date(Date.parse(start) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      return `waiting_days,${i === bad ? "2026-02-30" : date},${v}`;
    })
    .join("\n") +
  "\n";

describe("docs/scheduled-runs.md: the weekly job", () => {
  let home: string;
  let mailbox: string;
  let script: string;
  const env = () => ({ PATH: `${join(home, "bin")}:/usr/bin:/bin`, HOME: home });
  const run = () => spawnSync("sh", [script], { env: env(), encoding: "utf8", timeout: 600_000 });
  const mails = () => readFileSync(mailbox, "utf8").split("\u0000").filter(Boolean);

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), "relaudit-cron-"));
    mailbox = join(home, "mailbox");
    mkdirSync(join(home, "bin"));
    mkdirSync(join(home, "srv/data"), { recursive: true });
    const shim = join(home, "bin/relaudit");
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    // A fake mail: records the subject, the recipient and the message body.
    const mail = join(home, "bin/mail");
    writeFileSync(
      mail,
      `#!/bin/sh\n{ printf 'subject: %s\\nto: %s\\n\\n' "$2" "$3"; cat; printf '\\0'; } >> "${mailbox}"\n`,
    );
    chmodSync(shim, 0o755);
    chmodSync(mail, 0o755);
    writeFileSync(mailbox, "");
    const text = recipe();
    expect(text).toContain("cd /srv/relaudit || exit 2");
    script = join(home, "weekly-signals.sh");
    writeFileSync(script, text.replace("cd /srv/relaudit", `cd "${join(home, "srv")}"`));
    execFileSync("sh", ["-n", script]);
  });

  it("a quiet week: exit 0, the reports written, nothing mailed", () => {
    writeFileSync(join(home, "srv/data/delivery.csv"), weekly("2026-05-04", [10, 11, 9, 10, 12, 10, 11, 9, 10, 11]));
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(join(home, "srv/reports/signals-latest.md"), "utf8")).toContain("relaudit signals");
    expect(mails()).toEqual([]);
  });

  it("bad input: exit 2, the error mailed, last week's report neither mailed nor changed", () => {
    const stale = readFileSync(join(home, "srv/reports/signals-latest.md"), "utf8");
    writeFileSync(join(home, "srv/data/delivery.csv"), weekly("2026-05-04", [10, 11, 9, 10, 12, 10, 11, 9, 10, 11], 4));
    const result = run();
    expect(result.status).toBe(2);
    const sent = mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("subject: relaudit: the weekly signals run failed (exit 2); no new report");
    expect(sent[0]).toContain("to: programme-lead@example.org");
    expect(sent[0]).toContain("not a valid date or period");
    expect(sent[0]).not.toContain(stale.split("\n")[0]);
    expect(readFileSync(join(home, "srv/reports/signals-latest.md"), "utf8")).toBe(stale);
  });

  it("a signal at warning or above: exit 1 and this week's report mailed", () => {
    writeFileSync(mailbox, "");
    rmSync(join(home, "srv/data"), { recursive: true });
    // Contact between two organisations all but stops: a critical signal (the demo's planted breakdowns would do as
    // well, for three times the CPU).
    writeFallingContact(join(home, "srv/data"));
    const result = run();
    expect(result.status, result.stderr).toBe(1);
    const sent = mails();
    expect(sent).toHaveLength(1);
    const report = readFileSync(join(home, "srv/reports/signals-latest.md"), "utf8");
    expect(sent[0]).toBe(
      `subject: relaudit: relational breakdown signals\nto: programme-lead@example.org\n\n${report}`,
    );
    expect(report).toMatch(/[1-9]\d* warning|[1-9]\d* critical/);
  });
});
