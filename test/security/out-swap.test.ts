// --out changes all at once or not at all (issue 13, items 9 and 15): the whole set is staged beside the folder and
// swapped in; a run that fails or is killed mid-write leaves the old set or the new one; links inside the folder are
// never followed; a replaced file keeps its mode; what killed runs left is cleaned up. (A deck file replaced the same
// way: test/report/pptx/cli.test.ts.)
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { BIN, runInProcess } from "../helpers/cli.js";
import { commitOutFolder } from "../../src/cli/out-folder.js";

const small = join(import.meta.dirname, "../fixtures/inputs/small");
const AT = "2026-11-23T06:00:00Z";
const AT2 = "2026-11-30T06:00:00Z";
const fresh = () => mkdtempSync(join(tmpdir(), "relaudit-swap-"));
/** A process id no process has (above Linux's largest pid_max). */
const DEAD_PID = 4_194_400;

/** The report set of `audit small --out DIR --generated-at AT`, made once: most tests start from it, copied. */
let previous: Promise<string> | undefined;
async function copyOfPreviousSet(out: string): Promise<void> {
  previous ??= (async () => {
    const made = join(fresh(), "previous");
    expect((await runInProcess(["audit", small, "--out", made, "--generated-at", AT])).code).toBe(0);
    return made;
  })();
  cpSync(await previous, out, { recursive: true });
}

function snapshot(dir: string): Record<string, string> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((name) =>
    lstatSync(join(dir, name)).isFile(),
  );
  return Object.fromEntries(files.sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

/** Entries named like relaudit's temporary files, beside the folder and inside it. */
function leftovers(dir: string): string[] {
  const beside = readdirSync(dirname(dir)).filter((n) => n.startsWith(`.${basename(dir)}.relaudit-`));
  const inside = (readdirSync(dir, { recursive: true }) as string[]).filter((n) =>
    /(^|\/)\.(relaudit-new|.*\.tmp$)/.test(n),
  );
  return [...beside, ...inside];
}

describe("--out as one change", () => {
  it("a write that fails half-way through the set leaves the old set, and no staging folder", async () => {
    const out = join(fresh(), "out");
    await copyOfPreviousSet(out);
    const before = snapshot(out);
    function* failing(): Generator<string> {
      yield "{";
      throw new Error("disk full");
    }
    expect(() =>
      commitOutFolder(out, [
        { path: "charts/new.svg", content: "<svg/>" },
        { path: "report.md", content: "# new" },
        { path: "report.json", content: failing() },
      ]),
    ).toThrow("disk full");
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it("keeps files others added (by hard link: same file) and a replaced report's mode and the folder's", async () => {
    const out = join(fresh(), "out");
    await copyOfPreviousSet(out);
    writeFileSync(join(out, "minutes.docx"), "board minutes");
    const inode = statSync(join(out, "minutes.docx")).ino;
    chmodSync(join(out, "report.json"), 0o600);
    chmodSync(out, 0o750);
    expect((await runInProcess(["audit", small, "--out", out, "--generated-at", "2026-11-24T06:00:00Z"])).code).toBe(0);
    expect(readFileSync(join(out, "report.json"), "utf8")).toContain("2026-11-24T06:00:00Z");
    expect(statSync(join(out, "report.json")).mode & 0o777).toBe(0o600);
    expect(statSync(out).mode & 0o777).toBe(0o750);
    expect(statSync(join(out, "minutes.docx")).ino).toBe(inode);
  });

  it("puts right what killed runs left: a swap cut between its renames, staging folders, stray temp files", async () => {
    const parent = fresh();
    const out = join(parent, "out");
    await copyOfPreviousSet(out);
    const old = snapshot(out);
    // Killed between the two renames: the old set is beside the folder, the folder is gone.
    const { renameSync } = await import("node:fs");
    renameSync(out, join(parent, `.out.relaudit-old-${DEAD_PID}-abc`));
    mkdirSync(join(parent, `.out.relaudit-new-${DEAD_PID}-def`));
    writeFileSync(join(parent, `.out.relaudit-new-${DEAD_PID}-def`, "report.json"), "{ half");
    // Not relaudit's, or of a live process: left alone.
    writeFileSync(join(parent, ".out.relaudit-new-notapid"), "keep");
    writeFileSync(join(parent, `.other.relaudit-new-${DEAD_PID}-abc`), "keep");
    // Killed first: the old set is back, the staging folder gone.
    const validate = await runInProcess(["audit", join(small, "nope"), "--out", out]);
    expect(validate.code).toBe(2);
    // A run with a bad input writes nothing, but the folder is already whole again for the next run to use.
    expect((await runInProcess(["audit", small, "--out", out, "--generated-at", AT])).code).toBe(0);
    expect(snapshot(out)).toEqual(old);
    writeFileSync(join(out, `.report.json.${DEAD_PID}.x1y2.tmp`), "{ half");
    writeFileSync(join(out, `.notes.txt.${DEAD_PID}.x1y2.tmp`), "not relaudit's");
    expect((await runInProcess(["audit", small, "--out", out, "--generated-at", AT])).code).toBe(0);
    expect(readdirSync(parent).sort()).toEqual([
      ".other.relaudit-new-" + DEAD_PID + "-abc",
      ".out.relaudit-new-notapid",
      "out",
    ]);
    expect(existsSync(join(out, `.report.json.${DEAD_PID}.x1y2.tmp`))).toBe(false);
    expect(existsSync(join(out, `.notes.txt.${DEAD_PID}.x1y2.tmp`))).toBe(true);
  });
});

describe("links inside --out are never followed (item 15)", () => {
  it("a charts link pointing outside: refused without --force; with --force the link is replaced, its target untouched", async () => {
    const parent = fresh();
    const out = join(parent, "out");
    const outside = join(parent, "outside");
    mkdirSync(outside);
    writeFileSync(join(outside, "precious.txt"), "keep");
    await copyOfPreviousSet(out);
    const chartNames = readdirSync(join(out, "charts"));
    expect(chartNames.length).toBeGreaterThan(0);
    for (const name of chartNames) writeFileSync(join(outside, name), "not a chart");
    const { rmSync } = await import("node:fs");
    rmSync(join(out, "charts"), { recursive: true });
    symlinkSync(outside, join(out, "charts"));
    const before = snapshot(outside);

    const refused = await runInProcess(["audit", small, "--out", out, "--generated-at", AT]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/charts is a symbolic link[\s\S]*never follows links/);
    expect(snapshot(outside)).toEqual(before);

    const forced = await runInProcess(["audit", small, "--out", out, "--generated-at", AT, "--force"]);
    expect(forced.code).toBe(0);
    expect(snapshot(outside)).toEqual(before);
    expect(lstatSync(join(out, "charts")).isDirectory()).toBe(true);
    expect(readdirSync(join(out, "charts")).sort()).toEqual(chartNames.sort());
  });

  it("a report.json link pointing outside is replaced by the report, its target untouched", async () => {
    const parent = fresh();
    const out = join(parent, "out");
    await copyOfPreviousSet(out);
    writeFileSync(join(parent, "target.json"), "keep");
    const { rmSync } = await import("node:fs");
    rmSync(join(out, "report.json"));
    symlinkSync(join(parent, "target.json"), join(out, "report.json"));
    expect((await runInProcess(["audit", small, "--out", out, "--generated-at", AT])).code).toBe(0);
    expect(readFileSync(join(parent, "target.json"), "utf8")).toBe("keep");
    expect(lstatSync(join(out, "report.json")).isFile()).toBe(true);
  });
});

/** Runs the built CLI (the new set: CSV tables too, another date) and SIGKILLs it `delayMs` after the staging folder appears beside --out (or when it ends). */
async function killedWhileWriting(out: string, delayMs: number): Promise<void> {
  // The folder is watched (inotify) from before the child starts rather than polled: polling in a loop kept a core
  // busy for the whole of the child's start-up, three times per run of the suite, and a watch sees it as soon.
  const staging = `.${basename(out)}.relaudit-new-`;
  let appeared!: () => void;
  const staged = new Promise<void>((resolve) => (appeared = resolve));
  const watcher = watch(dirname(out), (_event, name) => void ((name ?? staging).startsWith(staging) && appeared()));
  const child = spawn(process.execPath, [BIN, "audit", small, "--out", out, "--generated-at", AT2, "--format", "csv"], {
    env: { PATH: process.env.PATH, NO_COLOR: "1" },
    stdio: "ignore",
  });
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await Promise.race([staged, done]);
  watcher.close();
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill("SIGKILL");
  await done;
}

describe("SIGKILL while writing (built CLI)", () => {
  it("leaves the old set or the new set, whole, every time; the next run cleans up", async () => {
    const { rmSync } = await import("node:fs");
    const parent = fresh();
    const out = join(parent, "out");
    const pristine = join(parent, "pristine");
    const reference = join(parent, "reference");
    const newRun = (dir: string) =>
      runInProcess(["audit", small, "--out", dir, "--generated-at", AT2, "--format", "csv"]);
    await copyOfPreviousSet(pristine);
    cpSync(pristine, reference, { recursive: true });
    expect((await newRun(reference)).code).toBe(0);
    const oldSet = snapshot(pristine);
    const newSet = snapshot(reference);
    expect(newSet).not.toEqual(oldSet);
    for (const delay of [0, 2, 10]) {
      rmSync(out, { recursive: true, force: true });
      cpSync(pristine, out, { recursive: true });
      await killedWhileWriting(out, delay);
      // The folder is absent only if the kill fell between the two renames; the next run renames the old set back.
      if (existsSync(out)) expect([oldSet, newSet]).toContainEqual(snapshot(out));
      expect((await newRun(out)).code).toBe(0);
      expect(snapshot(out)).toEqual(newSet);
      expect(leftovers(out)).toEqual([]);
    }
  }, 300_000);
});
