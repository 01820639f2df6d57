// End to end: the built binary, as a user or a scheduled job runs it. The many bad-input and encoding cases run in
// process through run() (the function the binary calls); one of them, and the runs that write files, go through the
// built binary.
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { ROOT, runBuilt, runInProcess, type CliResult } from "../helpers/cli.js";
import { golden, goldenDemo } from "../helpers/demo.js";

const csv = (name: string) => join(ROOT, "test/fixtures/csv", name);
const small = join(ROOT, "test/fixtures/inputs/small");
const demo = join(ROOT, "fixtures/demo");
const AT = "2026-11-23T06:00:00Z";

const schema = JSON.parse(readFileSync(join(ROOT, "schema/report.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
addFormats.default(ajv);
const validateReport = ajv.compile(schema);

function expectValidReport(json: string) {
  const report = JSON.parse(json);
  const ok = validateReport(report);
  expect(ok, JSON.stringify(validateReport.errors?.slice(0, 5), null, 2)).toBe(true);
  return report;
}

describe("the built CLI", () => {
  it("--help works right after a build", () => {
    const { code, stdout } = runBuilt(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("audit [options] [dir]");
  });

  // One run of the binary, read by both tests below (each run is a Node start and an audit). The input's path is
  // relative to the root, as golden.test.ts audits it in process in the same run.
  let first: CliResult | undefined;
  const json = () =>
    (first ??= runBuilt(["audit", "test/fixtures/inputs/small", "--format", "json", "--generated-at", AT]));

  it("JSON output validates against schema/report.schema.json", () => {
    const { code, stdout, stderr } = json();
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expectValidReport(stdout);
  });

  it("the same input and --generated-at give byte-identical output: the built binary's is the golden copy", () => {
    // The golden copy is the committed file that golden.test.ts holds run() to in this same test run. This used to
    // start the binary twice and compare the two; comparing the bundle's output with the golden file instead also
    // pins it to the source's output, and starts the binary once.
    const { code, stdout } = json();
    expect({ code, stdout }).toEqual(golden("small.audit.json"));
  });
});

describe("the demo system's JSON", () => {
  // The demo's JSON from the CLI: the golden copy, which golden.test.ts proves is what `audit fixtures/demo --format
  // json` prints. The demo is audited with --out in test/report/demo-outputs.test.ts and, by the binary installed from the
  // packed tarball, in test/e2e/install.test.ts.
  it.skipIf(!existsSync(demo))("validates against the schema", () => {
    const { code, stdout } = goldenDemo("audit", "json");
    expect(code).toBe(0);
    const report = expectValidReport(stdout);
    expect(report.inputs.files.map((f: { kind: string }) => f.kind)).toEqual(
      expect.arrayContaining(["people", "interactions", "survey", "delivery", "events"]),
    );
  });
});

describe("bad input: exit 2, file and line in the message, no stack trace, no partial output", () => {
  const cases: [string, string[], RegExp][] = [
    ["ragged row", ["--people", csv("ragged.csv")], /ragged\.csv, line 3: this row has a different number of fields/],
    [
      "unclosed quote",
      ["--people", csv("unclosed-quote.csv")],
      /unclosed-quote\.csv, line \d+: the file is not well-formed CSV/,
    ],
    [
      "Windows-1252 without the flag",
      ["--people", csv("windows-1252.csv")],
      /windows-1252\.csv, line 3: the file is not valid UTF-8[\s\S]*--encoding windows-1252/,
    ],
    ["empty file", ["--people", csv("empty.csv")], /empty\.csv: the file is empty/],
    ["header only", ["--people", csv("header-only.csv")], /header-only\.csv: no people/],
    [
      "duplicate ids",
      ["--people", csv("duplicate-ids.csv")],
      /duplicate-ids\.csv, line 4, column "id": duplicate person id "A"[\s\S]*also on line 2/,
    ],
    ["missing id column", ["--people", csv("missing-id.csv")], /missing-id\.csv, line 1: missing required column "id"/],
    [
      "duplicate header",
      ["--people", csv("duplicate-header.csv")],
      /duplicate-header\.csv, line 1, column 3: duplicate column name/,
    ],
    ["missing file", ["--people", csv("nope.csv")], /nope\.csv: cannot read the file/],
    ["no such folder", [join(ROOT, "no-such-folder")], /no-such-folder: no such folder/],
  ];

  /** Each case refused: exit 2, the message, no stack frames, nothing on stdout and nothing written. */
  const expectRefused = ({ code, stdout, stderr }: CliResult, out: string, message: RegExp) => {
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack frames
    expect(stdout).toBe("");
    expect(readdirSync(out)).toEqual([]);
  };

  // In process: the same run() the binary calls, without starting Node nineteen times.
  it.each(cases)("%s", async (_name, args, message) => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-bad-"));
    expectRefused(await runInProcess(["audit", ...args, "--out", out]), out, message);
  });

  it("the built binary refuses the same way (exit code, message, no stack trace)", () => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-bad-"));
    const [, args, message] = cases[0];
    expectRefused(runBuilt(["audit", ...args, "--out", out]), out, message);
  });

  it("a failed run leaves the previous report intact", async () => {
    const out = mkdtempSync(join(tmpdir(), "relaudit-keep-"));
    const at = ["--generated-at", AT];
    // --png: the bundle loads resvg's native module and writes a PNG beside every SVG (the PNGs' size, twice the
    // SVG's, is checked in process for one chart of each kind in test/report/demo-outputs.test.ts).
    expect(runBuilt(["audit", small, "--out", out, "--png", ...at]).code).toBe(0);
    const svgs = readdirSync(join(out, "charts")).filter((f) => f.endsWith(".svg"));
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs)
      expect(
        readFileSync(join(out, "charts", svg.replace(/\.svg$/, ".png")))
          .subarray(1, 4)
          .toString(),
      ).toBe("PNG");
    // The bundle draws the charts the source draws: Vega and Vega-Lite are bundled on their own (dist/charts.js), so a
    // change that only the build makes would show here and in no in-process test.
    const fromSource = mkdtempSync(join(tmpdir(), "relaudit-keep-source-"));
    expect((await runInProcess(["audit", small, "--out", fromSource, ...at])).code).toBe(0);
    for (const svg of svgs)
      expect(readFileSync(join(out, "charts", svg), "utf8"), svg).toBe(
        readFileSync(join(fromSource, "charts", svg), "utf8"),
      );
    const before = readFileSync(join(out, "report.json"), "utf8");
    const broken = mkdtempSync(join(tmpdir(), "relaudit-broken-"));
    cpSync(small, broken, { recursive: true });
    writeFileSync(join(broken, "people.csv"), "id,organisation\nP1,A\nP1,B\n");
    expect(runBuilt(["audit", broken, "--out", out]).code).toBe(2);
    expect(readFileSync(join(out, "report.json"), "utf8")).toBe(before);
    expect(readdirSync(out).sort()).toEqual([
      ".relaudit-output.json",
      "charts",
      "report.html",
      "report.json",
      "report.md",
    ]);
  });

  it("reads Windows-1252 with --encoding windows-1252", async () => {
    const { code, stdout } = await runInProcess([
      "audit",
      "--people",
      csv("windows-1252.csv"),
      "--encoding",
      "windows-1252",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inputs.files[0].encoding).toBe("windows-1252");
  });

  it.each([
    "utf8-bom.csv",
    "utf16le-bom.tsv",
    "utf16be-bom.tsv",
    "semicolon.csv",
    "crlf.csv",
    "quoted-newlines.csv",
    "blank-trailing-lines.csv",
  ])("accepts %s", async (name) => {
    const { code, stdout, stderr } = await runInProcess(["audit", "--people", csv(name), "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inputs.files[0].rows).toBe(3);
  });

  it("--debug shows the stack of an input error for developers", async () => {
    const { stderr } = await runInProcess(["audit", "--people", csv("ragged.csv"), "--debug"]);
    expect(stderr).toMatch(/\n\s+at /);
  });
});
