// A reader that stops early (`relaudit audit … | head -c 10`) closes the pipe: relaudit stops writing there quietly,
// as cat does — no stack trace, and the run's own exit code (0 here), not an error code (issue 13, item 10).
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BIN } from "../helpers/cli.js";
import { writeSystem } from "./system.js";

// The reports must outgrow a pipe's buffer (64 KB on Linux), or the whole report is written before the reader
// closes and nothing is tested: the small system's long labels make its Markdown ~200 KB and its JSON ~800 KB
// (the demo's are 78 KB and 800 KB, for over twice the CPU per run).
const input = join(mkdtempSync(join(tmpdir(), "relaudit-stdout-closed-")), "system");
writeSystem(input, { label: (label) => `${label} ${"—".repeat(300)}` });

/**
 * `relaudit … | head -c 10` in a shell: the report goes into a real pipe, whose reader leaves after ten bytes. (Node's
 * own "pipe" to a child is a socket whose buffer, ~200 KB here, can swallow a whole Markdown report before the reader
 * leaves, so the closed reader went unseen.) pipefail makes the shell's exit code relaudit's.
 */
function readTenBytesThenClose(args: string[]): Promise<{ code: number | null; head: string; stderr: string }> {
  const shell = spawn("bash", ["-c", 'set -o pipefail; "$0" "$@" | head -c 10', process.execPath, BIN, ...args], {
    env: { PATH: process.env.PATH, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let head = "";
  let stderr = "";
  shell.stdout.on("data", (d) => (head += d));
  shell.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => shell.on("close", (code) => resolve({ code, head, stderr })));
}

describe("stdout closed early", () => {
  afterAll(() => rmSync(dirname(input), { recursive: true, force: true }));
  it.each([["json"], ["markdown"]])("--format %s | head -c 10: exit 0, nothing on stderr", async (format) => {
    const result = await readTenBytesThenClose([
      "audit",
      input,
      "--format",
      format,
      "--generated-at",
      "2026-11-23T06:00:00Z",
    ]);
    expect(result.head.length).toBe(10);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
