#!/usr/bin/env node
// The only place that touches `process`: wires real streams into run() and sets the exit code.
import { existsSync } from "node:fs";

// Node 20.19 is the first 20.x that loads an ES module from a package without "type": "module" (pptxgenjs's, for
// --format pptx) and the one package.json's engines names: say so plainly rather than fail mid-run.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`relaudit: needs Node.js 20.19 or later; this is Node.js ${process.versions.node}.\n`);
  process.exit(2);
}
const bundle = new URL("../dist/relaudit.js", import.meta.url);
if (!existsSync(bundle)) {
  // A clone before its first build (npm install does not build; npm start, npm test and npm run build do).
  process.stderr.write("relaudit: not built yet: run `npm run build` in the relaudit folder first.\n");
  process.exit(2);
}
const { run, committedWrites, removePendingTempFiles } = await import(bundle.href);

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
