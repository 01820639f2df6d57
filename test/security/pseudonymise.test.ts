// --pseudonymise covers every person id in every output. The outputs are searched for every raw id of the input, so
// a new person-level field or a message naming someone that pseudonymiseReport does not know about fails here.
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { runInProcess } from "../helpers/cli.js";
import { pseudonymiser, PSEUDONYMISED_NOTE } from "../../src/privacy/pseudonymise.js";
import { writeSystem } from "./system.js";

const KEY = "a-secret-key-for-relaudit-tests";
const env = { RELAUDIT_PSEUDONYM_KEY: KEY };
const fixedTime = ["--generated-at", "2026-11-23T06:00:00Z"];
const demo = join(import.meta.dirname, "../../fixtures/demo");

/** stdout (terminal format) and every file --out wrote, whatever formats exist by now. */
async function allOutputs(input: string, extra: string[], options: { env?: Record<string, string> } = {}) {
  const out = mkdtempSync(join(tmpdir(), "relaudit-pseudo-"));
  const result = await runInProcess(
    ["audit", input, "--out", out, "--format", "terminal", ...fixedTime, ...extra],
    options,
  );
  expect(result.stderr).not.toContain("unexpected error");
  expect(result.code).toBe(0);
  const texts: Record<string, string> = { stdout: result.stdout };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else texts[path.slice(out.length + 1)] = readFileSync(path, "utf8");
    }
  };
  walk(out);
  // The slide deck is a zip: its XML parts are searched too.
  const deck = join(out, "..", `${out.split("/").at(-1)}.pptx`);
  const slides = await runInProcess(
    ["audit", input, "--format", "pptx", "--out", deck, ...fixedTime, ...extra],
    options,
  );
  expect(slides.code, slides.stderr).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(deck));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml")))
    texts[`deck: ${name}`] = await zip.file(name)!.async("string");
  return texts;
}

const found = (texts: Record<string, string>, pattern: RegExp) =>
  Object.entries(texts).flatMap(([name, text]) => [...text.matchAll(pattern)].map((m) => `${name}: ${m[0]}`));

describe("--pseudonymise on a system with every kind of person-level output", () => {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-system-"));
  const system = writeSystem(dir);
  const personId = /\bu\d+zq\b/g;
  // The outputs without --pseudonymise, and with it, made once each: two tests read each.
  let plain: ReturnType<typeof allOutputs> | undefined;
  const plainOutputs = () => (plain ??= allOutputs(dir, []));
  let pseudonymised: ReturnType<typeof allOutputs> | undefined;
  const pseudonymisedOutputs = () => (pseudonymised ??= allOutputs(dir, ["--pseudonymise"], { env }));

  it("without it, person ids do appear (so the search below can find a leak)", async () => {
    const texts = await plainOutputs();
    const ids = new Set(found(texts, personId).map((hit) => hit.split(": ")[1]));
    expect(ids.size).toBeGreaterThan(system.personIds.length / 2);
    // The lone spanner who left is named in words by the key-person check, in every format.
    for (const name of ["stdout", "report.md", "report.json"]) expect(texts[name]).toMatch(/\bu2zq\b/);
    expect(Object.entries(texts).some(([name, text]) => name.startsWith("deck: ") && /\bu2zq\b/.test(text))).toBe(true);
  });

  it("with it, no output holds a raw person id, a respondent id or a comment", async () => {
    const texts = await pseudonymisedOutputs();
    expect(Object.keys(texts)).toEqual(expect.arrayContaining(["stdout", "report.md", "report.json"]));
    expect(found(texts, personId)).toEqual([]);
    expect(found(texts, /\b[rc]\d+zq\b/g)).toEqual([]);
    const alias = pseudonymiser(Buffer.from(KEY));
    for (const name of ["stdout", "report.md", "report.json"]) expect(texts[name]).toContain(alias("u2zq"));
    const report = JSON.parse(texts["report.json"]);
    // Listed by pseudonym, so the order shows nothing of the input's order.
    expect(report.network.people.map((p: { id: string }) => p.id)).toEqual(system.personIds.map(alias).sort());
  });

  it("relaudit signals applies it too, to its terminal output and every file it writes", async () => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-signals-pseudo-"));
    const run = await runInProcess(["signals", dir, "--pseudonymise", "--out", out, "--format", "json"], { env });
    expect(run.code, run.stderr).toBe(0);
    const texts: Record<string, string> = { stdout: run.stdout };
    for (const name of readdirSync(out)) texts[name] = readFileSync(join(out, name), "utf8");
    expect(found(texts, /\b[ucr]\d+zq\b/g)).toEqual([]);
    expect(JSON.parse(run.stdout).notes).toContain(PSEUDONYMISED_NOTE);
  });

  it("respondent ids and comments never appear, even without it", async () => {
    expect(found(await plainOutputs(), /\b[rc]\d+zq\b/g)).toEqual([]);
  });

  it("is stable for a key, differs between keys, and reads the key from a file (final newline ignored)", async () => {
    // Two runs with one key: the report.json of the outputs above and the JSON on stdout (the same bytes by design).
    const first = (await pseudonymisedOutputs())["report.json"];
    const again = await runInProcess(["audit", dir, "--format", "json", "--pseudonymise", ...fixedTime], { env });
    expect(again.stdout).toBe(first);
    const keyFile = join(dir, "..", `${Date.now()}-relaudit.key`);
    writeFileSync(keyFile, `${KEY}\n`);
    const fromFile = await runInProcess([
      "audit",
      dir,
      "--format",
      "json",
      "--pseudonym-key-file",
      keyFile,
      ...fixedTime,
    ]);
    expect(fromFile.stdout).toBe(first);
    const other = await runInProcess(["audit", dir, "--format", "json", "--pseudonymise", ...fixedTime], {
      env: { RELAUDIT_PSEUDONYM_KEY: "a-different-key-of-enough-length" },
    });
    const ids = (text: string) => JSON.parse(text).network.people.map((p: { id: string }) => p.id);
    expect(ids(other.stdout)).toHaveLength(system.personIds.length);
    const withOurKey = ids(first);
    expect(ids(other.stdout).filter((id: string, i: number) => id === withOurKey[i])).toEqual([]);
  });

  it("refuses to run without a key or with a short one (exit 2, nothing written)", async () => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-nokey-"));
    const none = await runInProcess(["audit", dir, "--pseudonymise", "--out", out]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("RELAUDIT_PSEUDONYM_KEY");
    const short = await runInProcess(["audit", dir, "--pseudonymise", "--out", out], {
      env: { RELAUDIT_PSEUDONYM_KEY: "short" },
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/too short[\s\S]*at least 16 bytes/);
    const missing = await runInProcess(["audit", dir, "--pseudonym-key-file", join(out, "nope.key"), "--out", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.key");
    expect(readdirSync(out)).toEqual([]);
  });
});

describe.skipIf(!existsSync(demo))("--pseudonymise on the demo system", () => {
  it("leaves no demo person id (P0001…) or respondent id (R0001…) in any output", async () => {
    const ids = readFileSync(join(demo, "people.csv"), "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0])
      .filter(Boolean);
    expect(ids.every((id) => /^P\d{4}$/.test(id))).toBe(true);
    // --detail full: every person of the network is in the report, so every id is put through the pseudonyms.
    const texts = await allOutputs(demo, ["--pseudonymise", "--detail", "full"], { env });
    expect(found(texts, /\b[PR]\d{4}\b/g)).toEqual([]);
    expect(JSON.parse(texts["report.json"]).network.people).toHaveLength(ids.length);
  });
});
