// A real `relaudit audit --out` run, killed while it reads a large input: the previous report stays byte for byte,
// and no temp file is left behind. "While it reads" is observed, not timed: the test waits until the process has the
// input file open (/proc/<pid>/fd, Linux), then sends the signal.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, runInProcess } from "../helpers/cli.js";

const small = join(import.meta.dirname, "../fixtures/inputs/small");

/** people.csv and a ~45 MB interactions.csv: long enough to read that a signal lands mid-read. */
function writeLargeInput(dir: string): string {
  const people = 2000;
  const fd = openSync(join(dir, "people.csv"), "w");
  writeSync(fd, "id,organisation\n");
  for (let i = 0; i < people; i++) writeSync(fd, `u${i}zq,Org ${i % 7}\n`);
  closeSync(fd);
  // Row i depends only on i mod 2000, 6 and 10: the rows repeat every 6,000, so a block of 60,000 is built once and
  // written again (building all million rows as strings cost ~0.7 CPU-s; the file is the same).
  const row = (i: number) =>
    `u${(i * 7919) % people}zq,u${(i * 104729 + 1) % people}zq,2026-0${1 + (i % 6)}-1${i % 10}T09:00:00Z,email\n`;
  const BLOCK = 60_000;
  const block = Buffer.from(Array.from({ length: BLOCK }, (_, i) => row(i)).join(""));
  const rest = Buffer.from(Array.from({ length: 1_000_000 % BLOCK }, (_, i) => row(i)).join(""));
  const path = join(dir, "interactions.csv");
  const out = openSync(path, "w");
  writeSync(out, "from,to,timestamp,channel\n");
  for (let written = 0; written + BLOCK <= 1_000_000; written += BLOCK) writeSync(out, block);
  writeSync(out, rest);
  closeSync(out);
  return path;
}

function snapshot(dir: string): Record<string, string> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((name) =>
    statSync(join(dir, name)).isFile(),
  );
  return Object.fromEntries(files.sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

async function waitUntilOpen(pid: number, path: string, exited: () => boolean): Promise<boolean> {
  for (;;) {
    if (exited()) return false;
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === path)) return true;
    } catch {
      // The process may be starting or ending: look again.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!existsSync("/proc/self/fd"))("interrupted runs", () => {
  const input = mkdtempSync(join(tmpdir(), "relaudit-large-"));
  const interactions = writeLargeInput(input);

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGKILL", null],
  ] as const)("%s mid-run leaves the previous report intact and no temp files", async (signal, expectedCode) => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-previous-"));
    expect((await runInProcess(["audit", small, "--out", out, "--generated-at", "2026-11-23T06:00:00Z"])).code).toBe(0);
    const before = snapshot(out);

    const child = spawn(process.execPath, [BIN, "audit", input, "--out", out], {
      env: { PATH: process.env.PATH, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.resume();
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    const done = new Promise<void>((resolve) =>
      child.on("exit", (code, sig) => ((exit = { code, signal: sig }), resolve())),
    );

    const reading = await waitUntilOpen(child.pid!, interactions, () => exit !== null);
    expect(reading, `the run ended before it was interrupted: ${stderr}`).toBe(true);
    child.kill(signal);
    await done;

    const ended = exit as unknown as { code: number | null; signal: NodeJS.Signals | null };
    if (expectedCode === null) expect(ended.signal).toBe("SIGKILL");
    else {
      expect(ended.code).toBe(expectedCode);
      expect(stderr).toContain(`interrupted (${signal}); no output was changed`);
    }
    expect(snapshot(out)).toEqual(before);
  });
});
