import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, parseConfig } from "../../src/load/config.js";
import { InputError } from "../../src/model/problems.js";

function problemsOf(json: unknown) {
  try {
    parseConfig(json, "/project/relaudit.config.json");
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  }
  throw new Error("expected the config to be rejected");
}

describe("config", () => {
  it("fills defaults and keeps given values", () => {
    const config = parseConfig({ minGroupSize: 10, boundaries: ["organisation"] }, null);
    expect(config).toMatchObject({
      minGroupSize: 10,
      boundaries: ["organisation"],
      dateFormat: "iso",
      timeZone: "UTC",
      scales: {},
      metrics: {},
    });
  });

  it("rejects unknown keys with a did-you-mean, listing every problem at once", () => {
    const problems = problemsOf({ minGroupSise: 5, boundries: ["team"], dateFormat: "dd-mm-yyyy" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatchObject({
      key: "minGroupSise",
      message: 'unknown key "minGroupSise"',
      hint: 'did you mean "minGroupSize"?',
    });
    expect(problems[1].hint).toBe('did you mean "boundaries"?');
    expect(problems[2]).toMatchObject({ key: "dateFormat", expected: 'one of "iso", "dd/mm/yyyy", "mm/dd/yyyy"' });
    expect(problems.every((p) => p.file === "/project/relaudit.config.json")).toBe(true);
  });

  it("checks types of nested values, with their path", () => {
    const problems = problemsOf({ minGroupSize: 1, timeZone: "Mars/Olympus", metrics: { waits: { better: "up" } } });
    expect(problems.map((p) => p.key)).toEqual(["minGroupSize", "timeZone", "metrics.waits.better"]);
  });

  it("shows a number too large for JSON as it was read (Infinity), not as null", () => {
    const [problem] = problemsOf(JSON.parse('{"minGroupSize": 1e400}'));
    expect(problem.found).toBe("number Infinity");
  });

  it("requires `better` for a metric", () => {
    expect(problemsOf({ metrics: { waits: { target: 4 } } })[0]).toMatchObject({
      key: "metrics.waits.better",
      message: 'missing required key "better"',
    });
  });

  it("a metric's cadence and aggregate rule: day, week or month; mean or sum", () => {
    const config = parseConfig(
      { metrics: { discharges: { better: "higher", period: "day", aggregate: "sum" } } },
      null,
    );
    expect(config.metrics.discharges).toMatchObject({ period: "day", aggregate: "sum" });
    const problems = problemsOf({ metrics: { waits: { better: "lower", period: "daily", aggregate: "median" } } });
    expect(problems).toMatchObject([
      { key: "metrics.waits.period", expected: 'one of "day", "week", "month"' },
      { key: "metrics.waits.aggregate", expected: 'one of "mean", "sum"' },
    ]);
  });

  it("ignores comment keys", () => {
    expect(parseConfig({ "// note": "hello", $comment: "x", minGroupSize: 6 }, null).minGroupSize).toBe(6);
  });

  it("resolves file paths against the config's folder", () => {
    expect(parseConfig({ files: { people: "data/people.csv" } }, "/project/relaudit.config.json").files.people).toBe(
      "/project/data/people.csv",
    );
  });

  it("reports invalid JSON with line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-config-"));
    const path = join(dir, "relaudit.config.json");
    writeFileSync(path, '{\n  "minGroupSize": 5,\n}\n');
    try {
      loadConfig(path);
      throw new Error("expected a JSON error");
    } catch (error) {
      expect((error as InputError).problems[0]).toMatchObject({
        file: path,
        line: 3,
        message: "the config is not valid JSON",
      });
    }
  });
});
