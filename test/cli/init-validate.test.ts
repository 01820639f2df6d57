// init writes a template whose scale, labels and reverse-keyed items agree, so a 7-point survey answered in text
// scores as intended; validate (and audit) warn when a label map or the answers do not fit a scale's declared range.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../../src/cli/init.js";
import { runInProcess } from "../helpers/cli.js";

const LABELS_7 = [
  "Strongly disagree",
  "Disagree",
  "Somewhat disagree",
  "Neither agree nor disagree",
  "Somewhat agree",
  "Agree",
  "Strongly agree",
];
const REVERSED = new Set(["PS1", "PS3", "PS5"]);
const ITEMS = ["PS1", "PS2", "PS3", "PS4", "PS5", "PS6", "PS7"];
/** What each respondent means on the 1–7 scale: agreement with the positive items, disagreement with the others. */
const INTENDED = [7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 6, 7];

/** survey.csv answered in words: a respondent who means s picks label s on positive items and 8 − s on reversed ones. */
function textSurvey(labels: string[], scale: number): string {
  const rows = ["respondent,wave,organisation,team,profession,PS1,PS2,PS3,PS4,PS5,PS6,PS7"];
  INTENDED.map((s) => Math.min(s, scale)).forEach((s, i) => {
    const answers = ITEMS.map((item) => labels[(REVERSED.has(item) ? scale + 1 - s : s) - 1]);
    rows.push(`r${i},2026-05,North,Ward,nurse,${answers.map((a) => `"${a}"`).join(",")}`);
  });
  return `${rows.join("\n")}\n`;
}

describe("relaudit init", () => {
  it("the template scores a 7-point survey answered in words as intended", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-init-"));
    expect((await runInProcess(["init", dir])).code).toBe(0);
    writeFileSync(join(dir, "survey.csv"), textSurvey(LABELS_7, 7));
    const files = ["--config", join(dir, "relaudit.config.json"), "--survey", join(dir, "survey.csv")];
    const { code, stdout, stderr } = await runInProcess(["audit", ...files, "--format", "json"]);
    expect(code, stderr).toBe(0);
    const scale = JSON.parse(stdout).survey.scales[0];
    const mean = INTENDED.reduce((a, b) => a + b, 0) / INTENDED.length;
    expect(scale.id).toBe("psychological_safety");
    expect(scale.mean).toBeCloseTo(mean, 12);
    // Reverse-keyed and positive items agree: every item's mean is the respondents' intended mean.
    for (const item of scale.items) expect(item.mean, item.id).toBeCloseTo(mean, 12);
    const validate = await runInProcess(["validate", ...files]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).not.toMatch(/is declared/);
  });

  it("in a folder that holds some of its files, writes the missing ones and names those it left", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-init-"));
    writeFileSync(join(dir, "survey.csv"), "respondent,Q1\nr1,4\n");
    const { code, stdout } = await runInProcess(["init", dir]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "survey.csv"), "utf8")).toBe("respondent,Q1\nr1,4\n");
    expect(readFileSync(join(dir, "people.csv"), "utf8")).toBe(TEMPLATES["people.csv"]);
    expect(stdout).toContain(`Wrote:\n  ${join(dir, "people.csv")}`);
    expect(stdout).toContain(`Left as it was (init never overwrites):\n  ${join(dir, "survey.csv")}`);
    const again = await runInProcess(["init", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing to write: every template is already there.");
  });
});

describe("relaudit validate: labels and answers against a scale's range", () => {
  const config = (answerLabels: Record<string, number>, min = 1, max = 7) =>
    JSON.stringify({
      answerLabels,
      scales: { psychological_safety: { preset: "edmondson-psychological-safety", items: ITEMS, min, max } },
    });
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-validate-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  const LABELS_5 = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

  it("flags a 5-label map on a 1–7 scale with reverse-keyed items (init's old template)", async () => {
    const dir = folder({
      "relaudit.config.json": config(Object.fromEntries(LABELS_5.map((l, i) => [l, i + 1]))),
      "survey.csv": textSurvey(LABELS_5, 5),
    });
    const { code, stdout, stderr } = await runInProcess(["validate", dir]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(
      'scale "psychological_safety" is declared 1–7 but its answer labels map to 1–5: a label answer can never score ' +
        "6–7, and reverse-keyed items (scored 8 − answer) come out higher than the others",
    );
    expect(stdout).toContain('set "min": 1, "max": 5');
    expect(stdout).not.toContain("No problems found");
    // audit says so too, in the report's data notes.
    const audit = JSON.parse((await runInProcess(["audit", dir, "--format", "json"])).stdout);
    expect(audit.inputs.warnings.join("\n")).toContain('scale "psychological_safety" is declared 1–7');
  });

  it("flags numeric answers that use much less of the declared range (a 5-point export on a 1–7 scale)", async () => {
    const survey = textSurvey(["1", "2", "3", "4", "5"], 5).replaceAll('"', "");
    const dir = folder({ "relaudit.config.json": config({}), "survey.csv": survey });
    const { stdout } = await runInProcess(["validate", dir]);
    expect(stdout).toContain('scale "psychological_safety" is declared 1–7 but its 84 answers run only 1–5');
  });

  it("says nothing when labels and answers span the range", async () => {
    const dir = folder({
      "relaudit.config.json": config(Object.fromEntries(LABELS_5.map((l, i) => [l, i + 1])), 1, 5),
      "survey.csv": textSurvey(LABELS_5, 5),
    });
    const { stdout } = await runInProcess(["validate", dir]);
    expect(stdout).not.toMatch(/is declared/);
    expect(stdout).toContain("No problems found");
  });
});

describe("relaudit validate: repeated problems, grouped with their true count", () => {
  it("one label missing from the map, in 109 rows × 7 items: one problem seen 763 times", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-grouped-"));
    const labels = { "Strongly disagree": 1, Disagree: 2, Neutral: 3, Agree: 4, "Strongly agree": 5 };
    writeFileSync(
      join(dir, "relaudit.config.json"),
      JSON.stringify({ answerLabels: labels, scales: { ps: { items: ITEMS, min: 1, max: 5 } } }),
    );
    const rows = ["respondent,organisation," + ITEMS.join(",")];
    for (let i = 0; i < 109; i++) rows.push(`r${i},North,${ITEMS.map(() => "Somewhat agree").join(",")}`);
    writeFileSync(join(dir, "survey.csv"), `${rows.join("\n")}\n`);
    const { code, stderr } = await runInProcess(["validate", dir]);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe("relaudit: 763 problems (1 kind) with the input:");
    expect(stderr.match(/unknown answer/g)).toHaveLength(1);
    expect(stderr).toContain(
      `columns "PS1", "PS2", "PS3", "PS4", "PS5", …: unknown answer "Somewhat agree" (763 times, first on lines 2, 3, 4, 5, 6, …)`,
    );
  });

  it("bad dates in 30 rows: one problem with its count, the first lines and the values found", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-grouped-"));
    const rows = ["from,to,timestamp"];
    for (let i = 0; i < 40; i++) rows.push(`a${i % 4},b${i % 3},${i % 4 === 0 ? "2026-05-04" : `2026-02-3${i % 2}`}`);
    writeFileSync(join(dir, "interactions.csv"), `${rows.join("\n")}\n`);
    const { code, stderr } = await runInProcess(["validate", dir]);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe("relaudit: 30 problems (1 kind) with the input:");
    expect(stderr).toContain('column "timestamp": not a valid date (30 times, first on lines 3, 4, 5, 7, 8, …)');
    expect(stderr).toContain('found:    "2026-02-31", "2026-02-30"');
  });
});
