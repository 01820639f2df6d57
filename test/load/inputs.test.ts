import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadInputs } from "../../src/load/inputs.js";
import { InputError } from "../../src/model/problems.js";
import { periodLabel } from "../../src/model/periods.js";
import { hasSharedData, missingSharedData, sharedDataPath } from "../helpers/shared-data.js";

const fixtures = join(import.meta.dirname, "../fixtures/inputs");

/** A copy of the small system with some files replaced, in a temp folder. */
function variant(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-inputs-"));
  cpSync(join(fixtures, "small"), dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function problemsOf(dir: string) {
  try {
    await loadInputs({ dir, files: {} });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  }
  throw new Error("expected the inputs to be rejected");
}

describe("loadInputs on a small valid system", async () => {
  const { dataset, summary } = await loadInputs({ dir: join(fixtures, "small"), files: {} });

  it("reads people with aliased columns and dates, and chooses the default boundaries", () => {
    expect(dataset.people!.people.map((p) => p.id)).toEqual(["P1", "P2", "P3", "P4", "P5", "P6"]);
    expect(dataset.people!.attributeColumns).toEqual(["Organisation", "Team", "Profession"]);
    expect(dataset.boundaries).toEqual(["Organisation", "Team", "Profession"]);
    expect(dataset.people!.people[2].left).toBe(Date.UTC(2026, 4, 20));
  });

  it("collapses interactions into ties, summing weights, durations (decimal comma) and channels", () => {
    const ties = dataset.interactions!.ties;
    const index = dataset.people!.index;
    const p1p2 = ties.find((t) => t.from === index.get("P1") && t.to === index.get("P2"))!;
    expect(p1p2).toMatchObject({ weight: 3, rows: 2, durationMinutes: 30.5, channels: { email: 2, meeting: 1 } });
    expect([...p1p2.periods].map(([p, w]) => [periodLabel(p, "week"), w])).toEqual([
      ["2026-W19", 2],
      ["2026-W20", 1],
    ]);
    expect(ties).toHaveLength(5); // the self-loop P5→P5 is dropped
    expect(dataset.interactions!.selfLoops).toBe(1);
    expect(dataset.interactions!.channels).toEqual(["email", "meeting", "phone", "referral"]);
  });

  it("maps answer labels case- and space-insensitively and never reads free-text columns", () => {
    const survey = dataset.survey!;
    expect([...survey.answers.PS1]).toEqual([4, 5, NaN]);
    expect([...survey.answers.PS2]).toEqual([5, 4, NaN]);
    expect(Object.keys(survey.groups)).toEqual(["Organisation", "Team"]);
    expect(JSON.stringify(survey)).not.toContain("private text");
    expect(survey.waveOrder).toEqual(["2026-05", "2026-10"]);
  });

  it("keeps delivery gaps as gaps, reads period labels, and matches event attendees", () => {
    expect(dataset.delivery!.map((r) => r.value)).toEqual([12, null, 14]);
    expect(dataset.delivery![0].at).toBe(Date.UTC(2026, 4, 4));
    expect(dataset.events!.map((e) => dataset.people!.people[e.person].id)).toEqual(["P1", "P4"]);
  });

  it("summarises every file with encoding, delimiter and date range", () => {
    const interactions = summary.files.find((f) => f.kind === "interactions")!;
    expect(interactions).toMatchObject({
      rows: 7,
      delimiter: ";",
      encoding: "utf-8",
      dateRange: ["2026-05-04", "2026-05-13"],
    });
    expect(summary.files.map((f) => f.kind)).toEqual([
      "config",
      "people",
      "interactions",
      "survey",
      "delivery",
      "events",
    ]);
    expect(summary.warnings.join("\n")).toContain("1 missing value treated as gaps in their series (not as zeros)");
    expect(summary.warnings.join("\n")).toContain(
      "1 column not read (free text by its header), so never shown: comments",
    );
  });
});

describe("loadInputs options", () => {
  it("--boundary must name an attribute, with a suggestion", async () => {
    await expect(loadInputs({ dir: join(fixtures, "small"), files: {}, boundaries: ["profesion"] })).rejects.toThrow(
      'did you mean "Profession"?',
    );
  });

  it("--since/--until limit the window (until inclusive)", async () => {
    const { dataset } = await loadInputs({
      dir: join(fixtures, "small"),
      files: {},
      since: "2026-05-05",
      until: "2026-05-12",
    });
    expect(dataset.interactions!.outsideWindow).toBe(3);
    expect(dataset.interactions!.ties.reduce((s, t) => s + t.rows, 0)).toBe(3);
  });

  it("uses Viva Insights inline attributes when there is no people.csv", async () => {
    const { dataset } = await loadInputs({ dir: join(fixtures, "viva-inline"), files: {} });
    expect(dataset.people!.source).toBe("interactions-inline");
    expect(dataset.people!.people.map((p) => [p.id, p.attributes.Organization])).toEqual([
      ["a", "Finance"],
      ["b", "Sales"],
      ["c", "Sales"],
    ]);
    expect(dataset.boundaries).toEqual(["Organization"]);
  });

  it("reads the real Viva Insights p2p sample (../shared/data)", async (ctx) => {
    const P2P = "exports/vivainsights/p2p_data.csv";
    ctx.skip(!hasSharedData(P2P), missingSharedData(P2P));
    const { dataset } = await loadInputs({ files: { interactions: sharedDataPath(P2P) } });
    expect(dataset.people!.attributeColumns).toEqual(["LevelDesignation", "FunctionType", "Organization"]);
    expect(dataset.interactions!.timestamped).toBe(true);
  });

  it("reports no input files with a hint", async () => {
    const empty = mkdtempSync(join(tmpdir(), "relaudit-empty-"));
    await expect(loadInputs({ dir: empty, files: {} })).rejects.toThrow("no input files found");
  });
});

describe("loadInputs: optional files", () => {
  it("reads a long-form coordination.csv and an annotations.csv into the dataset", async () => {
    const rows = ["rater_group,rated_group,dimension,score,respondent"];
    for (const [i, rater] of ["Ward A", "Ward A", "Ward B"].entries())
      rows.push(`${rater},${rater === "Ward A" ? "Ward B" : "Ward A"},timely,${3 + i},r${i}`);
    const dir = variant({
      "coordination.csv": `${rows.join("\n")}\n`,
      "annotations.csv": "date,metric,note,action\n2026-05-11,delayed_discharges,New discharge pathway,rebase\n",
      "relaudit.config.json": JSON.stringify({
        coordination: { raterAttribute: "team" },
        scales: { ps: { items: ["PS1", "PS2"], min: 1, max: 5 } },
        answerLabels: { Agree: 4, "Strongly agree": 5 },
      }),
    });
    const { dataset, summary } = await loadInputs({ dir, files: {} });
    expect(dataset.coordination!.map((r) => [r.raterGroup, r.ratedGroup, r.dimension, r.score])).toEqual([
      ["Ward A", "Ward B", "timely", 3],
      ["Ward A", "Ward B", "timely", 4],
      ["Ward B", "Ward A", "timely", 5],
    ]);
    expect(dataset.annotations).toEqual([
      {
        at: Date.UTC(2026, 4, 11),
        target: "delayed_discharges",
        note: "New discharge pathway",
        action: "rebase",
        line: 2,
      },
    ]);
    expect(summary.files.map((f) => f.kind)).toEqual(expect.arrayContaining(["coordination", "annotations"]));
  });
});

describe("loadInputs: every problem in every file is listed, with file, line and column", () => {
  it("unknown person ids, bad dates, bad numbers, duplicate ids, unknown labels, out-of-range answers", async () => {
    const dir = variant({
      "people.csv": "id,organisation\nP1,A\nP2,B\nP1,C\n",
      "interactions.csv":
        "from,to,timestamp,weight\nP1,P2,2026-05-04,1\nP1,P9,2026-05-04,1\nP2,P1,04/05/2026,1\nP2,P1,2026-05-05,lots\n",
      "survey.csv": "wave,PS1,PS2\n1,Agree,9\n1,Maybe,2\n",
      "events.csv": "event,date,person\nForum,2026-05-07,P1\n",
    });
    const problems = await problemsOf(dir);
    const brief = problems.map((p) => [p.file!.split("/").pop(), p.line, p.column, p.message]);
    expect(brief).toEqual([
      ["people.csv", 4, "id", 'duplicate person id "P1"'],
      ["interactions.csv", 3, "to", 'unknown person id "P9"'],
      ["interactions.csv", 4, "timestamp", "not a valid date"],
      ["interactions.csv", 5, "weight", "invalid weight"],
      ["survey.csv", 2, "PS2", "answer out of range"],
      ["survey.csv", 3, "PS1", 'unknown answer "Maybe"'],
    ]);
    expect(problems[2].hint).toContain("ambiguous");
  });

  it("missing required columns name the aliases accepted", async () => {
    const problems = await problemsOf(variant({ "interactions.csv": "a,b\nP1,P2\n" }));
    expect(problems.map((p) => p.message)).toEqual([
      'missing required column "from" (who started the interaction)',
      'missing required column "to" (who it was with)',
    ]);
    expect(problems[0].expected).toContain('"sender"');
  });

  it("a scale item that is not in the survey file, with a suggestion", async () => {
    const problems = await problemsOf(variant({ "survey.csv": "wave,PS1,PS_2\n1,2,3\n" }));
    expect(problems[0].message).toContain('item column "PS2"');
    expect(problems[0].hint).toContain('did you mean "PS_2"?');
  });
});
