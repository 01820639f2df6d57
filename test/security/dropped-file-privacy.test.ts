// Two runs on the same survey, one with people.csv and one without it (an analyst drops a file, or points --survey at
// the export alone), must publish from one safe set: the plan's attributes are the survey's own group columns either
// way. Before this test, a run with people.csv planned only over people.csv's columns, so a survey column people.csv
// lacks (team) was left out of the plan there and planned over in the other run, and the two runs' figures combined
// to one respondent's answers (team T2 − doctors = the one nurse of T2).
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { findLeak } from "../helpers/attack.js";

const GROUPS = ["organisation", "team", "profession"] as const;
type Groups = Record<(typeof GROUPS)[number], string>;

/** Team T1: six nurses; team T2: one nurse and five doctors (each profession has k or more, each team too). */
const CELLS: [Groups, number][] = [
  [{ organisation: "Org", team: "T1", profession: "nurse" }, 6],
  [{ organisation: "Org", team: "T2", profession: "nurse" }, 1],
  [{ organisation: "Org", team: "T2", profession: "doctor" }, 5],
];
const ROWS: Groups[] = CELLS.flatMap(([groups, n]) => Array.from({ length: n }, () => groups));

/** survey.csv names the groups `surveyNames`; people.csv has the columns `peopleNames` (null: not there). */
function writeSystem(surveyNames: string[], peopleNames: (string | null)[]): string {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-dropped-"));
  const lines = ROWS.map((g, i) => [`R${i}`, "2026-05", ...GROUPS.map((a) => g[a]), 1 + (i % 5)].join(","));
  writeFileSync(join(dir, "survey.csv"), [`respondent,wave,${surveyNames.join(",")},Q1`, ...lines].join("\n") + "\n");
  const kept = GROUPS.filter((_, a) => peopleNames[a] !== null);
  const people = ROWS.map((g, i) => [`P${i}`, ...kept.map((a) => g[a])].join(","));
  const header = ["id", ...peopleNames.filter((n) => n !== null)].join(",");
  writeFileSync(join(dir, "people.csv"), [header, ...people].join("\n") + "\n");
  const config = { minGroupSize: 5, scales: { s: { items: ["Q1"], min: 1, max: 5 } } };
  writeFileSync(join(dir, "relaudit.config.json"), JSON.stringify(config));
  return dir;
}

interface Figure {
  suppressed: boolean;
  attribute: string;
  value: string;
  n?: number;
}

async function publishedSets(args: string[], names: string[]): Promise<number[][]> {
  const { code, stdout, stderr } = await runInProcess(["audit", ...args, "--format", "json"]);
  expect(code, stderr).toBe(0);
  const report = JSON.parse(stdout) as { survey: { scales: { groups: Figure[] }[] } };
  return report.survey.scales[0].groups
    .filter((g) => !g.suppressed)
    .map((g) => {
      const attribute = GROUPS[names.findIndex((n) => n.toLowerCase() === g.attribute.toLowerCase())];
      const members = ROWS.flatMap((r, i) => (r[attribute] === g.value ? [i] : []));
      expect(members.length).toBe(g.n);
      return members;
    });
}

const boundaryArgs = (names: string[]) => names.flatMap((n) => ["--boundary", n]);

/** The union of a run on the folder and a run on survey.csv alone, each showing every boundary it can. */
async function bothRuns(surveyNames: string[], peopleNames: (string | null)[]) {
  const dir = writeSystem(surveyNames, peopleNames);
  const shown = peopleNames.filter((n): n is string => n !== null);
  const withPeople = await publishedSets([dir, ...boundaryArgs(shown)], surveyNames);
  const alone = ["--survey", join(dir, "survey.csv"), "--config", join(dir, "relaudit.config.json")];
  const surveyAlone = await publishedSets([...alone, ...boundaryArgs(surveyNames)], surveyNames);
  const all = ROWS.map((_, i) => i);
  expect(findLeak([all, ...surveyAlone], ROWS.length, 5)).toBeNull();
  expect(findLeak([all, ...withPeople], ROWS.length, 5)).toBeNull();
  return findLeak([all, ...withPeople, ...surveyAlone], ROWS.length, 5);
}

describe("a run with people.csv and a run without it publish from one safe set", () => {
  it("people.csv without the survey's team column: T2 − doctors is not one nurse", async () => {
    expect(await bothRuns(["organisation", "team", "profession"], ["organisation", null, "profession"])).toBeNull();
  });

  it("attributes named in another case in people.csv are planned in the same order", async () => {
    // "Site" before "band" by code point, "band" before "site": the order decides which of the two is withheld.
    expect(await bothRuns(["organisation", "site", "band"], ["organisation", "Site", "band"])).toBeNull();
  });
});

describe("a column shown only when a run allows identifier boundaries", () => {
  it("is planned over in every run: T2 − doctors is not one nurse when manager_name is shown in one run", async () => {
    // "manager_name" reads as a personal identifier by its header; one run shows it by naming it with
    // --allow-identifier-boundary, another (without the flag) shows the roles. The plan takes manager_name before
    // role (by name), so the first run shows T1 and T2 and withholds the roles: the second must withhold them too.
    const names = ["organisation", "manager_name", "role"];
    const dir = writeSystem(names, [null, null, null]);
    const alone = ["--survey", join(dir, "survey.csv"), "--config", join(dir, "relaudit.config.json")];
    const roles = await publishedSets([...alone, "--boundary", "role"], names);
    const managers = await publishedSets(
      [...alone, "--boundary", "role", "--boundary", "manager_name", "--allow-identifier-boundary"],
      names,
    );
    expect(managers.some((set) => set.length === 6 && set.includes(6))).toBe(true);
    const all = ROWS.map((_, i) => i);
    expect(findLeak([all, ...roles, ...managers], ROWS.length, 5)).toBeNull();
  });
});

describe("last month's run and this month's, without people.csv", () => {
  it("plan the first wave alike when a second wave takes a column past 100 values: T2 − doctors is not one nurse", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-waves-"));
    const first = ROWS.map((g, i) => [`R${i}`, "2026-05", ...GROUPS.map((a) => g[a]), 1 + (i % 5)].join(","));
    // The second wave brings 101 new teams of one respondent each.
    const second = Array.from({ length: 101 }, (_, t) => `S${t},2026-10,Org,X${t},${t % 2 ? "nurse" : "doctor"},3`);
    const header = "respondent,wave,organisation,team,profession,Q1";
    writeFileSync(join(dir, "may.csv"), [header, ...first].join("\n") + "\n");
    writeFileSync(join(dir, "october.csv"), [header, ...first, ...second].join("\n") + "\n");
    writeFileSync(
      join(dir, "c.json"),
      JSON.stringify({ minGroupSize: 5, scales: { s: { items: ["Q1"], min: 1, max: 5 } } }),
    );
    const sets = async (file: string) => {
      const { code, stdout, stderr } = await runInProcess([
        "audit",
        "--survey",
        join(dir, file),
        "--config",
        join(dir, "c.json"),
        "--format",
        "json",
      ]);
      expect(code, stderr).toBe(0);
      const groups = (JSON.parse(stdout) as { survey: { scales: { groups: (Figure & { wave: string })[] }[] } }).survey
        .scales[0].groups;
      return groups
        .filter((g) => !g.suppressed && g.wave === "2026-05")
        .map((g) => ROWS.flatMap((r, i) => (r[g.attribute as keyof Groups] === g.value ? [i] : [])));
    };
    const all = ROWS.map((_, i) => i);
    expect(findLeak([all, ...(await sets("may.csv")), ...(await sets("october.csv"))], ROWS.length, 5)).toBeNull();
  });
});
