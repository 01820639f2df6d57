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
const { run, committedFolders, committedWrites, removePendingStaging, removePendingTempFiles } = await import(
  bundle.href
);

// SIGHUP (the terminal closed, an ssh session dropped) ends a run like SIGTERM: the shell codes are 128 + the number.
const SIGNAL_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
for (const [signal, code] of Object.entries(SIGNAL_CODES)) {
  process.once(signal, () => {
    // Leave no half-written output: temp files go, the previous report stays as it was.
    removePendingTempFiles();
    removePendingStaging();
    const written = committedWrites() + committedFolders() > 0;
    const outcome = written ? "the outputs it had written are complete" : "no output was changed";
    process.stderr.write(`\nrelaudit: interrupted (${signal}); ${outcome}\n`);
    process.exit(code);
  });
}

// A reader that stops early (`relaudit audit | head`) closes the pipe: like `cat`, relaudit stops writing there
// quietly and finishes the run (files under --out are complete before the report goes to stdout).
const quietOnClose = (stream) =>
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && stream === process.stdout)
      process.stderr.write(`relaudit: cannot write the report to stdout (${error.code ?? error.message})\n`);
  });
quietOnClose(process.stdout);
quietOnClose(process.stderr);
const writer = (stream) => (s) => {
  if (!stream.destroyed) stream.write(s);
};

const io = {
  stdout: { write: writer(process.stdout), isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns },
  stderr: { write: writer(process.stderr), isTTY: Boolean(process.stderr.isTTY) },
  stdinIsTTY: Boolean(process.stdin.isTTY),
  env: process.env,
};
process.exitCode = await run(process.argv.slice(2), io);
