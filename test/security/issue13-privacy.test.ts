// Issue 13's privacy attacks, reproduced through the CLI: each failed before the survey's publication plan was
// decided once over every boundary attribute (src/survey/release.ts), and each must now hold.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { findLeak, weightedLeak } from "../helpers/attack.js";
import { RC_DIMENSIONS } from "../../src/model/coordination.js";

interface Row {
  respondent?: string;
  wave?: string;
  groups: Record<string, string>;
  answers: Record<string, number | "">;
}

const KEY = "issue-13-test-key-0123456789abcdef";

function writeSurvey(rows: Row[], config: Record<string, unknown>, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-i13-"));
  const groupNames = Object.keys(rows[0].groups);
  const items = Object.keys(rows[0].answers);
  const header = ["respondent", "wave", ...groupNames, ...items];
  const lines = rows.map((r, i) =>
    [
      r.respondent ?? `R${i}`,
      r.wave ?? "2026-05",
      ...groupNames.map((g) => r.groups[g]),
      ...items.map((q) => r.answers[q]),
    ].join(","),
  );
  writeFileSync(join(dir, "survey.csv"), [header.join(","), ...lines].join("\n") + "\n");
  writeFileSync(join(dir, "relaudit.config.json"), JSON.stringify({ minGroupSize: 5, ...config }));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const scaleConfig = { scales: { s: { items: ["Q1"], min: 1, max: 5 } } };

async function auditJson(dir: string, args: string[] = []) {
  const { code, stdout, stderr } = await runInProcess(["audit", dir, "--format", "json", ...args]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

/** Respondent sets behind every scale figure a JSON report publishes (rows are survey rows, in file order). */
function scaleSets(
  report: {
    survey: {
      scales: {
        groups: { suppressed: boolean; attribute: string; value: string; n?: number }[];
        suppressed: boolean;
        n?: number;
      }[];
    };
  },
  rows: Row[],
): number[][] {
  const all = rows.map((_, i) => i);
  const scale = report.survey.scales[0];
  const sets: number[][] = scale.suppressed ? [] : [all];
  for (const g of scale.groups) {
    if (g.suppressed) continue;
    const members = all.filter((i) => rows[i].groups[g.attribute] === g.value);
    expect(members.length).toBe(g.n);
    sets.push(members);
  }
  return sets;
}

function rowsOf(cells: [Record<string, string>, number][]): Row[] {
  let next = 0;
  return cells.flatMap(([groups, n]) =>
    Array.from({ length: n }, () => ({ groups, answers: { Q1: 1 + (next++ % 5) } })),
  );
}

describe("issue 13, attack 1: intersections of two boundaries", () => {
  it("organisation × profession: OrgB + OrgC − AHPs isolates three people on main; nothing now", async () => {
    const rows = rowsOf([
      [{ organisation: "OrgA", profession: "doctor" }, 3],
      [{ organisation: "OrgA", profession: "nurse" }, 2],
      [{ organisation: "OrgB", profession: "ahp" }, 5],
      [{ organisation: "OrgB", profession: "doctor" }, 1],
      [{ organisation: "OrgB", profession: "nurse" }, 1],
      [{ organisation: "OrgC", profession: "ahp" }, 5],
      [{ organisation: "OrgC", profession: "nurse" }, 1],
    ]);
    const dir = writeSurvey(rows, { boundaries: ["organisation", "profession"], ...scaleConfig });
    expect(findLeak(scaleSets(await auditJson(dir), rows), rows.length, 5)).toBeNull();
  });

  it("organisation × team: OrgA and two teams that span organisations isolate four people on main; nothing now", async () => {
    const rows = rowsOf([
      [{ organisation: "OrgA", team: "T1" }, 4],
      [{ organisation: "OrgA", team: "T2" }, 3],
      [{ organisation: "OrgA", team: "T3" }, 1],
      [{ organisation: "OrgA", team: "T4" }, 2],
      [{ organisation: "OrgB", team: "T2" }, 2],
      [{ organisation: "OrgB", team: "T3" }, 3],
      [{ organisation: "OrgC", team: "T2" }, 1],
      [{ organisation: "OrgC", team: "T3" }, 3],
    ]);
    const dir = writeSurvey(rows, { boundaries: ["organisation", "team"], ...scaleConfig });
    expect(findLeak(scaleSets(await auditJson(dir), rows), rows.length, 5)).toBeNull();
  });
});

describe("issue 13, attack 6: two runs with different boundaries subtract", () => {
  it("organisation + team, then team alone: the union of both reports reveals nothing", async () => {
    const rows = rowsOf([
      [{ organisation: "OrgA", team: "T1" }, 1],
      [{ organisation: "OrgA", team: "T2" }, 6],
      [{ organisation: "OrgA", team: "T3" }, 1],
      [{ organisation: "OrgA", team: "T4" }, 2],
      [{ organisation: "OrgB", team: "T1" }, 8],
      [{ organisation: "OrgB", team: "T3" }, 2],
      [{ organisation: "OrgB", team: "T4" }, 1],
    ]);
    const dir = writeSurvey(rows, scaleConfig);
    const both = scaleSets(await auditJson(dir, ["--boundary", "organisation", "--boundary", "team"]), rows);
    const team = scaleSets(await auditJson(dir, ["--boundary", "team"]), rows);
    const window = scaleSets(await auditJson(dir, ["--boundary", "team", "--since", "2026-01-01"]), rows);
    expect(findLeak([...both, ...team, ...window], rows.length, 5)).toBeNull();
  });
});

describe("issue 13, attack 2: relational coordination sub-indices", () => {
  // Ten raters in Ward A rate Ward B on the four communication dimensions; one of them also on mutual respect.
  const raters = Array.from({ length: 10 }, (_, i) => i);
  const communication = ["frequent", "timely", "accurate", "problem solving"];
  const score = (i: number, d: number) => 1 + ((i * 3 + d) % 5);
  const lines = raters.flatMap((i) => [
    ...communication.map((d, j) => `r${i},Ward A,Ward B,${d},${score(i, j)}`),
    ...(i === 0 ? [`r${i},Ward A,Ward B,mutual respect,1`] : []),
  ]);

  it("withholds what one rater alone answered, and nothing published combines to any rater's answers", async () => {
    const dir = writeSurvey(rowsOf([[{ team: "X" }, 6]]), scaleConfig, {
      "coordination.csv": ["respondent,rater_group,rated_group,dimension,score", ...lines].join("\n") + "\n",
    });
    const report = await auditJson(dir);
    const cell = report.survey.coordination.cells.find(
      (c: { raterGroup: string; ratedGroup: string }) => c.raterGroup === "Ward A" && c.ratedGroup === "Ward B",
    );
    expect(cell.suppressed).toBe(false);
    expect(cell.relationship).toBeNull();
    const dims = RC_DIMENSIONS;
    expect(cell.dimensions.find((d: { dimension: string }) => d.dimension === "mutualRespect").mean).toBeNull();
    // Unknowns: each rater's answer to each dimension; figures: the index (each rater's mean), the sub-indices and
    // the dimension means that were published.
    const answered = raters.map((i) => dims.map((d, j) => j < 4 || (i === 0 && d === "mutualRespect")));
    const figures: ((rater: number, dim: number) => number)[] = [
      (r, d) => (answered[r][d] ? 1 / answered[r].filter(Boolean).length : 0),
    ];
    if (cell.communication !== null)
      figures.push((r, d) =>
        d < 4 && answered[r][d] ? 1 / Math.min(4, answered[r].slice(0, 4).filter(Boolean).length) : 0,
      );
    cell.dimensions.forEach((d: { mean: number | null }, j: number) => {
      if (d.mean !== null) figures.push((r, dim) => (dim === j && answered[r][dim] ? 1 : 0));
    });
    expect(weightedLeak(answered, figures, 5)).toBeNull();
  });
});

describe("issue 13, attack 3: names and emails never become boundaries", () => {
  const names = Array.from({ length: 30 }, (_, i) => `Alice Surname${i}`);
  const people = [
    "id,full_name,work_email,grade",
    ...names.map((n, i) => `P${i},${n},alice.surname${i}@trust.example,${["band5", "band6", "band7"][i % 3]}`),
  ].join("\n");
  const interactions = [
    "from,to,timestamp",
    ...names.flatMap((_, i) => [
      `P${i},P${(i + 1) % 30},2026-05-0${1 + (i % 9)}`,
      `P${i},P${(i + 7) % 30},2026-05-1${i % 9}`,
    ]),
  ].join("\n");
  const dir = mkdtempSync(join(tmpdir(), "relaudit-i13-names-"));
  writeFileSync(join(dir, "people.csv"), people + "\n");
  writeFileSync(join(dir, "interactions.csv"), interactions + "\n");

  it("are not chosen by default, and no output of a pseudonymised run holds a name or an email", async () => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-i13-out-"));
    const { code, stdout, stderr } = await runInProcess(
      ["audit", dir, "--pseudonymise", "--format", "csv", "--out", out],
      { env: { RELAUDIT_PSEUDONYM_KEY: KEY } },
    );
    expect(code, stderr).toBe(0);
    const texts = [stdout, stderr];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        texts.push(name);
        if (statSync(path).isDirectory()) walk(path);
        else texts.push(readFileSync(path, "utf8"));
      }
    };
    walk(out);
    const all = texts.join("\n");
    expect(all).not.toMatch(/Surname\d|@trust\.example/);
    expect(
      readdirSync(out)
        .concat(readdirSync(join(out, "charts")))
        .join(" "),
    ).not.toMatch(/name|email/);
    expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).inputs.boundaries).toEqual(["grade"]);
  });

  it("naming one needs --allow-identifier-boundary, which --pseudonymise refuses", async () => {
    const refused = await runInProcess(["audit", dir, "--boundary", "work_email", "--format", "json"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/looks like a personal identifier.*email/);
    expect(refused.stderr).toMatch(/--allow-identifier-boundary/);
    const allowed = await runInProcess([
      "audit",
      dir,
      "--boundary",
      "full_name",
      "--allow-identifier-boundary",
      "--format",
      "json",
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
    const both = await runInProcess(
      ["audit", dir, "--boundary", "full_name", "--allow-identifier-boundary", "--pseudonymise", "--format", "json"],
      { env: { RELAUDIT_PSEUDONYM_KEY: KEY } },
    );
    expect(both.code).toBe(2);
    expect(both.stdout).toBe("");
  });
});

describe("issue 13, attack 4: five submissions do not make a group of five", () => {
  it("only the latest submission of a respondent in a wave counts; the others are counted, not listed", async () => {
    const rows: Row[] = [
      ...Array.from({ length: 5 }, (_, i) => ({
        respondent: "R-repeat",
        groups: { team: "Solo" },
        answers: { Q1: 1 + i },
      })),
      ...Array.from({ length: 8 }, (_, i) => ({ respondent: `R${i}`, groups: { team: "Big" }, answers: { Q1: 3 } })),
    ];
    const report = await auditJson(writeSurvey(rows, scaleConfig));
    const solo = report.survey.scales[0].groups.find((g: { value: string }) => g.value === "Solo");
    expect(solo).toEqual({ attribute: "team", value: "Solo", wave: "2026-05", suppressed: true });
    expect(report.survey.notes.join(" ")).toMatch(/4 earlier submissions .* left out/);
    expect(JSON.stringify(report)).not.toMatch(/R-repeat/);
  });
});

describe("issue 13, attack 5: item means from fewer than k respondents", () => {
  it("an item answered by two is not in the items table", async () => {
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => ({
      groups: { team: "A" },
      answers: { Q1: 1 + (i % 5), Q2: i < 2 ? 4 : "" },
    }));
    const report = await auditJson(writeSurvey(rows, { scales: { s: { items: ["Q1", "Q2"], min: 1, max: 5 } } }));
    const scale = report.survey.scales[0];
    expect(scale.suppressed).toBe(false);
    expect(scale.items.map((i: { id: string }) => i.id)).not.toContain("Q2");
  });
});
