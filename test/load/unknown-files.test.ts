// A folder of exports under the names their tools gave them: each table is named, with the option that reads it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unknownTables } from "../../src/load/unknown-files.js";
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import { runInProcess } from "../helpers/cli.js";

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-unknown-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

const P2P =
  '"PrimaryCollaborator_PersonId","SecondaryCollaborator_PersonId","MetricDate","Strong_tie_score"\n"a","b",2023-07-01,0.5\n';

describe("tables under unknown names", () => {
  it("a folder holding only p2p_data.csv: found p2p_data.csv, pass it with --interactions?", async () => {
    const { code, stderr } = await runInProcess(["audit", folder({ "p2p_data.csv": P2P })]);
    expect(code).toBe(2);
    expect(stderr).toContain("no input files found");
    expect(stderr).toContain("hint:     found p2p_data.csv: pass it with --interactions?");
  });

  it("guesses from the header: delivery, events, people (semicolons, BOM), a survey by the config's items, or nothing", () => {
    const dir = folder({
      "export (3).csv": "\uFEFFmetric;date;value\nwait;2026-05-04;3\n",
      "forum.tsv": "event\tdate\tperson\nF\t2026-05-04\ta\n",
      "staff.txt": "staff_id,team\na,x\n",
      "responses.csv": "ResponseId,Q1,Q2\nr1,4,5\n",
      "notes.csv": "anything,else\n",
      "readme.md": "not a table",
    });
    const config = { ...DEFAULT_CONFIG, scales: { q: { items: ["Q2"], reverse: [], min: 1, max: 5 } } };
    expect(unknownTables(dir, [], config)).toEqual([
      { name: "export (3).csv", looksLike: "delivery" },
      { name: "forum.tsv", looksLike: "events" },
      { name: "notes.csv", looksLike: null },
      { name: "responses.csv", looksLike: "survey" },
      { name: "staff.txt", looksLike: "people" },
    ]);
  });

  it("beside known files, an unknown table is named in the notes", async () => {
    const dir = folder({ "people.csv": "id,team\na,x\nb,y\n", "p2p_data.csv": P2P });
    const { code, stdout } = await runInProcess(["validate", dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "not read, as its name is not one relaudit reads: found p2p_data.csv: pass it with --interactions?",
    );
  });
});
