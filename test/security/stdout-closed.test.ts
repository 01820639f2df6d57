// A reader that stops early (`relaudit audit … | head -c 10`) closes the pipe: relaudit stops writing there quietly,
// as cat does — no stack trace, and the run's own exit code (0 here), not an error code (issue 13, item 10).
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "../helpers/cli.js";
import { writeSystem } from "./system.js";

// The reports must outgrow a pipe's buffer (64 KB on Linux), or the whole report is written before the reader
// closes and nothing is tested: the small system's long labels make its Markdown ~200 KB and its JSON ~800 KB
// (the demo's are 78 KB and 800 KB, for over twice the CPU per run).
const input = join(mkdtempSync(join(tmpdir(), "relaudit-stdout-closed-")), "system");
writeSystem(input, { label: (label) => `${label} ${"—".repeat(300)}` });

function readTenBytesThenClose(args: string[]): Promise<{ code: number | null; head: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let head = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.stdout.on("data", (d: Buffer) => {
    if (head.length >= 10) return;
    head += d.toString("utf8").slice(0, 10 - head.length);
    if (head.length >= 10) child.stdout.destroy();
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, head, stderr })));
}

describe("stdout closed early", () => {
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
