// The same inputs and --generated-at give byte-identical outputs, whatever the machine's time zone or locale, and
// whatever the order of rows where order carries no meaning (see docs/security.md for which files that is).
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keepDrawings } from "../../src/report/charts/latest.js";
import { runBuilt, runInProcess } from "../helpers/cli.js";
import { mulberry32, writeSystem } from "./system.js";

const fixedTime = ["--generated-at", "2026-11-23T06:00:00Z"];

function outputs(dir: string): Record<string, string> {
  const texts: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else texts[path.slice(dir.length + 1)] = readFileSync(path, "latin1");
    }
  };
  walk(dir);
  return texts;
}

/** A copy of `dir` with the data rows of `file` in a seeded random order (the header stays first). */
function shuffledCopy(dir: string, file: string, seed: number): string {
  const copy = mkdtempSync(join(tmpdir(), "relaudit-shuffled-"));
  cpSync(dir, copy, { recursive: true });
  const [header, ...rows] = readFileSync(join(dir, file), "utf8").trimEnd().split("\n");
  const random = mulberry32(seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  writeFileSync(join(copy, file), `${[header, ...rows].join("\n")}\n`);
  return copy;
}

describe("determinism", async () => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-determinism-"));
  writeSystem(dir, { seed: 11 });
  const audit = async (input: string, format: string) => {
    const { code, stdout } = await runInProcess(["audit", input, "--format", format, ...fixedTime]);
    expect(code).toBe(0);
    return stdout.replaceAll(input, "<input>");
  };
  const json = await audit(dir, "json");
  const markdown = await audit(dir, "markdown");

  it("two runs write byte-identical files: reports, charts and tables", async () => {
    const [a, b] = [join(dir, "out-a"), join(dir, "out-b")];
    // Both runs draw their charts, as two CLI runs would: none kept from the first run (or an earlier test file).
    const kept = keepDrawings(0);
    try {
      for (const out of [a, b])
        expect((await runInProcess(["audit", dir, "--format", "csv", "--out", out, ...fixedTime])).code).toBe(0);
    } finally {
      keepDrawings(kept);
    }
    const [first, second] = [outputs(a), outputs(b)];
    expect(Object.keys(first).length).toBeGreaterThan(3);
    expect(second).toEqual(first);
  });

  it("the machine's time zone and locale change nothing", () => {
    const machines: Record<string, string>[] = [
      { TZ: "Pacific/Chatham", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
      { TZ: "America/St_Johns", LANG: "ar_EG.UTF-8" },
    ];
    for (const env of machines) {
      const built = runBuilt(["audit", dir, "--format", "json", ...fixedTime], { env });
      expect(built.code).toBe(0);
      expect(built.stdout.replaceAll(dir, "<input>")).toBe(json);
    }
  });

  it.each(["interactions.csv", "events.csv", "delivery.csv", "survey.csv"])(
    "shuffling the rows of %s changes no byte",
    async (file) => {
      const copy = shuffledCopy(dir, file, 5);
      expect(readFileSync(join(copy, file), "utf8")).not.toBe(readFileSync(join(dir, file), "utf8"));
      expect(await audit(copy, "json")).toBe(json);
      expect(await audit(copy, "markdown")).toBe(markdown);
    },
  );
});
