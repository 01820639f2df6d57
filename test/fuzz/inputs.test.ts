// Random and damaged input files through the whole CLI (in process). Whatever the bytes, relaudit ends with exit 0
// (a report, schema-valid, written whole) or exit 2 (every problem names its file, and its line when it is about a
// row; nothing written) — never an unhandled exception (exit 3). RELAUDIT_FUZZ_RUNS raises the run count (npm run fuzz).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { runInProcess } from "../helpers/cli.js";
import { propertyRuns } from "../helpers/size.js";

// 60 whole-CLI cases in npm test (each a fresh folder and an audit in process), 240 at full size; npm run fuzz: 3000.
const RUNS = propertyRuns(60, 240);
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../../schema/report.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
addFormats.default(ajv);
const validateReport = ajv.compile(schema);

type Kind = "people" | "interactions" | "survey" | "delivery" | "events";

type Role = "id" | "date" | "number" | "text";
// Column names as exports write them (aliases, odd case), with what each holds.
const COLUMNS: Record<Kind, [string[], Role][]> = {
  people: [
    [["id", "Staff_ID", "email", "PersonId"], "id"],
    [["organisation", "Team"], "text"],
    [["joined", "left"], "date"],
  ],
  interactions: [
    [["from", "sender", "PrimaryCollaborator_PersonId"], "id"],
    [["to", "recipient", "SecondaryCollaborator_PersonId"], "id"],
    [["timestamp", "date", "MetricDate"], "date"],
    [["weight", "count"], "number"],
    [["channel"], "text"],
  ],
  survey: [
    [["respondent"], "text"],
    [["wave"], "text"],
    [["organisation"], "text"],
    [["PS1"], "number"],
    [["PS2"], "number"],
  ],
  delivery: [
    [["metric"], "text"],
    [["date", "period"], "date"],
    [["value"], "number"],
    [["organisation"], "text"],
  ],
  events: [
    [["event"], "text"],
    [["date"], "date"],
    [["person", "attendee"], "id"],
  ],
};

const ids = fc.constantFrom(
  "A",
  "B",
  "C",
  "p-1",
  "Zoë",
  "محمد",
  "דוד",
  "e\u0301",
  "👩🏽‍⚕️",
  "  A  ",
  "",
  "NA",
  "=cmd|' /C calc'!A0",
  "a,b",
  'say "hi"',
);
const dates = fc.constantFrom(
  "2026-05-04",
  "2026-05-04T09:30:00Z",
  "2026-03-29T01:30:00", // inside the spring-forward gap in Europe/London
  "2026-10-25T01:30:00", // the autumn hour that happens twice in Europe/London
  "2025-12-31T23:59:59Z",
  "2026-01-01T00:00:00+14:00",
  "2020-02-29",
  "2026-02-30",
  "2026-W53",
  "2026-W01",
  "2026-12",
  "31/12/2025",
  "12/31/2025",
  "04/05/2026",
  "24:00",
  "",
  "NA",
);
const numbers = fc.constantFrom(
  "1",
  "0",
  "4.5",
  "4,5",
  "1 234",
  "1,234",
  "1\u00a0234",
  "-1",
  "1e3",
  "NaN",
  "Infinity",
  "١٢",
  "",
  "NA",
  "Agree",
  "Strongly agree",
);
const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "x".repeat(300_000),
      '"quoted, with ""quotes"" and\nnewline"',
      "\u202Eevil\u202C",
      "\u0000\u001b[2J",
      "| pipe |",
    ),
  },
);
const typed: Record<Role, fc.Arbitrary<string>> = { id: ids, date: dates, number: numbers, text };
const anyCell = fc.oneof(
  { weight: 3, arbitrary: ids },
  { weight: 2, arbitrary: dates },
  { weight: 2, arbitrary: numbers },
  { weight: 3, arbitrary: text },
);
/** Mostly the value a column is meant to hold (often valid), sometimes anything. */
const cellFor = (role: Role) => fc.oneof({ weight: 8, arbitrary: typed[role] }, { weight: 1, arbitrary: anyCell });

/** A CSV document: a plausible header for the kind (plus odd extra columns) and rows of mixed values. */
const documentArbitrary = fc
  .record({
    kind: fc.constantFrom<Kind>("people", "interactions", "survey", "delivery", "events"),
    aliasSeed: fc.nat(),
    upperCase: fc.boolean(),
    extraColumns: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.string({ maxLength: 6 }).map((c) => `x_${c}`) },
        { weight: 1, arbitrary: fc.constantFrom("", "id", "Organisation", "a;b", "col\twith tab") },
      ),
      { maxLength: 3 },
    ),
  })
  .chain((head) => {
    const roles = [...COLUMNS[head.kind].map(([, role]) => role), ...head.extraColumns.map((): Role => "text")];
    const row = fc.oneof(
      { weight: 12, arbitrary: fc.tuple(...roles.map(cellFor)) },
      { weight: 1, arbitrary: fc.array(anyCell, { maxLength: roles.length + 2 }) },
    );
    return fc.record({
      ...Object.fromEntries(Object.entries(head).map(([k, v]) => [k, fc.constant(v)])),
      rows: fc.array(row, { maxLength: 12 }),
      delimiter: fc.constantFrom(",", ";", "\t"),
      quoting: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("needed", "all") },
        { weight: 1, arbitrary: fc.constant("none") },
      ),
      lineEnds: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(["\n"], ["\r\n"]) },
        { weight: 1, arbitrary: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 2, maxLength: 3 }) },
      ),
      bom: fc.constantFrom("none", "utf-8", "utf-16le"),
      mutation: fc.oneof(
        { weight: 6, arbitrary: fc.constant({ type: "none" as const }) },
        {
          weight: 1,
          arbitrary: fc.record({
            type: fc.constant("truncate" as const),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            type: fc.constant("flip" as const),
            at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
            byte: fc.integer({ min: 0, max: 255 }),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            type: fc.constant("insert" as const),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
          }),
        },
      ),
      flags: fc.subarray([
        ["--skip-invalid-rows"],
        ["--time-zone", "Europe/London"],
        ["--date-format", "dd/mm/yyyy"],
        ["--period", "month"],
        ["--undirected"],
      ]),
    }) as fc.Arbitrary<
      typeof head & {
        rows: string[][];
        delimiter: string;
        quoting: string;
        lineEnds: string[];
        bom: string;
        mutation: Mutation;
        flags: string[][];
      }
    >;
  });

type Mutation =
  | { type: "none" }
  | { type: "truncate"; at: number }
  | { type: "flip"; at: number[]; byte: number }
  | { type: "insert"; at: number; bytes: Uint8Array };
type Document = typeof documentArbitrary extends fc.Arbitrary<infer T> ? T : never;

function serialise(doc: Document): Uint8Array {
  const header = COLUMNS[doc.kind]
    .map(([aliases], i) => aliases[(doc.aliasSeed + i) % aliases.length])
    .map((c) => (doc.upperCase ? c.toUpperCase() : c));
  const quote = (field: string) => {
    const special = field.includes(doc.delimiter) || /["\r\n]/.test(field);
    if (doc.quoting === "all" || (doc.quoting === "needed" && special)) return `"${field.replace(/"/g, '""')}"`;
    return field;
  };
  const lines = [[...header, ...doc.extraColumns], ...doc.rows].map((row) => row.map(quote).join(doc.delimiter));
  const text = lines.map((line, i) => line + doc.lineEnds[i % doc.lineEnds.length]).join("");
  let bytes: Uint8Array =
    doc.bom === "utf-16le"
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
      : Buffer.from(doc.bom === "utf-8" ? `\ufeff${text}` : text, "utf8");
  const m = doc.mutation;
  const pos = (at: number) => Math.floor(at * bytes.length);
  if (m.type === "truncate") bytes = bytes.subarray(0, pos(m.at));
  if (m.type === "flip") {
    bytes = Uint8Array.from(bytes);
    for (const at of m.at) if (bytes.length) bytes[Math.min(pos(at), bytes.length - 1)] = m.byte;
  }
  if (m.type === "insert") bytes = Buffer.concat([bytes.subarray(0, pos(m.at)), m.bytes, bytes.subarray(pos(m.at))]);
  return bytes;
}

// Problems about a whole file or setting rather than a row: they name the file (or flag) but no line.
const WHOLE_FILE = [
  "the file is empty",
  "cannot read the file",
  "the file has no header row",
  "no people: the file has a header but no rows",
  "no interactions: the file has a header but no rows",
  "is invalid and was left out",
  "events need people",
  "the file is not valid utf-16",
];

async function runDocument(doc: Document) {
  const dir = mkdtempSync(join(tmpdir(), "relaudit-fuzz-"));
  const file = join(dir, `${doc.kind}.csv`);
  writeFileSync(file, serialise(doc));
  const args = [`--${doc.kind}`, file];
  if (doc.kind === "events") {
    writeFileSync(join(dir, "people.csv"), "id,organisation\nA,North\nB,South\nC,South\n");
    args.push("--people", join(dir, "people.csv"));
  }
  if (doc.kind === "survey") {
    writeFileSync(
      join(dir, "relaudit.config.json"),
      JSON.stringify({
        answerLabels: { Agree: 4, "Strongly agree": 5 },
        scales: { ps: { items: ["PS1", "PS2"], min: 1, max: 5 } },
      }),
    );
    args.push("--config", join(dir, "relaudit.config.json"));
  }
  const out = join(dir, "out");
  const result = await runInProcess([
    "audit",
    ...args,
    "--out",
    out,
    "--format",
    "json",
    "--generated-at",
    "2026-11-23T06:00:00Z",
    ...doc.flags.flat(),
  ]);
  return { ...result, file, out };
}

function checkOutcome({ code, stdout, stderr, file, out }: Awaited<ReturnType<typeof runDocument>>) {
  expect(stderr, stderr).not.toContain("unexpected error");
  expect([0, 2]).toContain(code);
  const written = (() => {
    try {
      return readdirSync(out).sort();
    } catch {
      return [];
    }
  })();
  if (code === 2) {
    expect(stdout).toBe("");
    expect(written).toEqual([]);
    const paragraphs = stderr
      .replace(/^relaudit: [^\n]*\n\n/, "")
      .trimEnd()
      .split("\n\n");
    for (const p of paragraphs) {
      const first = p.split("\n")[0];
      if (first.startsWith("more problems like ")) continue;
      const named = first.startsWith(file) || first.startsWith(join(file, "..", "people.csv"));
      expect(named, `problem does not name the file:\n${p}`).toBe(true);
      if (!WHOLE_FILE.some((m) => first.includes(m)))
        // A problem seen in several rows names its first lines instead ("(3 times, first on lines 4, 9, 12)").
        expect(first, `problem about a row without its line:\n${p}`).toMatch(/, line \d+|first on lines? \d+/);
    }
    return;
  }
  const report = JSON.parse(stdout);
  expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
  expect(written).toEqual([".relaudit-output.json", "report.html", "report.json", "report.md"]);
  expect(readFileSync(join(out, "report.json"), "utf8")).toBe(stdout);
}

describe("any input file", () => {
  it("ends in a report or a clear input error, never a crash or a half-written output", async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async (doc) => checkOutcome(await runDocument(doc))),
      { numRuns: RUNS },
    );
  });

  it("the same holds for raw random bytes", async () => {
    const kinds = fc.constantFrom<Kind>("people", "interactions", "delivery");
    await fc.assert(
      fc.asyncProperty(kinds, fc.uint8Array({ maxLength: 400 }), async (kind, bytes) => {
        const dir = mkdtempSync(join(tmpdir(), "relaudit-bytes-"));
        const file = join(dir, `${kind}.csv`);
        writeFileSync(file, bytes);
        const out = join(dir, "out");
        const result = await runInProcess(["audit", `--${kind}`, file, "--out", out, "--format", "json"]);
        checkOutcome({ ...result, file, out });
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
