// npm test's static checks — types, ESLint, Prettier, the layer rules and knip — side by side instead of one after
// another: each is a single-threaded Node program, so run in a row they left the second core idle for most of
// their ~40 s. Each check's output is printed whole when it ends (never interleaved); the exit code is 1 if any
// check failed. `npm run lint` still runs the lint checks in a row.
//
// With --vitest (npm test), `vitest run` (with the arguments after --vitest) starts at the same time as the checks
// instead of after them: neither keeps both cores busy on its own (the checks' lanes end unevenly, vitest's two
// workers wait on spawned processes and on its last long files), so run one after the other they left a core idle
// for a sixth of the time. vitest's output goes straight to the terminal; the checks' output is printed when vitest
// is done, so it never lands inside vitest's report.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { delimiter, join } from "node:path";

const root = join(import.meta.dirname, "..");
// As npm runs scripts: the project's node_modules/.bin first on PATH, in the project's folder.
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH}` };

// Each check keeps what it learnt about unchanged files in .cache/ (git-ignored, one per checkout), keyed by the
// content of every file, so a second run re-checks only what changed: ~70 CPU-s on a fresh clone, a few after.
// The folder is named by a hash of the lockfile, the configs and Node's version, and the old folder is removed: a new
// version of any tool (or of a plugin the ESLint cache would not notice) starts from nothing, and so does a changed
// rule, since dependency-cruiser keys its cache by the modules and some options but not by its rules.
const CONFIGS = ["package-lock.json", "package.json", ".dependency-cruiser.cjs", "tsconfig.json", "knip.json"];
const stamp = CONFIGS.reduce((hash, file) => hash.update(readFileSync(join(root, file))), createHash("sha256"))
  .update(process.version)
  .digest("hex")
  .slice(0, 12);
const cache = `.cache/checks-${stamp}`;
mkdirSync(join(root, ".cache"), { recursive: true });
for (const name of readdirSync(join(root, ".cache")))
  if (name.startsWith("checks-") && name !== `checks-${stamp}`) rmSync(join(root, ".cache", name), { recursive: true });

// Types are checked by TypeScript 7, the native compiler (devDependency typescript-native): the same checks in about
// a fifth of typescript 5.9's CPU (~3.5 against ~17 CPU-s cold). typescript 5.9 stays for typescript-eslint's parser,
// which needs its JavaScript API. Named by path: both packages install a `tsc` binary.
const TSC = `node ${join("node_modules", "typescript-native", "bin", "tsc")}`;

// Longest first (cold, alone: ESLint ~11 s, Prettier ~9, knip ~3, the layers ~3, types ~2.5), so the lanes end together.
const CHECKS = [
  ["eslint", `eslint . --cache --cache-strategy content --cache-location ${cache}/eslint`],
  [
    "prettier",
    `prettier --check . --log-level warn --cache --cache-strategy content --cache-location ${cache}/prettier`,
  ],
  ["knip", `knip --no-progress --cache --cache-location ${cache}/knip`],
  [
    "layers",
    `depcruise src --config .dependency-cruiser.cjs --output-type err --cache ${cache}/depcruise --cache-strategy content`,
  ],
  // --singleThreaded: the checks and vitest already keep both cores busy, so the compiler's own threads only add
  // work (3.4–4.0 against 4.7–5.1 CPU-s cold, measured 2026-12-02 at load 6–9) and take no wall time off.
  ["types", `${TSC} --noEmit --singleThreaded --incremental --tsBuildInfoFile ${cache}/tsc.tsbuildinfo`],
];

const vitestAt = process.argv.indexOf("--vitest");
const vitestArgs = vitestAt < 0 ? undefined : process.argv.slice(vitestAt + 1);
/** What the checks print, held back while vitest runs. */
let held = vitestArgs ? "" : undefined;
const print = (text) => (held === undefined ? process.stdout.write(text) : (held += text));

function check([name, command]) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, { shell: true, cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      print(`${code === 0 ? "✓" : "✗"} ${name} (${command}) ${seconds} s\n${output}`);
      done(code === 0);
    });
  });
}

function vitest(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...args], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    child.on("close", (code) => {
      process.stdout.write(held);
      held = undefined;
      done(code === 0);
    });
  });
}

const queue = [...CHECKS];
const lanes = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
  let ok = true;
  while (queue.length > 0) ok = (await check(queue.shift())) && ok;
  return ok;
});
const tests = vitestArgs ? [vitest(vitestArgs)] : [];
const [checksOk, testsOk = true] = await Promise.all([Promise.all(lanes), ...tests]);
// One last line for both parts, so a failed test never ends on a green tick.
if (vitestArgs) {
  const checksLine = checksOk.every(Boolean) ? "✓ static checks passed" : "✗ a static check failed (above)";
  const testsLine = testsOk ? "✓ tests passed" : "✗ tests failed (vitest's report above)";
  process.stdout.write(`${testsLine} · ${checksLine}\n`);
}
process.exitCode = checksOk.every(Boolean) && testsOk ? 0 : 1;
