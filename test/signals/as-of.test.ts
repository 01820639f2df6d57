// --as-of D means what a run on D would have seen: on the full data it gives the same report as a run on the data
// truncated at D — every file cut by its own dates (interactions, delivery, events, annotations, survey waves,
// people who had not joined, leaving dates still ahead).
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";

const demo = join(import.meta.dirname, "../../fixtures/demo");
const temp = mkdtempSync(join(tmpdir(), "relaudit-as-of-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const ANNOTATIONS =
  "date,metric,note,action\n2026-06-15,delayed_discharges,new pathway,rebase\n2026-10-05,delayed_discharges,winter ward,baseline\n";

/**
 * Keeps the header and the rows `keep` accepts, given a row's cell by column name (the demo's files have no quoted
 * commas); `edit` may change a row. Cells are looked up by index, not copied into an object per row: the
 * interactions file has 58,000 rows, cut three times.
 */
function cutFile(
  from: string,
  to: string,
  keep: (cell: (name: string) => string) => boolean,
  edit = (r: string[]) => r,
) {
  const [header, ...rows] = readFileSync(from, "utf8").trimEnd().split("\n");
  const index = new Map(header.split(",").map((name, i) => [name, i]));
  const kept = rows
    .map((line) => line.split(","))
    .filter((cells) => keep((name) => cells[index.get(name)!]))
    .map((cells) => edit(cells).join(","));
  writeFileSync(to, [header, ...kept].join("\n") + "\n");
}

/** "2026-10" → "2026-11-01"; "2026-12" → "2027-01-01". */
function monthAfter(wave: string): string {
  const [year, month] = wave.split("-").map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

function truncatedCopy(day: string): string {
  const dir = join(temp, `cut-${day}`);
  cpSync(demo, dir, { recursive: true });
  writeFileSync(join(dir, "annotations.csv"), ANNOTATIONS);
  cutFile(join(demo, "interactions.csv"), join(dir, "interactions.csv"), (r) => r("timestamp") < day);
  cutFile(join(demo, "delivery.csv"), join(dir, "delivery.csv"), (r) => r("date") < day);
  cutFile(join(demo, "events.csv"), join(dir, "events.csv"), (r) => r("date") < day);
  cutFile(join(dir, "annotations.csv"), join(dir, "annotations.csv"), (r) => r("date") < day);
  // A wave named by a month is there once the month is over: its responses may come in until its last day.
  cutFile(join(demo, "survey.csv"), join(dir, "survey.csv"), (r) => monthAfter(r("wave")) <= day);
  cutFile(
    join(demo, "people.csv"),
    join(dir, "people.csv"),
    (r) => r("joined") < day,
    (cells) => cells.map((c, i) => (i === 6 && c >= day ? "" : c)),
  );
  return dir;
}

describe("--as-of D on the full data equals a run on the data truncated at D", () => {
  const full = join(temp, "full");
  cpSync(demo, full, { recursive: true });
  writeFileSync(join(full, "annotations.csv"), ANNOTATIONS);

  // `signals full --as-of DAY --format json`, run once per day: several tests read the same run.
  const runs = new Map<string, ReturnType<typeof runInProcess>>();
  const asOfRun = (day: string) =>
    runs.get(day) ?? runs.set(day, runInProcess(["signals", full, "--as-of", day, "--format", "json"])).get(day)!;

  for (const day of ["2026-06-01", "2026-09-14", "2026-10-20"])
    it(`as of ${day}`, async () => {
      const asOf = await asOfRun(day);
      const cut = await runInProcess(["signals", truncatedCopy(day), "--as-of", day, "--format", "json"]);
      expect(asOf.code, asOf.stderr).toBe(cut.code);
      // The same bytes: stricter than equal parsed objects (key order counts), and no deep comparison to pay for.
      expect(asOf.stdout).toBe(cut.stdout);
    });

  it("the planted survey drop of October is not seen in June (no data from after the day)", async () => {
    const { stdout } = await asOfRun("2026-06-01");
    const report = JSON.parse(stdout);
    expect(report.signals.filter((s: { kind: string }) => s.kind === "survey-drop")).toEqual([]);
    expect(stdout).not.toContain("2026-10");
  });

  it("a wave named by a month is seen once the month is over, not while its responses may still come in", async () => {
    // The demo's people and survey alone: the survey drop is all this reads, and the runs skip the 58,000
    // interactions and the network (about half of each run's CPU).
    const survey = join(temp, "survey-only");
    mkdirSync(survey);
    for (const file of ["people.csv", "survey.csv", "relaudit.config.json"])
      copyFileSync(join(demo, file), join(survey, file));
    const drops = async (day: string) => {
      const { code, stdout, stderr } = await runInProcess(["signals", survey, "--as-of", day, "--format", "json"]);
      expect(code, stderr).toBe(0);
      return JSON.parse(stdout).signals.filter((s: { kind: string }) => s.kind === "survey-drop").length;
    };
    expect(await drops("2026-10-02")).toBe(0);
    expect(await drops("2026-10-31")).toBe(0);
    expect(await drops("2026-11-01")).toBeGreaterThan(0);
  });
});
