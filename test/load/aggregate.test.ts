// `relaudit aggregate` against hand-worked rows, and sql/aggregate-interactions.sql run on its own (as a warehouse
// team would: a raw_events table, then the file as shipped) against `relaudit aggregate`.
//
// test/fixtures/inputs/raw-events/events.csv, worked by hand (weeks start on Monday, UTC):
//   A→B 09:00 Mon 4 May email; A→B,C 10:00 email (exported twice: once); A→" B ; B ;A;" meeting 30 min → B once,
//   the sender and the blank ignored; B→"" left out; C→A call 15 on 11 May and call (no minutes) on 13 May;
//   A→B,C,D,E meeting: 4 recipients, over a limit of 3; D→D only the sender; no sender; A→B 23:30 Sunday 10 May.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runInProcess } from "../helpers/cli.js";
import { withDuckDB } from "../helpers/duckdb.js";

const EVENTS = join(ROOT, "test/fixtures/inputs/raw-events/events.csv");
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "relaudit-aggregate-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function aggregate(input: string, out: string, ...flags: string[]) {
  const result = await runInProcess(["aggregate", input, "--out", out, "--quiet", ...flags]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return readFileSync(out, "utf8");
}

it("removes the temp and pass files a killed run left beside the output, and no one else's", async () => {
  const out = join(work, "swept.csv");
  // 2^22 + 1 is above Linux's largest pid, so no process has it; pid 1 (init) is always alive.
  const dead = [`.swept.csv.${2 ** 22 + 1}.tmp`, `.swept.csv.${2 ** 22 + 1}.tmp.3.parquet`];
  const alive = [`.swept.csv.1.tmp.0.parquet`, `.other.csv.${2 ** 22 + 1}.tmp`];
  for (const name of [...dead, ...alive]) writeFileSync(join(work, name), "part");
  await aggregate(EVENTS, out);
  expect(dead.filter((name) => existsSync(join(work, name)))).toEqual([]);
  expect(alive.filter((name) => existsSync(join(work, name)))).toEqual(alive);
});

function query<T>(sql: string): Promise<T[]> {
  return withDuckDB(async (connection) => {
    const statements = sql.split(/;\s*\n/).filter((s) => s.trim() !== "");
    for (const statement of statements.slice(0, -1)) await connection.run(statement);
    return (await connection.runAndReadAll(statements[statements.length - 1])).getRowObjectsJS() as T[];
  });
}

const HEADER = "from,to,date,channel,weight,duration_minutes";

describe("relaudit aggregate", () => {
  it("counts each event once per recipient and applies the stated rules (hand-worked)", async () => {
    expect(await aggregate(EVENTS, join(work, "utc.csv"), "--max-recipients", "3")).toBe(
      [
        HEADER,
        "A,B,2026-05-04,email,3,0.0",
        "A,B,2026-05-04,meeting,1,30.0",
        "A,C,2026-05-04,email,1,0.0",
        "C,A,2026-05-11,call,2,15.0",
        "",
      ].join("\n"),
    );
  });

  it("weeks in the audit's time zone: Sunday 23:30 UTC is Monday in London", async () => {
    const rows = await aggregate(
      EVENTS,
      join(work, "london.csv"),
      "--max-recipients",
      "3",
      "--time-zone",
      "Europe/London",
    );
    expect(rows).toContain("A,B,2026-05-04,email,2,0.0\n");
    expect(rows).toContain("A,B,2026-05-11,email,1,0.0\n");
  });

  it("without a limit the large meeting counts for each of its four recipients", async () => {
    const rows = await aggregate(EVENTS, join(work, "all.csv"), "--max-recipients", "0");
    for (const to of ["B", "C", "D", "E"]) expect(rows).toContain(`A,${to},2026-05-11,meeting,1,60.0\n`);
  });

  it("months, and Parquet with a list column of recipients, give the same rows as text", async () => {
    const listed = join(work, "listed.parquet");
    await query(`COPY (SELECT sender, string_split(recipients, ';') AS recipients, "timestamp", channel, duration_minutes
      FROM read_csv('${EVENTS}')) TO '${listed}' (FORMAT parquet)`);
    const fromText = await aggregate(EVENTS, join(work, "text-month.csv"), "--period", "month");
    const fromList = await aggregate(listed, join(work, "list-month.csv"), "--period", "month");
    expect(fromList).toBe(fromText);
    expect(fromText).toContain("A,B,2026-05-01,meeting,2,90.0\n");
  });

  it("instants in UTC read by arithmetic keep what timezone() keeps, infinite instants included", async () => {
    const instants = join(work, "instants.parquet");
    await query(`COPY (SELECT * FROM (VALUES ('A', 'B', TIMESTAMPTZ '2026-05-04 09:00:00+00', 'email', 0),
      ('A', 'C', 'infinity'::TIMESTAMPTZ, 'email', 0)) AS t(sender, recipients, "timestamp", channel, duration_minutes))
      TO '${instants}' (FORMAT parquet)`);
    // Etc/UTC is UTC by another name: it takes the timezone() path, the reference for the arithmetic one.
    const fast = await aggregate(instants, join(work, "instants-utc.csv"));
    const reference = await aggregate(instants, join(work, "instants-etc.csv"), "--time-zone", "Etc/UTC");
    expect(fast).toBe(reference);
    expect(fast.trim().split("\n")).toHaveLength(3);
  });

  it("names padded with Unicode spaces (U+00A0 from a spreadsheet) are trimmed like ASCII spaces", async () => {
    // "B;\u00a0C" is B and C; "B ;\u00a0A" is B and the sender. Untrimmed, \u00a0C would be a new person and
    // \u00a0A a self-send counted as contact.
    const raw = join(work, "nbsp.csv");
    writeFileSync(
      raw,
      [
        "sender,recipients,timestamp,channel,duration_minutes",
        "A,B;\u00a0C,2026-05-04T09:00:00Z,chat,0",
        "A,B ;\u00a0A,2026-05-04T10:00:00Z,chat,0",
        "\u00a0A\u3000,B;\u2002D,2026-05-04T11:00:00Z,chat,0",
        "",
      ].join("\n"),
    );
    expect(await aggregate(raw, join(work, "nbsp-out.csv"), "--max-recipients", "2")).toBe(
      [HEADER, "A,B,2026-05-04,chat,3,0.0", "A,C,2026-05-04,chat,1,0.0", "A,D,2026-05-04,chat,1,0.0", ""].join("\n"),
    );
  });

  it("passes over ranges of senders give the rows of one pass, in the same order, padded senders included", async () => {
    // Eight senders, one also written padded (U+00A0, U+3000, spaces): "\u00a0C" and " C" sort before every name
    // untrimmed, so ranges cut on the untrimmed sender would give C's rows twice.
    const names = ["A", "B", "C", "D", "E", "F", "G", "H"];
    const lines = ["sender,recipients,timestamp,channel,duration_minutes"];
    names.forEach((sender, i) => {
      for (let day = 4; day <= 6; day++)
        lines.push(`${sender},${names[(i + 1) % 8]};${names[(i + day) % 8]},2026-05-0${day}T09:00:00Z,chat,${day}`);
    });
    lines.push("\u00a0C\u3000,D,2026-05-04T10:00:00Z,chat,1", " C ,D,2026-05-04T11:00:00Z,chat,1", "");
    const raw = join(work, "senders.csv");
    writeFileSync(raw, lines.join("\n"));
    const one = await aggregate(raw, join(work, "senders-1.csv"), "--passes", "1");
    expect(one).toContain("C,D,2026-05-04,chat,5,17.0\n");
    for (const passes of ["3", "8"])
      expect(await aggregate(raw, join(work, `senders-${passes}.csv`), "--passes", passes)).toBe(one);
    // The test workers run DuckDB on one thread (test/helpers/duckdb-threads.ts): the order must hold on two as well.
    expect(await aggregate(raw, join(work, "senders-3-2.csv"), "--passes", "3", "--threads", "2")).toBe(one);
    const parquet = join(work, "senders-3.parquet");
    await aggregate(raw, parquet, "--passes", "3");
    const rows = await query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM read_parquet('${parquet}')`);
    expect(rows[0].n).toBe(one.trim().split("\n").length - 1);
  });

  it("the audit reads what aggregate writes", async () => {
    const out = join(work, "interactions.parquet");
    await aggregate(EVENTS, out, "--max-recipients", "3");
    const result = await runInProcess(["audit", "--interactions", out, "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { inputs: { files: { kind: string; rows: number }[] } };
    expect(report.inputs.files.find((f) => f.kind === "interactions")?.rows).toBe(4);
  });

  it("refuses to overwrite, and names an unreadable input", async () => {
    const out = join(work, "utc.csv");
    const again = await runInProcess(["aggregate", EVENTS, "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("the output file exists");
    const missing = await runInProcess(["aggregate", join(work, "nothing.parquet"), "--out", join(work, "x.parquet")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
  });

  it("running out of memory is said as such, with what to change, not blamed on the file", async () => {
    const out = join(work, "oom.csv");
    const result = await runInProcess(["aggregate", EVENTS, "--out", out, "--memory-limit", "1KB"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("DuckDB ran out of memory");
    expect(result.stderr).toContain("--memory-limit");
    expect(result.stderr).not.toContain("really is Parquet");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("sql/aggregate-interactions.sql on its own", () => {
  it("equals relaudit aggregate on the fixture", async () => {
    const sql = readFileSync(join(ROOT, "sql/aggregate-interactions.sql"), "utf8");
    // What a warehouse team has: a table raw_events in the SQL's input shape (wall-clock times, here UTC).
    const rows = await query<Record<string, unknown>>(`SET TimeZone = 'UTC';
      CREATE TABLE raw_events AS SELECT sender, recipients, CAST("timestamp" AS TIMESTAMP) AS event_time, channel,
        duration_minutes FROM read_csv('${EVENTS}');
      ${sql}`);
    const asCsv = [
      HEADER,
      ...rows.map((r) =>
        [
          r.from,
          r.to,
          (r.date as Date).toISOString().slice(0, 10),
          r.channel,
          r.weight,
          Number(r.duration_minutes).toFixed(1),
        ].join(","),
      ),
      "",
    ].join("\n");
    expect(asCsv).toBe(await aggregate(EVENTS, join(work, "default.csv")));
  });
});
