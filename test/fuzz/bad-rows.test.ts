// Bad data at scale: problems are bounded (first N per kind, with counts), and --skip-invalid-rows goes on, leaving
// out each invalid row and recording it — by line and column, never by value — in the report.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { runInProcess } from "../helpers/cli.js";
import { FULL_SIZE } from "../helpers/size.js";
import { ProblemLog } from "../../src/model/problems.js";
import { BAD_ROW_REASONS, writeLargeBadFile } from "./large.js";

const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../../schema/report.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
addFormats.default(ajv);
const validateReport = ajv.compile(schema);

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-badrows-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe("ProblemLog", () => {
  const call = fc.record({
    reason: fc.constantFrom("unknown person id", "invalid date", "invalid weight"),
    file: fc.constantFrom("a.csv", "b.csv"),
    line: fc.integer({ min: 2, max: 1e6 }),
  });

  it("keeps at most N examples per file and reason, and counts every row", () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (calls, max) => {
        const log = new ProblemLog(max, true);
        for (const c of calls) log.invalidRow({ file: c.file, line: c.line, message: c.reason }, c.reason);
        const skipped = log.skipped();
        expect(skipped.reduce((sum, s) => sum + s.rows, 0)).toBe(calls.length);
        for (const s of skipped) {
          expect(s.examples.length).toBe(Math.min(max, s.rows));
          expect(s.examples.map((e) => e.line)).toEqual(
            calls
              .filter((c) => c.file === s.file && c.reason === s.reason)
              .slice(0, max)
              .map((c) => c.line),
          );
        }
        expect(skipped.map((s) => s.rows)).toEqual([...skipped.map((s) => s.rows)].sort((a, b) => b - a));
        expect(log.count).toBe(0);
      }),
    );
  });

  it("without skipping, keeps at most N problems per kind and counts the rest", () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 300 }), fc.integer({ min: 1, max: 30 }), (calls, max) => {
        const log = new ProblemLog(max, false);
        for (const c of calls) log.invalidRow({ file: c.file, line: c.line, message: c.reason }, c.reason);
        expect(log.count).toBe(calls.length);
        expect(log.problems.length).toBeLessThanOrEqual(6 * max);
        expect(log.skipped()).toEqual([]);
      }),
    );
  });
});

describe("--skip-invalid-rows", () => {
  const people = "id,organisation,joined\nA,North,2025-01-01\nB,North,2025-13-01\nC,South,\nA,South,\nD,South,\n";
  const interactions = [
    "from,to,timestamp,weight",
    "A,C,2026-05-04,1",
    "A,ghost-zq,2026-05-04,1",
    "C,A,2026-05-31,x",
    "C,A,31/05/2026,1",
    "C,A,2026-05-05",
    "D,A,2026-05-06,2",
    "",
  ].join("\n");
  const survey =
    "respondent,organisation,PS1,PS2\nr1,North,4,5\nr2,North,9,4\nr3,South,Agree,private words\nr4,South,3,3\n";
  const config = JSON.stringify({ scales: { ps: { items: ["PS1", "PS2"], min: 1, max: 5 } } });
  const dir = folder({
    "people.csv": people,
    "interactions.csv": interactions,
    "survey.csv": survey,
    "relaudit.config.json": config,
  });

  it("without it, the run fails listing every problem", async () => {
    const { code, stderr } = await runInProcess(["audit", dir]);
    expect(code).toBe(2);
    for (const text of [
      "people.csv, line 3",
      "people.csv, line 5",
      "interactions.csv, line 3",
      "interactions.csv, line 4",
      "interactions.csv, line 5",
      "survey.csv, line 3",
      "survey.csv, line 4",
    ]) {
      expect(stderr).toContain(text);
    }
  });

  it("with it, leaves the rows out, records each by file, reason, line and column, and says so in the notes", async () => {
    const { code, stdout, stderr } = await runInProcess(["audit", dir, "--skip-invalid-rows", "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    const skipped = report.inputs.skipped.map(
      (s: { file: string; reason: string; rows: number; examples: unknown[] }) => [
        s.file.split("/").at(-1),
        s.reason,
        s.rows,
        s.examples,
      ],
    );
    expect(skipped).toEqual(
      expect.arrayContaining([
        ["people.csv", "invalid date in joined", 1, [{ line: 3, column: "joined" }]],
        ["people.csv", "duplicate person id", 1, [{ line: 5, column: "id" }]],
        // Person B's row was left out, so nothing else refers to B; A–ghost is unknown either way.
        ["interactions.csv", "unknown person id", 1, [{ line: 3, column: "to" }]],
        ["interactions.csv", "invalid weight", 1, [{ line: 4, column: "weight" }]],
        ["interactions.csv", "invalid date", 1, [{ line: 5, column: "timestamp" }]],
        ["interactions.csv", "wrong number of fields", 1, [{ line: 6 }]],
        ["survey.csv", "answer out of range in PS1", 1, [{ line: 3, column: "PS1" }]],
        ["survey.csv", "unknown answer in PS1", 1, [{ line: 4, column: "PS1" }]],
      ]),
    );
    expect(report.inputs.skipped).toHaveLength(8);
    expect(report.network.peopleCount).toBe(3);
    expect(report.network.tieCount).toBe(2);
    expect(report.survey.responses).toBe(2);
    expect(report.inputs.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/interactions\.csv: 4 invalid rows left out \(--skip-invalid-rows\): 1 /),
      ]),
    );
    // No value of a left-out row reaches the report: not the unknown id, not the free text.
    expect(stdout).not.toContain("ghost-zq");
    expect(stdout).not.toContain("private words");
  });

  it("still fails when every row of a file is invalid (a wrong file or setting, not bad rows)", async () => {
    const bad = folder({ "people.csv": "id,organisation,joined\nA,North,tomorrow\nB,North,yesterday\n" });
    const { code, stderr } = await runInProcess(["audit", bad, "--skip-invalid-rows"]);
    expect(code).toBe(2);
    expect(stderr).toContain("every row (2) is invalid and was left out");
  });
});

// 40,000 rows in npm test (100 bad rows of each kind: five times the 20 examples kept, so the cap and the count of the
// rest are both exercised), 100,000 at full size; the soak (npm run fuzz) measures a million.
describe("a large file with 1% bad rows", () => {
  const rows = FULL_SIZE ? 100_000 : 40_000;
  const dir = mkdtempSync(join(tmpdir(), "relaudit-large-bad-"));
  writeLargeBadFile(dir, rows);

  it("fails with a bounded, summarised list: the first 20 of each kind and a count of the rest", async () => {
    const { code, stderr } = await runInProcess(["audit", dir]);
    expect(code).toBe(2);
    expect(stderr.length).toBeLessThan(20_000);
    // The first ragged row ends the read (strict mode); every problem before it is listed.
    expect(stderr).toMatch(/interactions\.csv, line \d+: this row has a different number of fields/);
  });

  it("with --skip-invalid-rows, counts every skip exactly and keeps 20 examples of each", async () => {
    const { code, stdout } = await runInProcess(["audit", dir, "--skip-invalid-rows", "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const byReason = Object.fromEntries(
      report.inputs.skipped.map((s: { reason: string; rows: number; examples: unknown[] }) => [
        s.reason,
        [s.rows, s.examples.length],
      ]),
    );
    const perReason = rows / 100 / BAD_ROW_REASONS.length;
    expect(byReason).toEqual(Object.fromEntries(BAD_ROW_REASONS.map((reason) => [reason, [perReason, 20]])));
    expect(JSON.stringify(report.inputs.skipped).length).toBeLessThan(10_000);
    expect(report.network.interactionCount).toBe(rows - rows / 100);
  });
});
