// The XL system of `npm run bench -- --sizes XL`: 50,000 people, about 1M ties over 26 weeks, generated as a raw
// event log (≥ 100M events, Parquet) by DuckDB, then `relaudit aggregate` and `relaudit audit` on its output, each in
// a child process with the probe (peak RSS, CPU). Also: L's interactions read from Parquet against CSV.
// Generated data lives under .bench/xl (gitignored), keyed by the generator's source and the size.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { peopleSql, rawEventsSql } from "./raw-events.mjs";

const PEOPLE = 50_000;

/** Runs a DuckDB statement in a child-free way: the product's own dependency, loaded here only. */
async function duckdbRun(sql) {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: String(os.availableParallelism()) });
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The raw events and people of XL, generated once. */
export async function ensureXl({ root, benchDir, events, log }) {
  const hash = createHash("sha256")
    .update(readFileSync(join(root, "scripts", "bench", "raw-events.mjs")))
    .digest("hex");
  const dir = join(benchDir, "xl", `${events}-${hash.slice(0, 12)}`);
  const raw = join(dir, "raw-events.parquet");
  const people = join(dir, "people.parquet");
  if (existsSync(join(dir, ".complete"))) return { dir, raw, people };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(
    `generating XL: ${events.toLocaleString("en-GB")} raw events of ${PEOPLE.toLocaleString("en-GB")} people into ${dir} …`,
  );
  const t0 = performance.now();
  await duckdbRun(peopleSql({ people: PEOPLE, out: people }));
  await duckdbRun(rawEventsSql({ events, people: PEOPLE, out: raw }));
  log(`  ${(statSync(raw).size / 2 ** 30).toFixed(2)} GiB in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  writeFileSync(join(dir, ".complete"), new Date().toISOString());
  return { dir, raw, people };
}

/** One CLI run under the probe: wall time, peak RSS, CPU, stdout and stderr. */
export function probedRun({ root, cli, work, name, args, env = {} }) {
  const probe = join(work, `${name}.probe.json`);
  rmSync(probe, { force: true });
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ["--import", join(root, "scripts", "bench", "probe.mjs"), cli, ...args], {
    cwd: root,
    env: { ...process.env, ...env, RELAUDIT_BENCH_PROBE: probe, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 2 ** 31 - 1,
  });
  const wallMs = performance.now() - t0;
  const stderr = child.stderr.toString();
  const probed = existsSync(probe) ? JSON.parse(readFileSync(probe, "utf8")) : {};
  // A failed step (out of memory, a crash) is a result to record in the table, not a reason to stop the bench.
  if (child.status !== 0 && child.status !== 1) {
    const reason = stderr.trim().split("\n").filter(Boolean).slice(-3).join(" / ") || `signal ${child.signal}`;
    return { wallMs, ...probed, failed: `exit ${child.status ?? child.signal}: ${reason.slice(0, 300)}`, stderr };
  }
  return { wallMs, ...probed, stdout: child.stdout, stderr };
}

/** A step that did not run because the one before it failed. */
const notRun = (why) => ({ failed: `not run: ${why}`, wallMs: 0, maxRssBytes: 0, userMs: 0, systemMs: 0 });

/** XL: aggregate the raw events, then audit the aggregate with the people. */
export async function runXl({ root, cli, benchDir, work, events, log, loadavg }) {
  const { dir, raw, people } = await ensureXl({ root, benchDir, events, log });
  const interactions = join(dir, "interactions.parquet");
  const loadBefore = loadavg();
  const aggregate = probedRun({
    root,
    cli,
    work,
    name: "XL-aggregate",
    args: ["aggregate", raw, "--out", interactions, "--force", "--memory-limit", "3GB"],
  });
  const aggregateLoad = `${loadBefore} → ${loadavg()}`;
  log(
    `XL aggregate: ${(aggregate.wallMs / 1000).toFixed(1)} s, peak RSS ${Math.round(aggregate.maxRssBytes / 2 ** 20)} MiB (load ${loadavg()})`,
  );
  // Its summary, without the progress lines of a run in passes ("aggregating: pass 2 of 7 …").
  const summary = aggregate.stderr
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith("aggregating: pass"))
    .join("\n");
  log(`  ${summary.split("\n")[0]}`);
  const auditLoadBefore = loadavg();
  const audit = aggregate.failed
    ? notRun("the aggregate failed")
    : probedRun({
        root,
        cli,
        work,
        name: "XL-audit",
        args: ["audit", "--people", people, "--interactions", interactions, "--format", "json", "--quiet"],
        env: { RELAUDIT_TIMINGS: "1" },
      });
  const report = audit.failed ? { inputs: { files: [] } } : JSON.parse(audit.stdout.toString());
  const timings = (audit.stderr ?? "")
    .split("\n")
    .map((line) => (line.startsWith("{") ? JSON.parse(line) : null))
    .find((x) => x && x.timings);
  const network = report.network ?? {};
  const betweenness = {
    method: network.betweennessMethod ?? null,
    sources: network.betweennessSampleSize ?? null,
    relativeError: network.betweennessRelativeError ?? null,
  };
  log(
    `XL audit: ${(audit.wallMs / 1000).toFixed(1)} s, peak RSS ${Math.round(audit.maxRssBytes / 2 ** 20)} MiB (load ${loadavg()})`,
  );
  return {
    events,
    rawBytes: statSync(raw).size,
    aggregateBytes: aggregate.failed ? null : statSync(interactions).size,
    loadBefore,
    aggregate: {
      wallMs: aggregate.wallMs,
      peakRssBytes: aggregate.maxRssBytes,
      cpuMs: aggregate.userMs + aggregate.systemMs,
      summary,
      failed: aggregate.failed ?? null,
      load: aggregateLoad,
    },
    audit: {
      wallMs: audit.wallMs,
      peakRssBytes: audit.maxRssBytes,
      cpuMs: audit.userMs + audit.systemMs,
      phases: timings?.timings ?? null,
      rows: Object.fromEntries(report.inputs.files.map((f) => [f.kind, f.rows])),
      ties: network.tieCount ?? null,
      betweenness,
      failed: audit.failed ?? null,
      load: `${auditLoadBefore} → ${loadavg()}`,
    },
    loadAfter: loadavg(),
  };
}

/**
 * L's interactions read from Parquet against CSV: `relaudit validate` (the load alone) with people.csv, CSV and Parquet
 * alternately, `runs` each, so both see the same minutes' load. Judged by CPU (user + system): DuckDB's threads take
 * a larger share of contended cores than the CSV reader's one, so wall time under load flatters the Parquet read.
 */
export async function parquetVersusCsv({ root, cli, benchDir, work, dir, log, loadavg, runs = 2 }) {
  const parquet = join(benchDir, "parquet", `${dir.split("/").pop()}-interactions.parquet`);
  if (!existsSync(parquet)) {
    mkdirSync(join(benchDir, "parquet"), { recursive: true });
    log(`writing ${parquet} (L's interactions.csv as Parquet) …`);
    await duckdbRun(
      `COPY (SELECT * FROM read_csv('${join(dir, "interactions.csv")}')) TO '${parquet}' (FORMAT parquet)`,
    );
  }
  const load = (interactions, name) => {
    const before = loadavg();
    const args = ["validate", "--people", join(dir, "people.csv"), "--interactions", interactions];
    const run = probedRun({ root, cli, work, name, args });
    const measured = { wallMs: run.wallMs, load: `${before} → ${loadavg()}` };
    if (run.failed) return { ...measured, failed: run.failed, cpuMs: NaN };
    return { ...measured, cpuMs: run.userMs + run.systemMs, peakRssBytes: run.maxRssBytes };
  };
  const samples = { csv: [], parquet: [] };
  for (let r = 0; r < runs; r++) {
    samples.csv.push(load(join(dir, "interactions.csv"), `L-csv-validate-${r}`));
    samples.parquet.push(load(parquet, `L-parquet-validate-${r}`));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const summary = (runs) => ({
    failed: runs.find((r) => r.failed)?.failed,
    cpuMs: median(runs.map((r) => r.cpuMs)),
    wallMs: median(runs.map((r) => r.wallMs)),
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes ?? 0)),
    load: runs.map((r) => r.load).join(", "),
    runs,
  });
  const [csv, pq] = [summary(samples.csv), summary(samples.parquet)];
  const speedup = csv.cpuMs / pq.cpuMs;
  log(
    `L interactions (validate, median of ${runs}): CSV ${(csv.cpuMs / 1000).toFixed(1)} s CPU, Parquet ${(pq.cpuMs / 1000).toFixed(1)} s CPU (${speedup.toFixed(1)}×; wall ${(csv.wallMs / 1000).toFixed(1)} / ${(pq.wallMs / 1000).toFixed(1)} s)`,
  );
  return { csv, parquet: pq, speedup, wallSpeedup: csv.wallMs / pq.wallMs };
}
