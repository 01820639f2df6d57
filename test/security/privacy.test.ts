// Minimum group size, tested from the outside across every format: a team of three respondents (below the default
// minimum of 5) answers with values no one else gives, and no output may show them or let them be derived.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInProcess } from "../helpers/cli.js";
import { writeSystem } from "./system.js";

const MIN = 5;

const FORMATS = ["terminal", "markdown", "json", "csv"];

/** stdout and every file --out wrote, for each of `formats`. */
async function everyOutput(dir: string, extra: string[] = [], formats = FORMATS): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const format of formats) {
    const out = mkdtempSync(join(tmpdir(), `relaudit-privacy-${format}-`));
    const { code, stdout, stderr } = await runInProcess([
      "audit",
      dir,
      "--format",
      format,
      "--out",
      out,
      "--no-color",
      ...extra,
    ]);
    expect(code, stderr).toBe(0);
    texts[`stdout (${format})`] = stdout;
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else texts[`${format}: ${path.slice(out.length + 1)}`] = readFileSync(path, "utf8");
      }
    };
    walk(out);
  }
  return texts;
}

/** The hidden team's scale mean 7/6 as any renderer would write it: 1.17, 1.167, 1.1667, 1.16666…, 1.2 is too common. */
const HIDDEN_MEAN = /(?<![\d.])1\.1(?:7|67|667|6667\d*)(?!\d)/;

describe("minimum group size in every output", async () => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-privacy-"));
  const system = writeSystem(dir);
  const texts = await everyOutput(dir);
  const report = JSON.parse(texts["stdout (json)"]);

  it("the test can see the hidden team's figures when they are allowed (minimum group size 3, the floor)", async () => {
    // One run does: its --out folder holds the Markdown, JSON and HTML reports, the charts and the CSV tables.
    const shown = await everyOutput(dir, ["--min-group-size", "3"], ["csv"]);
    expect(Object.values(shown).some((text) => HIDDEN_MEAN.test(text))).toBe(true);
  });

  it("no output shows the small team's mean", () => {
    expect(system.hiddenTeamMean).toBeCloseTo(7 / 6, 12);
    const leaks = Object.entries(texts)
      .filter(([, text]) => HIDDEN_MEAN.test(text))
      .map(([name, text]) => `${name}: …${text.match(HIDDEN_MEAN)![0]}…`);
    expect(leaks).toEqual([]);
    expect(Object.keys(texts).some((name) => name.endsWith(".csv"))).toBe(true);
  });

  it("a hidden entry in the JSON carries no statistic at all", () => {
    const hidden: Record<string, unknown>[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        if ((value as { suppressed?: unknown }).suppressed === true) hidden.push(value as Record<string, unknown>);
        Object.values(value).forEach(walk);
      }
    };
    walk(report.survey);
    expect(hidden.length).toBeGreaterThan(0);
    // Only labels (and the people.csv headcount, which is not survey data) may sit beside `suppressed: true`.
    for (const entry of hidden) {
      const numbers = Object.entries(entry).filter(
        ([key, v]) =>
          key !== "headcount" && (typeof v === "number" || (Array.isArray(v) && v.some((x) => typeof x === "number"))),
      );
      expect(numbers, JSON.stringify(entry)).toEqual([]);
    }
    const teamGroups = report.survey.scales[0].groups.filter((g: { value: string }) => g.value === system.hiddenTeam);
    expect(teamGroups.length).toBeGreaterThan(0);
    for (const g of teamGroups) expect(g.suppressed).toBe(true);
  });

  it("no hidden group can be recovered as the whole minus the shown groups (secondary suppression)", () => {
    for (const scale of report.survey.scales) {
      for (const wave of scale.waves.filter((w: { suppressed: boolean }) => !w.suppressed)) {
        for (const attribute of ["organisation", "team"]) {
          const groups = scale.groups.filter(
            (g: { attribute: string; wave?: string }) => g.attribute === attribute && g.wave === wave.wave,
          );
          if (!groups.some((g: { suppressed: boolean }) => g.suppressed)) continue;
          const shown = groups
            .filter((g: { suppressed: boolean }) => !g.suppressed)
            .reduce((sum: number, g: { n: number }) => sum + g.n, 0);
          const remainder = wave.n - shown;
          expect(
            remainder === 0 || remainder >= MIN,
            `${scale.id} ${wave.wave} by ${attribute}: ${remainder} people left over`,
          ).toBe(true);
        }
      }
    }
  });
});
