#!/usr/bin/env node
// The only place that touches `process`: wires real streams into run() and sets the exit code.
import { run, committedWrites, removePendingTempFiles } from "../dist/relaudit.js";

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    // Leave no half-written output: temp files go, the previous report stays as it was.
    removePendingTempFiles();
    const outcome = committedWrites() > 0 ? "the outputs it had written are complete" : "no output was changed";
    process.stderr.write(`\nrelaudit: interrupted (${signal}); ${outcome}\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

const io = {
  stdout: {
    write: (s) => process.stdout.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.columns,
  },
  stderr: { write: (s) => process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) },
  stdinIsTTY: Boolean(process.stdin.isTTY),
  env: process.env,
};
process.exitCode = await run(process.argv.slice(2), io);
