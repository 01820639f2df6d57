// A problem seen in many rows is one problem with its true count and first lines, not pages of copies.
import { describe, expect, it } from "vitest";
import { formatProblem, type InputError, ProblemLog } from "../../src/model/problems.js";

/** One unmapped label in `rows` rows of each of `columns` item columns, as a survey export with a label left out. */
function unmappedLabel(log: ProblemLog, rows: number, columns: string[]): void {
  for (let line = 2; line < rows + 2; line++)
    for (const column of columns)
      log.invalidRow(
        {
          file: "survey.csv",
          line,
          column,
          message: 'unknown answer "Somewhat agree"',
          expected: "a number or one of the configured labels (agree, disagree)",
          hint: 'map the label to a number in "answerLabels"',
        },
        `unknown answer in ${column}`,
      );
}

const thrown = (log: ProblemLog): InputError => {
  try {
    log.throwIfAny();
  } catch (error) {
    return error as InputError;
  }
  throw new Error("expected problems");
};

describe("ProblemLog groups repeated problems", () => {
  it("one label missing in 7 columns: one problem, counted in full, first lines and columns named", () => {
    const log = new ProblemLog();
    const columns = ["Q1_1", "Q1_2", "Q1_3", "Q1_4", "Q1_5", "Q1_6", "Q1_7"];
    unmappedLabel(log, 109, columns);
    expect(log.count).toBe(763);
    const error = thrown(log);
    expect(error.problems).toHaveLength(1);
    expect(error.count).toBe(763);
    const text = formatProblem(error.problems[0]);
    expect(text.split("\n")[0]).toBe(
      'survey.csv, columns "Q1_1", "Q1_2", "Q1_3", "Q1_4", "Q1_5", …: unknown answer "Somewhat agree" ' +
        "(763 times, first on lines 2, 3, 4, 5, 6, …)",
    );
    expect(text).toContain('  hint:     map the label to a number in "answerLabels"');
  });

  it("lists distinct lines once each when a problem is one per row", () => {
    const log = new ProblemLog();
    for (const line of [4, 9, 12, 30, 31, 77, 80])
      log.invalidRow(
        { file: "i.csv", line, column: "timestamp", message: "not a valid date", found: `"bad ${line % 2}"` },
        "invalid date",
      );
    const [problem] = thrown(log).problems;
    expect(formatProblem(problem)).toBe(
      [
        'i.csv, column "timestamp": not a valid date (7 times, first on lines 4, 9, 12, 30, 31, …)',
        '  found:    "bad 0", "bad 1"',
      ].join("\n"),
    );
  });

  it("a problem seen once reads as before: file, line, column", () => {
    const log = new ProblemLog();
    log.add({ file: "p.csv", line: 3, column: "id", message: "duplicate id", found: '"A"' });
    const [problem] = thrown(log).problems;
    expect(problem.repeats).toBeUndefined();
    expect(formatProblem(problem)).toBe('p.csv, line 3, column "id": duplicate id\n  found:    "A"');
  });

  it("different messages stay apart; beyond the cap of distinct problems per kind they are counted, not kept", () => {
    const log = new ProblemLog(3);
    for (let i = 0; i < 10; i++)
      for (let k = 0; k < 2; k++)
        log.invalidRow(
          { file: "i.csv", line: 2 + i * 2 + k, column: "from", message: `unknown person id "ghost${i}"` },
          "unknown person id",
        );
    const error = thrown(log);
    expect(log.count).toBe(20);
    expect(error.count).toBe(20);
    expect(error.problems.map((p) => [p.message, p.repeats?.count])).toEqual([
      ['unknown person id "ghost0"', 2],
      ['unknown person id "ghost1"', 2],
      ['unknown person id "ghost2"', 2],
      ['more problems like "i.csv: unknown person id", not listed one by one', 14],
    ]);
  });

  it("options and config keys are named as such, not as columns", () => {
    expect(formatProblem({ option: "--out", message: "writes files and needs --out to say where" })).toBe(
      "option --out: writes files and needs --out to say where",
    );
    expect(formatProblem({ file: "relaudit.config.json", key: "scales.ps.min", message: "invalid value" })).toBe(
      'relaudit.config.json, key "scales.ps.min": invalid value',
    );
  });
});
