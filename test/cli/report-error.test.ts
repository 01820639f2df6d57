// What stderr says when a run fails, and that --pseudonymise keeps input values out of it even with --debug.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportError, type ErrorReporting } from "../../src/cli/report-error.js";
import { InputError } from "../../src/model/problems.js";
import { runInProcess } from "../helpers/cli.js";

function report(error: unknown, how: ErrorReporting): { code: number; stderr: string } {
  let stderr = "";
  const sink = { write: (s: string) => void (stderr += s), isTTY: false };
  const code = reportError(error, { stdout: sink, stderr: sink, stdinIsTTY: false, env: {} }, how);
  return { code, stderr };
}

// A bug whose message quotes a value from the input, as a TypeError or a failed lookup can.
const bug = () => new TypeError('no group for person "Jane.Doe@trust.nhs.uk"');

describe("reportError", () => {
  it("shows a bug's message and asks for --debug, exit 3", () => {
    const { code, stderr } = report(bug(), { debug: false, pseudonymised: false });
    expect(code).toBe(3);
    expect(stderr).toContain('unexpected error: no group for person "Jane.Doe@trust.nhs.uk"');
    expect(stderr).toContain("Rerun with --debug");
  });

  it("with --debug shows the whole stack, message included", () => {
    const { stderr } = report(bug(), { debug: true, pseudonymised: false });
    expect(stderr).toContain("TypeError: no group for person");
    expect(stderr).toMatch(/\n\s+at /);
  });

  it("under --pseudonymise names only the kind of a bug, with or without --debug", () => {
    for (const debug of [false, true]) {
      const { code, stderr } = report(bug(), { debug, pseudonymised: true });
      expect(code).toBe(3);
      expect(stderr).not.toContain("Jane.Doe");
      expect(stderr).toContain("unexpected error: TypeError (its message is withheld under --pseudonymise");
      if (debug) expect(stderr).toMatch(/\n\s+at /);
    }
  });

  it("under --pseudonymise withholds an input problem's values, and --debug adds only the frames", () => {
    const problem = {
      file: "people.csv",
      line: 7,
      column: "id",
      message: 'duplicate person id "Jane.Doe"',
      expected: "each id once",
      found: "Jane.Doe",
    };
    const error = new InputError([problem]);
    const plain = report(error, { debug: true, pseudonymised: false });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("Jane.Doe");
    const pseudonymised = report(error, { debug: true, pseudonymised: true });
    expect(pseudonymised.code).toBe(2);
    expect(pseudonymised.stderr).not.toContain("Jane.Doe");
    expect(pseudonymised.stderr).toContain('duplicate person id "…"');
    expect(pseudonymised.stderr).toMatch(/\n\s+at /);
  });

  it("through the CLI: an unknown id stays out of stderr under --pseudonymise --debug, frames shown", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-report-error-"));
    try {
      writeFileSync(join(dir, "people.csv"), "id,organisation\nu1zq,A\nu2zq,B\n");
      writeFileSync(join(dir, "interactions.csv"), "from,to,timestamp\nu1zq,secret9zq,2026-05-04T09:00:00Z\n");
      const env = { RELAUDIT_PSEUDONYM_KEY: "0123456789abcdef0123" };
      const plain = await runInProcess(["audit", dir, "--debug"], { env });
      expect(plain.stderr).toContain("secret9zq");
      const debug = await runInProcess(["audit", dir, "--pseudonymise", "--debug"], { env });
      expect(debug.code).toBe(2);
      expect(debug.stderr).toMatch(/\n\s+at /);
      expect(debug.stderr).not.toContain("secret9zq");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
