// npm run bench: end-to-end timings of the built CLI on generated systems of three sizes, against a floor.
//
//   npm run bench                        S, M and L, one run each
//   npm run bench -- --sizes S,M --runs 3 --profile
//
// Each size is generated once with the seeded demo generator (scripts/generate-demo.ts, planted patterns) into a
// cache folder under the system temp folder, keyed by size, seed and the generator's own source, so reruns start
// at once. Each run is `relaudit audit DIR --format json --out OUT` in a child process with RELAUDIT_TIMINGS=1
// (per-phase wall times on stderr) and a probe (scripts/bench/probe.mjs) recording peak RSS and CPU time; one more
// run per size without --out (JSON on stdout only: no charts, no report.md). The floor
// is the time to read the same files, decode them and split lines (scripts/bench/floor.mjs), best of three.
// With two or more cores it also runs M (or the largest size) with RELAUDIT_WORKERS=1 and compares the JSON.
// On M, when python3 has pandas and python-igraph, the peer (scripts/bench/peer.py) runs after each relaudit run,
// and the issue 15 target table gives relaudit's wall time as a ratio of the peer's.
// Prints a table; writes the figures as JSON to .bench/ (gitignored) so runs can be compared.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { findPeerPython, runPeer, sameNetwork } from "./bench/peer.mjs";
import { targetRows, targetTable } from "./bench/targets.mjs";
import { parquetVersusCsv, runXl } from "./bench/xl.mjs";
import { xlTargetTable } from "./bench/xl-targets.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = {
  S: { people: 600, interactionsPerPersonWeek: 6.4, surveyResponses: null, about: "600 people, ~100k interactions" },
  M: {
    people: 10_000,
    interactionsPerPersonWeek: 4.6,
    surveyResponses: 13_000,
    about: "10,000 people, ~1.2M interactions, ~13k survey responses",
  },
  L: {
    people: 10_000,
    interactionsPerPersonWeek: 46,
    surveyResponses: 13_000,
    about: "10,000 people, ~12M interactions, ~13k survey responses",
  },
};
const PHASES = ["read", "model", "survey", "network", "signals", "checks", "render"];
const GENERATED_AT = "2026-01-01T00:00:00.000Z";

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "S,M,L" },
    runs: { type: "string", default: "1" },
    seed: { type: "string", default: "2026" },
    profile: { type: "boolean", default: false },
    "no-workers-check": { type: "boolean", default: false },
    "xl-events": { type: "string", default: "100000000" },
    help: { type: "boolean", short: "h" },
  },
});
if (flags.help) {
  process.stdout.write(
    "npm run bench -- [--sizes S,M,L,XL] [--runs N] [--seed N] [--profile] [--no-workers-check] [--xl-events N]\n",
  );
  process.exit(0);
}
const requested = flags.sizes.split(",").map((s) => s.trim().toUpperCase());
for (const size of requested)
  if (!(size in SIZES) && size !== "XL")
    fail(`unknown size "${size}": choose from ${Object.keys(SIZES).join(", ")}, XL`);
// XL is a raw event log aggregated then audited (scripts/bench/xl.mjs), not a generated CSV system.
const sizes = requested.filter((s) => s !== "XL");
const runs = Math.max(1, Number(flags.runs) || 1);
const seed = Number(flags.seed);
const cli = join(ROOT, "bin", "relaudit.js");
if (!existsSync(join(ROOT, "dist", "relaudit.js")))
  fail("dist/relaudit.js is missing: run npm run build (npm run bench does)");

const benchDir = join(ROOT, ".bench");
const work = join(benchDir, "work");
mkdirSync(work, { recursive: true });
const machine = {
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const started = new Date();
const loadAtStart = loadavg();
log(
  `relaudit bench ${started.toISOString()} on ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, node ${machine.node}; load ${loadAtStart}`,
);

const results = [];
const peerPython = sizes.includes("M") ? findPeerPython() : null;
let peer = null;
for (const size of sizes) {
  const dir = ensureSystem(size);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .map((f) => join(dir, f));
  const floor = best(
    3,
    () => runJson(process.execPath, [join(ROOT, "scripts", "bench", "floor.mjs"), ...files]),
    (f) => f.ms,
  );
  const samples = [];
  const peerRuns = [];
  for (let r = 0; r < runs; r++) {
    samples.push(auditRun(size, dir, `${size}-${r}`, {}));
    // The peer right after each relaudit run, so both see the same load.
    if (size === "M" && peerPython) peerRuns.push(runPeer(ROOT, peerPython, dir));
  }
  const result = summarise(size, floor, samples);
  if (peerRuns.length > 0) {
    peer = peerRuns.sort((a, b) => a.wallMs - b.wallMs)[Math.floor((peerRuns.length - 1) / 2)];
    peer.sameNetwork = sameNetwork(JSON.parse(readFileSync(result.jsonPath, "utf8")), peer);
    log(`M peer (pandas + igraph): ${seconds(peer.wallMs)} s wall; same network: ${peer.sameNetwork}`);
  }
  // Without --out: no charts, report.md or second copy of the JSON; the analyses and the JSON on stdout.
  const stdoutOnly = auditRun(size, dir, `${size}-json`, {}, false);
  result.jsonOnly = {
    wallMs: stdoutOnly.wallMs,
    renderMs: stdoutOnly.phases.render,
    peakRssBytes: stdoutOnly.maxRssBytes,
  };
  if (flags.profile) result.profile = profileRun(size, dir);
  results.push(result);
  log(`${size}: ${seconds(result.wallMs)} s wall, peak RSS ${mib(result.peakRssBytes)} MiB (load ${loadavg()})`);
}

// XL: raw events → aggregate → audit; and L's interactions from Parquet against CSV.
let xl = null;
if (requested.includes("XL")) {
  const context = { root: ROOT, cli, benchDir, work, log, loadavg };
  xl = await runXl({ ...context, events: Number(flags["xl-events"]) });
  xl.lParquetVersusCsv = await parquetVersusCsv({ ...context, dir: ensureSystem("L") });
}

// Determinism across worker counts: the largest size again with one worker, byte for byte.
let workers = null;
if (!flags["no-workers-check"] && machine.cores > 1 && results.length > 0) {
  const size = sizes.includes("M") ? "M" : sizes[sizes.length - 1];
  const single = auditRun(size, ensureSystem(size), `${size}-1-worker`, { RELAUDIT_WORKERS: "1" });
  const reference = results.find((r) => r.size === size);
  const identical = readFileSync(single.jsonPath).equals(readFileSync(reference.jsonPath));
  workers = {
    size,
    identical,
    oneThread: {
      wallMs: single.wallMs,
      networkMs: single.phases.network,
      betweennessThreads: single.phases.betweennessThreads,
    },
    default: {
      wallMs: reference.wallMs,
      networkMs: reference.phases.network,
      betweennessThreads: reference.betweennessThreads,
    },
  };
  log(
    `${size} with RELAUDIT_WORKERS=1: ${seconds(single.wallMs)} s wall, network ${seconds(single.phases.network)} s; JSON ${identical ? "byte-identical" : "DIFFERS"} to the default run`,
  );
}

const mResult = results.find((r) => r.size === "M");
const targets = targetRows({
  m: mResult,
  l: results.find((r) => r.size === "L"),
  peer,
  network: mResult ? JSON.parse(readFileSync(mResult.jsonPath, "utf8")).network : null,
});

const record = {
  date: started.toISOString(),
  machine,
  loadAtStart,
  loadAtEnd: loadavg(),
  seed,
  runs,
  results: results.map(({ jsonPath: _jsonPath, ...rest }) => rest),
  workers,
  xl,
  peer,
  targets,
};
const stamp = started.toISOString().replace(/[:.]/g, "-");
writeFileSync(join(benchDir, `bench-${stamp}.json`), JSON.stringify(record, null, 2) + "\n");
writeFileSync(join(benchDir, "latest.json"), JSON.stringify(record, null, 2) + "\n");
if (xl) process.stdout.write(`\n${xlTable(xl)}\n\n${xlTargetTable(xl)}\n`);
// The sizes' table and issue 15's targets only when a size ran: `--sizes XL` alone would print them empty.
if (results.length > 0) {
  process.stdout.write(`\n${table(results)}\n`);
  process.stdout.write(
    `\nIssue 15 targets (${started.toISOString()}):\n${targetTable(targets, `${loadAtStart} → ${loadavg()}`)}\n`,
  );
}
process.stdout.write(`\nWrote .bench/bench-${stamp}.json (and .bench/latest.json).\n`);
if (workers && !workers.identical) process.exitCode = 1;

// ---------------------------------------------------------------------------------------------------------------

function ensureSystem(size) {
  const spec = SIZES[size];
  const dir = join(os.tmpdir(), "relaudit-bench", `${size}-seed${seed}-${generatorHash()}`);
  if (existsSync(join(dir, ".complete"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  log(`generating ${size} (${spec.about}) into ${dir} …`);
  const args = [
    "--import",
    "tsx",
    join(ROOT, "scripts", "generate-demo.ts"),
    "--out",
    dir,
    "--seed",
    String(seed),
    "--people",
    String(spec.people),
    "--interactions-per-person-week",
    String(spec.interactionsPerPersonWeek),
  ];
  if (spec.surveyResponses) args.push("--survey-responses", String(spec.surveyResponses));
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "inherit", "pipe"],
  });
  if (child.status !== 0) fail(`the generator failed for ${size}:\n${child.stderr}`);
  log(`  ${child.stderr.trim()} (${seconds(performance.now() - t0)} s)`);
  writeFileSync(join(dir, ".complete"), new Date().toISOString());
  return dir;
}

/** The generator's own source decides whether cached data is still what it would write. */
function generatorHash() {
  const hash = createHash("sha256");
  const demo = join(ROOT, "scripts", "demo");
  for (const file of [
    join(ROOT, "scripts", "generate-demo.ts"),
    ...readdirSync(demo)
      .sort()
      .map((f) => join(demo, f)),
  ])
    hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 12);
}

function auditRun(size, dir, name, env, withOut = true) {
  const out = join(work, `${name}-out`);
  const jsonPath = join(work, `${name}.json`);
  const probe = join(work, `${name}.probe.json`);
  rmSync(out, { recursive: true, force: true });
  rmSync(probe, { force: true });
  const args = [
    "--import",
    join(ROOT, "scripts", "bench", "probe.mjs"),
    cli,
    "audit",
    dir,
    "--format",
    "json",
    ...(withOut ? ["--out", out] : []),
    "--quiet",
    "--generated-at",
    GENERATED_AT,
  ];
  const loadBefore = loadavg();
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, RELAUDIT_TIMINGS: "1", RELAUDIT_BENCH_PROBE: probe, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 2 ** 31 - 1,
  });
  const wallMs = performance.now() - t0;
  if (child.status !== 0 && child.status !== 1)
    fail(`relaudit audit failed on ${size} (exit ${child.status}):\n${child.stderr.toString().slice(-4000)}`);
  writeFileSync(jsonPath, child.stdout);
  const timings = child.stderr
    .toString()
    .split("\n")
    .map((line) => (line.startsWith("{") ? JSON.parse(line) : null))
    .find((x) => x && x.timings);
  if (!timings)
    fail(
      `relaudit printed no timings on stderr (RELAUDIT_TIMINGS=1): is dist/ up to date?\n${child.stderr.toString().slice(-2000)}`,
    );
  const usage = JSON.parse(readFileSync(probe, "utf8"));
  const report = JSON.parse(child.stdout.toString());
  const rows = Object.fromEntries(report.inputs.files.filter((f) => f.kind !== "config").map((f) => [f.kind, f.rows]));
  return {
    wallMs,
    phases: timings.timings,
    workers: timings.workers ?? null,
    ...usage,
    rows,
    jsonBytes: child.stdout.length,
    loadBefore,
    loadAfter: loadavg(),
    jsonPath,
  };
}

function profileRun(size, dir) {
  const profiles = join(benchDir, "profiles");
  mkdirSync(profiles, { recursive: true });
  const out = join(work, `${size}-profile-out`);
  rmSync(out, { recursive: true, force: true });
  const child = spawnSync(
    process.execPath,
    [
      "--cpu-prof",
      "--cpu-prof-dir",
      profiles,
      "--cpu-prof-name",
      `${size}.cpuprofile`,
      cli,
      "audit",
      dir,
      "--format",
      "json",
      "--out",
      out,
      "--quiet",
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  if (child.status !== 0 && child.status !== 1)
    fail(`profiling ${size} failed:\n${child.stderr.toString().slice(-2000)}`);
  const path = join(profiles, `${size}.cpuprofile`);
  return { path, top: topFunctions(JSON.parse(readFileSync(path, "utf8")), 15) };
}

/** Self time by function from a V8 CPU profile, largest first. */
function topFunctions(profile, count) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const frame = node.callFrame;
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
}

function summarise(size, floor, samples) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const phases = Object.fromEntries(PHASES.map((p) => [p, median(samples.map((s) => s.phases[p] ?? 0))]));
  const wallMs = median(samples.map((s) => s.wallMs));
  const rows = samples[0].rows;
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  return {
    size,
    about: SIZES[size].about,
    rows,
    inputBytes: floor.bytes,
    wallMs,
    cpuMs: median(samples.map((s) => s.userMs + s.systemMs)),
    phases,
    startupMs: Math.max(0, wallMs - Object.values(phases).reduce((a, b) => a + b, 0)),
    peakRssBytes: Math.max(...samples.map((s) => s.maxRssBytes)),
    rowsPerSecond: Math.round(totalRows / (wallMs / 1000)),
    floorMs: floor.ms,
    ratioToFloor: Object.fromEntries([
      ...PHASES.map((p) => [p, phases[p] / floor.ms]),
      ["readAndModel", (phases.read + phases.model) / floor.ms],
    ]),
    jsonBytes: samples[0].jsonBytes,
    workers: samples[0].workers,
    betweennessThreads: samples[0].phases.betweennessThreads ?? null,
    load: samples.map((s) => [s.loadBefore, s.loadAfter]),
    samples: samples.map((s) => ({
      wallMs: s.wallMs,
      phases: s.phases,
      maxRssBytes: s.maxRssBytes,
      userMs: s.userMs,
      systemMs: s.systemMs,
    })),
    jsonPath: samples[0].jsonPath,
  };
}

function table(results) {
  const head = ["", ...results.map((r) => r.size)];
  const row = (label, f) => [label, ...results.map(f)];
  const rows = [
    row("interaction rows", (r) => (r.rows.interactions ?? 0).toLocaleString("en-GB")),
    row("input MB", (r) => (r.inputBytes / 1e6).toFixed(1)),
    row("wall s", (r) => seconds(r.wallMs)),
    row("CPU s (user+sys)", (r) => seconds(r.cpuMs)),
    ...PHASES.map((p) => row(`  ${p} s`, (r) => seconds(r.phases[p]))),
    row("  startup, exit s", (r) => seconds(r.startupMs)),
    row("peak RSS MiB", (r) => mib(r.peakRssBytes)),
    row("without --out: wall s", (r) => seconds(r.jsonOnly.wallMs)),
    row("  render s", (r) => seconds(r.jsonOnly.renderMs)),
    row("  peak RSS MiB", (r) => mib(r.jsonOnly.peakRssBytes)),
    row("rows/s (all files)", (r) => r.rowsPerSecond.toLocaleString("en-GB")),
    row("floor s (read+split)", (r) => seconds(r.floorMs)),
    ...PHASES.map((p) => row(`  ${p} ÷ floor`, (r) => r.ratioToFloor[p].toFixed(1))),
    row("  read+model ÷ floor", (r) => r.ratioToFloor.readAndModel.toFixed(1)),
    row("betweenness threads", (r) => `${r.betweennessThreads ?? "-"} of ${r.workers ?? "-"}`),
    row("JSON MB", (r) => (r.jsonBytes / 1e6).toFixed(1)),
  ];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function runJson(command, args) {
  const child = spawnSync(command, args, { cwd: ROOT, encoding: "utf8" });
  if (child.status !== 0) fail(`${args[0]} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

function best(times, run, key) {
  let result = null;
  for (let i = 0; i < times; i++) {
    const next = run();
    if (!result || key(next) < key(result)) result = next;
  }
  return result;
}

function loadavg() {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
}
function seconds(ms) {
  return ms === undefined || ms === null ? "-" : (ms / 1000).toFixed(2);
}
function mib(bytes) {
  return Math.round(bytes / 2 ** 20).toLocaleString("en-GB");
}
function log(text) {
  process.stderr.write(`${text}\n`);
}
function fail(text) {
  process.stderr.write(`bench: ${text}\n`);
  process.exit(2);
}

function xlTable(x) {
  const s = (ms) => (ms / 1000).toFixed(1);
  const m = (bytes) => Math.round(bytes / 2 ** 20).toLocaleString("en-GB");
  const b = x.audit.betweenness;
  return [
    `| XL (${x.events.toLocaleString("en-GB")} raw events, ${m(x.rawBytes)} MiB Parquet) | wall, s | peak RSS, MiB | CPU, s |`,
    "|---|---|---|---|",
    `| aggregate → ${x.aggregate.failed ? `failed: ${x.aggregate.failed}` : `${m(x.aggregateBytes)} MiB`} | ${s(x.aggregate.wallMs)} | ${m(x.aggregate.peakRssBytes ?? 0)} | ${s(x.aggregate.cpuMs || 0)} |`,
    `| audit (${x.audit.failed ? x.audit.failed : `${(x.audit.rows.interactions ?? 0).toLocaleString("en-GB")} rows`}) | ${s(x.audit.wallMs)} | ${m(x.audit.peakRssBytes ?? 0)} | ${s(x.audit.cpuMs || 0)} |`,
    `| L interactions, validate: CSV / Parquet | ${s(x.lParquetVersusCsv.csv.wallMs)} / ${s(x.lParquetVersusCsv.parquet.wallMs)} | ${m(x.lParquetVersusCsv.csv.peakRssBytes)} / ${m(x.lParquetVersusCsv.parquet.peakRssBytes)} | ${s(x.lParquetVersusCsv.csv.cpuMs)} / ${s(x.lParquetVersusCsv.parquet.cpuMs)} (${x.lParquetVersusCsv.speedup.toFixed(1)}×) |`,
    `betweenness: ${b.method}${b.sources ? ` (${b.sources} sources, relative error ${b.relativeError})` : ""}; load ${x.loadBefore} → ${x.loadAfter}`,
  ].join("\n");
}
