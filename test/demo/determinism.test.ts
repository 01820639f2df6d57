import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateSystem, main } from "../../scripts/generate-demo.js";
import { FILES, generateTemp, removeDir } from "./read.js";

const ROOT = join(import.meta.dirname, "../..");
const COMMITTED = join(ROOT, "fixtures/demo");
const cli = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/generate-demo.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
const SMALL = { seed: 11, people: 150, weeks: 12, interactionsPerPersonWeek: 2 };

describe("demo generator determinism", () => {
  const dirs: string[] = [];
  let fresh: string;
  beforeAll(async () => {
    fresh = await generateTemp({});
    dirs.push(fresh);
  });
  afterAll(() => dirs.forEach(removeDir));

  it("writes byte-identical files for the same flags", async () => {
    const a = await generateTemp(SMALL);
    const b = await generateTemp(SMALL);
    dirs.push(a, b);
    // Buffer.equals, not toEqual: vitest compares a Buffer byte by byte in JavaScript (a second of CPU here).
    for (const file of FILES)
      expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), `${file} differs between the runs`).toBe(
        true,
      );
  });

  it("writes different data for a different seed", async () => {
    const a = await generateTemp(SMALL);
    const c = await generateTemp({ ...SMALL, seed: 12 });
    dirs.push(a, c);
    expect(readFileSync(join(c, "interactions.csv"), "utf8")).not.toBe(
      readFileSync(join(a, "interactions.csv"), "utf8"),
    );
    expect(readFileSync(join(c, "survey.csv"), "utf8")).not.toBe(readFileSync(join(a, "survey.csv"), "utf8"));
  });

  it("the committed fixtures/demo is exactly a fresh generation with default flags", () => {
    expect(readdirSync(COMMITTED).sort()).toEqual([...FILES].sort());
    for (const file of FILES) {
      // Compared as text so a failure names the file; any hand edit or generator change shows here.
      expect(
        readFileSync(join(COMMITTED, file), "utf8") === readFileSync(join(fresh, file), "utf8"),
        `${file} differs: run npm run demo:generate`,
      ).toBe(true);
    }
  });

  it("honours the size flags", async () => {
    const dir = await generateTemp({ ...SMALL, surveyResponses: 120 });
    dirs.push(dir);
    const lines = (file: string) => readFileSync(join(dir, file), "utf8").split("\n").length - 2;
    expect(lines("people.csv")).toBe(150);
    // 150 people × 12 weeks × 2 rows per person-week, less what the planted patterns remove.
    expect(lines("interactions.csv")).toBeGreaterThan(0.85 * 3600);
    expect(lines("interactions.csv")).toBeLessThan(1.1 * 3600);
    // Turnover keeps a few people from answering, so the target is approximate.
    expect(lines("survey.csv")).toBeGreaterThan(100);
    expect(lines("survey.csv")).toBeLessThanOrEqual(130);
    expect(lines("delivery.csv")).toBe(3 * 12);
  });

  it("rejects impossible sizes", async () => {
    await expect(generateSystem({ out: "unused", people: 20 })).rejects.toThrow(/--people/);
    await expect(generateSystem({ out: "unused", weeks: 4 })).rejects.toThrow(/--weeks/);
    await expect(generateSystem({ out: "unused", interactionsPerPersonWeek: 0 })).rejects.toThrow(
      /--interactions-per-person-week/,
    );
  });

  it("the command line maps its flags onto generateSystem", async () => {
    const viaCli = mkdtempSync(join(tmpdir(), "relaudit-demo-cli-"));
    const viaApi = await generateTemp(SMALL);
    dirs.push(viaCli, viaApi);
    // In process: the script's main() with its summary line kept off the test's output.
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const argv = [
      "--out",
      viaCli,
      "--seed",
      "11",
      "--people",
      "150",
      "--weeks",
      "12",
      "--interactions-per-person-week",
      "2",
    ];
    try {
      expect(await main(argv)).toBe(0);
    } finally {
      stderr.mockRestore();
    }
    for (const file of FILES)
      expect(readFileSync(join(viaCli, file), "utf8") === readFileSync(join(viaApi, file), "utf8"), file).toBe(true);
  });

  it("run as a command, rejects bad values with exit code 2", () => {
    // One start of the script itself (Node and tsx, a second of CPU): its exit code is the process's.
    const bad = cli(["--out", join(tmpdir(), "relaudit-demo-unwritten"), "--people", "many"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--people expects a number/);
  });
});
