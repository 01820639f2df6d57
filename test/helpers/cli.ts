// Two ways to run the CLI in tests: in-process through run() (fast), and as the built binary (end to end).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";

export const ROOT = join(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin/relaudit.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(
  argv: string[],
  options: { tty?: boolean; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (s) => void (stdout += s), isTTY: options.tty ?? false, columns: 80 },
    stderr: { write: (s) => void (stderr += s), isTTY: options.tty ?? false },
    stdinIsTTY: false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

export function runBuilt(argv: string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    // TMPDIR: the run's temporary folder (test/helpers/temp-root.ts), so what the CLI writes there goes with it.
    env: { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR ?? "", NO_COLOR: "1", ...options.env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
