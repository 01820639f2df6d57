// The interactions loader reads plain rows straight from their bytes (src/load/interactions-bytes.ts) or their line
// (src/load/interactions.ts plainLineReader) and leaves every other row to the general row consumer. Whatever the
// mix of rows and wherever the read chunks end, the loaded ties (with their channels and periods, in order), the
// roster, the counts, the warnings and every problem must be exactly what the general consumer alone gives:
// csv-parse is forced to read the reference, which has no line reader; the text path (no byte reader) must agree too.
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../helpers/size.js";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "../../src/model/config.js";
import type { LoadContext } from "../../src/load/context.js";
import { loadInteractions } from "../../src/load/interactions.js";
import { ProblemLog } from "../../src/model/problems.js";
import { comparableLoad, rosterOf } from "../helpers/interactions-load.js";

const RUNS = propertyRuns(50, 250);

const KNOWN = ["P1", "P2", "P3", "Zoë", "p-4"];
const mostly = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: odd });
// Non-ASCII ids are rarer, as a file's first one sends the rest of it to the text path.
const id = mostly(
  fc.constantFrom(...KNOWN.filter((k) => k !== "Zoë")),
  fc.constantFrom("Zoë", "P9", " P1", "P2 ", "", "NA", "\u00a0P3", "P1\u00a0", "X y"),
);
const timestamp = mostly(
  fc.constantFrom(
    "2026-05-04T09:30:00Z",
    "2026-05-05T23:59:59Z",
    "2026-05-11 08:00:00",
    "2026-06-01",
    "2026-03-29T01:30:00",
    "",
  ),
  fc.constantFrom(
    "2026-02-30T10:00:00Z",
    "2026-05-04T24:00:00Z",
    "04/05/2026",
    "2026-05-04T09:30:00+01:00",
    "2026-05-04T09:30:00.250Z",
    "NA",
    " 2026-05-04",
    "yesterday",
  ),
);
const count = mostly(
  fc.constantFrom("", "1", "1", "2", "15", "0", "0007"),
  fc.constantFrom("2.5", "1,5", "-1", "NA", "x", " 3", "1e2", "1234567890123456"),
);
const channel = fc.constantFrom("email", "Email", " meeting ", "1:1", "", "HUDDLE", "chat");
const COLUMNS = ["from", "to", "timestamp", "channel", "weight", "duration_minutes", "note"] as const;

const rows = fc.array(
  fc.oneof(
    {
      weight: 20,
      arbitrary: fc.record({
        from: id,
        to: id,
        timestamp,
        channel,
        weight: count,
        duration_minutes: count,
        note: fc.constantFrom("", "ok"),
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom("blank", "ragged", "spaces") },
  ),
  { minLength: 1, maxLength: 30 },
);
const shape = fc
  .record({
    columns: fc.shuffledSubarray([...COLUMNS], { minLength: 2 }).filter((c) => c.includes("from") && c.includes("to")),
    delimiter: fc.constantFrom(",", ";", "\t"),
    withPeople: fc.boolean(),
    skipInvalidRows: fc.boolean(),
    timeZone: fc.constantFrom("UTC", "Europe/London"),
    period: fc.constantFrom<"week" | "month">("week", "month"),
    chunkBytes: fc.constantFrom(undefined, 5, 64),
    window: fc.constantFrom<[number | null, number | null]>(
      [null, null],
      [Date.UTC(2026, 4, 5), null],
      [null, Date.UTC(2026, 4, 11)],
    ),
    rows,
    // Half the files are ASCII throughout, so the byte reader reads whole files, not only up to a handover.
    ascii: fc.boolean(),
  })
  .map((s) => (s.ascii ? { ...s, rows: s.rows.map(asciiOnly) } : s));

function asciiOnly<T>(row: T): T {
  if (typeof row === "string") return row;
  return Object.fromEntries(
    Object.entries(row as object).map(([k, v]) => [k, String(v).replace(/[^\x00-\x7f]/g, "")]),
  ) as T;
}

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

/** Rows the line reader should take: known ids as written, an ISO timestamp or none, whole numbers or none. */
const PLAIN_TIMESTAMPS = new Set([
  "2026-05-04T09:30:00Z",
  "2026-05-05T23:59:59Z",
  "2026-05-11 08:00:00",
  "2026-06-01",
  "2026-03-29T01:30:00",
  "",
]);
const isPlain = (r: Record<string, string>, s: Shape) =>
  KNOWN.includes(r.from) &&
  KNOWN.includes(r.to) &&
  (!s.columns.includes("timestamp") || PLAIN_TIMESTAMPS.has(r.timestamp)) &&
  s.columns.filter((c) => c === "weight" || c === "duration_minutes").every((c) => /^\d{0,15}$/.test(r[c])) &&
  s.columns.every((c) => !String(r[c]).includes(s.delimiter));

const load = (path: string, s: Shape, parser: "auto" | "text" | "csv-parse") =>
  comparableLoad(path, { ...s, people: s.withPeople ? rosterOf(KNOWN) : null, parser });

describe("interactions: rows read from their line equal rows read from fields", () => {
  it(
    "on generated files of plain and irregular rows",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "relaudit-plain-rows-"));
      let n = 0;
      let plainRows = 0;
      let allRows = 0;
      await fc.assert(
        fc.asyncProperty(shape, async (s) => {
          const header = s.columns.join(s.delimiter);
          const lines = s.rows.map((r) => {
            if (r === "blank") return "";
            if (r === "spaces") return s.columns.map(() => " ").join(s.delimiter);
            if (r === "ragged") return [...s.columns, "extra"].map(() => "P1").join(s.delimiter);
            return s.columns.map((c) => r[c]).join(s.delimiter);
          });
          for (const r of s.rows) {
            if (typeof r === "string") continue;
            allRows++;
            if (isPlain(r, s)) plainRows++;
          }
          const path = join(dir, `i${n++}.csv`);
          writeFileSync(path, [header, ...lines].join("\n") + "\n");
          const fast = await load(path, s, "auto");
          const reference = await load(path, s, "csv-parse");
          expect(fast).toEqual(reference);
          expect(await load(path, s, "text")).toEqual(reference);
        }),
        { numRuns: RUNS },
      );
      rmSync(dir, { recursive: true, force: true });
      // The generator must give the line reader plenty to read, not only rows it hands back.
      expect(plainRows).toBeGreaterThan(allRows / 8);
    },
    300_000 + RUNS * 100,
  );

  it("a clean file: ties counted by hand (200 rows cycling over three pairs)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relaudit-plain-rows-"));
    const path = join(dir, "clean.csv");
    writeFileSync(
      path,
      [
        "from,to,timestamp,channel,weight",
        ...Array.from({ length: 200 }, (_, i) => `P${1 + (i % 3)},P${1 + ((i + 1) % 3)},2026-05-04T09:00:00Z,email,1`),
      ].join("\n"),
    );
    const timing = { modelMs: 0 };
    const problems = new ProblemLog();
    const ctx: LoadContext = {
      config: DEFAULT_CONFIG,
      csv: { timing },
      period: "week",
      window: { since: null, until: null },
      problems,
      files: [],
      warnings: [],
    };
    const { interactions } = await loadInteractions(path, rosterOf(KNOWN), ctx);
    expect(interactions.rows).toBe(200);
    expect(interactions.ties.map((t) => [t.from, t.to, t.weight])).toEqual([
      [0, 1, 67],
      [1, 2, 67],
      [2, 0, 66],
    ]);
  });
});
